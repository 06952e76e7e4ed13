// The on-disk load cache: per spec directory, one JSON file of entries (hash, refs, findings, stamp per file) and a
// directory of parsed documents by content hash in 16 shards, so a run that changed a few files rewrites the small
// entries file and a shard or two, not every document.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { readdir, rm, stat, unlink, utimes } from "node:fs/promises";
import path from "node:path";
import type { FileStamp, Finding } from "./types.js";
import { persistCache } from "../cache-writes.js";
import { findCacheDir } from "../cache-dir.js";
import { CODE_ROOT } from "../code-root.js";
import { asciiJsonBytes, forgetShards, parseJson, readCacheText, rememberShards, signatureOf, writeShards, type Shard } from "../shard-files.js";
import { writeAtomic } from "../write/file-ops.js";
import { findSharedMembers, restoreSharedMembers } from "./shared-members.js";

const FORMAT = "specsmith-load-cache/2";
/** Cache files kept in one cache directory (least recently used are removed first). */
const MAX_CACHE_FILES = 24;
/** In-process copies of the last caches read or written (a watch loop skips the disk read). */
const MAX_MEMORY = 4;

/** Validation results of one file, valid while the file and every file its `$ref`s reach are unchanged. */
export interface CachedCheck {
  /** rel → sha256 of every file reached through `$ref`s (transitively); null: the file was absent. */
  deps: Record<string, string | null>;
  /** Located findings (line/col filled) of structure, refs and names checks. */
  findings: Finding[];
  /** Located example/schema mismatches (errors or warnings depending on the load option). */
  examples: Finding[];
  /** False when the load that made this entry skipped example validation (`examples: "off"`). */
  examplesChecked?: boolean;
}

export interface CacheEntry {
  hash: string;
  /** The parsed document; absent for JSON files (JSON.parse of the text is as fast) and non-JSON values. */
  doc?: unknown;
  /** Files (rel) the document's `$ref`s name, whether they exist or not. */
  refs: string[];
  check?: CachedCheck;
  /** Pointer → [line, col] in this file, as findings (its own or other files') were located at this hash. */
  positions?: Record<string, [number, number]>;
  /** The file's stat when it was read: while it matches, the file is not read again (see read.ts). */
  stamp?: FileStamp;
}

export interface CacheData {
  format: string;
  /** Hash of the loader's own code: findings of an older loader are not reused. */
  version: string;
  dir: string;
  files: Record<string, CacheEntry>;
}

const memory = new Map<string, CacheData>();

export { findCacheDir };

/** The cache file of one spec directory. */
export function toCacheFile(cacheDir: string, specDir: string): string {
  const id = createHash("sha256").update(path.resolve(specDir)).digest("hex").slice(0, 24);
  return path.join(cacheDir, `${path.basename(path.resolve(specDir))}-${id}.json`);
}

/** The cached entries of a spec directory; an empty cache when absent, unreadable, corrupt or from another loader. */
export async function readCache(file: string, specDir: string): Promise<CacheData> {
  const empty: CacheData = { format: FORMAT, version: loaderVersion(), dir: path.resolve(specDir), files: {} };
  const held = memory.get(file);
  if (held && held.version === empty.version) return held;
  const data = await readCacheFromDisk(file);
  if (!data || data.version !== empty.version || data.dir !== empty.dir) {
    // Its shards are another loader's: none of them may be taken as already written.
    forgetShards(docsDirOf(file));
    return empty;
  }
  await utimes(file, new Date(), new Date()).catch(() => undefined); // recently used: kept by pruning
  remember(file, data);
  return data;
}

/** The cache as stored (documents put back into their entries); null when absent or not this format. */
export async function readCacheFromDisk(file: string): Promise<CacheData | null> {
  const head = parseJson(await readCacheText(file));
  if (!isCacheData(head)) return null;
  const dir = docsDirOf(file);
  const [sharedText, ...shards] = await Promise.all(
    [SHARED_SHARD, ...BUCKETS.map((b) => `${b}.json`)].map((name) => readCacheText(path.join(dir, name))),
  );
  const docs = new Map<string, unknown>();
  const signatures = new Map<string, string>();
  const shared = parseJson(sharedText) as { version?: unknown; values?: unknown } | null;
  const sharedValues = new Map<string, unknown>();
  if (shared && shared.version === head.version && typeof shared.values === "object" && shared.values !== null) {
    for (const [key, value] of Object.entries(shared.values)) sharedValues.set(key, value);
    signatures.set(SHARED_SHARD, signatureOf(sharedValues.keys()));
  }
  shards.forEach((text, i) => {
    const shard = parseJson(text) as { version?: unknown; docs?: unknown } | null;
    if (!shard || shard.version !== head.version || typeof shard.docs !== "object" || shard.docs === null) return;
    const entries = Object.entries(shard.docs as Record<string, unknown>);
    const keys: string[] = [];
    for (const [hash, stored] of entries) {
      keys.push(hash);
      // A document naming a shared value that is not there is lost: its entry is dropped below.
      const doc = restoreSharedMembers(stored, sharedValues, keys);
      if (doc !== null) docs.set(hash, doc);
    }
    signatures.set(`${BUCKETS[i]}.json`, signatureOf(keys));
  });
  rememberShards(dir, signatures);
  const files: Record<string, CacheEntry> = {};
  for (const [rel, stored] of Object.entries(head.files as Record<string, StoredEntry>)) {
    if (typeof stored !== "object" || stored === null) continue;
    const { hasDoc, ...entry } = stored;
    // An entry whose document is lost is dropped whole: the file is then read, parsed and checked afresh.
    if (hasDoc && !docs.has(entry.hash)) continue;
    files[rel] = hasDoc ? { ...entry, doc: docs.get(entry.hash) } : entry;
  }
  return { ...head, files };
}

