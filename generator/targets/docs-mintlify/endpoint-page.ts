// One Mintlify page per endpoint (seed 003): title, quoted description, and the endpoint's slice of the
// OpenAPI document in a YAML block, as Mintlify shows it (only `x-codeSamples` among the extensions).
import type { JsonRecord } from "../../model/document.js";
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
  /** Dumped components by `<section>/<name>`, shared by the pages of one render (large schemas repeat on many pages). */
  componentYaml?: Map<string, string>;
}

export function buildEndpointPage(input: EndpointPageInput): EndpointPage {
  const slice = sliceEndpointDocument(input.document, input.path, input.method);
  const yaml = dumpSlice(slice, input.componentYaml ?? new Map());
  return {
    indexUrl: input.indexUrl.replace(/\s+/g, ""),
    title: input.title.replace(/\s+/g, " ").trim(),
    descriptionQuote: quoteMarkdown(input.description.trim()),
    fence: fenceFor(yaml),
    blockInfo: `yaml ${input.openapiFile} ${input.method} ${infoSafe(input.path)}`,
    yaml,
  };
}

/** The document reduced to one operation and the components it uses, shaped like seed 003's block. */
export function sliceEndpointDocument(doc: JsonRecord, path: string, method: string): JsonRecord {
  const op = doc["paths"]?.[path]?.[method] as JsonRecord | undefined;
  if (!op) throw new Error(`no operation ${method} ${path} in the document`);
  const pageOp = orderOperation(op);
  const components: JsonRecord = {};
  const schemes = usedSchemes(pageOp["security"] ?? doc["security"] ?? [], doc["components"]?.securitySchemes ?? {});
  if (Object.keys(schemes).length > 0) components["securitySchemes"] = schemes;
  for (const [section, entries] of Object.entries(referencedComponents(doc, pageOp))) components[section] = entries;
  const slice: JsonRecord = {
    openapi: doc["openapi"],
    info: doc["info"],
    servers: doc["servers"] ?? [],
    security: doc["security"] ?? [],
    tags: doc["tags"] ?? [],
    paths: { [path]: { [method]: pageOp } },
  };
  if (Object.keys(components).length > 0) slice["components"] = components;
  return slice;
}

/** The slice as YAML; `components` comes last, so each component's text can be dumped once and reused. */
export function dumpSlice(slice: JsonRecord, cache: Map<string, string>): string {
  const { components, ...head } = slice;
  if (!components) return dumpYaml(head);
  const parts = [dumpYaml(head), "components:\n"];
  for (const [section, entries] of Object.entries(components as Record<string, JsonRecord>)) {
    parts.push(`  ${dumpYaml({ [section]: {} }).replace(/ \{\}\n$/, "\n")}`);
    for (const [name, value] of Object.entries(entries)) {
      const key = `${section}/${name}`;
      let text = cache.get(key);
      if (text === undefined) {
        // Dumped at its real depth so quoting and folding are the same as in one whole dump.
        const whole = dumpYaml({ components: { [section]: { [name]: value } } });
        text = whole.slice(whole.indexOf("\n", whole.indexOf("\n") + 1) + 1);
        cache.set(key, text);
      }
      parts.push(text);
    }
  }
  return parts.join("");
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

/** Every `#/components/<section>/<name>` the operation reaches, followed through the components themselves. */
function referencedComponents(doc: JsonRecord, op: JsonRecord): Record<string, JsonRecord> {
  const found: Record<string, JsonRecord> = {};
  const queue: unknown[] = [op];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (typeof node === "object" && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (k !== "$ref" || typeof v !== "string") queue.push(v);
        else {
          const m = /^#\/components\/([^/]+)\/([^/]+)/.exec(v);
          if (!m) continue;
          const section = m[1] as string;
          const name = (m[2] as string).replace(/~1/g, "/").replace(/~0/g, "~");
          const value = doc["components"]?.[section]?.[name];
          if (value === undefined || found[section]?.[name] !== undefined) continue;
          (found[section] ??= {})[name] = value;
          queue.push(value);
        }
      }
    }
  }
  return found;
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
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(4, longest + 1));
}

/** Backticks and whitespace are not allowed in a fence's info string: percent-encode them. */
function infoSafe(path: string): string {
  return path.replace(/[`\s%]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}
