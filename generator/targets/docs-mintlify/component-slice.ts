// Which components an endpoint page's YAML block carries, with each component's references and YAML text
// computed once per document (pages of one render share them).
//
// The rule (bounded, deterministic): a page carries every component its operation references directly,
// whatever their size; then the components those reference, breadth-first in order of first reference,
// for as long as the page's component text stays within PAGE_COMPONENT_BUDGET characters. The first
// component that does not fit ends the walk, so a page carries a breadth-first prefix of the closure.
// Components left out stay `$ref: '#/components/...'`, which resolves in the document the block names
// (`/openapi.json`). APIs whose closures are small (GitBook-sized specs, Seam, nearly all of GitHub) get
// the whole closure; densely linked ones (Stripe: ~800 kB of schemas reachable from any operation) get
// pages of a readable size instead of every page repeating the whole schema graph.
import type { JsonRecord } from "../../model/document.js";
import { dumpYaml } from "./yaml-dump.js";

/** Characters of component YAML (direct references included) past which no indirect component is added. */
export const PAGE_COMPONENT_BUDGET = 64 * 1024;

/** Per-document memo: a component's direct references and its YAML text, by `<section>/<name>`. */
export interface ComponentIndex {
  document: JsonRecord;
  yaml: Map<string, string>;
  refs: Map<string, readonly string[]>;
}

export function createComponentIndex(document: JsonRecord, yaml = new Map<string, string>()): ComponentIndex {
  return { document, yaml, refs: new Map() };
}

/** The components a page for `op` carries, grouped by section in order of first use. */
export function selectPageComponents(
  index: ComponentIndex,
  op: unknown,
  budget = PAGE_COMPONENT_BUDGET,
): Record<string, JsonRecord> {
  const seen = new Set<string>();
  const chosen = collectRefs(index, op, seen, []);
  let size = chosen.reduce((sum, key) => sum + componentYaml(index, key).length, 0);
  walk: for (let i = 0; i < chosen.length; i++) {
    for (const key of refsOf(index, chosen[i] as string)) {
      if (seen.has(key)) continue;
      seen.add(key);
      size += componentYaml(index, key).length;
      if (size > budget) break walk;
      chosen.push(key);
    }
  }
  const out: Record<string, JsonRecord> = {};
  for (const key of chosen) {
    const [section, name] = splitKey(key);
    (out[section] ??= {})[name] = componentValue(index.document, section, name);
  }
  return out;
}

/**
 * A component's YAML as it sits under `components:`: dumped at its real depth so quoting and folding
 * are the same as in one whole dump of the slice, and cached for every later page.
 */
export function componentYaml(index: ComponentIndex, key: string): string {
  let text = index.yaml.get(key);
  if (text === undefined) {
    const [section, name] = splitKey(key);
    text = dumpComponent(section, name, componentValue(index.document, section, name));
    index.yaml.set(key, text);
  }
  return text;
}

/** `<section>:` … `<name>: value` lines of one component, without the `components:` line. */
export function dumpComponent(section: string, name: string, value: unknown): string {
  const whole = dumpYaml({ components: { [section]: { [name]: value } } });
  return whole.slice(whole.indexOf("\n", whole.indexOf("\n") + 1) + 1);
}

function refsOf(index: ComponentIndex, key: string): readonly string[] {
  let refs = index.refs.get(key);
  if (refs === undefined) {
    const [section, name] = splitKey(key);
    refs = collectRefs(index, componentValue(index.document, section, name), new Set(), []);
    index.refs.set(key, refs);
  }
  return refs;
}

/** Existing components referenced under `node`, each once, in document order. */
function collectRefs(index: ComponentIndex, node: unknown, seen: Set<string>, out: string[]): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(index, item, seen, out);
  } else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k !== "$ref" || typeof v !== "string") collectRefs(index, v, seen, out);
      else {
        const key = componentKey(index.document, v);
        if (key !== null && !seen.has(key)) {
          seen.add(key);
          out.push(key);
        }
      }
    }
  }
  return out;
}

/** `#/components/<section>/<name>[/…]` → `<section>/<name>` when the document has that component. */
function componentKey(document: JsonRecord, ref: string): string | null {
  const m = /^#\/components\/([^/]+)\/([^/]+)/.exec(ref);
  if (!m) return null;
  const section = m[1] as string;
  const name = (m[2] as string).replace(/~1/g, "/").replace(/~0/g, "~");
  return componentValue(document, section, name) === undefined ? null : `${section}/${name}`;
}

function componentValue(document: JsonRecord, section: string, name: string): unknown {
  return document["components"]?.[section]?.[name];
}

/** Sections never contain `/` (names may, once `~1` is decoded). */
function splitKey(key: string): [string, string] {
  const slash = key.indexOf("/");
  return [key.slice(0, slash), key.slice(slash + 1)];
}
