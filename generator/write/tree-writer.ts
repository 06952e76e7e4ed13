// Incremental writer: each owned prefix's files are written (or compared) as soon as they are handed over, so the
// caller can drop them; stale files are removed once every prefix is in.
import { renameSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  assertSafeRelPath,
  compareFileSync,
  createDirsSync,
  listTree,
  removeEmptyDirsSync,
  tempNameFor,
  writeAtomicSync,
  type Tree,
} from "./file-ops.js";
import type { FileMap, WriteResult } from "./types.js";

export interface TreeWriterOptions {
  /** Output root directory. */
  root: string;
  /** Only compare; write nothing. */
  check?: boolean;
  /** Root-relative paths under owned prefixes that are never treated as stale (e.g. `.gitkeep`). */
  keep?: (relPath: string) => boolean;
}

export interface TreeWriter {
  /**
   * Owns `prefix` (posix, relative to root; "" owns the whole root) and writes `files` (keyed relative to the
   * prefix) right away: only changed files, each atomically; an absent prefix dir is built aside and renamed in.
   */
  add(prefix: string, files: FileMap): void;
  /** Removes (check mode: lists) files under the owned prefixes that no add produced; the sorted result. */
  finish(): Promise<WriteResult>;
}

export function createTreeWriter(opts: TreeWriterOptions): TreeWriter {
  const writer = new PrefixWriter(opts);
  return { add: (prefix, files) => writer.add(prefix, files), finish: () => writer.finish() };
}

/** The writer plus files outside any owned prefix (compared on disk one by one, never stale); for writeFiles. */
export class PrefixWriter implements TreeWriter {
  private readonly result: WriteResult = { written: [], unchanged: [], removed: [], stale: [], missing: [], extra: [] };
  private readonly produced = new Set<string>();
  /** Root-relative files found under owned prefixes when they were added. */
  private readonly existing = new Set<string>();
  private readonly ownedDirs: string[] = [];
  private finished = false;

  constructor(private readonly opts: TreeWriterOptions) {}

  add(prefix: string, files: FileMap): void {
    if (prefix !== "") assertSafeRelPath(prefix);
    const full = this.claim(prefix, files);
    const dir = path.join(this.opts.root, prefix);
    this.ownedDirs.push(dir);
    let tree = listTree(dir);
    if (!this.opts.check && tree === null && files.size > 0) {
      if (buildAside(dir, files)) {
        this.result.written.push(...full);
        return;
      }
      tree = listTree(dir);
    }
    for (const rel of tree?.files ?? []) this.existing.add(prefix ? `${prefix}/${rel}` : rel);
    if (this.opts.check) this.compareAll(dir, files, full, tree);
    else this.updateInPlace(dir, files, full, tree ?? { files: new Set(), dirs: new Set() });
  }

  addUnowned(files: FileMap): void {
    const full = this.claim("", files);
    let i = 0;
    for (const [rel, content] of files) {
      const abs = path.join(this.opts.root, rel);
      const state = compareFileSync(abs, content);
      const rootRel = full[i++] as string;
      if (state === "same") this.result.unchanged.push(rootRel);
      else if (this.opts.check) (state === null ? this.result.missing : this.result.stale).push(rootRel);
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeAtomicSync(abs, content);
        this.result.written.push(rootRel);
      }
    }
  }

  async finish(): Promise<WriteResult> {
    if (this.finished) throw new Error("tree writer: finish called twice");
    this.finished = true;
    const { result, opts } = this;
    const keep = opts.keep ?? (() => false);
    for (const rel of this.existing) {
      if (this.produced.has(rel) || keep(rel)) continue;
      if (opts.check) result.extra.push(rel);
      else {
        rmSync(path.join(opts.root, rel), { force: true });
        result.removed.push(rel);
      }
    }
    // Only a removal can leave a directory empty.
    if (result.removed.length > 0) removeEmptyDirsSync(this.ownedDirs);
    for (const list of Object.values(result)) (list as string[]).sort();
    return result;
  }

  /** Validates and records every path before anything is written; root-relative paths, in the same order. */
  private claim(prefix: string, files: FileMap): string[] {
    if (this.finished) throw new Error("tree writer: add after finish");
    const full: string[] = [];
    for (const rel of files.keys()) {
      assertSafeRelPath(rel);
      const rootRel = prefix ? `${prefix}/${rel}` : rel;
      if (this.produced.has(rootRel)) throw new Error(`tree writer: ${rootRel} produced twice`);
      full.push(rootRel);
    }
    for (const rel of full) this.produced.add(rel);
    return full;
  }

  private compareAll(dir: string, files: FileMap, full: string[], tree: Tree | null): void {
    const { unchanged, missing, stale } = this.result;
    let i = 0;
    for (const [rel, content] of files) {
      const state = tree?.files.has(rel) ? compareFileSync(path.join(dir, rel), content) : null;
      (state === "same" ? unchanged : state === null ? missing : stale).push(full[i++] as string);
    }
  }

  private updateInPlace(dir: string, files: FileMap, full: string[], tree: Tree): void {
    const changed: [string, string, string][] = [];
    let i = 0;
    for (const [rel, content] of files) {
      const rootRel = full[i++] as string;
      // The listing says which files exist: an absent one needs no probe.
      const same = tree.files.has(rel) && compareFileSync(path.join(dir, rel), content) === "same";
      if (same) this.result.unchanged.push(rootRel);
      else changed.push([rel, content, rootRel]);
    }
    if (changed.length === 0) return;
    createDirsSync(dir, changed.map(([rel]) => rel), tree.dirs);
    for (const [rel, content, rootRel] of changed) {
      writeAtomicSync(path.join(dir, rel), content);
      this.result.written.push(rootRel);
    }
  }
}

/**
 * Builds an absent directory as a staging directory next to it, then renames it into place: one rename instead
 * of one per file, and readers still never see a partial tree. On failure the staging dir is removed. False
 * when the directory appeared meanwhile (the caller then updates it in place).
 */
function buildAside(dir: string, files: FileMap): boolean {
  mkdirSync(path.dirname(dir), { recursive: true });
  const staging = tempNameFor(dir, "staging");
  try {
    mkdirSync(staging);
    createDirsSync(staging, files.keys(), new Set());
    for (const [rel, content] of files) writeFileSync(path.join(staging, rel), content);
    renameSync(staging, dir);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === "ENOTEMPTY" || code === "EEXIST") && listTree(dir) !== null) return false;
    throw error;
  }
}
