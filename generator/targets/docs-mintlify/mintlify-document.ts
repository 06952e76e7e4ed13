// The OpenAPI document Mintlify reads: undocumented endpoints removed, each documented operation titled,
// linked to its page (`x-mint`) and carrying its code samples (`x-codeSamples`).
import type { Api, Endpoint } from "../../model/types.js";
import type { JsonRecord } from "../../model/document.js";
import type { CodeSample } from "./code-samples.js";

/** SDK-generation and visibility extensions the published document leaves out of documented operations. */
const DROPPED_EXTENSIONS = /^x-(fern-.*|undocumented|draft|deprecated|batch-keys)$/;

export interface MintlifyDocumentInput {
  /** The whole API as one OpenAPI document (bundled from the per-endpoint files). */
  document: JsonRecord;
  api: Api;
  samplesFor(endpoint: Endpoint): readonly CodeSample[];
  /** Where the endpoint pages live on the docs site, e.g. `/api`. */
  hrefPrefix: string;
}

export function buildMintlifyDocument(input: MintlifyDocumentInput): JsonRecord {
  const items = input.document["paths"] as JsonRecord | undefined;
  const doc = publishedShape({ ...structuredClone(documentWithoutPaths(input.document)), paths: items && {} });
  if (!items) return doc;
  const fragments: PathEntries<unknown>[] = [];
  for (const endpoint of input.api.endpoints) {
    const item = items[endpoint.path] as JsonRecord | undefined;
    if (!item) continue;
    const entries = publishEndpointEntries({ ...input, item, endpoint });
    fragments.push({ path: endpoint.path, keys: Object.keys(item), entries });
  }
  doc["paths"] = Object.fromEntries(mergePathItems(fragments).map(([path, entries]) => [path, Object.fromEntries(entries)]));
  return doc;
}

/** The document's members other than `paths`, read without touching `paths`. */
export function documentWithoutPaths(doc: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const key of Object.keys(doc)) if (key !== "paths") out[key] = doc[key];
  return out;
}

/** What one endpoint puts in its path item: every key of the item in order (`keys`) and the members it owns. */
export interface PathEntries<V> {
  path: string;
  keys: readonly string[];
  entries: readonly (readonly [string, V])[];
}

export interface EndpointEntriesInput {
  /** The endpoint's path item as bundled in the whole document (not modified). */
  item: JsonRecord;
  endpoint: Endpoint;
  samplesFor(endpoint: Endpoint): readonly CodeSample[];
  hrefPrefix: string;
}

/**
 * One endpoint's members of its published path item, in item order: the path's non-method members (every
 * endpoint of the path carries them) and the methods it publishes, examples stripped, the preferred one decorated.
 */
export function publishEndpointEntries(input: EndpointEntriesInput): [string, unknown][] {
  const { item, endpoint } = input;
  const published = publishedMethods(endpoint);
  const out: [string, unknown][] = [];
  for (const key of Object.keys(item)) {
    if (isMethod(key) && !published.has(key)) continue;
    const shared = item[key];
    // Only what publishing changes is copied (the operation and the objects holding examples); the rest is shared, read-only.
    const value = isMethod(key) && isObject(shared) ? copyWithoutExamples(shared) : shared;
    if (isMethod(key) && isObject(value)) {
      if (key === endpoint.preferredMethod)
        decorateOperation(value as JsonRecord, endpoint, input.samplesFor(endpoint), pageHref(input.hrefPrefix, endpoint));
    }
    out.push([key, value]);
  }
  return out;
}

/**
 * Path items from their endpoints' entries, paths in order of first appearance: each key in the item's order,
 * taken from whichever endpoint carries it; a path none of whose methods is published is left out.
 */
