// The part store on disk: one directory per (spec dir, out root), split into shard files so that a run that changed
// a few parts writes a few small files: `meta.json` (assembled files, output stamps, and the keys of the values
// below), one file per target's `prepare` value and one per target's assemble memo (read only when asked for), and
// each target's parts in 16 buckets by key. A bucket's first line holds its parts' keys, files and hashes, its
// second line their fragments, parsed only when one is first asked for (a target whose shared files are kept never
// reads them). Each file is written atomically; any mix of old and new files is safe, since every reuse is checked
// by key and stamp (a stale shard only costs a re-render).
import { existsSync } from "node:fs";
import { readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import {
  asciiJsonBytes,
  forgetShards,
  parseJson,
  parseShardBytes,
  readCacheBytesSync,
  readCacheText,
  rememberShards,
  signatureOf,
  toShardBytes,
  writeShards,
  type Shard,
} from "./shard-files.js";
import { writeAtomic, type FileBytes } from "./write/file-ops.js";

export interface StoredPart {
  /** File paths relative to the target's outDir. */
  rels: string[];
  /** What the target's assemble reads of the endpoint; UNREADABLE when read from a damaged shard (render it again). */
  fragment: unknown;
  /** sha256 of the fragment's JSON: the assembled files depend on it. */
  hash: string;
}

export interface StoreData {
  format: string;
  version: string;
  /** targetId → part key → part. */
  parts: Record<string, Record<string, StoredPart>>;
  /** targetId → [key, value] of the target's prepare(). */
  prepared: Record<string, [string, unknown]>;
  /** targetId → [key, value] of the target's assemble memo (see AssembleMemo). */
  memos: Record<string, [string, unknown]>;
  /** targetId → [key, file paths relative to the outDir] of the target's assembled files. */
  assembled: Record<string, [string, string[]]>;
  /** Output path (relative to the out root) → [size, mtimeMs] as last written or checked. */
  outputs: Record<string, [number, number]>;
}

const MAX_STORES = 12;

/** The one-value-per-target records and their shard field (and file name prefix): `prepared.<target>.json`, `memo.…`. */
const KEYED = [
  ["prepared", "prepared"],
  ["memos", "memo"],
] as const;

/**
 * The store's meta shard (its assembled files, outputs and the keys of its one-value shards), read once per run:
 * the outputs' probe starts from it while readStoreDir reads the rest (handed the same read). Null when absent,
 * unreadable, or made by another format or version.
 */
export async function readStoreMeta(dir: string, format: string, version: string): Promise<Record<string, unknown> | null> {
  const meta = parseJson(await readCacheText(path.join(dir, "meta.json")));
  return isStoreShard(meta, format, version) && isRecord(meta["assembled"]) && isRecord(meta["outputs"]) ? meta : null;
}

/** The store in `dir`; null when absent, unreadable, or made by another format or version. `meta`: readStoreMeta's. */
export async function readStoreDir(
  dir: string,
  format: string,
  version: string,
  meta: Promise<Record<string, unknown> | null> = readStoreMeta(dir, format, version),
): Promise<StoreData | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  } catch {
    return null;
  }
  // The one-value-per-target shards are large (the whole document's frame, the client's types) and needed only by
  // a target that assembles: meta.json names their keys, and each is read when its value is first asked for.
  const eager = names.filter((n) => n !== "meta.json" && !KEYED.some(([, field]) => n.startsWith(`${field}.`)));
  const texts = await Promise.all(eager.map((n) => readCacheText(path.join(dir, n))));
  const head = await meta;
  if (!head) return null;
  const data: StoreData = { format, version, parts: {}, prepared: {}, memos: {}, assembled: {}, outputs: {} };
  const signatures = new Map<string, string>();
  data.assembled = head["assembled"] as StoreData["assembled"];
  data.outputs = head["outputs"] as StoreData["outputs"];
  const keys = isRecord(head["keyed"]) ? head["keyed"] : {};
  for (const [kind, field] of KEYED) {
    for (const [target, key] of Object.entries(isRecord(keys[field]) ? keys[field] : {})) {
      const file = `${field}.${fileSafe(target)}.json`;
      if (typeof key !== "string" || !names.includes(file)) continue;
      data[kind][target] = storedEntry(path.join(dir, file), { format, version, target, field, key });
      signatures.set(file, key);
    }
  }
  eager.forEach((name, i) => {
    const text = texts[i] ?? null;
    const firstLine = text?.indexOf("\n") ?? -1;
    const shard = parseJson(firstLine < 0 ? text : (text as string).slice(0, firstLine));
    if (!isStoreShard(shard, format, version)) return;
    const target = shard["target"];
    if (typeof target === "string" && isRecord(shard["parts"]) && firstLine >= 0) {
      const fragments = (text as string).slice(firstLine + 1);
      if (fragments.length !== shard["fragmentsLength"]) return; // cut short: its parts render again
      const parts = (data.parts[target] ??= {});
      const fragmentOf = lazyFragments(fragments);
      for (const [key, entry] of Object.entries(shard["parts"])) {
        if (isRecord(entry) && isStringArray(entry["rels"]) && typeof entry["hash"] === "string") {
          parts[key] = storedPart(entry["rels"], entry["hash"], () => fragmentOf(key));
        }
      }
      signatures.set(name, signatureOf(Object.keys(shard["parts"])));
    }
  });
  rememberShards(dir, signatures);
  await utimes(path.join(dir, "meta.json"), new Date(), new Date()).catch(() => undefined); // recently used
  return data;
}

