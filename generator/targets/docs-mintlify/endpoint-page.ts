// One Mintlify page per endpoint (seed 003): title, quoted description, and the endpoint's slice of the
// OpenAPI document in a YAML block, as Mintlify shows it (only `x-codeSamples` among the extensions).
import type { JsonRecord } from "../../model/document.js";
import { type ComponentIndex, createComponentIndex, dumpComponent, selectPageComponents } from "./component-slice.js";
import { dumpYaml } from "./yaml-dump.js";

/** Operation keys in the order Mintlify writes them; other keys follow, `x-codeSamples` last. */
const OPERATION_ORDER = ["tags", "summary", "description", "operationId", "parameters", "requestBody", "responses"];

export interface EndpointPage {
  /** Quoted "Documentation Index" preamble pointing at llms.txt, when the API names one. */
  indexUrl: string;
  title: string;
  /** The description as a markdown block quote (empty when there is none). */
  descriptionQuote: string;
  fence: string;
  /** Info string of the YAML block: `yaml /openapi.json post /path`. */
  blockInfo: string;
  yaml: string;
}

export interface EndpointPageInput {
  document: JsonRecord;
  path: string;
  method: string;
  title: string;
  description: string;
  openapiFile: string;
  indexUrl: string;
  /** Component references and YAML shared by the pages of one render (large schemas repeat on many pages). */
  components?: ComponentIndex;
  /** The published operation, when `document` holds no paths (a page made from its endpoint alone). */
  operation?: JsonRecord;
}

export function buildEndpointPage(input: EndpointPageInput): EndpointPage {
  const components = input.components ?? createComponentIndex(input.document);
  const slice = sliceEndpointDocument(input.document, input.path, input.method, components, input.operation);
  const yaml = dumpSlice(slice, components.yaml);
  return {
    indexUrl: input.indexUrl.replace(/\s+/g, ""),
    title: input.title.replace(/\s+/g, " ").trim(),
    descriptionQuote: quoteMarkdown(input.description.trim()),
    fence: fenceFor(yaml),
    blockInfo: `yaml ${input.openapiFile} ${input.method} ${infoSafe(input.path)}`,
    yaml,
  };
}

/**
 * The document reduced to one operation (`operation`, else the document's own at `path`/`method`) and the
 * components its page carries (see component-slice.ts), shaped like seed 003's block.
 */
export function sliceEndpointDocument(
  doc: JsonRecord,
  path: string,
  method: string,
  components = createComponentIndex(doc),
  operation?: JsonRecord,
): JsonRecord {
  const op = operation ?? (doc["paths"]?.[path]?.[method] as JsonRecord | undefined);
  if (!op) throw new Error(`no operation ${method} ${path} in the document`);
  const pageOp = orderOperation(op);
  const parts: JsonRecord = {};
  const schemes = usedSchemes(pageOp["security"] ?? doc["security"] ?? [], doc["components"]?.securitySchemes ?? {});
  if (Object.keys(schemes).length > 0) parts["securitySchemes"] = schemes;
  for (const [section, entries] of Object.entries(selectPageComponents(components, pageOp))) parts[section] = entries;
  const slice: JsonRecord = {
    openapi: doc["openapi"],
    info: doc["info"],
    servers: doc["servers"] ?? [],
    security: doc["security"] ?? [],
    tags: doc["tags"] ?? [],
    paths: { [path]: { [method]: pageOp } },
  };
  if (Object.keys(parts).length > 0) slice["components"] = parts;
  return slice;
}

/**
 * The slice as YAML, one top-level key at a time (block YAML dumps them independently): the keys every page
 * shares (info, tags…) and each component are dumped once and reused, keyed by their JSON or `<section>/<name>`.
 */
export function dumpSlice(slice: JsonRecord, cache: Map<string, string>): string {
  const { components, ...head } = slice;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(head)) {
    if (value === undefined) continue;
    parts.push(key === "paths" ? dumpYaml({ paths: value }) : dumpShared(key, value, cache));
  }
  if (!components) return parts.length > 0 ? parts.join("") : dumpYaml({});
  parts.push("components:\n");
  for (const [section, entries] of Object.entries(components as Record<string, JsonRecord>)) {
    parts.push(`  ${dumpYaml({ [section]: {} }).replace(/ \{\}\n$/, "\n")}`);
    for (const [name, value] of Object.entries(entries)) {
      const key = `${section}/${name}`;
      let text = cache.get(key);
      if (text === undefined) {
        text = dumpComponent(section, name, value);
        cache.set(key, text);
      }
      parts.push(text);
    }
  }
  return parts.join("");
}

/** A top-level key every page repeats; its cache key starts with `#`, which component keys never do. */
function dumpShared(key: string, value: unknown, cache: Map<string, string>): string {
  // Pages share these values as the same objects: found by identity first, without printing them as JSON.
  const known = typeof value === "object" && value !== null ? sharedByIdentity(cache).get(value) : undefined;
  if (known?.key === key) return known.text;
  const text = dumpSharedByJson(key, value, cache);
  if (typeof value === "object" && value !== null) sharedByIdentity(cache).set(value, { key, text });
  return text;
}

const identityCaches = new WeakMap<Map<string, string>, WeakMap<object, { key: string; text: string }>>();

function sharedByIdentity(cache: Map<string, string>): WeakMap<object, { key: string; text: string }> {
  let byValue = identityCaches.get(cache);
  if (!byValue) {
    byValue = new WeakMap();
    identityCaches.set(cache, byValue);
  }
  return byValue;
}

function dumpSharedByJson(key: string, value: unknown, cache: Map<string, string>): string {
  const cacheKey = `#${JSON.stringify([key, value])}`;
  let text = cache.get(cacheKey);
  if (text === undefined) {
    text = dumpYaml({ [key]: value });
    cache.set(cacheKey, text);
  }
  return text;
}

function orderOperation(op: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const key of OPERATION_ORDER) if (key in op) out[key] = op[key];
  for (const [key, value] of Object.entries(op)) {
    if (!(key in out) && !key.startsWith("x-")) out[key] = value;
  }
  if ("x-codeSamples" in op) out["x-codeSamples"] = op["x-codeSamples"];
  return out;
}

/** Schemes named by the security requirements, in the order they are first named. */
function usedSchemes(security: unknown, schemes: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const requirement of Array.isArray(security) ? security : []) {
    for (const id of Object.keys(requirement ?? {})) if (id in schemes && !(id in out)) out[id] = schemes[id];
  }
  return out;
}

/** Block-quotes every line (a bare `>` on blank lines). */
export function quoteMarkdown(text: string): string {
  if (text === "") return "";
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");
}

/** Four backticks, or one more than the longest run of backticks in the content, so no line can close the block. */
export function fenceFor(content: string): string {
  let longest = 0;
  // A scan, not a match: YAML of a large slice can hold more backtick runs than a spread takes arguments.
  for (let at = content.indexOf("`"); at >= 0; at = content.indexOf("`", at)) {
    let end = at + 1;
    while (content.charCodeAt(end) === 96) end++;
    longest = Math.max(longest, end - at);
    at = end;
  }
  return "`".repeat(Math.max(4, longest + 1));
}

/** Backticks and whitespace are not allowed in a fence's info string: percent-encode them. */
function infoSafe(path: string): string {
  return path.replace(/[`\s%]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}
