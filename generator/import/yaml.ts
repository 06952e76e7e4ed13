// YAML output in the style of seed 003: 2-space indent, `- ` items indented under their key,
// strings that would run past 80 columns folded as `>-`, single-quoted keys like '200'.
import { stringify } from "yaml";
import { emitYaml, foldedScalar, YAML_OPTIONS } from "../render/yaml-emit.js";
import { isFoldable } from "./yaml-style.js";

/** The document as YAML text; fast path with the same bytes as `toYamlViaDocument`. */
export function toYaml(value: unknown): string {
  return emitYaml(value, isFoldable) ?? toYamlViaDocument(value);
}

/** The same output through the yaml package's Document model (slower; the reference for tests). */
export function toYamlViaDocument(value: unknown): string {
  return stringify(markFolded(value, 0, 0), YAML_OPTIONS);
}

/**
 * Replaces each foldable string by a folded block scalar. `indent` is the column of the
 * collection's keys or dashes; `prefix` the width before a scalar on its line (`key: ` or `- `).
 */
function markFolded(value: unknown, indent: number, prefix: number): unknown {
  if (typeof value === "string") return isFoldable(value, indent + prefix) ? foldedScalar(value) : value;
  if (Array.isArray(value)) return value.map((v) => markChild(v, indent, 2));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = markChild(v, indent, k.length + 2);
  return out;
}

// Scalars follow `key: ` or `- ` on the same line; nested collections start two columns in.
function markChild(v: unknown, indent: number, prefix: number): unknown {
  return typeof v === "string" ? markFolded(v, indent, prefix) : markFolded(v, indent + 2, 0);
}
