// Flattens JSON schemas (OpenAPI 3.0 and 3.1) into FlatSchema, resolving $refs once per target.
import type { FlatSchema, Property, SchemaType } from "./types.js";
import type { SpecInput } from "./source.js";

const SCHEMA_TYPES = new Set<SchemaType>(["string", "number", "integer", "boolean", "object", "array", "null"]);

/** Flattens schemas of one spec; memoises by ref target so shared schemas are built once (and cycles close). */
export class SchemaFlattener {
  private readonly byRef = new Map<string, FlatSchema>();
  constructor(private readonly spec: SpecInput) {}

  flatten(schema: unknown, fromRel: string): FlatSchema {
    if (!isObject(schema)) return emptySchema("any", {});
    const ref = schema["$ref"];
    if (typeof ref === "string") return this.flattenRef(ref, fromRel);
    return this.flattenInline(schema, fromRel, null);
  }

  private flattenRef(ref: string, fromRel: string): FlatSchema {
    const target = this.spec.resolve(fromRel, ref);
    const key = `${target.file.rel}#${target.pointer}`;
    const memo = this.byRef.get(key);
    if (memo) return memo;
    const refName = target.pointer.split("/").pop() ?? null;
    const flat = emptySchema("any", isObject(target.value) ? target.value : {});
    flat.refName = refName;
    // Registered before recursing so a cyclic schema points back at this node.
    this.byRef.set(key, flat);
    Object.assign(flat, this.flattenInline(flat.raw, target.file.rel, refName));
    return flat;
  }

  private flattenInline(schema: Record<string, unknown>, fromRel: string, refName: string | null): Mutable<FlatSchema> {
    const parts = asArray(schema["allOf"]);
    if (parts.length > 0) return this.mergeAllOf(schema, parts, fromRel, refName);
    const variants = [...asArray(schema["oneOf"]), ...asArray(schema["anyOf"])]
      .map((v) => this.flatten(v, fromRel))
      .filter((v) => v.type !== "null");
    const { type, nullable } = readType(schema, variants);
    const flat = emptySchema(type, schema);
    flat.refName = refName;
    flat.nullable = nullable || asArray(schema["oneOf"] ?? schema["anyOf"]).some(isNullSchema);
    flat.variants = variants;
    flat.format = typeof schema["format"] === "string" ? schema["format"] : null;
    flat.description = typeof schema["description"] === "string" ? schema["description"] : "";
    flat.enum = Array.isArray(schema["enum"]) ? (schema["enum"] as FlatSchema["enum"]) : null;
    flat.hasDefault = "default" in schema;
    flat.default = schema["default"];
    flat.deprecated = schema["deprecated"] === true || schema["x-deprecated"] !== undefined;
    flat.deprecationMessage = typeof schema["x-deprecated"] === "string" ? schema["x-deprecated"] : "";
    flat.undocumented = schema["x-undocumented"] !== undefined;
    if (type === "array") flat.items = this.flatten(schema["items"], fromRel);
    if (type === "object") {
      const required = new Set(asArray(schema["required"]).filter((r): r is string => typeof r === "string"));
      const props = isObject(schema["properties"]) ? schema["properties"] : {};
      flat.properties = Object.entries(props).map(
        ([name, s]): Property => ({ name, required: required.has(name), schema: this.flatten(s, fromRel) }),
      );
      flat.additionalProperties = schema["additionalProperties"] !== undefined && schema["additionalProperties"] !== false;
    }
    return flat;
  }

  /**
   * allOf: every part is flattened on its own (its refs resolve against its own file), then merged:
   * properties in order (a later part's property replaces an earlier one), required if any part requires it.
   */
  private mergeAllOf(schema: Record<string, unknown>, parts: unknown[], fromRel: string, refName: string | null): Mutable<FlatSchema> {
    const flats = parts.map((p) => this.flatten(p, fromRel));
    const own = this.flattenInline({ ...schema, allOf: undefined }, fromRel, refName);
    const all = [...flats, own];
    const byName = new Map<string, Property>();
    for (const f of all) {
      for (const p of f.properties) {
        const previous = byName.get(p.name);
        byName.set(p.name, { ...p, required: p.required || (previous?.required ?? false) });
      }
    }
    const typed = all.find((f) => f.type !== "any");
    const merged = { ...own };
    merged.type = own.type !== "any" ? own.type : byName.size > 0 ? "object" : (typed?.type ?? "any");
    merged.properties = [...byName.values()];
    merged.description = own.description || (flats.find((f) => f.description)?.description ?? "");
    merged.format = own.format ?? flats.find((f) => f.format)?.format ?? null;
    merged.enum = own.enum ?? flats.find((f) => f.enum)?.enum ?? null;
    merged.nullable = own.nullable || flats.some((f) => f.nullable);
    merged.deprecated = own.deprecated || flats.some((f) => f.deprecated);
    merged.items = own.items ?? flats.find((f) => f.items)?.items ?? null;
    merged.additionalProperties = all.some((f) => f.additionalProperties);
    if (merged.variants.length === 0) merged.variants = flats.flatMap((f) => f.variants);
    return merged;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function emptySchema(type: SchemaType, raw: Record<string, unknown>): Mutable<FlatSchema> {
  return {
    type,
    refName: null,
    format: null,
    description: "",
    enum: null,
    default: undefined,
    hasDefault: false,
    nullable: false,
    deprecated: false,
    deprecationMessage: "",
    undocumented: false,
    items: null,
    properties: [],
    additionalProperties: false,
    variants: [],
    raw,
  };
}

function readType(schema: Record<string, unknown>, variants: readonly FlatSchema[]): { type: SchemaType; nullable: boolean } {
  const declared = schema["type"];
  const nullable = schema["nullable"] === true;
  if (typeof declared === "string" && SCHEMA_TYPES.has(declared as SchemaType)) {
    return { type: declared as SchemaType, nullable };
  }
  if (Array.isArray(declared)) {
    const types = declared.filter((t): t is SchemaType => typeof t === "string" && SCHEMA_TYPES.has(t as SchemaType));
    const nonNull = types.filter((t) => t !== "null");
    return { type: nonNull.length === 1 ? (nonNull[0] as SchemaType) : "any", nullable: nullable || types.includes("null") };
  }
  if (isObject(schema["properties"])) return { type: "object", nullable };
  if (schema["items"] !== undefined) return { type: "array", nullable };
  const variantTypes = new Set(variants.map((v) => v.type));
  if (variantTypes.size === 1) return { type: [...variantTypes][0] as SchemaType, nullable };
  return { type: "any", nullable };
}

function isNullSchema(schema: unknown): boolean {
  return isObject(schema) && (schema["type"] === "null" || (schema["enum"] as unknown[] | undefined)?.length === 1 && (schema["enum"] as unknown[])[0] === null);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
