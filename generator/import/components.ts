// Which components each path uses (transitively through $refs), which are shared by two or more
// path files (→ _api.yaml) and which are single-use (→ inlined in the one endpoint file).
import { fromPointer, toPointer } from "../errors.js";

/** Component id: the JSON pointer `/components/<section>/<name>`. */
export type ComponentId = string;

export interface ComponentSplit {
  /** Components written to _api.yaml, in source order. */
  shared: ComponentId[];
  /** Per URL path: its single-use components, in source order. */
  local: Map<string, ComponentId[]>;
  /** `$ref`s to components that do not exist. */
  unresolved: string[];
}

/** `#/components/schemas/a/properties/b` → `/components/schemas/a`; null for other refs. */
export function componentOfRef(ref: string): ComponentId | null {
  if (!ref.startsWith("#/components/")) return null;
  const [root, section, name] = fromPointer(ref);
  return root === "components" && section !== undefined && name !== undefined ? toPointer([root, section, name]) : null;
}

/** Every internal component a value refers to directly, in order of appearance. */
export function collectComponentRefs(value: unknown, out: Set<ComponentId> = new Set()): Set<ComponentId> {
  if (Array.isArray(value)) {
    for (const v of value) collectComponentRefs(v, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") {
        const id = componentOfRef(v);
        if (id) out.add(id);
      } else collectComponentRefs(v, out);
    }
  }
  return out;
}

/** Every component of the document except security schemes (those are used by name, not $ref). */
export function listComponents(components: Record<string, any> | undefined): Map<ComponentId, unknown> {
  const out = new Map<ComponentId, unknown>();
  for (const [section, entries] of Object.entries(components ?? {})) {
    if (section === "securitySchemes" || !entries || typeof entries !== "object") continue;
    for (const [name, value] of Object.entries(entries)) out.set(toPointer(["components", section, name]), value);
  }
  return out;
}

export function splitComponents(paths: Record<string, unknown>, components: Record<string, any> | undefined): ComponentSplit {
  const all = listComponents(components);
  const edges = new Map<ComponentId, Set<ComponentId>>();
  const unresolved = new Set<string>();
  const closure = (roots: Iterable<ComponentId>): Set<ComponentId> => {
    const seen = new Set<ComponentId>();
    const stack = [...roots];
    while (stack.length > 0) {
      const id = stack.pop() as ComponentId;
      if (seen.has(id)) continue;
      if (!all.has(id)) {
        unresolved.add(id);
        continue;
      }
      seen.add(id);
      let next = edges.get(id);
      if (!next) edges.set(id, (next = collectComponentRefs(all.get(id))));
      stack.push(...next);
    }
    return seen;
  };

  const usedBy = new Map<string, Set<ComponentId>>();
  const uses = new Map<ComponentId, number>();
  for (const [urlPath, item] of Object.entries(paths)) {
    const used = closure(collectComponentRefs(item));
    usedBy.set(urlPath, used);
    for (const id of used) uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  // Unused components stay API-level (in _api.yaml), with everything they refer to.
  const sharedRoots = [...all.keys()].filter((id) => (uses.get(id) ?? 0) !== 1);
  const shared = closure(sharedRoots);
  const local = new Map<string, ComponentId[]>();
  for (const [urlPath, used] of usedBy) {
    local.set(urlPath, [...all.keys()].filter((id) => used.has(id) && !shared.has(id)));
  }
  return { shared: [...all.keys()].filter((id) => shared.has(id)), local, unresolved: [...unresolved].sort() };
}

/** A deep copy of value with refs to shared components pointed at `apiRef` (e.g. `../../_api.yaml`). */
export function rewriteRefs(value: unknown, shared: ReadonlySet<ComponentId>, apiRef: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, shared, apiRef));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string") {
      const id = componentOfRef(v);
      out[k] = id && shared.has(id) ? `${apiRef}${v}` : v;
    } else out[k] = rewriteRefs(v, shared, apiRef);
  }
  return out;
}

/** Builds a `components` object holding the given components, sections and names in source order. */
export function pickComponents(components: Record<string, any> | undefined, ids: readonly ComponentId[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const id of ids) {
    const [, section = "", name = ""] = fromPointer(id);
    (out[section] ??= {})[name] = components?.[section]?.[name];
  }
  return out;
}
