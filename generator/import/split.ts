// One whole OpenAPI document → one document per URL path plus the shared `_api.yaml` document.
import { toPointer, type Problem } from "../errors.js";
import { attachExamples } from "./attach-examples.js";
import { renameUnsafeExampleKeys } from "./example-keys.js";
import { pickComponents, rewriteRefs, splitComponents } from "./components.js";
import { apiFileRef, toEndpointFileName } from "./file-names.js";
import { isHttpMethod, orderPathItem } from "./methods.js";
import type { SampleDefinition } from "./samples.js";

type Obj = Record<string, any>;

export interface SplitOptions {
  /** Source file as the user should see it, for problems. */
  sourceName: string;
  samples?: readonly SampleDefinition[];
  routes?: Record<string, unknown> | undefined;
}

export interface SplitDoc {
  /** Posix path relative to the output dir. */
  file: string;
  doc: Obj;
}

export interface SplitResult {
  api: SplitDoc;
  endpoints: SplitDoc[];
  operations: number;
  warnings: string[];
  problems: Problem[];
}

// Top-level keys every endpoint file repeats; the rest of the top level goes to _api.yaml only.
const HEAD_KEYS = ["openapi", "info", "jsonSchemaDialect", "servers"];

export function splitSpec(source: Obj, opts: SplitOptions): SplitResult {
  const paths = (source["paths"] ?? {}) as Obj;
  const split = splitComponents(paths, source["components"]);
  const shared = new Set(split.shared);
  const warnings = split.unresolved.map((id) => `unresolved $ref: #${id}`);
  const problems: Problem[] = [];
  const samplesByPath = groupSamples(opts.samples ?? [], paths, warnings);
  const endpoints: SplitDoc[] = [];
  let operations = 0;
  for (const [urlPath, item] of Object.entries(paths)) {
    const name = toEndpointFileName(urlPath);
    if ("error" in name) {
      problems.push({ file: opts.sourceName, line: 0, col: 0, pointer: toPointer(["paths", urlPath]), message: name.error });
      continue;
    }
    const pathItem = rewriteRefs(orderPathItem(item as Obj), shared, `${apiFileRef(name.file)}`) as Obj;
    renameUnsafeExampleKeys(pathItem);
    operations += Object.keys(pathItem).filter(isHttpMethod).length;
    warnings.push(...attachExamples(pathItem, urlPath, samplesByPath.get(urlPath) ?? []));
    const local = pickComponents(source["components"], split.local.get(urlPath) ?? []);
    const localRefs = rewriteRefs(local, shared, apiFileRef(name.file)) as Obj;
    endpoints.push({ file: name.file, doc: buildEndpointDoc(source, urlPath, pathItem, localRefs) });
  }
  warnings.push(...findCaseClashes(endpoints.map((e) => e.file)));
  const api = { file: "_api.yaml", doc: buildApiDoc(source, pickComponents(source["components"], split.shared), opts.routes) };
  return { api, endpoints, operations, warnings, problems };
}

function buildEndpointDoc(source: Obj, urlPath: string, pathItem: Obj, local: Obj): Obj {
  const doc: Obj = pickKeys(source, HEAD_KEYS);
  doc["security"] = source["security"] ?? [];
  if (source["tags"] !== undefined) doc["tags"] = source["tags"];
  doc["paths"] = { [urlPath]: pathItem };
  const schemes = pickSecuritySchemes(source, pathItem);
  const components: Obj = {};
  if (Object.keys(schemes).length > 0) components["securitySchemes"] = schemes;
  Object.assign(components, local);
  if (Object.keys(components).length > 0) doc["components"] = components;
  return doc;
}

function buildApiDoc(source: Obj, shared: Obj, routes: Record<string, unknown> | undefined): Obj {
  const doc: Obj = pickKeys(source, HEAD_KEYS);
  if (source["tags"] !== undefined) doc["tags"] = source["tags"];
  doc["paths"] = {};
  const components: Obj = {};
  const schemes = source["components"]?.["securitySchemes"];
  if (schemes && Object.keys(schemes).length > 0) components["securitySchemes"] = schemes;
  Object.assign(components, shared);
  doc["components"] = components;
  const handled = new Set([...HEAD_KEYS, "tags", "paths", "components", "security"]);
  for (const [k, v] of Object.entries(source)) if (!handled.has(k) && !(routes && k === "x-routes")) doc[k] = v;
  if (routes) doc["x-routes"] = routes;
  return doc;
}

/** The security schemes the path's operations use, in order of first use (as seed 003 lists them). */
function pickSecuritySchemes(source: Obj, pathItem: Obj): Obj {
  const all = (source["components"]?.["securitySchemes"] ?? {}) as Obj;
  const out: Obj = {};
  for (const [method, op] of Object.entries(pathItem)) {
    if (!isHttpMethod(method)) continue;
    const requirements = (op?.["security"] ?? source["security"] ?? []) as Obj[];
    for (const req of requirements) {
      for (const name of Object.keys(req ?? {})) if (name in all && !(name in out)) out[name] = all[name];
    }
  }
  return out;
}

function groupSamples(samples: readonly SampleDefinition[], paths: Obj, warnings: string[]): Map<string, SampleDefinition[]> {
  const byPath = new Map<string, SampleDefinition[]>();
  for (const s of samples) {
    if (!(s.path in paths)) {
      warnings.push(`${s.where}: code sample "${s.title}": path ${s.path} is not in the spec`);
      continue;
    }
    byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  }
  return byPath;
}

function findCaseClashes(files: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const f of files) {
    const lower = f.toLowerCase();
    const other = seen.get(lower);
    if (other) out.push(`${f} and ${other} differ only in case (they clash on case-insensitive file systems)`);
    else seen.set(lower, f);
  }
  return out;
}

function pickKeys(source: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
