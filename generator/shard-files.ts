// A cache kept as a directory of JSON shard files (the part store, the load cache's documents). Each shard has a
// signature (what its content is made from, e.g. its sorted keys): a save writes only the shards whose signature
// differs from what this process last read or wrote there, and removes the shards no longer wanted.
import { hash } from "node:crypto";
import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { writeAtomic } from "./write/file-ops.js";

export interface Shard {
  signature: string;
  /** The shard's JSON text, made only when it has to be written. */
  text: () => string;
}

/** Directory → shard file name → signature, as last read or written by this process. */
const onDisk = new Map<string, Map<string, string>>();

/** The signature of a shard made from these keys (in any order). */
export function signatureOf(keys: Iterable<string>): string {
  return hash("sha256", [...keys].sort().join("\n"));
}

/** Records what a read found on disk in `dir` (shard name → signature). */
export function rememberShards(dir: string, signatures: Map<string, string>): void {
  onDisk.set(dir, signatures);
}

/** Forgets what is known of `dir` (or of every directory): its shards are then all written by the next save. */
export function forgetShards(dir?: string): void {
  if (dir === undefined) onDisk.clear();
  else onDisk.delete(dir);
}

/**
 * Writes the `wanted` shards that changed (or went missing), each atomically; removes the other files of `dir`
 * unless `keep` says not to, except temp files younger than a minute (another process may be writing one). On
 * failure it forgets `dir` and throws.
 */
export async function writeShards(dir: string, wanted: ReadonlyMap<string, Shard>, keep: (name: string) => boolean = () => false): Promise<void> {
  const known = onDisk.get(dir) ?? new Map<string, string>();
  try {
    await mkdir(dir, { recursive: true });
    const present = new Set(await readdir(dir));
    for (const [name, shard] of wanted) {
      if (known.get(name) === shard.signature && present.has(name)) continue;
      await writeAtomic(path.join(dir, name), shard.text());
      known.set(name, shard.signature);
    }
    const now = Date.now();
    for (const name of present) {
      if (wanted.has(name) || keep(name)) continue;
      if (name.endsWith(".tmp")) {
        const mtime = (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs;
        if (mtime === undefined || now - mtime <= 60_000) continue;
      }
      await unlink(path.join(dir, name)).catch(() => undefined);
      known.delete(name);
    }
    onDisk.set(dir, known);
  } catch (error) {
    onDisk.delete(dir);
    throw error;
  }
}

/**
 * Strings at least this long are kept out of a shard's JSON, as raw text after it (toShardText): JSON.parse of a
 * long string scans and copies it character by character (a 9 MB document text took 60–100 ms), a slice of the
 * file's text costs nothing.
 */
const RAW_MIN_LENGTH = 64 * 1024;
/** The key of the object that stands for a raw string in the JSON: `{ [RAW_KEY]: index }`. */
const RAW_KEY = "\u0000specsmith-raw";

/**
 * A shard's text: `value`'s JSON, and when it holds long strings, a line with their lengths and then the strings
 * themselves, raw (JSON.stringify writes no newline, so the first one ends the JSON). Plain JSON when no string is
 * long enough, when a long one is not well-formed UTF-16 (it would not survive UTF-8), or when the value has an
 * object key of the marker's own.
 */
export function toShardText(value: unknown): string {
  const raws: string[] = [];
  const markers = new WeakSet<object>();
  let clash = false;
  const json = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    if (key === RAW_KEY && !markers.has(this as object)) clash = true;
    if (typeof v !== "string" || v.length < RAW_MIN_LENGTH || !isWellFormed(v)) return v;
    const marker = { [RAW_KEY]: raws.push(v) - 1 };
    markers.add(marker);
    return marker;
  });
  if (raws.length === 0) return json;
  if (clash) return JSON.stringify(value);
  return `${json}\n${JSON.stringify(raws.map((raw) => raw.length))}\n${raws.join("")}`;
}

/** No lone surrogates (String.prototype.isWellFormed: in Node 20, not yet in the ES2022 typings). */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** What toShardText wrote (or plain JSON); null for no text or a damaged one. */
export function parseShardText(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  const end = text.indexOf("\n");
  if (end < 0) return parseJson(text);
  const lineEnd = text.indexOf("\n", end + 1);
  const lengths = lineEnd < 0 ? null : parseJson(text.slice(end + 1, lineEnd));
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  let at = lineEnd + 1;
  const raws = (lengths as number[]).map((n) => text.slice(at, (at += n)));
  if (at !== text.length) return null;
  try {
    return JSON.parse(text.slice(0, end), (_key, v: unknown) => {
      if (typeof v !== "object" || v === null || !Object.hasOwn(v, RAW_KEY)) return v;
      const raw = raws[(v as Record<string, number>)[RAW_KEY] as number];
      if (raw === undefined) throw new Error("no such raw string");
      return raw;
    });
  } catch {
    return null;
  }
}

/** JSON.parse, or null for no text or text that is not JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
