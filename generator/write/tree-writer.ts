// Incremental writer: each owned prefix's files are written (or compared) as soon as they are handed over, so the
// caller can drop them; stale files are removed once every prefix is in. Large prefixes are written by the write
// worker (write-offload.ts) while the caller goes on; finish waits for them. A prefix whose directory does not exist
// yet can be handed over in batches while it renders (stream): its files need not all be held at once.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { assertSafeRelPath, compareFileSync, listTree, removeEmptyDirsSync, writeAtomicSync, type Tree } from "./file-ops.js";
import { abortStreamOffThread, newStreamId, retainingWrites, writePrefixOffThread, writeStreamBatchOffThread, type KnownTree } from "./write-offload.js";
import { writePrefixSync, type PrefixWriteResult } from "./write-prefix.js";
import { textOf, textsOf, type FileText } from "./text.js";
import type { FileMap, WriteResult } from "./types.js";

/** Prefixes with at least this many files go to the write worker by default; smaller ones are written in place. */
const OFFLOAD_MIN_FILES = 64;
/** …or with at least this many characters (a few large files: a whole-API document, the client's types). */
const OFFLOAD_MIN_CHARS = 1 << 20;
/**
 * A stream sends a batch once it holds this many files or characters. Small batches: a rendered page is encoded and
 * dropped while it is still young, instead of surviving scavenges (copied, then promoted) while the batch fills.
 * Against 256 files a batch, a cold run of GitHub's spec spent ~80 ms less in scavenges and its heap peaked ~150 MB
 * lower (measured side by side: wall 5.09 -> 4.91 s, peak RSS 592 -> 522 MB; Stripe 2.38 -> 2.26 s; 8 to 64 files
 * measured the same).
 */
export const STREAM_BATCH_FILES = 32;
const STREAM_BATCH_CHARS = 4 << 20;

export interface TreeWriterOptions {
  /** Output root directory. */
  root: string;
  /** Only compare; write nothing. */
  check?: boolean;
  /** Root-relative paths under owned prefixes that are never treated as stale (e.g. `.gitkeep`). */
  keep?: (relPath: string) => boolean;
  /**
   * Prefixes with at least this many files are written by the write worker, off the main thread (default 64;
   * Infinity: never). A failure there is thrown by finish.
   */
  offloadMinFiles?: number;
  /** Prefixes whose files hold at least this many characters in all are written by the write worker too (default 1 Mi). */
  offloadMinChars?: number;
  /** A stream sends a batch to the write worker once it holds this many files (default 32)… */
  streamBatchFiles?: number;
  /** …or this many characters (default 4 Mi). */
  streamBatchChars?: number;
  /**
   * Listings of owned directories taken before this run wrote anything (see listOffThread), by absolute path
   * (null: absent); a prefix without one is listed when it is added. Given as a promise, prefixes added before it
   * settles are written (or compared) once it has (finish waits for them); undefined from it: list as needed.
   */
  listings?: ReadonlyMap<string, Tree | null> | Promise<ReadonlyMap<string, Tree | null> | undefined>;
}

export interface TreeWriter {
  /**
   * Owns `prefix` (posix, relative to root; "" owns the whole root) and writes `files` (keyed relative to the
   * prefix) right away: only changed files, each atomically; an absent prefix dir is built aside and renamed in.
   */
  add(prefix: string, files: FileMap): void;
  /**
   * Owns `prefix` like add, its files handed over in parts: `write` as they render, `close` with the last ones.
   * Into a directory that does not exist yet the parts go to the write worker in batches, built aside and renamed
   * in by close; otherwise (or when checking) they are held and written by close, as add writes them.
   */
  stream(prefix: string): PrefixStream;
  /**
   * Removes (check mode: lists) files under the owned prefixes that no add produced; the sorted result. `known`:
   * what the caller knows of some prefixes since the run that left them (see KnownPrefix).
   */
  finish(known?: ReadonlyMap<string, KnownPrefix>): Promise<WriteResult>;
  /** The run failed: the streams not closed are dropped (nothing of them appears). */
  abort(): Promise<void>;
}

/**
 * What a caller knows of an owned prefix since the run that left its files there (a watch session's last run, see
 * PartsRender.since): the files that run had and this one does not make (root-relative), and how many files that run
 * left. When the prefix's listing holds exactly that many, it holds that run's files, so only `gone` can be stale:
 * finish removes those and reads no other entry of the listing, and sets `confirmed`.
 */
export interface KnownPrefix {
  gone: readonly string[];
  fileCount: number;
  confirmed?: boolean;
}

export interface PrefixStream {
  write(files: FileMap): void;
  close(files: FileMap): void;
}

/**
 * Root-relative paths by prefix and prefix-relative path, kept from writer to writer: a watch session's writer
 * records the same listed files every run (11.7k on GitHub's spec), and joining and hashing each path anew took
 * about 10 ms a run. Bounded: a prefix or path beyond the bounds starts its map afresh.
 */
