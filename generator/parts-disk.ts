// The part store on disk: one directory per (spec dir, out root), split into shard files so that a run that changed
// a few parts writes a few small files: `meta.json` (assembled files and output stamps), one file per target's
// `prepare` value and one per target's assemble memo, and each target's parts in 16 buckets by key. Each file is
// written atomically; any mix of old and new files is safe, since every reuse is checked by key and stamp (a stale
// shard only costs a re-render).
import { readFile, readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { forgetShards, parseJson, rememberShards, signatureOf, writeShards, type Shard } from "./shard-files.js";
import { writeAtomic } from "./write/file-ops.js";

export interface StoredPart {
  /** File paths relative to the target's outDir. */
  rels: string[];
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

/** The store in `dir`; null when absent, unreadable, or made by another format or version. */
export async function readStoreDir(dir: string, format: string, version: string): Promise<StoreData | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  } catch {
    return null;
  }
  const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n), "utf8").catch(() => null)));
  const data: StoreData = { format, version, parts: {}, prepared: {}, memos: {}, assembled: {}, outputs: {} };
  const signatures = new Map<string, string>();
  let meta = false;
  names.forEach((name, i) => {
    const shard = parseJson(texts[i]);
    if (!isRecord(shard) || shard["format"] !== format || shard["version"] !== version) return;
    const target = shard["target"];
    // A target's one kept value (prepared or memo), by the field its shard holds it in.
    const keyed = KEYED.find(([, field]) => Array.isArray(shard[field]));
    if (name === "meta.json" && isRecord(shard["assembled"]) && isRecord(shard["outputs"])) {
      data.assembled = shard["assembled"] as StoreData["assembled"];
      data.outputs = shard["outputs"] as StoreData["outputs"];
      meta = true;
    } else if (typeof target === "string" && keyed) {
      const entry = shard[keyed[1]] as [string, unknown];
      data[keyed[0]][target] = entry;
      signatures.set(name, String(entry[0]));
    } else if (typeof target === "string" && isRecord(shard["parts"])) {
      Object.assign((data.parts[target] ??= {}), shard["parts"]);
      signatures.set(name, signatureOf(Object.keys(shard["parts"])));
    }
  });
  if (!meta) return null;
  rememberShards(dir, signatures);
  await utimes(path.join(dir, "meta.json"), new Date(), new Date()).catch(() => undefined); // recently used
  return data;
}

/** The output paths meta.json recorded; null when absent, unreadable, or made by another format or version. */
export async function readStoreOutputs(dir: string, format: string, version: string): Promise<string[] | null> {
  const meta = parseJson(await readFile(path.join(dir, "meta.json"), "utf8").catch(() => null));
  if (!isRecord(meta) || meta["format"] !== format || meta["version"] !== version || !isRecord(meta["outputs"])) return null;
  return Object.keys(meta["outputs"]);
}

/** Writes the shards whose content differs from what is on disk, then meta.json; failures are ignored. */
export async function writeStoreDir(dir: string, data: StoreData): Promise<void> {
  const head = { format: data.format, version: data.version };
  const wanted = new Map<string, Shard>();
  for (const [kind, field] of KEYED) {
    for (const [target, entry] of Object.entries(data[kind])) {
      const text = () => JSON.stringify({ ...head, target, [field]: entry });
      wanted.set(`${field}.${fileSafe(target)}.json`, { signature: String(entry[0]), text });
    }
  }
  for (const [target, parts] of Object.entries(data.parts)) {
    const buckets = new Map<string, string[]>();
    for (const key of Object.keys(parts)) {
      const bucket = key.charAt(0);
      buckets.get(bucket)?.push(key) ?? buckets.set(bucket, [key]);
    }
    for (const [bucket, keys] of buckets) {
      const text = () => JSON.stringify({ ...head, target, parts: Object.fromEntries(keys.map((k) => [k, parts[k]])) });
      wanted.set(`parts.${fileSafe(target)}.${bucket}.json`, { signature: signatureOf(keys), text });
    }
  }
  try {
    // Shards of parts no longer used go; meta.json is written last.
    await writeShards(dir, wanted, (name) => name === "meta.json");
    await writeAtomic(path.join(dir, "meta.json"), JSON.stringify({ ...head, assembled: data.assembled, outputs: data.outputs }));
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Forgets what is known to be on disk (tests: another process may have written the stores). */
export function forgetDiskState(): void {
  forgetShards();
}
