// Test oracle: the ajv-based SchemaValidator that generator/load/schema-validator.ts replaced, kept verbatim
// (renamed AjvSchemaValidator) so the walker is compared against it.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formatsModule from "ajv-formats";
import { isObject, type ResolvedRef } from "../../generator/load/types.js";
import type { Resolve } from "../../generator/load/refs.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = formatsModule as unknown as typeof formatsModule.default;

const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
const DROPPED_KEYS = new Set(["nullable", "discriminator", "xml", "externalDocs", "$id", "$schema", "id"]);
const REF_BASE = "https://specsmith.invalid/ref/";

export interface ExampleError {
  /** JSON pointer inside the example value. */
  instancePath: string;
  message: string;
}

export class AjvSchemaValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, inlineRefs: false });
  private readonly compiled = new WeakMap<object, ValidateFunction>();
  private readonly refIds = new Map<string, string>();

  constructor(private readonly resolve: Resolve) {
    addFormats(this.ajv);
  }

  /** Errors of `value` against the schema written in `fromRel` ([] when valid); throws when the schema is broken. */
  validate(schema: unknown, fromRel: string, value: unknown): ExampleError[] {
    const target = isObject(schema) && typeof schema["$ref"] === "string" ? this.resolve(fromRel, schema["$ref"]) : null;
    const root = target ? target.value : schema;
    if (!isObject(root)) return [];
    let validateFn = this.compiled.get(root);
    if (validateFn === undefined) {
      validateFn = this.ajv.compile(this.convert(root, target ? target.file.rel : fromRel) as object);
      this.compiled.set(root, validateFn);
    }
    if (validateFn(value)) return [];
    return (validateFn.errors ?? []).map(toExampleError);
  }

  /** Deep copy in JSON Schema terms: $refs → registered ids, `nullable` → a null type, x-* dropped. */
  private convert(schema: unknown, fromRel: string): unknown {
    if (Array.isArray(schema)) return schema.map((s) => this.convert(s, fromRel));
    if (!isObject(schema)) return schema;
    if (typeof schema["$ref"] === "string") return { $ref: this.registerRef(this.resolve(fromRel, schema["$ref"])) };
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith("x-") || DROPPED_KEYS.has(key)) continue;
      if (DATA_KEYS.has(key)) out[key] = value;
      else if (key === "properties" || key === "patternProperties") out[key] = this.convertMap(value, fromRel);
      else out[key] = this.convert(value, fromRel);
    }
    convertExclusiveBounds(out);
    return schema["nullable"] === true ? makeNullable(out) : out;
  }

  private convertMap(map: unknown, fromRel: string): unknown {
    if (!isObject(map)) return map;
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(map)) out[name] = this.convert(sub, fromRel);
    return out;
  }

  /** Registers a ref target once (before converting it, so cycles close) and returns its ajv id. */
  private registerRef(target: ResolvedRef): string {
    const key = `${target.file.rel}#${target.pointer}`;
    let id = this.refIds.get(key);
    if (id) return id;
    id = REF_BASE + this.refIds.size;
    this.refIds.set(key, id);
    this.ajv.addSchema(this.convert(target.value, target.file.rel) as object, id);
    return id;
  }
}

function makeNullable(schema: Record<string, unknown>): Record<string, unknown> {
  const type = schema["type"];
  if (typeof type === "string") schema["type"] = [type, "null"];
  else if (Array.isArray(type)) schema["type"] = type.includes("null") ? type : [...type, "null"];
  else return { anyOf: [{ type: "null" }, schema] };
  const values = schema["enum"];
  if (Array.isArray(values) && !values.includes(null)) schema["enum"] = [...values, null];
  return schema;
}

/** OpenAPI 3.0 writes `exclusiveMinimum: true` next to `minimum` (draft-04 style). */
function convertExclusiveBounds(schema: Record<string, unknown>): void {
  for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof schema[flag] !== "boolean") continue;
    if (schema[flag] === true && typeof schema[bound] === "number") {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else delete schema[flag];
  }
}

function toExampleError(err: ErrorObject): ExampleError {
  const params = err.params as Record<string, unknown>;
  if (err.keyword === "additionalProperties") {
    return { instancePath: err.instancePath, message: `must NOT have additional property '${String(params["additionalProperty"])}'` };
  }
  if (err.keyword === "enum") {
    return { instancePath: err.instancePath, message: `must be one of ${JSON.stringify(params["allowedValues"])}` };
  }
  return { instancePath: err.instancePath, message: err.message ?? err.keyword };
}
