// Property blocks of a resource object: type words, enum values, child properties, list items and variants.
import type { FlatSchema, Property } from "../../model/types.js";
import { normalizeDescription } from "./markdown.js";
import { formatWord, pluralWord } from "./parameters.js";

export interface ChildPropertyView {
  name: string;
  /** `<i>String</i>`, `<i>List</i> <i>of Objects</i>`. */
  typeWords: string;
  description: string;
  deprecationNote: string;
  enumValues: readonly string[];
  /** Item properties of a list of objects, printed below the child. */
  itemChildren: readonly { name: string; typeWord: string; description: string }[];
}

export interface ItemPropertyView {
  name: string;
  typeWord: string;
  description: string;
  enumValues: readonly string[];
  hasEnumValues: boolean;
}

export interface ResourcePropertyView {
  /** `**`name`**`, or a link to the section listing its codes (`[**`errors`**](./#errors)`). */
  label: string;
  typeWords: string;
  description: string;
  deprecationNote: string;
  enumValues: readonly string[];
  hasEnumValues: boolean;
  children: readonly ChildPropertyView[];
  hasChildren: boolean;
  /** Properties of the items of a list of objects ("Child Object Properties"). */
  itemProperties: readonly ItemPropertyView[];
  hasItemProperties: boolean;
  /** Discriminated list items: the discriminator and one block per variant. */
  discriminator: string;
  variants: readonly VariantView[];
  hasVariants: boolean;
}

export interface VariantView {
  code: string;
  description: string;
  properties: readonly VariantPropertyView[];
}

export interface VariantPropertyView {
  name: string;
  typeWord: string;
  description: string;
  enumValues: readonly string[];
  children: readonly ChildPropertyView[];
  isLast: boolean;
}

/** Which properties and variants a route shows: those of its `include_groups` and those in no group. */
export type GroupFilter = (raw: Record<string, unknown>, key: "x-property-group-key" | "x-variant-group-key") => boolean;

export const ALL_GROUPS: GroupFilter = () => true;

export function groupFilter(includeGroups: readonly string[] | null): GroupFilter {
  if (includeGroups === null) return ALL_GROUPS;
  return (raw, key) => typeof raw[key] !== "string" || raw[key] === "" || includeGroups.includes(raw[key] as string);
}

/** Documented properties by name: not undocumented, not draft, and typed (blueprint skips untyped ones too). */
export function documentedProperties(props: readonly Property[], groups: GroupFilter = ALL_GROUPS): Property[] {
  return props.filter((p) => !p.schema.undocumented && p.schema.raw["x-draft"] === undefined && isTyped(p.schema) && groups(p.schema.raw, "x-property-group-key")).sort(byName);
}

