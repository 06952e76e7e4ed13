// The on-disk load cache: one JSON file per spec directory, entries keyed by each file's content hash.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, readdir, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FileStamp, Finding } from "./types.js";
import { persistCache } from "../cache-writes.js";

const FORMAT = "specsmith-load-cache/1";
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

/** Where cache files go, or null when `SPECSMITH_CACHE=off`. */
export function findCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  if (env["SPECSMITH_CACHE"] === "off") return null;
  if (env["SPECSMITH_CACHE_DIR"]) return path.resolve(cwd, env["SPECSMITH_CACHE_DIR"]);
  if (existsSync(path.join(cwd, "node_modules"))) return path.join(cwd, "node_modules", ".cache", "specsmith");
  return path.join(os.tmpdir(), "specsmith-cache");
}

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
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as CacheData;
    if (!isCacheData(data) || data.version !== empty.version || data.dir !== empty.dir) return empty;
    await utimes(file, new Date(), new Date()).catch(() => undefined); // recently used: kept by pruning
    remember(file, data);
    return data;
  } catch {
    return empty;
  }
}

/**
 * Writes atomically (temp file + rename; in a watch session, once it is idle: see cache-writes.ts); failures are
 * ignored (the cache is only an accelerator).
 */
export async function writeCache(file: string, data: CacheData): Promise<void> {
  remember(file, data);
  await persistCache(file, () => writeCacheNow(file, data));
}

async function writeCacheNow(file: string, data: CacheData): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, JSON.stringify(data));
    await rename(tmp, file);
    await pruneCacheDir(path.dirname(file));
  } catch {
    await unlink(tmp).catch(() => undefined);
  }
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
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(path.join(here, name)));
  }
  version = hash.digest("hex");
  return version;
}
