// One OpenAPI document from the per-endpoint files: openapi-typescript (and other whole-document tools) need it.
import type { SpecEndpointFile, SpecFile, SpecInput } from "./source.js";

const COMPONENT_KINDS = ["schemas", "parameters", "responses", "requestBodies", "headers", "examples", "links", "callbacks"];

export type BundleInput = Pick<SpecInput, "shared" | "endpoints" | "resolve">;

export interface Bundler {
  /** The whole document (see bundleDocument). */
  document(): Record<string, any>;
  /** The document with empty `paths` (same members, same order): what whole-API work needs besides the path items. */
  frame(): Record<string, any>;
  /** One endpoint file's path item exactly as it appears in the document's `paths`. */
  pathItem(file: SpecEndpointFile): Record<string, any>;
  /** The bundled name of every file's components, as one string (a path item's refs depend on nothing else across files). */
  namesKey(): string;
}

/** All paths (sorted), `_api.yaml` components plus each file's own; every `$ref` rewritten to `#/components/<kind>/<name>`. */
export function bundleDocument(spec: BundleInput): Record<string, any> {
  return createBundler(spec).document();
}

/** Component names are assigned over every file once; path items can then be bundled one by one. */
export function createBundler(spec: BundleInput, names: Map<string, string> = assignComponentNames(spec)): Bundler {
  const head: Record<string, any> = spec.shared?.doc ?? spec.endpoints[0]?.doc ?? {};
  const rewrite = createRewriter(spec, names);
  const security = head["security"] ?? spec.endpoints[0]?.doc?.security;
  // Each file's path item and the components are rewritten once per bundler: the document, its frame and the
  // endpoints' path items share them (read-only, like everything the bundler returns). On GitHub's spec the
  // document and the frame had each rewritten every component, the document and docs/mintlify every path item.
  const items = new WeakMap<SpecEndpointFile, Record<string, any>>();
  const pathItem = (file: SpecEndpointFile) => {
    let item = items.get(file);
    if (!item) {
      item = pushDownSecurity(rewrite(file.doc?.paths?.[file.path] ?? {}, file.rel) as Record<string, any>, file.doc?.security, security);
      items.set(file, item);
    }
    return item;
  };
  let bundled: Record<string, Record<string, unknown>> | undefined;
  const bundleComponents = () => {
    if (bundled) return bundled;
    const components: Record<string, Record<string, unknown>> = {};
    for (const file of componentFiles(spec)) {
      for (const kind of COMPONENT_KINDS) {
        const entries = file.doc?.components?.[kind];
        if (!isObject(entries)) continue;
        for (const [name, value] of Object.entries(entries)) {
          const target = (components[kind] ??= {});
          target[names.get(keyOf(file.rel, kind, name)) ?? name] = rewrite(value, file.rel);
        }
      }
      const schemes = file.doc?.components?.securitySchemes;
      if (isObject(schemes)) for (const [id, s] of Object.entries(schemes)) ((components["securitySchemes"] ??= {})[id] ??= s as never);
    }
    return (bundled = components);
  };
  const build = (withPaths: boolean) => {
    const components = bundleComponents();
    const paths: Record<string, unknown> = {};
    const files = withPaths ? [...spec.endpoints].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : [];
    for (const file of files) paths[file.path] = pathItem(file);
    const doc: Record<string, unknown> = { openapi: head["openapi"] ?? "3.0.0", info: head["info"] ?? { title: "API", version: "0.0.0" } };
    for (const key of ["servers", "tags"]) if (head[key] !== undefined) doc[key] = head[key];
    if (security !== undefined) doc["security"] = security;
    doc["paths"] = paths;
    doc["components"] = components;
    for (const [k, v] of Object.entries(head)) if (k.startsWith("x-")) doc[k] = v;
    return doc;
  };
  const namesKey = () => {
    let key = namesKeys.get(names);
    if (key === undefined) namesKeys.set(names, (key = JSON.stringify([...names.entries()].filter(([k, name]) => !k.endsWith(`/${name}`)))));
    return key;
  };
  return { document: () => build(true), frame: () => build(false), pathItem, namesKey };
}