/**
 * Writes atomically (temp file + rename; in a watch session, once it is idle: see cache-writes.ts); failures are
 * ignored (the cache is only an accelerator).
 */
export async function writeCache(file: string, data: CacheData): Promise<void> {
  remember(file, data);
  await persistCache(file, () => writeCacheToDisk(file, data));
}

/** An entry as the entries file keeps it: its document is in a shard, under its hash. */
type StoredEntry = Omit<CacheEntry, "doc"> & { hasDoc?: true };

// 16 shards of documents, by the first hex digit of their content hash; and the values they share (see
// shared-members.ts), in a shard of their own.
const BUCKETS = [..."0123456789abcdef"];
const SHARED_SHARD = "shared.json";

/**
 * Writes the document shards that changed, then the entries file (now, whatever the session). A bucket's signature
 * covers the shared values its documents name, so a bucket is written again when what it shares changes, and never
 * names a value the shared shard no longer holds.
 */
export async function writeCacheToDisk(file: string, data: CacheData): Promise<void> {
  const dir = docsDirOf(file);
  const head: Record<string, StoredEntry> = {};
  const buckets = new Map<string, Map<string, unknown>>();
  for (const [rel, { doc, ...entry }] of Object.entries(data.files)) {
    head[rel] = doc === undefined ? entry : { ...entry, hasDoc: true };
    if (doc === undefined) continue;
    const bucket = entry.hash.charAt(0);
    if (!buckets.has(bucket)) buckets.set(bucket, new Map());
    buckets.get(bucket)?.set(entry.hash, doc);
  }
  const shared = findSharedMembers([...buckets.values()].flatMap((docs) => [...docs.values()]));
  const wanted = new Map<string, Shard>();
  if (shared.values.size > 0) {
    const text = () => asciiJsonBytes(JSON.stringify({ version: data.version, values: Object.fromEntries(shared.values) }));
    wanted.set(SHARED_SHARD, { signature: signatureOf(shared.values.keys()), text });
  }
  for (const [bucket, docs] of buckets) {
    const keys = [...docs].flatMap(([hash, doc]) => [hash, ...shared.keysOf(doc)]);
    const text = () => asciiJsonBytes(JSON.stringify({ version: data.version, docs: Object.fromEntries([...docs].map(([hash, doc]) => [hash, shared.stored(doc)])) }));
    wanted.set(`${bucket}.json`, { signature: signatureOf(keys), text });
  }
  try {
    await writeShards(dir, wanted);
    await writeAtomic(file, asciiJsonBytes(JSON.stringify({ ...data, files: head })));
    await pruneCacheDir(path.dirname(file));
  } catch {
    // The cache only saves time.
  }
}

function docsDirOf(file: string): string {
  return file.replace(/\.json$/, "") + ".docs";
}

/** Keeps the most recently used cache files (one per spec directory); removes temp files left by crashes. */
async function pruneCacheDir(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json") || n.endsWith(".tmp"));
  const found = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs })));
  const now = Date.now();
  const caches = found.filter((x) => x.name.endsWith(".json") && x.mtime !== undefined);
  caches.sort((a, b) => (b.mtime as number) - (a.mtime as number));
  const stale = [
    ...caches.slice(MAX_CACHE_FILES),
    ...found.filter((x) => x.name.endsWith(".tmp") && x.mtime !== undefined && now - x.mtime > 60_000),
  ];
  await Promise.all(stale.map((x) => unlink(path.join(dir, x.name)).catch(() => undefined)));
  // Document shards whose entries file is gone (pruned above, or by hand) go too.
  const kept = new Set(await readdir(dir));
  const orphans = [...kept].filter((n) => n.endsWith(".docs") && !kept.has(n.replace(/\.docs$/, ".json")));
  await Promise.all(orphans.map((n) => rm(path.join(dir, n), { recursive: true, force: true }).catch(() => undefined)));
}

function remember(file: string, data: CacheData): void {
  memory.delete(file);
  memory.set(file, data);
  for (const key of memory.keys()) {
    if (memory.size <= MAX_MEMORY) break;
    memory.delete(key);
  }
}

/** Drops the in-process copies (tests use it to exercise the disk). */
export function forgetCacheMemory(): void {
  memory.clear();
  forgetShards();
}

function isCacheData(data: unknown): data is CacheData {
  const d = data as CacheData;
  return typeof d === "object" && d !== null && d.format === FORMAT && typeof d.files === "object" && d.files !== null;
}

let version: string | null = null;

/** sha256 of the loader's source files (this directory), so any change to the checks invalidates findings. */
function loaderVersion(): string {
  if (version) return version;
  const hash = createHash("sha256").update(FORMAT);
  const here = path.join(CODE_ROOT, "load");
  for (const name of readdirSync(here).sort()) {
    if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(path.join(here, name)));
  }
  version = hash.digest("hex");
  return version;
}
