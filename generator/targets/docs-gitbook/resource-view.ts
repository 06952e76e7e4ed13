// "The <resource> Object" section of a route README: samples, properties, property groups, errors, warnings, events.
import type { Api, FlatSchema, Property, Resource, Route } from "../../model/types.js";
import { escapeTagAttribute, normalizeDescription } from "./markdown.js";
import { formatJsonLikePrettier } from "./prettier-json.js";
import {
  buildPropertyView,
  discriminatorOf,
  documentedProperties,
  groupFilter,
  mergedProperties,
  propertyTypeWords,
  stringEnumValues,
  variantCode,
  type GroupFilter,
  type ResourcePropertyView,
} from "./resource-properties.js";
import type { GitbookSettings } from "./settings.js";

export { propertyTypeWords };

export interface ResourceObjectView {
  /** False when the route's overview already gives the heading, contents and description. */
  hasHeader: boolean;
  name: string;
  description: string;
  contents: readonly { title: string; anchor: string }[];
  samples: readonly { title: string; description: string; sampleJson: string }[];
  hasSamples: boolean;
  properties: readonly ResourcePropertyView[];
  /** Object properties that declare property groups get a section of their own (`## device.properties`). */
  groupSections: readonly { title: string; properties: readonly ResourcePropertyView[] }[];
  codeSections: readonly CodeSectionView[];
  events: readonly EventView[];
  hasEvents: boolean;
}

export interface CodeSectionView {
  title: string;
  codes: readonly { code: string; description: string }[];
}

export interface EventView {
  eventType: string;
  description: string;
  /** `value`: the one value of a single-valued enum (the event type); `enumValues`: the values of a longer enum. */
  properties: readonly { name: string; typeWords: string; description: string; value: string; enumValues: readonly string[] }[];
}

/** What the route's `x-routes` entry says about the resources it shows. */
export interface RouteResourceMeta {
  /** `resources:` of the route; empty means the resources whose `x-route-path` is the route. */
  resources: readonly string[];
  /** `include_groups:` of the route: property and variant groups shown; null shows every group. */
  includeGroups: readonly string[] | null;
  /** True when the route's overview stands in for the heading of its first resource object. */
  overviewIsHeader: boolean;
}

/** The resources a route shows, each as an object section; the event resource only when the route names it. */
export function buildResourceObjectViews(api: Api, route: Route, hasEndpoints: boolean, settings: GitbookSettings, meta: RouteResourceMeta): ResourceObjectView[] {
  const events = api.findResources((name) => name === settings.eventResource)[0];
  const named = meta.resources.flatMap((wanted) => api.findResources((name) => name === wanted));
  const resources =
    named.length > 0
      ? named
      : api.findResources((name, routePath) => routePath === route.path && name !== settings.eventResource).filter((r) => r.schema.variants.length === 0);
  const groups = groupFilter(meta.includeGroups);
  return resources
    .filter((r) => !r.schema.undocumented)
    .map((r, i) => {
      const view = buildResourceObjectView(r, events ? routeEvents(events, route) : [], hasEndpoints, groups, settings, meta.includeGroups);
      return { ...view, hasHeader: !(i === 0 && meta.overviewIsHeader) };
    });
}

function buildResourceObjectView(
  resource: Resource,
  events: EventView[],
  hasEndpoints: boolean,
  groups: GroupFilter,
  settings: GitbookSettings,
  includeGroups: readonly string[] | null,
): ResourceObjectView {
  const polymorphic = resource.schema.variants.length > 0;
  const all = polymorphic ? commonProperties(resource, settings) : documentedProperties(resource.schema.properties, groups);
  const grouped = all.filter(isGroupHolder);
  const props = all.filter((p) => !isGroupHolder(p));
  const codeOrder = settings.resources[resource.name]?.codeOrder ?? {};
  const codeSections = props.flatMap((p) => (isCodeList(p) ? [buildCodeSection(p, groups, codeOrder[p.name] ?? ["code"])] : []));
  const groupSections = grouped.map((g) => ({
    title: `${resource.name}.${g.name}`,
    properties: documentedProperties(g.schema.properties, groups).map((p) => buildPropertyView(p, `**\`${p.name}\`**`, groups)),
  }));
  const contents = [
    "Properties",
    ...groupSections.map((s) => s.title),
    ...codeSections.map((s) => s.title),
    ...(events.length ? ["Events"] : []),
    ...(hasEndpoints && !polymorphic ? ["Endpoints"] : []),
  ];
  // A polymorphic resource has no sample that stands for all its variants.
  const samples = polymorphic ? [] : samplesForGroups(resource, includeGroups);
  return {
    hasHeader: true,
    name: resource.name,
    description: normalizeDescription(settings.resources[resource.name]?.description ?? resource.description),
    contents: contents.map((title) => ({ title, anchor: title.toLowerCase() })),
    samples: samples.map((s) => ({ title: escapeTagAttribute(s.title), description: s.description, sampleJson: formatJsonLikePrettier(s.value) })),
    hasSamples: samples.length > 0,
    properties: props.map((p) => {
      const view = buildPropertyView(p, isCodeList(p) ? `[**\`${p.name}\`**](./#${p.name})` : `**\`${p.name}\`**`, groups);
      // Variants disagree on the shape of a common property, so a polymorphic resource lists no children.
      return polymorphic ? { ...view, children: [], hasChildren: false, itemProperties: [], hasItemProperties: false } : view;
    }),
    groupSections,
    codeSections,
    events,
    hasEvents: events.length > 0,
  };
}

