// "The <resource> Object" section of a route README: samples, properties, errors, warnings and events.
import type { Api, FlatSchema, Property, Resource, Route } from "../../model/types.js";
import { escapeTagAttribute, normalizeDescription } from "./markdown.js";
import { formatWord, pluralWord } from "./parameters.js";
import { formatJsonLikePrettier } from "./prettier-json.js";

export interface ResourceObjectView {
  name: string;
  description: string;
  contents: readonly { title: string; anchor: string }[];
  samples: readonly { title: string; description: string; sampleJson: string }[];
  properties: readonly ResourcePropertyView[];
  codeSections: readonly CodeSectionView[];
  events: readonly EventView[];
  hasEvents: boolean;
}

export interface ResourcePropertyView {
  /** `**`name`**`, or a link to the section listing its codes (`[**`errors`**](./#errors)`). */
  label: string;
  typeWords: string;
  description: string;
  deprecationNote: string;
  enumValues: readonly string[];
  hasEnumValues: boolean;
  children: readonly { name: string; typeWord: string; description: string }[];
  hasChildren: boolean;
  /** Discriminated list items: the discriminator and one block per variant. */
  discriminator: string;
  variants: readonly VariantView[];
  hasVariants: boolean;
}

export interface VariantView {
  code: string;
  description: string;
  /** Pre-indented property blocks of the variant. */
  properties: readonly VariantPropertyView[];
}

export interface VariantPropertyView {
  name: string;
  typeWord: string;
  description: string;
  enumValues: readonly string[];
  children: readonly { name: string; typeWord: string; description: string }[];
  isLast: boolean;
}

export interface CodeSectionView {
  title: string;
  codes: readonly { code: string; description: string }[];
}

export interface EventView {
  eventType: string;
  description: string;
  properties: readonly { name: string; typeWords: string; description: string; value: string }[];
}

/** Plain documented resources that live on this route. */
export function buildResourceObjectViews(api: Api, route: Route, hasEndpoints: boolean, eventResource: string): ResourceObjectView[] {
  const events = api.resources.find((r) => r.name === eventResource);
  return api.resources
    .filter((r) => r.routePath === route.path && !r.schema.undocumented && r.schema.variants.length === 0 && r.name !== eventResource)
    .map((r) => buildResourceObjectView(r, events ? routeEvents(events, route) : [], hasEndpoints));
}

function buildResourceObjectView(resource: Resource, events: EventView[], hasEndpoints: boolean): ResourceObjectView {
  const props = documented(resource.schema.properties).sort(byName);
  const codeSections = props.flatMap((p) => (isCodeList(p) ? [buildCodeSection(p)] : []));
  const contents = ["Properties", ...codeSections.map((s) => s.title), ...(events.length ? ["Events"] : []), ...(hasEndpoints ? ["Endpoints"] : [])];
  return {
    name: resource.name,
    description: normalizeDescription(resource.description),
    contents: contents.map((title) => ({ title, anchor: title.toLowerCase() })),
    samples: resource.samples.map((s) => ({ title: escapeTagAttribute(s.title), description: s.description, sampleJson: formatJsonLikePrettier(s.value) })),
    properties: props.map(buildPropertyView),
    codeSections,
    events,
    hasEvents: events.length > 0,
  };
}

function documented(props: readonly Property[]): Property[] {
  return props.filter((p) => !p.schema.undocumented);
}

function byName(a: Property, b: Property): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** `errors` / `warnings`: lists of objects told apart by a discriminator, listed again in their own section. */
function isCodeList(p: Property): boolean {
  return (p.name === "errors" || p.name === "warnings") && discriminatorOf(p.schema) !== "";
}

function discriminatorOf(schema: FlatSchema): string {
  const items = schema.type === "array" ? schema.items : null;
  const d = items?.raw["discriminator"];
  return typeof d === "object" && d !== null && typeof (d as Record<string, unknown>)["propertyName"] === "string"
    ? String((d as Record<string, unknown>)["propertyName"])
    : "";
}

function variantCode(variant: FlatSchema, discriminator: string): string {
  const values = variant.properties.find((p) => p.name === discriminator)?.schema.enum;
  return values?.[0] === undefined ? "" : String(values[0]);
}

function buildCodeSection(p: Property): CodeSectionView {
  const discriminator = discriminatorOf(p.schema);
  const variants = (p.schema.items?.variants ?? []).filter((v) => !v.undocumented);
  const codes = variants
    .map((v) => ({ code: variantCode(v, discriminator), description: normalizeDescription(v.description) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { title: p.name === "errors" ? "Errors" : "Warnings", codes };
}

function buildPropertyView(p: Property): ResourcePropertyView {
  const s = p.schema;
  const discriminator = discriminatorOf(s);
  const enumValues = s.type === "string" && s.enum ? s.enum.map(String) : [];
  const children = childViews(s);
  const variants = discriminator ? (s.items?.variants ?? []).filter((v) => !v.undocumented).map((v) => buildVariantView(v, discriminator)) : [];
  return {
    label: isCodeList(p) ? `[**\`${p.name}\`**](./#${p.name})` : `**\`${p.name}\`**`,
    typeWords: propertyTypeWords(s),
    description: normalizeDescription(s.description),
    deprecationNote: s.deprecated ? `**Deprecated**. ${s.deprecationMessage.trim()}`.trim() : "",
    enumValues,
    hasEnumValues: enumValues.length > 0,
    children: childViews(s),
    hasChildren: children.length > 0,
    discriminator,
    variants,
    hasVariants: variants.length > 0,
  };
}

function buildVariantView(v: FlatSchema, discriminator: string): VariantView {
  const props = documented(v.properties).sort(byName);
  return {
    code: variantCode(v, discriminator),
    description: normalizeDescription(v.description),
    properties: props.map((p, i) => ({
      name: p.name,
      typeWord: formatWord(p.schema),
      description: normalizeDescription(p.schema.description),
      enumValues: p.schema.enum ? p.schema.enum.map(String) : [],
      children: childViews(p.schema),
      isLast: i === props.length - 1,
    })),
  };
}

function childViews(schema: FlatSchema): { name: string; typeWord: string; description: string }[] {
  if (schema.type !== "object") return [];
  return documented(schema.properties)
    .sort(byName)
    .map((c) => ({ name: c.name, typeWord: formatWord(c.schema), description: normalizeDescription(c.schema.description) }));
}

/** Resource properties are named by format: `*UUID*`, `*List* *of UUIDs*`. */
export function propertyTypeWords(schema: FlatSchema): string {
  const word = `*${formatWord(schema)}*`;
  return schema.type === "array" && schema.items ? `${word} *of ${pluralWord(schema.items)}*` : word;
}

/** Events of the route: variants of the event resource carrying the route's `x-route-path`. */
function routeEvents(events: Resource, route: Route): EventView[] {
  return events.schema.variants
    .filter((v) => v.raw["x-route-path"] === route.path && !v.undocumented)
    .map((v) => ({
      eventType: variantCode(v, "event_type"),
      description: normalizeDescription(v.description),
      properties: documented(v.properties)
        .sort(byName)
        .map((p) => ({
          name: p.name,
          typeWords: propertyTypeWords(p.schema).replace(/\*([^*]+)\*/g, "<i>$1</i>"),
          description: normalizeDescription(p.schema.description),
          value: p.schema.enum?.length === 1 ? String(p.schema.enum[0]) : "",
        })),
    }));
}