/**
 * An endpoint file whose top-level security differs from the bundle's keeps it on its operations. Copies what it
 * changes: the item may share objects with the loaded file (see createRewriter).
 */
function pushDownSecurity(item: Record<string, any>, fileSecurity: unknown, bundleSecurity: unknown): Record<string, any> {
  if (fileSecurity === undefined || JSON.stringify(fileSecurity) === JSON.stringify(bundleSecurity)) return item;
  const out: Record<string, any> = { ...item };
  for (const [key, op] of Object.entries(item)) {
    if (isObject(op) && !key.startsWith("x-") && key !== "parameters" && op["security"] === undefined) out[key] = { ...op, security: fileSecurity };
  }
  return out;
}

function componentFiles(spec: BundleInput): SpecFile[] {
  return [...(spec.shared ? [spec.shared] : []), ...spec.endpoints];
}

function keyOf(rel: string, kind: string, name: string): string {
  return `${rel}#${kind}/${name}`;
}

// By names map: a watch session hands the same map to the next build while the components are unchanged.
const namesKeys = new WeakMap<Map<string, string>, string>();

/** Shared names win; a per-file name that clashes with a different component gets `_2`, `_3`... */
export function assignComponentNames(spec: BundleInput): Map<string, string> {
  const names = new Map<string, string>();
  // A component's JSON text is made only when another one asks for its name (most APIs keep every component in
  // `_api.yaml`, where names cannot clash).
  const taken = new Map<string, { value: unknown; text?: string }>();
  const textOf = (entry: { value: unknown; text?: string }) => (entry.text ??= JSON.stringify(entry.value));
  for (const file of componentFiles(spec)) {
    for (const kind of COMPONENT_KINDS) {
      const entries = file.doc?.components?.[kind];
      if (!isObject(entries)) continue;
      for (const [name, value] of Object.entries(entries)) {
        const own = { value };
        let candidate = name;
        for (let n = 2; ; n++) {
          const held = taken.get(`${kind}/${candidate}`);
          if (held === undefined || textOf(held) === textOf(own)) break;
          candidate = `${name}_${n}`;
        }
        taken.set(`${kind}/${candidate}`, own);
        names.set(keyOf(file.rel, kind, name), candidate);
      }
    }
  }
  return names;
}

function createRewriter(spec: BundleInput, names: Map<string, string>) {
  const cache = new Map<string, string>();
  function target(fromRel: string, ref: string): string | null {
    const resolved = spec.resolve(fromRel, ref);
    const segments = resolved.pointer.replace(/^#/, "").split("/").slice(1).map(unescape);
    if (segments.length !== 3 || segments[0] !== "components") return null;
    const [, kind, name] = segments as [string, string, string];
    const bundled = names.get(keyOf(resolved.file.rel, kind, name)) ?? name;
    return `#/components/${kind}/${escape(bundled)}`;
  }
  // A value with no `$ref` to rewrite below it is returned as it is: the bundled document shares it with the loaded
  // file, so nothing may mutate either (test/model/frozen-spec.test.ts renders every target from frozen files).
  function rewrite(value: unknown, fromRel: string): unknown {
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        const r = rewrite(v, fromRel);
        if (r !== v) out ??= value.slice(0, i);
        if (out) out[i] = r;
      }
      return out ?? value;
    }
    if (!isObject(value)) return value;
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = value[k];
      let r: unknown;
      if (k === "$ref" && typeof v === "string") {
        const key = `${fromRel}|${v}`;
        let ref = cache.get(key);
        if (ref === undefined) {
          ref = target(fromRel, v) ?? v;
          cache.set(key, ref);
        }
        r = ref;
      } else r = rewrite(v, fromRel);
      if (r !== v && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j] as string] = value[keys[j] as string];
      }
      if (out) out[k] = r;
    }
    return out ?? value;
  }
  return rewrite;
}

function unescape(s: string): string {
  return decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~");
}

function escape(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
export type JsonRecord = Record<string, any>;