function isTyped(schema: FlatSchema): boolean {
  return schema.type !== "any" || schema.variants.length > 0;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Enum values of a string schema, or of a oneOf of string enums (merged in order, as blueprint merges them). */
export function stringEnumValues(schema: FlatSchema): string[] {
  if (schema.type !== "string") return [];
  const values = schema.enum ?? schema.variants.flatMap((v) => v.enum ?? []);
  return [...new Set(values.map(String))];
}

/** Like `formatWord`, but a oneOf of string enums is an `Enum`, and any other oneOf an `Object` (blueprint merges it into one). */
export function propertyWord(schema: FlatSchema): string {
  if (stringEnumValues(schema).length > 0) return "Enum";
  if (schema.variants.length > 0 && schema.type !== "array") return "Object";
  return formatWord(schema);
}

/** Resource properties are named by format: `*UUID*`, `*List* *of UUIDs*`. */
export function propertyTypeWords(schema: FlatSchema): string {
  const word = `*${propertyWord(schema)}*`;
  return schema.type === "array" && schema.items ? `${word} *of ${pluralWord(schema.items)}*` : word;
}

export function discriminatorOf(schema: FlatSchema): string {
  const items = schema.type === "array" ? schema.items : null;
  const d = items?.raw["discriminator"];
  return typeof d === "object" && d !== null && typeof (d as Record<string, unknown>)["propertyName"] === "string"
    ? String((d as Record<string, unknown>)["propertyName"])
    : "";
}

export function variantCode(variant: FlatSchema, discriminator: string): string {
  const values = variant.properties.find((p) => p.name === discriminator)?.schema.enum;
  return values?.[0] === undefined ? "" : String(values[0]);
}

export function deprecationNote(schema: FlatSchema): string {
  return schema.deprecated ? `**Deprecated**. ${schema.deprecationMessage.trim()}`.trim() : "";
}

/** Properties of an object, or of every variant of a oneOf of objects (first occurrence wins, enums merged). */
export function mergedProperties(schema: FlatSchema): Property[] {
  const byName = new Map<string, Property>();
  for (const s of [schema, ...schema.variants]) {
    for (const p of s.properties) {
      const seen = byName.get(p.name);
      if (!seen) byName.set(p.name, p);
      else if (seen.schema.enum && p.schema.enum) {
        const values = [...new Set([...seen.schema.enum, ...p.schema.enum])];
        byName.set(p.name, { ...seen, schema: { ...seen.schema, enum: values } });
      }
    }
  }
  return [...byName.values()];
}

export function buildPropertyView(p: Property, label: string, groups: GroupFilter): ResourcePropertyView {
  const s = p.schema;
  const discriminator = discriminatorOf(s);
  const enumValues = stringEnumValues(s);
  const children = buildChildViews(s, groups);
  const items = s.type === "array" && s.items?.type === "object" && !discriminator ? s.items : null;
  const itemProperties = items ? documentedProperties(mergedProperties(items), groups).map(buildItemPropertyView) : [];
  // The property lists every variant (the page shows them all); only the Errors/Warnings sections follow the groups.
  const variants = discriminator
    ? (s.items?.variants ?? []).filter((v) => !v.undocumented).map((v) => buildVariantView(v, discriminator, groups))
    : [];
  return {
    label,
    typeWords: propertyTypeWords(s),
    description: normalizeDescription(s.description),
    deprecationNote: deprecationNote(s),
    enumValues,
    hasEnumValues: enumValues.length > 0,
    children,
    hasChildren: children.length > 0,
    itemProperties,
    hasItemProperties: itemProperties.length > 0,
    discriminator,
    variants,
    hasVariants: variants.length > 0,
  };
}

function buildItemPropertyView(p: Property): ItemPropertyView {
  const enumValues = stringEnumValues(p.schema);
  // An enum item property shows its values in place of its description.
  const description = enumValues.length > 0 ? "" : normalizeDescription(p.schema.description);
  return { name: p.name, typeWord: propertyWord(p.schema), description, enumValues, hasEnumValues: enumValues.length > 0 };
}

function buildVariantView(v: FlatSchema, discriminator: string, groups: GroupFilter): VariantView {
  const props = documentedProperties(v.properties, groups);
  return {
    code: variantCode(v, discriminator),
    description: normalizeDescription(v.description),
    properties: props.map((p, i) => ({
      name: p.name,
      typeWord: propertyWord(p.schema),
      description: normalizeDescription(p.schema.description),
      enumValues: stringEnumValues(p.schema),
      children: buildChildViews(p.schema, groups),
      isLast: i === props.length - 1,
    })),
  };
}

/** Children of an object property, nested objects flattened below their parent with dotted names (as blueprint does). */
export function buildChildViews(schema: FlatSchema, groups: GroupFilter, prefix = ""): ChildPropertyView[] {
  if (schema.type !== "object") return [];
  return documentedProperties(schema.properties, groups).flatMap((c) => {
    const name = `${prefix}${c.name}`;
    const items = c.schema.type === "array" && c.schema.items?.type === "object" ? c.schema.items : null;
    const view: ChildPropertyView = {
      name,
      typeWords: propertyTypeWords(c.schema).replace(/\*([^*]+)\*/g, "<i>$1</i>"),
      description: normalizeDescription(c.schema.description),
      deprecationNote: deprecationNote(c.schema),
      enumValues: stringEnumValues(c.schema),
      itemChildren: items
        ? documentedProperties(mergedProperties(items), groups).map((i) => ({ name: i.name, typeWord: propertyWord(i.schema), description: normalizeDescription(i.schema.description) }))
        : [],
    };
    return [view, ...buildChildViews(c.schema, groups, `${name}.`)];
  });
}
