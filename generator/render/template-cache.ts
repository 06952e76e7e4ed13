// Compiled templates kept between runs: Handlebars' compiler output (the JavaScript source `precompile` makes) by a
// hash of the template's text, the Handlebars version and the compile options, in one file of the cache directory.
// A fresh run then evaluates that source instead of parsing and compiling each template again. A damaged entry is
// compiled afresh; with the cache off nothing is kept.
import { createHash } from "node:crypto";
import path from "node:path";
import { persistCache } from "../cache-writes.js";
import { findCacheDir } from "../load/cache-store.js";
import { PRIVATE_MODE, readPrivateFile } from "../private-file.js";
import { writeAtomic } from "../write/file-ops.js";

const FORMAT = "specsmith-templates/1";
/** Entries beyond this many (the least recently used first) are dropped when the file is written. */
const MAX_ENTRIES = 400;

interface TemplateCache {
  file: string | null;
  /** key → compiled source, least recently used first. */
  entries: Map<string, string>;
  dirty: boolean;
}

let cache: TemplateCache | undefined;

function open(): TemplateCache {
  const dir = findCacheDir();
  const file = dir && path.join(dir, "templates.json");
  if (cache && cache.file === file) return cache;
  cache = { file, entries: new Map(), dirty: false };
  if (!file) return cache;
  try {
    // Its sources are evaluated: only from a file no other user could have written (else it is written anew).
    const data = JSON.parse(readPrivateFile(file)?.toString("utf8") ?? "null") as { format?: unknown; entries?: unknown } | null;
    if (data?.format === FORMAT && typeof data.entries === "object" && data.entries !== null) {
      for (const [key, source] of Object.entries(data.entries)) if (typeof source === "string") cache.entries.set(key, source);
    }
  } catch {
    // Absent or damaged: templates compile as they are used, and the file is written afresh.
  }
  return cache;
}

/** The cache key of a template text compiled with `options` by Handlebars `version`. */
export function templateKey(version: string, options: object, text: string): string {
  return createHash("sha256").update(`${version}\0${JSON.stringify(options)}\0${text}`).digest("hex");
}

/** The compiled source kept under `key`, if any (marked as just used). */
export function keptTemplate(key: string): string | undefined {
  const { entries } = open();
  const source = entries.get(key);
  if (source !== undefined) {
    entries.delete(key);
    entries.set(key, source);
  }
  return source;
}

/** Keeps a compiled source for the next runs (written by saveTemplateCache). */
export function keepTemplate(key: string, source: string): void {
  const kept = open();
  kept.entries.delete(key);
  kept.entries.set(key, source);
  kept.dirty = true;
}

/** Forgets a kept source that failed to evaluate. */
export function dropTemplate(key: string): void {
  const kept = open();
  kept.dirty = kept.entries.delete(key) || kept.dirty;
}

/** Writes the cache file when a template was compiled (atomically; failures ignored: it only saves time). */
export async function saveTemplateCache(): Promise<void> {
  const kept = cache;
  if (!kept?.file || !kept.dirty) return;
  kept.dirty = false;
  const entries = [...kept.entries].slice(-MAX_ENTRIES);
  const file = kept.file;
  const text = JSON.stringify({ format: FORMAT, entries: Object.fromEntries(entries) });
  await persistCache(file, () => writeAtomic(file, text, PRIVATE_MODE).catch(() => undefined));
}

/** Drops the in-process copy (tests: the next compile reads the file again). */
export function forgetTemplateCache(): void {
  cache = undefined;
}
