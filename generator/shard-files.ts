// A cache kept as a directory of JSON shard files (the part store, the load cache's documents). Each shard has a
// signature (what its content is made from, e.g. its sorted keys): a save writes only the shards whose signature
// differs from what this process last read or wrote there, and removes the shards no longer wanted.
import { isAscii } from "node:buffer";
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { writeAtomic, type FileBytes } from "./write/file-ops.js";

export interface Shard {
  signature: string;
  /** The shard's bytes (see asciiJsonBytes), made only when it has to be written. */
  text: () => FileBytes;
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
 * Strings at least this long are kept out of a shard's JSON, as raw text after it (toShardBytes): JSON.parse of a
 * long string scans and copies it character by character (a 9 MB document text took 60–100 ms), a slice of the
 * file's text costs nothing.
 */
const RAW_MIN_LENGTH = 64 * 1024;
/** The key of the object that stands for a raw string in the JSON: `{ [RAW_KEY]: index }`. */
const RAW_KEY = "\u0000specsmith-raw";

/**
 * A cache's JSON text as the bytes to write: ASCII, every other character written as a `\u` escape (JSON.stringify
 * leaves them as they are). Read back (decodeCacheText), an ASCII file is taken as Latin-1, a plain copy, and its
 * strings stay one byte per character: a few non-ASCII characters in a file decoded as UTF-8 make V8 hold the
 * whole text, and every string sliced or parsed from it, at two bytes per character (GitHub's document frame, 8 MB
 * with 21 such lines, took 30 ms to decode instead of 10).
 */
export function asciiJsonBytes(json: string): Buffer {
  const bytes = Buffer.from(json, "utf8");
  return isAscii(bytes) ? bytes : Buffer.from(json.replace(NON_ASCII, escapeUnit), "latin1");
}

const NON_ASCII = /[\u0080-\uffff]/g;

function escapeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** A cache file's bytes as text: Latin-1 (a copy) when they are ASCII, as cache writers make them, else UTF-8. */
export function decodeCacheText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString(isAscii(buffer) ? "latin1" : "utf8");
}

/** A cache file's text (decodeCacheText), null when it cannot be read. */
export async function readCacheText(file: string): Promise<string | null> {
  const bytes = await readFile(file).catch(() => null);
  return bytes && decodeCacheText(bytes);
}

/** A cache file's bytes, null when it cannot be read. */
export function readCacheBytesSync(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * A shard's bytes: `value`'s JSON (asciiJsonBytes), and when it holds long strings, a line with their lengths in
 * bytes and then the strings themselves, raw UTF-8 (JSON.stringify writes no newline, so the first one ends the
 * JSON). Plain JSON when no string is long enough, when a long one is not well-formed UTF-16 (it would not survive
 * UTF-8), or when the value has an object key of the marker's own.
 */
export function toShardBytes(value: unknown): FileBytes {
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
  if (raws.length === 0) return asciiJsonBytes(json);
  if (clash) return asciiJsonBytes(JSON.stringify(value));
  const bytes = raws.map((raw) => Buffer.from(raw, "utf8"));
  const lengths = JSON.stringify(bytes.map((raw) => raw.length));
  return [asciiJsonBytes(json), Buffer.from(`\n${lengths}\n`, "latin1"), ...bytes];
}

/** No lone surrogates (String.prototype.isWellFormed: in Node 20, not yet in the ES2022 typings). */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

const NEWLINE = 0x0a;

/** What toShardBytes wrote (or plain JSON); null for no bytes or damaged ones. Each raw string is decoded alone. */
export function parseShardBytes(bytes: Uint8Array | null | undefined): unknown {
  if (bytes === null || bytes === undefined) return null;
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return parseJson(decodeCacheText(bytes));
  const lineEnd = bytes.indexOf(NEWLINE, end + 1);
  const lengths = lineEnd < 0 ? null : parseJson(decodeCacheText(bytes.subarray(end + 1, lineEnd)));
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  let at = lineEnd + 1;
  const raws: string[] = [];
  for (const n of lengths as number[]) {
    if (at + n > bytes.length) return null;
    raws.push(decodeCacheText(bytes.subarray(at, (at += n))));
  }
  if (at !== bytes.length) return null;
  try {
    return JSON.parse(decodeCacheText(bytes.subarray(0, end)), (_key, v: unknown) => {
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