const joinedPaths = new Map<string, Map<string, string>>();
const MAX_JOINED_PREFIXES = 64;
const MAX_JOINED_PATHS = 200_000;

function underPrefix(prefix: string, rel: string): string {
  if (!prefix) return rel;
  let byRel = joinedPaths.get(prefix);
  if (!byRel) {
    if (joinedPaths.size >= MAX_JOINED_PREFIXES) joinedPaths.clear();
    joinedPaths.set(prefix, (byRel = new Map()));
  }
  let full = byRel.get(rel);
  if (full === undefined) {
    if (byRel.size >= MAX_JOINED_PATHS) byRel.clear();
    byRel.set(rel, (full = `${prefix}/${rel}`));
  }
  return full;
}

export function createTreeWriter(opts: TreeWriterOptions): TreeWriter {
  const writer = new PrefixWriter(opts);
  return {
    add: (prefix, files) => writer.add(prefix, files),
    stream: (prefix) => writer.stream(prefix),
    finish: (known) => writer.finish(known),
    abort: () => writer.abort(),
  };
}

/** The writer plus files outside any owned prefix (compared on disk one by one, never stale); for writeFiles. */
export class PrefixWriter implements TreeWriter {
  private readonly result: WriteResult = { written: [], unchanged: [], removed: [], stale: [], missing: [], extra: [] };
  private readonly produced = new Set<string>();
  /** Root-relative files found under owned prefixes when they were added… */
  private readonly existing = new Set<string>();
  /** …and those of prefixes with a listing, as that listing (read in finish, not copied into `existing`). */
  private readonly listedTrees = new Map<string, Tree>();
  private readonly ownedDirs: string[] = [];
  private finished = false;
  /** Jobs in the write worker; each records its result when it settles. */
  private readonly jobs: Promise<void>[] = [];
  private firstError: unknown;
  /** Streams sending batches and not yet closed, by number. */
  private readonly openStreams = new Set<number>();

  /** The listings once known; `pendingListings` until then. */
  private listings: ReadonlyMap<string, Tree | null> | undefined;
  private pendingListings: Promise<unknown> | undefined;

  constructor(private readonly opts: TreeWriterOptions) {
    const given = opts.listings;
    if (given instanceof Promise) {
      this.pendingListings = given.then(
        (found) => {
          this.listings = found;
          this.pendingListings = undefined;
        },
        () => void (this.pendingListings = undefined),
      );
    } else this.listings = given;
  }

  add(prefix: string, files: FileMap): void {
    if (prefix !== "") assertSafeRelPath(prefix);
    const full = this.claim(prefix, files);
    const dir = path.join(this.opts.root, prefix);
    this.ownedDirs.push(dir);
    const pending = this.pendingListings;
    if (pending) {
      const job = pending.then(() => this.write(prefix, dir, files, full)).catch((error: unknown) => void (this.firstError ??= error));
      this.jobs.push(job);
    } else this.write(prefix, dir, files, full);
  }

  stream(prefix: string): PrefixStream {
    if (prefix !== "") assertSafeRelPath(prefix);
    const dir = path.join(this.opts.root, prefix);
    const batched = !this.opts.check && this.opts.offloadMinFiles !== Infinity && !existsSync(dir);
    let held = new Map<string, FileText>();
    let chars = 0;
    let id: number | undefined;
    const send = (final: boolean) => {
      const files = held;
      held = new Map();
      chars = 0;
      this.claim(prefix, files);
      if (id === undefined) {
        id = newStreamId();
        this.openStreams.add(id);
        this.ownedDirs.push(dir);
      }
      const stream = id;
      if (final) this.openStreams.delete(stream);
      const job = writeStreamBatchOffThread(stream, dir, files, final).then(
        (result) => {
          if (result) this.record(prefix, result);
        },
        (error: unknown) => void (this.firstError ??= error),
      );
      this.jobs.push(job);
    };
    const take = (files: FileMap) => {
      for (const [rel, content] of files) {
        if (held.has(rel)) throw new Error(`tree writer: ${prefix ? `${prefix}/` : ""}${rel} produced twice`);
        held.set(rel, content);
        chars += content.length;
      }
    };
    return {
      write: (files) => {
        take(files);
        const full = held.size >= (this.opts.streamBatchFiles ?? STREAM_BATCH_FILES) || chars >= (this.opts.streamBatchChars ?? STREAM_BATCH_CHARS);
        if (batched && full) send(false);
      },
      close: (files) => {
        take(files);
        if (id === undefined) this.add(prefix, held);
        else send(true);
      },
    };
  }

  async abort(): Promise<void> {
    const open = [...this.openStreams];
    this.openStreams.clear();
    await Promise.all(open.map((id) => abortStreamOffThread(id).catch(() => undefined)));
    await Promise.all(this.jobs);
  }