export function mergePathItems<V>(fragments: Iterable<PathEntries<V>>): [string, [string, V][]][] {
  const byPath = new Map<string, { keys: readonly string[]; values: Map<string, V> }>();
  for (const f of fragments) {
    const merged = byPath.get(f.path) ?? { keys: f.keys, values: new Map<string, V>() };
    for (const [key, value] of f.entries) if (!merged.values.has(key)) merged.values.set(key, value);
    byPath.set(f.path, merged);
  }
  const out: [string, [string, V][]][] = [];
  for (const [path, { keys, values }] of byPath) {
    const entries = keys.filter((k) => values.has(k)).map((k): [string, V] => [k, values.get(k) as V]);
    if (entries.some(([k]) => isMethod(k))) out.push([path, entries]);
  }
  return out;
}

/** Top-level keys in the corpus order; specsmith's API settings (`x-` keys) and an empty top-level security stay out. */
export function publishedShape(doc: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const key of ["openapi", "info", "servers", "security", "components", "tags", "paths"]) {
    if (doc[key] === undefined || (key === "security" && Array.isArray(doc[key]) && doc[key].length === 0)) continue;
    out[key] = doc[key];
  }
  for (const [key, value] of Object.entries(doc))
    if (!(key in out) && !key.startsWith("x-") && key !== "security") out[key] = value;
  return out;
}

function decorateOperation(op: JsonRecord, endpoint: Endpoint, samples: readonly CodeSample[], href: string): void {
  if (endpoint.title) op["summary"] = endpoint.title;
  for (const key of Object.keys(op)) if (DROPPED_EXTENSIONS.test(key)) delete op[key];
  op["x-mint"] = { href };
  if (samples.length > 0)
    op["x-codeSamples"] = samples.map((s) => ({ lang: s.lang, label: s.label, source: s.source }));
}

/**
 * The methods an endpoint publishes: all of them when documented. An undocumented RPC endpoint owns its whole
 * path, so none; an undocumented REST endpoint removes only its own method.
 */
function publishedMethods(endpoint: Endpoint): ReadonlySet<string> {
  if (!endpoint.flags.undocumented) return new Set(endpoint.methods);
  if (endpoint.id === endpoint.path) return new Set();
  return new Set(endpoint.methods.filter((m) => m !== endpoint.preferredMethod));
}

/** The page of an endpoint on the docs site: `<prefix><path>`, plus the method for REST endpoints. */
export function pageHref(prefix: string, endpoint: Endpoint): string {
  // The API's root (`/`) is the prefix's own page (`/api`), not `/api/` (a page file named `api/.md`).
  const base = `${prefix.replace(/\/$/, "")}${endpoint.path === "/" ? "" : endpoint.path}`;
  return (endpoint.id === endpoint.path ? base : `${base}/${endpoint.preferredMethod}`) || "/";
}

/**
 * The operation with its examples left out (examples reach readers through `x-codeSamples`; the published document
 * carries none of its own): parameters', request media's and response media's `examples`, copied on write.
 */
function copyWithoutExamples(op: JsonRecord): JsonRecord {
  const out: JsonRecord = { ...op };
  if (Array.isArray(op.parameters)) out.parameters = op.parameters.map((p: unknown) => omitExamples(p));
  if (isObject(op.requestBody) && isObject(op.requestBody.content)) {
    out.requestBody = { ...op.requestBody, content: mapMembers(op.requestBody.content, omitExamples) };
  }
  if (isObject(op.responses)) {
    out.responses = mapMembers(op.responses, (res) =>
      isObject(res) && isObject(res.content) ? { ...res, content: mapMembers(res.content, omitExamples) } : res,
    );
  }
  return out;
}

/** The value without its own `examples` member (the same value when it has none). */
function omitExamples(value: unknown): unknown {
  if (!isObject(value) || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, "examples")) return value;
  const { examples: _examples, ...rest } = value;
  return rest;
}

/** Every member mapped, keys in their order (arrays stay arrays). */
function mapMembers(value: JsonRecord, fn: (member: unknown) => unknown): JsonRecord {
  if (Array.isArray(value)) return value.map(fn);
  return Object.fromEntries(Object.keys(value).map((key) => [key, fn(value[key])]));
}

function isObject(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function isMethod(key: string): boolean {
  return METHODS.has(key);
}
