// Loaded spec → Api: endpoints, routes tree, resources, auth schemes.
import { toCasings, toTitle } from "./casing.js";
import { componentsKey } from "./components-key.js";
import { assignComponentNames, createBundler, type Bundler } from "./document.js";
import { buildEndpoints, rebindBody, type EndpointContext } from "./endpoint.js";
import { SchemaFlattener, isObject } from "./schema.js";
import type { SpecEndpointFile, SpecInput } from "./source.js";
import type { Api, AuthScheme, Endpoint, Resource, Route } from "./types.js";

export function buildApi(spec: SpecInput): Api {
  const flattener = new SchemaFlattener(spec);
  const ctx: EndpointContext = { spec, flattener };
  const memo = createEndpointMemo(spec, ctx);
  const endpoints = spec.endpoints
    .flatMap((file) => memo(file, () => buildEndpoints(file, ctx)))
    .sort((a, b) => compare(a.path, b.path) || a.methods.length - b.methods.length);
  const head = (spec.shared ?? spec.endpoints[0])?.doc ?? {};
  const info = isObject(head.info) ? head.info : {};
  const apiExtensions = Object.fromEntries(Object.entries(head).filter(([k]) => k.startsWith("x-")));
  const routeMeta = isObject(head["x-routes"]) ? (head["x-routes"] as Record<string, Record<string, unknown>>) : {};
  const hasSdk = endpoints.length > 0 && endpoints.every((e) => e.sdk.fromExtensions);
  const clientName = String(head["x-client-name"] ?? spec.apiId);
  const api: Omit<Api, "document" | "findResources"> = {
    id: spec.apiId,
    title: String(info["title"] ?? spec.apiId),
    version: String(info["version"] ?? "0.0.0"),
    description: String(info["description"] ?? ""),
    servers: ((head.servers ?? []) as Record<string, unknown>[]).map((s) => ({
      url: String(s["url"] ?? ""),
      description: String(s["description"] ?? ""),
    })),
    authSchemes: collectAuthSchemes(spec),
    hasSdk,
    clientName: toCasings(clientName),
    endpoints,
    routes: buildRoutes(endpoints, routeMeta),
    get resources() {
      return resources.all();
    },
    extensions: apiExtensions,
  };
  const resources = createResourceIndex(spec, flattener, memoResources(spec));
  Object.defineProperty(api, "findResources", { enumerable: false, value: resources.where });
  // Bundling is lazy (only whole-document targets need it) and shared by the document and each endpoint's path item.
  let bundler: Bundler | undefined;
  const getBundler = () => (bundler ??= createBundler(spec, memoNames(spec)));
  const byEndpoint = new Map(spec.endpoints.map((file) => [file.rel, file]));
  for (const endpoint of endpoints) {
    let item: Record<string, any> | undefined;
    const file = byEndpoint.get(endpoint.source.file);
    Object.defineProperty(endpoint, "pathItem", {
      enumerable: false,
      configurable: true, // a later build that reuses the endpoint (see createEndpointMemo) points it at its bundle
      get: () => (item ??= file ? getBundler().pathItem(file) : {}),
    });
  }
  let document: Record<string, any> | undefined;
  let frame: Record<string, any> | undefined;
  Object.defineProperty(api, "componentNamesKey", { enumerable: false, get: () => getBundler().namesKey() });
  Object.defineProperty(api, "documentFrame", { enumerable: false, get: () => (frame ??= memoFrame(spec, () => getBundler().frame())) });
  return Object.defineProperty(api, "document", {
    enumerable: false,
    get: () => (document ??= getBundler().document()),
  }) as Api;
}

// The endpoints each API's last build made, by file and input hash: a watch session rebuilds only changed files.
const lastBuilds = new Map<string, Map<string, Endpoint[]>>();

/**
 * Reuses the previous build's endpoints of a file whose text, `$ref` targets (input hash) and `_api.yaml` are
 * unchanged; a body not built yet will build against this build's spec (`ctx`). Needs the loader's input hashes
 * (a SpecInput without them is always built afresh).
 */
function createEndpointMemo(spec: SpecInput, ctx: EndpointContext): (file: SpecEndpointFile, build: () => Endpoint[]) => Endpoint[] {
  const hashes = spec.inputHashes;
  if (!hashes) return (_file, build) => build();
  const previous = lastBuilds.get(spec.apiId);
  const current = new Map<string, Endpoint[]>();
  lastBuilds.set(spec.apiId, current);
  const shared = spec.shared ? (hashes.get(spec.shared.rel) ?? "") : "";
  return (file, build) => {
    const key = `${file.rel}\0${hashes.get(file.rel) ?? ""}\0${shared}`;
    const kept = previous?.get(key);
    for (const endpoint of kept ?? []) rebindBody(endpoint, ctx);
    const endpoints = kept ?? build();
    current.set(key, endpoints);
    return endpoints;
  };
}

// API-level values of each API's last build, by a key of what they are made from: a watch session's next build
// reuses those whose inputs are unchanged (only with the loader's input hashes; otherwise everything is built).
const lastBuilt = new Map<string, { key: string; value: unknown }>();

function reuseLast<T>(spec: SpecInput, what: string, key: (hashes: ReadonlyMap<string, string>) => string | null, build: () => T): T {
  const k = spec.inputHashes ? key(spec.inputHashes) : null;
  if (k === null) return build();
  const slot = `${spec.apiId}\0${what}`;
  const previous = lastBuilt.get(slot);
  if (previous?.key === k) return previous.value as T;
  const value = build();
  lastBuilt.set(slot, { key: k, value });
  return value;
}

