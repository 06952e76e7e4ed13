// Api.document: one OpenAPI document from the per-endpoint files, for targets that need a whole
// document (openapi-typescript, the Mintlify openapi.json): paths in file order, components merged,
// every `$ref` rewritten to point inside the one document.
import type { SpecInput } from "./source.js";

export type JsonRecord = Record<string, any>;

interface Bundler {
  spec: SpecInput;
  components: Record<string, JsonRecord>;
  /** `<file>#<section>/<name>` → name in the bundle. */
  names: Map<string, string>;
  /** `<section>/<bundled name>` → the definition's JSON, to tell same-named definitions apart. */
  taken: Map<string, string>;
}

export function bundleSpecDocument(spec: SpecInput): JsonRecord {
  const head = spec.shared?.doc ?? spec.endpoints[0]?.doc ?? {};
  const bundler: Bundler = { spec, components: {}, names: new Map(), taken: new Map() };
  const files = [...(spec.shared ? [spec.shared] : []), ...spec.endpoints];
  for (const file of files) registerComponents(bundler, file.rel, file.doc);
  for (const file of files) copyComponents(bundler, file.rel, file.doc);
  const paths: JsonRecord = {};
  for (const file of spec.endpoints) {
    for (const [path, item] of Object.entries((file.doc?.paths ?? {}) as JsonRecord)) {
      paths[path] = rewriteRefs(bundler, file.rel, item);
    }
  }
  const security = head.security ?? spec.endpoints[0]?.doc?.security;
  const doc: JsonRecord = { openapi: head.openapi ?? "3.0.0", info: head.info ?? {}, servers: head.servers ?? [] };
  if (Array.isArray(security) && security.length > 0) doc["security"] = security;
  doc["components"] = bundler.components;
  if (Array.isArray(head.tags)) doc["tags"] = head.tags;
  doc["paths"] = paths;
  return doc;
}

/** Names every component; a name already taken by a different definition gets `_2`, `_3`. */
function registerComponents(b: Bundler, rel: string, doc: JsonRecord | null): void {
  for (const [section, entries] of Object.entries((doc?.components ?? {}) as Record<string, JsonRecord>)) {
    for (const [name, value] of Object.entries(entries ?? {})) {
      const text = JSON.stringify(value);
      let candidate = name;
      for (let n = 2; b.taken.has(`${section}/${candidate}`) && b.taken.get(`${section}/${candidate}`) !== text; n++) {
        candidate = `${name}_${n}`;
      }
      b.names.set(`${rel}#${section}/${name}`, candidate);
      b.taken.set(`${section}/${candidate}`, text);
    }
  }
}

function copyComponents(b: Bundler, rel: string, doc: JsonRecord | null): void {
  for (const [section, entries] of Object.entries((doc?.components ?? {}) as Record<string, JsonRecord>)) {
    const target = (b.components[section] ??= {});
    for (const [name, value] of Object.entries(entries ?? {})) {
      const bundled = b.names.get(`${rel}#${section}/${name}`) ?? name;
      if (!(bundled in target)) target[bundled] = rewriteRefs(b, rel, value);
    }
  }
}

/** A deep copy with `$ref`s into any file's components pointing at the bundled components. */
function rewriteRefs(b: Bundler, rel: string, value: unknown): any {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(b, rel, v));
  if (typeof value !== "object" || value === null) return value;
  const out: JsonRecord = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "$ref" && typeof v === "string" ? bundledRef(b, rel, v) : rewriteRefs(b, rel, v);
  }
  return out;
}

function bundledRef(b: Bundler, rel: string, ref: string): string {
  const resolved = b.spec.resolve(rel, ref);
  const match = /^\/components\/([^/]+)\/([^/]+)(.*)$/.exec(resolved.pointer);
  if (!match) return `#${resolved.pointer}`;
  const [, section, name, rest] = match as unknown as [string, string, string, string];
  const key = `${resolved.file.rel}#${section}/${decodeSegment(name)}`;
  const bundled = b.names.get(key) ?? decodeSegment(name);
  return `#/components/${section}/${encodeSegment(bundled)}${rest}`;
}

function decodeSegment(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

function encodeSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}
