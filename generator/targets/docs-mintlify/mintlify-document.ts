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
  const doc = publishedShape(structuredClone(input.document));
  const paths = (doc["paths"] ?? {}) as JsonRecord;
  for (const item of Object.values(paths)) stripExamples(item);
  for (const endpoint of input.api.endpoints) {
    const item = paths[endpoint.path] as JsonRecord | undefined;
    if (!item) continue;
    if (endpoint.flags.undocumented) {
      removeEndpoint(paths, endpoint);
      continue;
    }
    const op = item[endpoint.preferredMethod] as JsonRecord | undefined;
    if (op) decorateOperation(op, endpoint, input.samplesFor(endpoint), pageHref(input.hrefPrefix, endpoint));
  }
  return doc;
}

/** Top-level keys in the corpus order; specsmith's API settings (`x-` keys) and an empty top-level security stay out. */
function publishedShape(doc: JsonRecord): JsonRecord {
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

/** An RPC endpoint owns every method of its path; a REST endpoint only its own method. */
function removeEndpoint(paths: JsonRecord, endpoint: Endpoint): void {
  const item = paths[endpoint.path] as JsonRecord;
  const methods = endpoint.id === endpoint.path ? endpoint.methods : [endpoint.preferredMethod];
  for (const m of methods) delete item[m];
  if (!Object.keys(item).some((k) => isMethod(k))) delete paths[endpoint.path];
}

/** The page of an endpoint on the docs site: `<prefix><path>`, plus the method for REST endpoints. */
export function pageHref(prefix: string, endpoint: Endpoint): string {
  const base = `${prefix.replace(/\/$/, "")}${endpoint.path}`;
  return endpoint.id === endpoint.path ? base : `${base}/${endpoint.preferredMethod}`;
}

/** Examples reach readers through `x-codeSamples`; the published document carries none of its own. */
function stripExamples(item: JsonRecord): void {
  for (const [method, op] of Object.entries(item)) {
    if (!isMethod(method) || typeof op !== "object" || op === null) continue;
    for (const p of (op.parameters ?? []) as JsonRecord[]) if (p && typeof p === "object") delete p["examples"];
    for (const media of Object.values((op.requestBody?.content ?? {}) as JsonRecord)) delete media?.examples;
    for (const res of Object.values((op.responses ?? {}) as JsonRecord)) {
      for (const media of Object.values((res?.content ?? {}) as JsonRecord)) delete media?.examples;
    }
  }
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function isMethod(key: string): boolean {
  return METHODS.has(key);
}