  private write(prefix: string, dir: string, files: FileMap, full: string[]): void {
    const listed = this.listings?.get(dir);
    if (this.opts.check) {
      const tree = listed === undefined ? listTree(dir) : listed;
      for (const rel of tree?.files ?? []) this.existing.add(underPrefix(prefix, rel));
      this.compareAll(dir, files, full, tree);
    } else if (this.offloads(files)) {
      // With the listing known here, the worker is told only what it says of these files (it would list the whole
      // directory again: 20 ms for docs/mintlify's 1.2k files on GitHub's spec, in every watch edit).
      if (listed) this.listedTrees.set(prefix, listed);
      const job = writePrefixOffThread(dir, files, listed && treeOf(listed, files.keys())).then(
        (result) => this.record(prefix, result),
        (error: unknown) => void (this.firstError ??= error),
      );
      this.jobs.push(job);
    } else this.record(prefix, writePrefixSync(dir, asStrings(files), listed));
  }

  private offloads(files: FileMap): boolean {
    // A watch session's worker is running: the main thread goes on rendering while it compares and writes even a
    // few small files (an edit's pages, one per target).
    if (retainingWrites() && this.opts.offloadMinFiles === undefined) return true;
    if (files.size >= (this.opts.offloadMinFiles ?? OFFLOAD_MIN_FILES)) return true;
    const minChars = this.opts.offloadMinChars ?? OFFLOAD_MIN_CHARS;
    let chars = 0;
    for (const content of files.values()) if ((chars += content.length) >= minChars) return true;
    return false;
  }

  private record(prefix: string, result: PrefixWriteResult): void {
    // A listed prefix's files found are some of its listing's (already among the existing).
    if (!this.listedTrees.has(prefix)) for (const rel of result.existing) this.existing.add(underPrefix(prefix, rel));
    for (const rel of result.written) this.result.written.push(underPrefix(prefix, rel));
    for (const rel of result.unchanged) this.result.unchanged.push(underPrefix(prefix, rel));
  }

  addUnowned(files: FileMap): void {
    const full = this.claim("", files);
    let i = 0;
    for (const [rel, content] of files) {
      const abs = path.join(this.opts.root, rel);
      const text = textOf(content);
      const state = compareFileSync(abs, text);
      const rootRel = full[i++] as string;
      if (state === "same") this.result.unchanged.push(rootRel);
      else if (this.opts.check) (state === null ? this.result.missing : this.result.stale).push(rootRel);
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeAtomicSync(abs, text);
        this.result.written.push(rootRel);
      }
    }
  }

  async finish(known?: ReadonlyMap<string, KnownPrefix>): Promise<WriteResult> {
    if (this.finished) throw new Error("tree writer: finish called twice");
    if (this.openStreams.size > 0) throw new Error("tree writer: finish with a stream not closed");
    this.finished = true;
    // Nothing is removed until every write has landed; a failed write fails the whole run. A job may add one (a
    // prefix written once the listings came may go to the worker): wait until no new one appears.
    for (let settled = 0; settled < this.jobs.length; ) {
      const count = this.jobs.length;
      await Promise.all(this.jobs);
      settled = count;
    }
    if (this.firstError !== undefined) throw this.firstError;
    const { result, opts } = this;
    const keep = opts.keep ?? (() => false);
    const remove = (rel: string) => {
      if (opts.check) result.extra.push(rel);
      else {
        rmSync(path.join(opts.root, rel), { force: true });
        result.removed.push(rel);
      }
    };
    const stale = (rel: string) => {
      if (!this.produced.has(rel) && !keep(rel)) remove(rel);
    };
    for (const rel of this.existing) stale(rel);
    for (const [prefix, tree] of this.listedTrees) {
      const since = known?.get(prefix);
      if (since && tree.files.size === since.fileCount) {
        since.confirmed = true;
        // Files of the caller's (a gone one is no other target's, nor kept): stale unless produced again.
        for (const rel of since.gone) if (!this.produced.has(rel) && tree.files.has(rel.slice(prefix.length + 1))) remove(rel);
        continue;
      }
      for (const rel of tree.files) stale(underPrefix(prefix, rel));
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
      const state = tree?.files.has(rel) ? compareFileSync(path.join(dir, rel), textOf(content)) : null;
      (state === "same" ? unchanged : state === null ? missing : stale).push(full[i++] as string);
    }
  }
}

/** The files as strings: the same map unless a text is in pieces (small prefixes, written here, rarely have one). */
function asStrings(files: FileMap): ReadonlyMap<string, string> {
  for (const content of files.values()) if (typeof content !== "string") return textsOf(files);
  return files as ReadonlyMap<string, string>;
}

/** What `tree` (a directory's listing) says of `rels`: those of them it lists, and the directories above them it lists. */
function treeOf(tree: Tree, rels: Iterable<string>): KnownTree {
  const files: string[] = [];
  const dirs = new Set<string>();
  for (const rel of rels) {
    if (tree.files.has(rel)) files.push(rel);
    for (let dir = path.posix.dirname(rel); dir !== "." && !dirs.has(dir); dir = path.posix.dirname(dir)) if (tree.dirs.has(dir)) dirs.add(dir);
  }
  return { files, dirs: [...dirs] };
}
