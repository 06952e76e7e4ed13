// The "Returns" hint of a page and the resource sample shown under it.
import type { Api, Endpoint, FlatSchema, Resource } from "../../model/types.js";
import { escapeMarkdownText, pageDirOf, pluralizeName, relativeRouteLink } from "./markdown.js";
import { formatJsonLikePrettier } from "./prettier-json.js";

export interface ReturnsView {
  isVoid: boolean;
  /** Markdown after "Returns:", e.g. `**Array of [acs\_users](.)**` or a batch list. */
  returns: string;
  /** The resource sample (JSON), or "" when there is none. */
  sample: string;
  hasSample: boolean;
}

interface ResultShape {
  resourceType: string;
  isList: boolean;
}

export function buildReturnsView(endpoint: Endpoint, api: Api): ReturnsView {
  const shape = readResultShape(endpoint);
  if (shape === null) return { isVoid: true, returns: "**void**", sample: "", hasSample: false };
  const batch = readBatchKeys(endpoint, shape);
  if (batch.length > 0) return buildBatchView(batch, endpoint, api);
  const link = resourceLink(shape.resourceType, endpoint, api);
  const name = escapeMarkdownText(shape.isList ? pluralizeName(shape.resourceType) : shape.resourceType);
  const returns = shape.isList ? `**Array of [${name}](${link})**` : `**[${name}](${link})**`;
  const sample = pickSample(findResource(api, shape.resourceType), endpoint);
  const text = sample === undefined ? "" : formatJsonLikePrettier(sample);
  return { isVoid: false, returns, sample: text, hasSample: text !== "" };
}

/** The success body's `x-response-key` property: its `$ref` names the resource (or `unknown` for an inline schema). */
export function readResultShape(endpoint: Endpoint): ResultShape | null {
  const response = endpoint.successResponse;
  if (!response || response.kind === "void" || response.schema === null) return null;
  const key = response.responseKey;
  const schema = key === null ? response.schema : response.schema.properties.find((p) => p.name === key)?.schema;
  if (!schema) return null;
  const isList = schema.type === "array";
  const target = isList ? schema.items : schema;
  return { resourceType: target?.refName ?? "unknown", isList };
}

function readBatchKeys(endpoint: Endpoint, shape: ResultShape): { key: string; resourceType: string }[] {
  const keys = endpoint.extensions["x-batch-keys"];
  if (!Array.isArray(keys) || shape.isList) return [];
  const response = endpoint.successResponse;
  const holder = response?.schema?.properties.find((p) => p.name === response.responseKey)?.schema;
  return keys.flatMap((key) => {
    const items = holder?.properties.find((p) => p.name === key)?.schema.items;
    return items?.refName ? [{ key: String(key), resourceType: items.refName }] : [];
  });
}

function buildBatchView(batch: { key: string; resourceType: string }[], endpoint: Endpoint, api: Api): ReturnsView {
  const lines = batch.map(({ key, resourceType }) => {
    const link = resourceLink(resourceType, endpoint, api);
    return `- \`${key}\`: Array of [${escapeMarkdownText(pluralizeName(resourceType))}](${link})`;
  });
  const value: Record<string, unknown[]> = {};
  for (const { key, resourceType } of batch) {
    const sample = pickSample(findResource(api, resourceType), endpoint);
    value[key] = sample === undefined ? [] : [sample];
  }
  return { isVoid: false, returns: ["batch response", ...lines].join("\n"), sample: JSON.stringify(value, null, 2), hasSample: true };
}

/**
 * A documented resource (an object with properties and a route) links to its route; anything else to the
 * endpoint's own route (`./` from a page in it). Links start from where the page is (a REST endpoint's page is not
 * in its route's directory).
 */
export function resourceLink(resourceType: string, endpoint: Endpoint, api: Api): string {
  const from = pageDirOf(endpoint);
  const resource = findResource(api, resourceType);
  if (!resource || !isPlainResource(resource.schema) || resource.routePath === null) {
    return from === endpoint.routePath ? "./" : relativeRouteLink(from, endpoint.routePath);
  }
  return relativeRouteLink(from, resource.routePath);
}

/** The resource by name, looked up once per model (every endpoint page asks for its returned type, twice). */
function findResource(api: Api, name: string): Resource | undefined {
  let found = resourcesByName.get(api);
  if (!found) resourcesByName.set(api, (found = new Map()));
  if (!found.has(name)) found.set(name, api.findResources((candidate) => candidate === name)[0]);
  return found.get(name);
}

const resourcesByName = new WeakMap<Api, Map<string, Resource | undefined>>();

function isPlainResource(schema: FlatSchema): boolean {
  return schema.variants.length === 0 && schema.properties.length > 0;
}

/**
 * The first sample of the resource; a polymorphic resource (oneOf) shows only the sample of the variant the
 * endpoint names (`x-action-attempt-type` matching the sample's `action_type`).
 */
export function pickSample(resource: Resource | undefined, endpoint: Endpoint): unknown {
  if (!resource || resource.samples.length === 0) return undefined;
  if (isPlainResource(resource.schema)) return resource.samples[0]?.value;
  const variant = endpoint.extensions["x-action-attempt-type"];
  if (typeof variant !== "string") return undefined;
  return resource.samples.find((s) => isRecord(s.value) && s.value["action_type"] === variant)?.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
