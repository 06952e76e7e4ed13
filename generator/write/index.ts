// Only-changed, atomic writes of a tree of generated files, and the same
// comparison without writing (check mode).
import { randomBytes } from "node:crypto";
import { mkdirSync, promises as fs, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Files to produce, keyed by posix path relative to the output root. */
export type FileMap = ReadonlyMap<string, string>;

export interface WriteOptions {
  /** Output root directory. */
  root: string;
  files: FileMap;
  /**
   * Posix directories (relative to root) this writer owns: files under them that are not in
   * `files` are stale and get removed. Use [""] to own the whole root.
   */
  owned: readonly string[];
  /** Only compare; write nothing. */
  check?: boolean;
  /** File names under owned dirs that are never treated as stale (e.g. `.gitkeep`). */
  keep?: (relPath: string) => boolean;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** check mode: files present with different content. */
  stale: string[];
  /** check mode: files that should exist but do not. */
  missing: string[];
  /** check mode: files that exist in an owned dir but are not produced. */
  extra: string[];
}

export async function writeFiles(opts: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], removed: [], stale: [], missing: [], extra: [] };
  const existing = await listOwned(opts.root, opts.owned);
  const present = new Set(existing);
  const keep = opts.keep ?? (() => false);
  // A file under an owned dir that the listing did not find is known to be missing: no read needed.
  const listed = (rel: string) => opts.owned.some((dir) => dir === "" || rel.startsWith(`${dir}/`));

  const entries = [...opts.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const changed: [string, string][] = [];
  for (const [rel, content] of entries) {
    assertSafeRelPath(rel);
    const abs = path.join(opts.root, rel);
    const current = present.has(rel) || !listed(rel) ? readIfExistsSync(abs, content) : null;
    if (current === "same") result.unchanged.push(rel);
    else if (!opts.check) changed.push([rel, content]);
    else (current === null ? result.missing : result.stale).push(rel);
  }
  if (!opts.check) {
    createDirs(opts.root, changed);
    for (const [rel, content] of changed) {
      writeAtomicSync(path.join(opts.root, rel), content);
      result.written.push(rel);
    }
  }

  for (const rel of existing) {
    if (opts.files.has(rel) || keep(rel)) continue;
    if (opts.check) {
      result.extra.push(rel);
    } else {
      await fs.rm(path.join(opts.root, rel), { force: true });
      result.removed.push(rel);
    }
  }
  // Only a removal can leave a directory empty.
  if (result.removed.length > 0) await removeEmptyDirs(opts.root, opts.owned);
  for (const list of Object.values(result)) (list as string[]).sort();
  return result;
}

/**
 * Writes via a temp file in the same directory and a rename, so readers never see half a file.
 * Synchronous: thousands of small files go faster without a promise and a thread-pool hop per call.
 */
export function writeAtomicSync(abs: string, content: string): void {
  const tmp = `${abs}.${TMP_TAG}.${tmpCount++}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, abs);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Writes via a temp file in the same directory and a rename, so readers never see half a file. */
export async function writeAtomic(abs: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(abs), { recursive: true });
  writeAtomicSync(abs, content);
}

// Temp names: unique per process and call, without a random draw per file.
const TMP_TAG = `${process.pid}.${randomBytes(4).toString("hex")}`;
let tmpCount = 0;

/** Each directory the changed files need, created once (parents before children, thanks to the sort). */
function createDirs(root: string, changed: readonly [string, string][]): void {
  const dirs = new Set(changed.map(([rel]) => path.posix.dirname(rel)));
  for (const dir of [...dirs].sort()) mkdirSync(path.join(root, dir), { recursive: true });
}

export function assertSafeRelPath(rel: string): void {
  const parts = rel.split("/");
  if (
    rel === "" ||
    rel.includes("\\") ||
    rel.includes("\0") ||
    path.posix.isAbsolute(rel) ||
    parts.some((p) => p === "" || p === "." || p === "..")
  ) {
    throw new Error(`refusing to write unsafe path ${JSON.stringify(rel)}`);
  }
}

/** "same" when the file holds exactly `content`, null when it does not exist, "different" otherwise. */
function readIfExistsSync(abs: string, content: string): "same" | "different" | null {
  let current: Buffer;
  try {
    current = readFileSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  // Sizes first: a length mismatch needs no decoding.
  if (current.length !== Buffer.byteLength(content)) return "different";
  return current.toString("utf8") === content ? "same" : "different";
}

async function listOwned(root: string, owned: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const dir of owned) {
    for (const rel of await listFiles(path.join(root, dir))) {
      out.add(dir ? `${dir}/${rel}` : rel);
    }
  }
  return [...out].sort();
}

/** Every file below dir, as posix paths relative to it; [] when dir does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    // Sync: the promise version awaits once per directory, which adds up over thousands of them.
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    // Node 20 names the parent `path`; newer versions `parentPath`.
    const parent = (e as { parentPath?: string }).parentPath ?? (e as { path?: string }).path ?? dir;
    files.push(path.relative(dir, path.join(parent, e.name)).split(path.sep).join("/"));
  }
  return files.sort();
}

async function removeEmptyDirs(root: string, owned: readonly string[]): Promise<void> {
  async function prune(abs: string, isOwnedRoot: boolean): Promise<boolean> {
    let entries;
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch {
      return false;
    }
    let empty = true;
    for (const e of entries) {
      if (e.isDirectory() && (await prune(path.join(abs, e.name), false))) continue;
      empty = false;
    }
    if (empty && !isOwnedRoot) await fs.rmdir(abs).catch(() => undefined);
    return empty;
  }
  for (const dir of owned) await prune(path.join(root, dir), true);
}
