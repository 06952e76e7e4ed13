// A cache kept as a directory of JSON shard files (the part store, the load cache's documents). Each shard has a
// signature (what its content is made from, e.g. its sorted keys): a save writes only the shards whose signature
// differs from what this process last read or wrote there, and removes the shards no longer wanted.
import { createHash } from "node:crypto";
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
  return createHash("sha256").update([...keys].sort().join("\n")).digest("hex");
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

/** JSON.parse, or null for no text or text that is not JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
