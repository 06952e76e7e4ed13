// Writing one owned directory: what a tree writer does per prefix, on the main thread or in the write worker.
import { mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { compareFileSync, createDirsSync, listTree, removeDeadStagingSync, tempNameFor, writeAtomicSync, writeFileBytesSync, type FileBytes, type Tree } from "./file-ops.js";

export interface PrefixWriteResult {
  /** Files found under the directory before anything was written (relative to it). */
  existing: string[];
  /** Of the given files, those written and those already on disk with the same bytes (relative to it). */
  written: string[];
  unchanged: string[];
}

/**
 * Writes `files` (relative posix paths, already validated; text or its UTF-8 bytes, see FileBytes) under `dir`: only changed files, each atomically; an
 * absent directory is built aside and renamed in, so readers never see a partial tree. `listed`: the directory's
 * listing when the caller has it already. `differing`: files known to differ from what is on disk (their bytes differ
 * from the ones last written there): written without reading the file to compare.
 */
export function writePrefixSync(
  dir: string,
  files: ReadonlyMap<string, FileBytes>,
  listed?: Tree | null,
  differing?: ReadonlySet<string>,
): PrefixWriteResult {
  let tree = listed === undefined ? listTree(dir) : listed;
  if (tree === null && files.size > 0) {
    if (buildAside(dir, files)) return { existing: [], written: [...files.keys()], unchanged: [] };
    tree = listTree(dir);
  }
  const existing = [...(tree?.files ?? [])];
  return { existing, ...updateInPlace(dir, files, tree ?? { files: new Set(), dirs: new Set() }, differing) };
}

function updateInPlace(
  dir: string,
  files: ReadonlyMap<string, FileBytes>,
  tree: Tree,
  differing: ReadonlySet<string> | undefined,
): { written: string[]; unchanged: string[] } {
  const unchanged: string[] = [];
  const changed: string[] = [];
  for (const [rel, content] of files) {
    // The listing says which files exist: an absent one needs no probe.
    const same = tree.files.has(rel) && !differing?.has(rel) && compareFileSync(path.join(dir, rel), content) === "same";
    (same ? unchanged : changed).push(rel);
  }
  if (changed.length > 0) createDirsSync(dir, changed, tree.dirs);
  for (const rel of changed) {
    const abs = path.join(dir, rel);
    try {
      writeAtomicSync(abs, files.get(rel) as FileBytes);
    } catch (error) {
      // A listing taken before someone removed a directory (a watch session's probe): it is made again.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(path.dirname(abs), { recursive: true });
      writeAtomicSync(abs, files.get(rel) as FileBytes);
    }
  }
  return { written: changed, unchanged };
}

/**
 * Builds an absent directory as a staging directory next to it (a stream of one batch, see below), then renames it
 * into place: one rename instead of one per file. On failure the staging dir is removed. False when the directory
 * appeared meanwhile (the caller then updates it in place).
 */
function buildAside(dir: string, files: ReadonlyMap<string, FileBytes>): boolean {
  const stream = beginStream(dir);
  try {
    writeStreamBatch(stream, files);
    renameSync(stream.staging, dir);
    return true;
  } catch (error) {
    abortStream(stream);
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === "ENOTEMPTY" || code === "EEXIST") && listTree(dir) !== null) return false;
    throw error;
  }
}

/**
 * A new directory written in batches (a target's files handed over as they render): built as a staging directory
 * next to it, each batch written into it, and renamed into place by finishStream, as writePrefixSync builds an
 * absent one in a single call. abortStream removes it: until the rename, nothing of it is visible.
 */
export interface PrefixStream {
  dir: string;
  staging: string;
  /** Directories made in the staging directory so far. */
  dirs: Set<string>;
  written: string[];
}

export function beginStream(dir: string): PrefixStream {
  mkdirSync(path.dirname(dir), { recursive: true });
  removeDeadStagingSync(dir);
  const staging = tempNameFor(dir, "staging");
  mkdirSync(staging);
  return { dir, staging, dirs: new Set(), written: [] };
}

export function writeStreamBatch(stream: PrefixStream, files: ReadonlyMap<string, FileBytes>): void {
  createDirsSync(stream.staging, files.keys(), stream.dirs, stream.dirs);
  for (const [rel, content] of files) {
    writeFileBytesSync(path.join(stream.staging, rel), content);
    stream.written.push(rel);
  }
}

/**
 * Renames the staging directory into place. Should the directory have appeared meanwhile, each file is moved into
 * it instead (one atomic rename each) and the files it had are reported as existing.
 */
export function finishStream(stream: PrefixStream): PrefixWriteResult {
  try {
    renameSync(stream.staging, stream.dir);
    return { existing: [], written: stream.written, unchanged: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const tree = code === "ENOTEMPTY" || code === "EEXIST" ? listTree(stream.dir) : null;
    if (!tree) {
      abortStream(stream);
      throw error;
    }
    try {
      createDirsSync(stream.dir, stream.written, tree.dirs);
      for (const rel of stream.written) renameSync(path.join(stream.staging, rel), path.join(stream.dir, rel));
    } finally {
      abortStream(stream);
    }
    return { existing: [...tree.files], written: stream.written, unchanged: [] };
  }
}

export function abortStream(stream: PrefixStream): void {
  rmSync(stream.staging, { recursive: true, force: true });
}
