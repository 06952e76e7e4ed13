// One walk over a parsed document: the files its `$ref`s name, and whether JSON keeps it intact.
import { listRefFiles } from "./refs.js";

export interface DocumentScan {
  /** Files (rel) named by `$ref`s anywhere in the document (example data included: over-approximate is safe). */
  refs: string[];
  /** True when JSON.stringify → JSON.parse gives back an equal value (no NaN, ±Infinity, -0, undefined). */
  jsonSafe: boolean;
}

export function scanDocument(doc: unknown, rel: string): DocumentScan {
  const refs = new Set<string>();
  let jsonSafe = true;
  const walk = (value: unknown): void => {
    if (typeof value === "number") {
      if (!Number.isFinite(value) || Object.is(value, -0)) jsonSafe = false;
      return;
    }
    if (value === undefined || typeof value === "bigint" || typeof value === "function") jsonSafe = false;
    if (typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) jsonSafe = false; // Date, Map, Set…
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (key === "$ref" && typeof v === "string") for (const file of listRefFiles(rel, v)) refs.add(file);
      walk(v);
    }
  };
  walk(doc);
  return { refs: [...refs].sort(), jsonSafe };
}

/** Every file reachable from `rel` through `$ref`s (rel itself excluded), given each file's direct refs. */
export function collectRefClosure(rel: string, refsOf: (rel: string) => readonly string[]): string[] {
  const seen = new Set<string>([rel]);
  const queue = [rel];
  for (let i = 0; i < queue.length; i++) {
    for (const next of refsOf(queue[i] as string)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  seen.delete(rel);
  return [...seen].sort();
}
