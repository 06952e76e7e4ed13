// Request parameters as the pages list them: required first, then alphabetical, with type words and nested children.
import type { Endpoint, FlatSchema, Parameter, Property } from "../../model/types.js";
import { normalizeDescription } from "./markdown.js";

export interface ParameterView {
  name: string;
  /** e.g. `*String*`, `*Array* *of UUIDs*`. */
  typeWords: string;
  required: boolean;
  description: string;
  /** `**Deprecated**. <message>` or "" when not deprecated. */
  deprecationNote: string;
  /** Values listed under "Enum values" (lists of enums only, as the pages do). */
  enumValues: readonly string[];
  hasEnumValues: boolean;
  children: readonly ChildParameterView[];
  hasChildren: boolean;
}

export interface ChildParameterView {
  /** Dotted below the first level: `features.edit_customer`. */
  name: string;
  /** e.g. `Datetime`. */
  typeWord: string;
  description: string;
  deprecationNote: string;
}

/** Documented parameters of the endpoint (undocumented and untyped ones are left out), required first, then by name. */
export function buildParameterViews(endpoint: Endpoint): ParameterView[] {
  const all = [...endpoint.parameters, ...variantBodyParameters(endpoint)];
  return sortRequiredFirst(all.filter(isDocumented)).map(buildParameterView);
}

/**
 * A body that is a oneOf of objects has no body parameters in the model; the pages list the union of the
 * variants' properties, required only when every variant requires them.
 */
export function variantBodyParameters(endpoint: Endpoint): Parameter[] {
  const body = endpoint.requestBody;
  if (!body || body.isObject || body.schema.variants.length === 0) return [];
  const variants = body.schema.variants.filter((v) => v.type === "object");
  const byName = new Map<string, Parameter>();
  for (const variant of variants) {
    for (const prop of variant.properties) {
      if (byName.has(prop.name)) continue;
      const required = variants.every((v) => v.properties.some((q) => q.name === prop.name && q.required));
      byName.set(prop.name, {
        name: prop.name,
        location: "body",
        required,
        description: prop.schema.description,
        deprecated: prop.schema.deprecated,
        undocumented: prop.schema.undocumented,
        schema: prop.schema,
        source: endpoint.source,
      });
    }
  }
  return [...byName.values()];
}

export function sortRequiredFirst<T extends { name: string; required: boolean }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.required) - Number(a.required) || compareNames(a.name, b.name));
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Undocumented, draft (`x-draft`) and untyped parameters are left out, as blueprint leaves untyped ones out. */
function isDocumented(p: Pick<Parameter, "undocumented" | "schema">): boolean {
  return !p.undocumented && !p.schema.undocumented && p.schema.raw["x-draft"] === undefined && p.schema.type !== "any";
}

function buildParameterView(p: Parameter): ParameterView {
  const enumValues = p.schema.type === "array" && p.schema.items?.enum ? p.schema.items.enum.map(String) : [];
  const children = buildChildParameterViews(p.schema);
  return {
    name: p.name,
    typeWords: topLevelTypeWords(p.schema),
    required: p.required,
    description: normalizeDescription(p.description),
    deprecationNote: p.deprecated || p.schema.deprecated ? deprecationNote(p.schema.deprecationMessage) : "",
    enumValues,
    hasEnumValues: enumValues.length > 0,
    children,
    hasChildren: children.length > 0,
  };
}

/**
 * Children of an object parameter, or of the items of a list of objects (blueprint's item parameters); nested
 * objects are flattened below their parent with dotted names, as the route pages print nested properties.
 */
export function buildChildParameterViews(schema: FlatSchema, prefix = ""): readonly ChildParameterView[] {
  if (prefix !== "") return listChildParameterViews(schema, prefix);
  // Parameters of many endpoints share one schema object (components): their views are made once.
  let views = topChildViews.get(schema);
  if (!views) {
    views = listChildParameterViews(schema, "");
    topChildViews.set(schema, views);
  }
  return views;
}

const topChildViews = new WeakMap<FlatSchema, readonly ChildParameterView[]>();

function listChildParameterViews(schema: FlatSchema, prefix: string): readonly ChildParameterView[] {
  const holder = schema.type === "object" ? schema : schema.type === "array" && schema.items?.type === "object" ? schema.items : null;
  if (holder === null) return [];
  return childProperties(holder).flatMap((c) => {
    const name = `${prefix}${c.name}`;
    const view: ChildParameterView = {
      name,
      typeWord: formatWord(c.schema),
      description: normalizeDescription(c.schema.description),
      deprecationNote: c.schema.deprecated ? deprecationNote(c.schema.deprecationMessage) : "",
    };
    return [view, ...buildChildParameterViews(c.schema, `${name}.`)];
  });
}

function deprecationNote(message: string): string {
  return message ? `**Deprecated**. ${message.trim()}` : "**Deprecated**.";
}

/** Properties of an object parameter (its oneOf variants merged), documented ones only, required first then by name. */
function childProperties(schema: FlatSchema): Property[] {
  const byName = new Map<string, Property>();
  for (const s of [schema, ...schema.variants]) for (const p of s.properties) if (!byName.has(p.name)) byName.set(p.name, p);
  return sortRequiredFirst([...byName.values()].filter((p) => isDocumented({ undocumented: false, schema: p.schema })));
}

const JSON_TYPE_WORDS: Record<string, string> = {
  string: "String",
  number: "Number",
  integer: "Number",
  boolean: "Boolean",
  object: "Object",
  array: "Array",
  null: "Null",
  any: "Any",
};

/** Top-level parameters are named by their JSON type; arrays add their item format in the plural. */
export function topLevelTypeWords(schema: FlatSchema): string {
  const word = `*${JSON_TYPE_WORDS[schema.type]}*`;
  if (schema.type !== "array" || schema.items === null) return word;
  return `${word} *of ${pluralWord(schema.items)}*`;
}

/** Nested properties are named by their format: `Datetime`, `UUID`, `Enum`, `List`... */
export function formatWord(schema: FlatSchema): string {
  if (schema.type === "string") {
    if (schema.enum) return "Enum";
    if (schema.format === "date-time") return "Datetime";
    if (schema.format === "uuid") return "UUID";
    return "String";
  }
  if (schema.type === "array") return "List";
  if (schema.type === "object" && schema.properties.length === 0 && schema.variants.length === 0) return "Record";
  return JSON_TYPE_WORDS[schema.type] ?? "Any";
}

/** `UUIDs`, `Enums`, `Strings`, `Objects`... */
export function pluralWord(schema: FlatSchema): string {
  const word = formatWord(schema);
  return word === "List" ? "Lists" : `${word}s`;
}
