// OpenAPI 3.0 schema → its JSON Schema (draft-07) reading, with every reachable $ref resolved up front.
import { isObject, type ResolvedRef } from "./types.js";
import type { Resolve } from "./refs.js";

const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
const DROPPED_KEYS = new Set(["nullable", "discriminator", "xml", "externalDocs", "$id", "$schema", "id"]);

/** A converted `$ref`: the key of its target in `SchemaConverter.targets`. */
export class RefNode {
  constructor(readonly key: string) {}
}

export class SchemaConverter {
  /** Converted ref targets by `<file>#<pointer>`; registered before conversion so cycles close. */
  readonly targets = new Map<string, unknown>();

  constructor(private readonly resolve: Resolve) {}

  /** Deep copy: $refs → RefNode, `nullable` → a null type, boolean exclusive bounds → numbers, x-* dropped. */
  convert(schema: unknown, fromRel: string): unknown {
    if (Array.isArray(schema)) return schema.map((s) => this.convert(s, fromRel));
    if (!isObject(schema)) return schema;
    if (typeof schema["$ref"] === "string") return new RefNode(this.registerRef(this.resolve(fromRel, schema["$ref"])));
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

  private registerRef(target: ResolvedRef): string {
    const key = `${target.file.rel}#${target.pointer}`;
    if (this.targets.has(key)) return key;
    this.targets.set(key, undefined);
    try {
      this.targets.set(key, this.convert(target.value, target.file.rel));
    } catch (err) {
      // A half-converted target must not be found by the next schema that refers to it.
      this.targets.delete(key);
      throw err;
    }
    return key;
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
