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
    const merged = this.mergeAllOf(schema, fromRel);
    const variants = [...asArray(merged["oneOf"]), ...asArray(merged["anyOf"])]
      .map((v) => this.flatten(v, fromRel))
      .filter((v) => v.type !== "null");
    const { type, nullable } = readType(merged, variants);
    const flat = emptySchema(type, schema);
    flat.refName = refName;
    flat.nullable = nullable || asArray(merged["oneOf"] ?? merged["anyOf"]).some(isNullSchema);
    flat.variants = variants;
    flat.format = typeof merged["format"] === "string" ? merged["format"] : null;
    flat.description = typeof merged["description"] === "string" ? merged["description"] : "";
    flat.enum = Array.isArray(merged["enum"]) ? (merged["enum"] as FlatSchema["enum"]) : null;
    flat.hasDefault = "default" in merged;
    flat.default = merged["default"];
    flat.deprecated = merged["deprecated"] === true || merged["x-deprecated"] !== undefined;
    flat.deprecationMessage = typeof merged["x-deprecated"] === "string" ? merged["x-deprecated"] : "";
    flat.undocumented = merged["x-undocumented"] !== undefined;
    if (type === "array") flat.items = this.flatten(merged["items"], fromRel);
    if (type === "object") {
      const required = new Set(asArray(merged["required"]).filter((r): r is string => typeof r === "string"));
      const props = isObject(merged["properties"]) ? merged["properties"] : {};
      flat.properties = Object.entries(props).map(
        ([name, s]): Property => ({ name, required: required.has(name), schema: this.flatten(s, fromRel) }),
      );
      flat.additionalProperties = merged["additionalProperties"] !== undefined && merged["additionalProperties"] !== false;
    }
    return flat;
  }

  /** allOf parts are merged into one schema (properties and required lists concatenated). */
  private mergeAllOf(schema: Record<string, unknown>, fromRel: string): Record<string, unknown> {
    const parts = asArray(schema["allOf"]);
    if (parts.length === 0) return schema;
    const merged: Record<string, unknown> = { ...schema, allOf: undefined };
    const properties: Record<string, unknown> = {};
    const required: unknown[] = [];
    for (const part of parts) {
      const resolved = this.resolveShallow(part, fromRel);
      const inner = this.mergeAllOf(resolved, fromRel);
      for (const [k, v] of Object.entries(inner)) {
        if (k === "properties" && isObject(v)) Object.assign(properties, v);
        else if (k === "required") required.push(...asArray(v));
        else if (!(k in merged) || merged[k] === undefined) merged[k] = v;
      }
    }
    if (isObject(schema["properties"])) Object.assign(properties, schema["properties"]);
    required.push(...asArray(schema["required"]));
    if (Object.keys(properties).length > 0) merged["properties"] = properties;
    if (required.length > 0) merged["required"] = required;
    if (merged["type"] === undefined && Object.keys(properties).length > 0) merged["type"] = "object";
    return merged;
  }

  private resolveShallow(schema: unknown, fromRel: string): Record<string, unknown> {
    if (!isObject(schema)) return {};
    const ref = schema["$ref"];
    if (typeof ref !== "string") return schema;
    const target = this.spec.resolve(fromRel, ref);
    return isObject(target.value) ? target.value : {};
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