/** A bucket's fragments line, parsed when a fragment is first asked for: key → fragment (UNREADABLE if damaged). */
function lazyFragments(line: string): (key: string) => unknown {
  let text: string | null = line;
  let fragments: Record<string, unknown> | null = null;
  return (key) => {
    if (text !== null) {
      const parsed = parseJson(text);
      fragments = isRecord(parsed) ? parsed : null;
      text = null;
    }
    return fragments !== null && Object.hasOwn(fragments, key) ? fragments[key] : UNREADABLE;
  };
}

/** A part read from disk: its fragment is read when first asked for (and written back as read). */
function storedPart(rels: string[], hash: string, read: () => unknown): StoredPart {
  let fragment: unknown;
  let known = false;
  const part = { rels, hash } as StoredPart;
  Object.defineProperty(part, "fragment", {
    enumerable: true,
    get() {
      if (!known) {
        fragment = read();
        known = true;
      }
      return fragment;
    },
  });
  return part;
}

/** A bucket's bytes: its parts' keys, files and hashes on the first line, their fragments on the second (ASCII). */
function partsShardBytes(head: { format: string; version: string }, target: string, parts: Record<string, StoredPart>, keys: readonly string[]): FileBytes {
  const index: Record<string, { rels: string[]; hash: string }> = {};
  const fragments: Record<string, unknown> = {};
  for (const key of keys) {
    const part = parts[key] as StoredPart;
    if (part.fragment === UNREADABLE) continue; // read damaged: not kept (its endpoint was rendered again, or will be)
    index[key] = { rels: part.rels, hash: part.hash };
    fragments[key] = part.fragment;
  }
  const line = asciiJsonBytes(JSON.stringify(fragments));
  return [asciiJsonBytes(JSON.stringify({ ...head, target, parts: index, fragmentsLength: line.length })), NEWLINE, line];
}

const NEWLINE = Buffer.from("\n");

/** A value `readStoreDir` found unreadable when it was asked for: taken as absent (see keyedValue). */
export const UNREADABLE: unique symbol = Symbol("unreadable part store value");

/** Entries made by readStoreDir whose value is still on disk, by entry: the shard's path. */
const unread = new WeakMap<object, string>();

/**
 * [key, value] whose value is read from `file` when first asked for (synchronously: a target that assembles asks in
 * the middle of a render); UNREADABLE when the file is gone, damaged, or now holds another key.
 */