/** With include_groups, only the samples that set a property of those groups (a lock sample on the Locks route). */
export function samplesForGroups(resource: Resource, includeGroups: readonly string[] | null): Resource["samples"] {
  if (includeGroups === null) return resource.samples;
  const inGroups = (p: Property) => includeGroups.includes(String(p.schema.raw["x-property-group-key"]));
  const top = resource.schema.properties.filter(inGroups).map((p) => p.name);
  const nested = resource.schema.properties.filter(isGroupHolder).map((h) => [h.name, h.schema.properties.filter(inGroups).map((p) => p.name)] as const);
  return resource.samples.filter((s) => {
    const value = isRecord(s.value) ? s.value : {};
    if (top.some((k) => k in value)) return true;
    return nested.some(([holder, keys]) => isRecord(value[holder]) && keys.some((k) => k in (value[holder] as Record<string, unknown>)));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isGroupHolder(p: Property): boolean {
  return p.schema.type === "object" && typeof p.schema.raw["x-property-groups"] === "object" && p.schema.raw["x-property-groups"] !== null;
}

/**
 * A polymorphic resource shows the properties every variant has (blueprint's rule), enums merged, without children.
 * The site may name them instead (`resourceProperties`): listed in its order, with its descriptions.
 */
function commonProperties(resource: Resource, settings: GitbookSettings): Property[] {
  const hidden = Object.entries(settings.resources[resource.name]?.hiddenVariants ?? {});
  const isHidden = (v: FlatSchema) => hidden.some(([prop, values]) => values.includes(String(v.properties.find((p) => p.name === prop)?.schema.enum?.[0])));
  const variants = resource.schema.variants.filter((v) => v.type === "object" && !v.undocumented && !isHidden(v));
  const merged = mergedProperties({ ...resource.schema, properties: [], variants });
  const common = merged.filter((p) => variants.every((v) => v.properties.some((q) => q.name === p.name)));
  const withType = common.map((p) => ({ ...p, schema: typedSchema(p, variants) }));
  const configured = settings.resources[resource.name]?.properties;
  if (!configured) return withType.filter((p) => !p.schema.undocumented);
  return Object.entries(configured).flatMap(([name, description]) => {
    const p = withType.find((q) => q.name === name);
    return p ? [{ ...p, schema: { ...p.schema, description } }] : [];
  });
}

/** A common property typed by the first variant that gives it a type (an object where some variant has one). */
function typedSchema(p: Property, variants: readonly FlatSchema[]): FlatSchema {
  const typed = variants.map((v) => v.properties.find((q) => q.name === p.name)?.schema).find((s) => s && s.type !== "any");
  const enumValues = stringEnumValues(p.schema);
  const base = typed ?? p.schema;
  return { ...base, description: p.schema.description, enum: enumValues.length ? enumValues : base.enum };
}

/** `errors` / `warnings`: lists of objects told apart by a discriminator, listed again in their own section. */
function isCodeList(p: Property): boolean {
  return (p.name === "errors" || p.name === "warnings") && discriminatorOf(p.schema) !== "";
}

function buildCodeSection(p: Property, groups: GroupFilter, order: readonly string[]): CodeSectionView {
  const discriminator = discriminatorOf(p.schema);
  const variants = (p.schema.items?.variants ?? []).filter((v) => !v.undocumented && groups(v.raw, "x-variant-group-key"));
  const keyed = variants.map((v) => ({
    keys: order.map((key) => codeSortKey(v, key.replace(/^-/, ""), discriminator)),
    code: variantCode(v, discriminator),
    description: normalizeDescription(v.description),
  }));
  const directions = order.map((key) => (key.startsWith("-") ? -1 : 1));
  keyed.sort((a, b) => {
    for (let i = 0; i < directions.length; i++) {
      const x = a.keys[i] ?? "";
      const y = b.keys[i] ?? "";
      if (x !== y) return (x < y ? -1 : 1) * directions[i]!;
    }
    return 0;
  });
  return { title: p.name === "errors" ? "Errors" : "Warnings", codes: keyed.map(({ code, description }) => ({ code, description })) };
}

/** One sort key of a code-list variant (see ResourceSetting.codeOrder); booleans sort as "0" < "1". */
function codeSortKey(v: FlatSchema, key: string, discriminator: string): string {
  if (key === "code") return variantCode(v, discriminator);
  if (key.startsWith("has:")) return v.properties.some((q) => q.name === key.slice(4)) ? "1" : "0";
  const value = v.raw[key];
  return value === undefined || value === null ? "" : String(value);
}

/** Events of the route: variants of the event resource carrying the route's `x-route-path`. */
function routeEvents(events: Resource, route: Route): EventView[] {
  return events.schema.variants
    .filter((v) => v.raw["x-route-path"] === route.path && !v.undocumented)
    .map((v) => ({
      eventType: variantCode(v, "event_type"),
      description: normalizeDescription(v.description),
      properties: documentedProperties(v.properties).map((p) => ({
        name: p.name,
        typeWords: propertyTypeWords(p.schema).replace(/\*([^*]+)\*/g, "<i>$1</i>"),
        description: normalizeDescription(p.schema.description),
        value: p.schema.enum?.length === 1 ? String(p.schema.enum[0]) : "",
        enumValues: p.schema.enum && p.schema.enum.length > 1 ? stringEnumValues(p.schema) : [],
      })),
    }));
}
