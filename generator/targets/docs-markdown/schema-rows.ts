// Type words and flattened property rows for the parameter tables (`fieldErrors.field`, `array of FieldError`).
import type { FlatSchema } from "../../model/types.js";

export interface PropertyRow {
  /** Dotted path, e.g. `fieldErrors.field`. */
  name: string;
  type: string;
  description: string;
  required: boolean;
}

const MAX_DEPTH = 4;

/** `string`, `Group`, `array of strings`, `array of FieldError`, `string or null`. */
export function describeType(schema: FlatSchema): string {
  const word = typeWord(schema, false);
  return schema.nullable && schema.type !== "null" ? `${word} or null` : word;
}

function typeWord(schema: FlatSchema, plural: boolean): string {
  if (schema.type === "array") {
    const inner = schema.items ? typeWord(schema.items, true) : "values";
    return plural ? `arrays of ${inner}` : `array of ${inner}`;
  }
  if (schema.refName && schema.type === "object") return schema.refName;
  if (schema.variants.length > 0 && schema.type === "any") {
    return schema.variants.map((v) => typeWord(v, plural)).join(" or ");
  }
  const word = schema.type === "any" ? "value" : schema.type;
  return plural ? `${word}s` : word;
}

/** Properties of an object (or of the items of an array of objects), nested ones as dotted paths. */
export function listPropertyRows(schema: FlatSchema): PropertyRow[] {
  const rows: PropertyRow[] = [];
  collectRows(objectOf(schema), "", rows, [], 0);
  return rows;
}

function objectOf(schema: FlatSchema | null): FlatSchema | null {
  if (!schema) return null;
  if (schema.type === "object") return schema;
  if (schema.type === "array") return objectOf(schema.items);
  return null;
}

function collectRows(schema: FlatSchema | null, prefix: string, rows: PropertyRow[], seen: string[], depth: number): void {
  if (!schema || depth > MAX_DEPTH) return;
  // A schema that contains itself (a tree) is listed once.
  if (schema.refName && seen.includes(schema.refName)) return;
  const nextSeen = schema.refName ? [...seen, schema.refName] : seen;
  for (const p of schema.properties) {
    if (p.schema.undocumented) continue;
    const name = prefix + p.name;
    rows.push({ name, type: describeType(p.schema), description: p.schema.description, required: p.required });
    collectRows(objectOf(p.schema), name + ".", rows, nextSeen, depth + 1);
  }
}