/** Resources come from `_api.yaml` alone: the ones already built, by name (null: not an object schema). */
function memoResources(spec: SpecInput): Map<string, Resource | null> {
  return reuseLast(spec, "resources", (hashes) => (spec.shared ? (hashes.get(spec.shared.rel) ?? "") : null), () => new Map());
}

/** Bundled component names come from every file's components. */
function memoNames(spec: SpecInput): Map<string, string> {
  const key = (hashes: ReadonlyMap<string, string>) => `${spec.shared ? hashes.get(spec.shared.rel) : "-"}\0${componentsKey(spec)}`;
  return reuseLast(spec, "names", key, () => assignComponentNames(spec));
}

/** The document frame reads the API-level members (`_api.yaml`, or the first endpoint file without one) and every file's components. */
function memoFrame(spec: SpecInput, build: () => Record<string, any>): Record<string, any> {
  const key = (hashes: ReadonlyMap<string, string>) => {
    const first = spec.endpoints[0];
    const head = spec.shared ? `${spec.shared.rel}\0${hashes.get(spec.shared.rel)}` : `${first?.rel}\0${first && hashes.get(first.rel)}`;
    // Without security of its own, the head takes the first endpoint file's.
    return `${head}\0${JSON.stringify(first?.doc?.security ?? null)}\0${componentsKey(spec)}`;
  };
  return reuseLast(spec, "frame", key, build);
}

function collectAuthSchemes(spec: SpecInput): AuthScheme[] {
  const all = new Map<string, Record<string, unknown>>();
  for (const file of [spec.shared, ...spec.endpoints]) {
    const schemes = file?.doc?.components?.securitySchemes;
    if (!isObject(schemes)) continue;
    for (const [id, s] of Object.entries(schemes)) if (isObject(s) && !all.has(id)) all.set(id, s);
  }
  return [...all.entries()].map(([id, s]) => ({
    id,
    type: s["type"] as AuthScheme["type"],
    scheme: typeof s["scheme"] === "string" ? s["scheme"] : null,
    bearerFormat: typeof s["bearerFormat"] === "string" ? s["bearerFormat"] : null,
    name: typeof s["name"] === "string" ? s["name"] : null,
    in: (s["in"] as AuthScheme["in"]) ?? null,
    description: String(s["description"] ?? ""),
  }));
}

/** Every route an endpoint lives in, plus their ancestors, titled from `x-routes` or the last segment. */
export function buildRoutes(endpoints: readonly Endpoint[], meta: Record<string, Record<string, unknown>>): Route[] {
  const paths = new Set<string>();
  for (const e of endpoints) {
    const segments = e.routePath.split("/").filter(Boolean);
    for (let i = 1; i <= segments.length; i++) paths.add("/" + segments.slice(0, i).join("/"));
  }
  const sorted = [...paths].sort(compare);
  // Each route's endpoint ids (in `endpoints` order) and children (in sorted order), by the route's path.
  const ids = new Map<string, string[]>();
  for (const e of endpoints) {
    const list = ids.get(e.routePath);
    if (list) list.push(e.id);
    else ids.set(e.routePath, [e.id]);
  }
  const children = new Map<string, string[]>();
  for (const p of sorted) {
    const parent = p.slice(0, p.lastIndexOf("/"));
    const list = children.get(parent);
    if (list) list.push(p);
    else children.set(parent, [p]);
  }
  return sorted.map((path): Route => {
    const m = meta[path] ?? {};
    const alpha = m["alpha"];
    return {
      path,
      title: typeof m["title"] === "string" ? m["title"] : toTitle(path.slice(path.lastIndexOf("/") + 1)),
      description: typeof m["description"] === "string" ? m["description"] : "",
      alpha: alpha !== undefined && alpha !== false,
      alphaMessage: typeof alpha === "string" ? alpha : "",
      undocumented: m["undocumented"] !== undefined && m["undocumented"] !== false,
      endpointIds: ids.get(path) ?? [],
      children: children.get(path) ?? [],
      resources: Array.isArray(m["resources"]) ? m["resources"].map(String) : [],
    };
  });
}

/**
 * `_api.yaml`'s schemas as resources, each flattened when first asked for (a page that links one resource does not
 * flatten the other thousand); `built` keeps them, and a watch session hands it to the next build.
 */
function createResourceIndex(spec: SpecInput, flattener: SchemaFlattener, built: Map<string, Resource | null>) {
  const schemas = spec.shared?.doc?.components?.schemas;
  const rel = spec.shared?.rel ?? "";
  const candidates = isObject(schemas) && spec.shared
    ? Object.entries(schemas).map(([name, s]) => {
        const routePath = isObject(s) ? s["x-route-path"] : undefined;
        return { name, raw: s, routePath: typeof routePath === "string" ? routePath : null };
      })
    : [];
  const build = (c: (typeof candidates)[number]): Resource | null => {
    let resource = built.get(c.name);
    if (resource !== undefined) return resource;
    const schema = flattener.flatten({ $ref: `#/components/schemas/${escapeRef(c.name)}` }, rel);
    const samples = isObject(c.raw) && Array.isArray(c.raw["x-resource-samples"]) ? c.raw["x-resource-samples"] : [];
    resource =
      schema.type !== "object"
        ? null
        : {
            name: c.name,
            description: schema.description,
            schema,
            routePath: c.routePath,
            samples: samples.filter(isObject).map((x) => ({
              title: String(x["title"] ?? c.name),
              description: String(x["description"] ?? ""),
              value: x["value"],
            })),
          };
    built.set(c.name, resource);
    return resource;
  };
  const where = (test: (name: string, routePath: string | null) => boolean): Resource[] =>
    candidates.filter((c) => test(c.name, c.routePath)).flatMap((c) => build(c) ?? []);
  let all: Resource[] | undefined;
  return { where, all: () => (all ??= where(() => true)) };
}

function escapeRef(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
