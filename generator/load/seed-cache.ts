// Lets the importer hand over the documents it just wrote, so the first load after an import skips the YAML parse.
import { createHash } from "node:crypto";
import { findCacheDir, readCache, toCacheFile, writeCache, type CacheEntry } from "./cache-store.js";
import { scanDocument } from "./scan.js";

export interface SeedFile {
  /** The exact text written to `<dir>/<rel>`. */
  text: string;
  /** The value `text` parses to. */
  doc: unknown;
}

/** Stores each document under the hash of its text (entries of unchanged files keep their findings). */
export async function seedLoadCache(dir: string, files: ReadonlyMap<string, SeedFile>): Promise<void> {
  const cacheDir = findCacheDir();
  if (!cacheDir) return;
  const cacheFile = toCacheFile(cacheDir, dir);
  const old = await readCache(cacheFile, dir);
  const entries: Record<string, CacheEntry> = {};
  for (const [rel, { text, doc }] of files) {
    const hash = createHash("sha256").update(text).digest("hex");
    const prev = old.files[rel];
    if (prev?.hash === hash) entries[rel] = prev;
    else if (!rel.endsWith(".json")) {
      const scan = scanDocument(doc, rel);
      if (scan.jsonSafe) entries[rel] = { hash, doc, refs: scan.refs };
    }
  }
  await writeCache(cacheFile, { ...old, files: entries });
}
