// File-system helpers of the writer: atomic writes, size-first comparison, listings, directory creation/pruning.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  promises as fs,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
  writevSync,
} from "node:fs";
import path from "node:path";

// Temp names: unique per process and call, without a random draw per file.
export const TMP_TAG = `${process.pid}.${randomBytes(4).toString("hex")}`;
let tmpCount = 0;

/** A fresh temp name next to `abs` (same directory, so a rename onto `abs` is atomic). */
export function tempNameFor(abs: string, kind: "tmp" | "staging"): string {
  const name = `.${path.basename(abs)}.${TMP_TAG}.${tmpCount++}.${kind}`;
  return path.join(path.dirname(abs), name);
}

/**
 * Removes staging directories of `abs` (see tempNameFor) left by a specsmith process that no longer runs (killed
 * while it built one); those of running processes, this one included, stay.
 */
export function removeDeadStagingSync(abs: string): void {
  const prefix = `.${path.basename(abs)}.`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(abs));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".staging")) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(path.join(path.dirname(abs), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A file's content: text, its UTF-8 bytes, or those bytes as consecutive segments (a watch session's whole-API file,
 * spliced from the bytes it had: see write-offload.ts' retainWrites).
 */
export type FileBytes = string | Uint8Array | readonly Uint8Array[];

/** Writes `content` to `abs` (created or truncated); segments are written as they are, not joined first. */
export function writeFileBytesSync(abs: string, content: FileBytes, mode?: number): void {
  if (!Array.isArray(content)) {
    writeFileSync(abs, content as string | Uint8Array, mode === undefined ? undefined : { mode });
    return;
  }
  const fd = openSync(abs, "w", mode);
  try {
    let segments = (content as readonly Uint8Array[]).filter((s) => s.byteLength > 0);
    while (segments.length > 0) {
      let n = writevSync(fd, segments.slice(0, WRITEV_MAX));
      // A short write: the rest of the segment it stopped in, and the ones after, go next.
      const rest: Uint8Array[] = [];
      for (const segment of segments) {
        if (n >= segment.byteLength) n -= segment.byteLength;
        else {
          rest.push(n > 0 ? segment.subarray(n) : segment);
          n = 0;
        }
      }
      segments = rest;
    }
  } finally {
    closeSync(fd);
  }
}

// At most this many buffers per writev (IOV_MAX is 1024 on Linux).
const WRITEV_MAX = 512;

/** The bytes of `content` in one piece (segments copied together). */
function joinedBytes(content: Exclude<FileBytes, string>): Uint8Array {
  return Array.isArray(content) ? Buffer.concat(content as readonly Uint8Array[]) : (content as Uint8Array);
}

/**
 * Writes via a temp file in the same directory and a rename, so readers never see half a file.
 * Synchronous: thousands of small files go faster without a promise and a thread-pool hop per call.
 */
export function writeAtomicSync(abs: string, content: FileBytes, mode?: number): void {
  const tmp = `${abs}.${TMP_TAG}.${tmpCount++}.tmp`;
  try {
    writeFileBytesSync(tmp, content, mode);
    renameSync(tmp, abs);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Writes via a temp file in the same directory and a rename, so readers never see half a file. */
export async function writeAtomic(abs: string, content: FileBytes, mode?: number): Promise<void> {
  await fs.mkdir(path.dirname(abs), { recursive: true });
  writeAtomicSync(abs, content, mode);
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

// Reused across comparisons: file bytes in the first half, the encoded content in the second.
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * "same" when the file holds exactly `given`, null when it does not exist, "different" otherwise.
 * The size (fstat) is compared before any byte is read, so a changed length costs no read.
 */
export function compareFileSync(abs: string, given: FileBytes): "same" | "different" | null {
  let fd: number;
  try {
    fd = openSync(abs, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    // Segments are joined only here, to compare (a file they are known to differ from is written without it).
    const content = typeof given === "string" ? given : joinedBytes(given);
    const size = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
    if (fstatSync(fd).size !== size) return "different";
    if (scratch.length < 2 * size) scratch = Buffer.allocUnsafe(2 * size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, scratch, read, size - read, read);
      if (n === 0) return "different"; // shrank since fstat
      read += n;
    }
    let encoded: Uint8Array = content as Uint8Array;
    if (typeof content === "string") {
      encoded = scratch.subarray(size, 2 * size);
      (encoded as Buffer).write(content, "utf8");
    }
    return scratch.subarray(0, size).equals(encoded) ? "same" : "different";
  } finally {
    closeSync(fd);
  }
}

export interface Tree {
  /** Files below the directory, posix paths relative to it. */
  files: Set<string>;
  /** Directories below it (not itself), posix paths relative to it. */
  dirs: Set<string>;
}

/** Every file and directory below dir; null when dir does not exist. */
export function listTree(dir: string): Tree | null {
  const base = path.resolve(dir);
  let entries;
  try {
    // Sync: the promise version awaits once per directory, which adds up over thousands of them.
    entries = readdirSync(base, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const tree: Tree = { files: new Set(), dirs: new Set() };
  for (const e of entries) {
    // Node 20 names the parent `path`; newer versions `parentPath`. Both are joined onto `base`.
    const parent = (e as { parentPath?: string }).parentPath ?? (e as { path?: string }).path ?? base;
    const under = parent === base ? e.name : `${parent.slice(base.length + 1)}${path.sep}${e.name}`;
    const rel = path.sep === "/" ? under : under.split(path.sep).join("/");
    if (e.isFile()) tree.files.add(rel);
    else if (e.isDirectory()) tree.dirs.add(rel);
  }
  return tree;
}

/** Every file below dir, as sorted posix paths relative to it; [] when dir does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  return [...(listTree(dir)?.files ?? [])].sort();
}

/**
 * Creates the directories `rels` need below base, skipping those already `existing` (each mkdir is one syscall);
 * `created`, when given, gets the ones made (a caller writing in batches passes its known set as both).
 */
export function createDirsSync(base: string, rels: Iterable<string>, existing: ReadonlySet<string>, created?: Set<string>): void {
  const needed = new Set<string>();
  for (const rel of rels) {
    for (let dir = path.posix.dirname(rel); dir !== "." && !existing.has(dir) && !needed.has(dir); ) {
      needed.add(dir);
      dir = path.posix.dirname(dir);
    }
  }
  // A path sorts before every path it is a prefix of: parents are created before children.
  for (const dir of [...needed].sort()) {
    try {
      mkdirSync(path.join(base, dir));
    } catch (error) {
      // A symlinked directory is not listed as one.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    created?.add(dir);
  }
}

/** Removes empty directories below each dir (the dirs themselves stay). */
export function removeEmptyDirsSync(dirs: readonly string[]): void {
  function prune(abs: string, isTop: boolean): boolean {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return false;
    }
    let empty = true;
    for (const e of entries) {
      if (e.isDirectory() && prune(path.join(abs, e.name), false)) continue;
      empty = false;
    }
    if (empty && !isTop) {
      try {
        rmdirSync(abs);
      } catch {
        return false;
      }
    }
    return empty;
  }
  for (const dir of dirs) prune(dir, true);
}