function storedEntry(file: string, expect: { format: string; version: string; target: string; field: string; key: string }): [string, unknown] {
  const entry: [string, unknown] = [expect.key, undefined];
  let value: unknown;
  let read = false;
  Object.defineProperty(entry, 1, {
    enumerable: true,
    get() {
      if (!read) {
        read = true;
        unread.delete(entry);
        const shard = parseShardBytes(readCacheBytesSync(file));
        const stored = isStoreShard(shard, expect.format, expect.version) && shard["target"] === expect.target ? shard[expect.field] : undefined;
        value = Array.isArray(stored) && stored[0] === expect.key && stored.length === 2 ? stored[1] : UNREADABLE;
      }
      return value;
    },
  });
  unread.set(entry, file);
  return entry;
}

/**
 * Writes the shards whose content differs from what is on disk, then meta.json (once `outputs` has settled: its
 * records are being updated); failures are ignored.
 */
export async function writeStoreDir(dir: string, data: StoreData, outputs?: Promise<void>): Promise<void> {
  const head = { format: data.format, version: data.version };
  const wanted = new Map<string, Shard>();
  const keys: Record<string, Record<string, string>> = {};
  for (const [kind, field] of KEYED) {
    for (const [target, entry] of Object.entries(data[kind])) {
      const name = `${field}.${fileSafe(target)}.json`;
      const file = unread.get(entry);
      // Never read: its shard stays as it is, unless it went missing (then the entry goes: its target prepares again).
      if (file !== undefined ? !existsSync(file) : entry[1] === UNREADABLE) continue;
      const text = () => {
        if (entry[1] === UNREADABLE) throw new Error(`part store: ${name} is no longer readable`);
        return toShardBytes({ ...head, target, [field]: entry });
      };
      wanted.set(name, { signature: String(entry[0]), text });
      (keys[field] ??= {})[target] = String(entry[0]);
    }
  }
  for (const [target, parts] of Object.entries(data.parts)) {
    const buckets = new Map<string, string[]>();
    for (const key of Object.keys(parts)) {
      const bucket = key.charAt(0);
      buckets.get(bucket)?.push(key) ?? buckets.set(bucket, [key]);
    }
    for (const [bucket, keys] of buckets) {
      const text = () => partsShardBytes(head, target, parts, keys);
      wanted.set(`parts.${fileSafe(target)}.${bucket}.json`, { signature: signatureOf(keys), text });
    }
  }
  try {
    // Shards of parts no longer used go; meta.json is written last.
    await writeShards(dir, wanted, (name) => name === "meta.json");
    await outputs;
    await writeAtomic(path.join(dir, "meta.json"), asciiJsonBytes(JSON.stringify({ ...head, assembled: data.assembled, outputs: data.outputs, keyed: keys })));
    await prune(path.dirname(dir));
  } catch {
    // The store only saves time: a failed write means a slower next run, never a wrong one.
    forgetShards(dir);
  }
}

/** Keeps the most recently used stores (by their meta.json); removes the rest, and files of older formats. */
async function prune(root: string): Promise<void> {
  const names = await readdir(root);
  const mtimeOf = async (file: string) => (await stat(file).catch(() => null))?.mtimeMs;
  const found = await Promise.all(
    names.map(async (name) => ({ name, meta: await mtimeOf(path.join(root, name, "meta.json")), own: await mtimeOf(path.join(root, name)) })),
  );
  const stores = found.filter((x) => x.meta !== undefined).sort((a, b) => (b.meta as number) - (a.meta as number));
  // Without meta.json: an older format's file, or a store another process is writing right now (spared a minute).
  const now = Date.now();
  const stale = [...stores.slice(MAX_STORES), ...found.filter((x) => x.meta === undefined && now - (x.own ?? now) > 60_000)];
  await Promise.all(stale.map((x) => rm(path.join(root, x.name), { recursive: true, force: true }).catch(() => undefined)));
}

function fileSafe(targetId: string): string {
  return targetId.replace(/[^a-z0-9_-]/gi, "~");
}

/** A shard of this store's format and version (anything else is not trusted). */
function isStoreShard(value: unknown, format: string, version: string): value is Record<string, unknown> {
  return isRecord(value) && value["format"] === format && value["version"] === version;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === "string");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Forgets what is known to be on disk (tests: another process may have written the stores). */
export function forgetDiskState(): void {
  forgetShards();
}
