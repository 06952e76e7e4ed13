// Worker entry: writes the owned directories it is sent (write-prefix.ts), so the file-system calls of a large
// write run on the other core while the main thread renders the next target; and probes a warm run's outputs
// (stats, then listings) while the main thread loads the spec. A new directory can come in batches as its target
// renders (stream jobs, see write-prefix.ts' PrefixStream).
import { statSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { listTree, type FileBytes, type Tree } from "./file-ops.js";
import { abortStream, beginStream, finishStream, writePrefixSync, writeStreamBatch, type PrefixStream } from "./write-prefix.js";
import type { KnownTree } from "./write-offload.js";

interface WriteJob {
  kind: "write";
  id: number;
  dir: string;
  rels: string[];
  /** The files' UTF-8 bytes back to back; file i ends at ends[i]… */
  bytes: Uint8Array;
  ends: Uint32Array;
  /** …unless shared[i] holds its bytes as consecutive segments (shared memory, see write-offload.ts' retainWrites). */
  shared?: (Uint8Array[] | null)[];
  /** Files whose bytes are known to differ from the ones last written there (no need to read them to compare). */
  differing?: string[];
  /** What the caller's listing says of these files (null: the directory is absent); else it is listed here. */
  known?: KnownTree | null;
}

/** One batch of a new directory's files; the final one renames it into place, an abort removes it. */
interface StreamJob {
  kind: "stream";
  id: number;
  stream: number;
  dir: string;
  rels: string[];
  bytes: Uint8Array;
  ends: Uint32Array;
  shared?: (Uint8Array[] | null)[];
  final: boolean;
  abort?: boolean;
}

interface StatJob {
  kind: "stat";
  id: number;
  root: string;
  files: string[];
}

interface ListJob {
  kind: "list";
  id: number;
  root: string;
  dirs: string[];
}

parentPort?.on("message", (job: WriteJob | StreamJob | StatJob | ListJob) => {
  try {
    const result = job.kind === "stat" ? stat(job) : job.kind === "list" ? list(job) : job.kind === "stream" ? streamBatch(job) : write(job);
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    parentPort?.postMessage({ id: job.id, error: { message: e.message, code: e.code, syscall: e.syscall, path: e.path } });
  }
});

function write(job: WriteJob) {
  const listed = job.known && { files: new Set(job.known.files), dirs: new Set(job.known.dirs) };
  return writePrefixSync(job.dir, decode(job), job.known === undefined ? undefined : listed, job.differing && new Set(job.differing));
}

function decode({ rels, bytes, ends, shared }: Pick<WriteJob, "rels" | "bytes" | "ends" | "shared">): Map<string, FileBytes> {
  const files = new Map<string, FileBytes>();
  for (let i = 0, start = 0; i < rels.length; start = ends[i++] as number) files.set(rels[i] as string, shared?.[i] ?? bytes.subarray(start, ends[i]));
  return files;
}

/** Open streams by the number the main thread gave them; a failed one keeps its error for the final batch. */
const streams = new Map<number, { stream: PrefixStream | null; error?: unknown }>();

function streamBatch(job: StreamJob) {
  let state = streams.get(job.stream);
  if (!state) streams.set(job.stream, (state = { stream: null }));
  try {
    if (job.abort) {
      if (state.stream) abortStream(state.stream);
      return null;
    }
    if (state.error === undefined) {
      try {
        state.stream ??= beginStream(job.dir);
        writeStreamBatch(state.stream, decode(job));
      } catch (error) {
        state.error = error;
        if (state.stream) abortStream(state.stream);
      }
    }
    if (!job.final) return null;
    if (state.error !== undefined) throw state.error;
    return finishStream(state.stream as PrefixStream);
  } finally {
    if (job.final || job.abort) streams.delete(job.stream);
  }
}

function stat({ root, files }: StatJob) {
  const stamps = new Map<string, [number, number] | null>();
  // Joined by hand: path.resolve per file cost as much as the stat itself (GitHub: 11.7k outputs).
  const base = path.resolve(root) + path.sep;
  for (const rel of files) {
    const info = statSync(path.isAbsolute(rel) ? rel : base + rel, { throwIfNoEntry: false });
    stamps.set(rel, info ? [info.size, info.mtimeMs] : null);
  }
  return stamps;
}

function list({ root, dirs }: ListJob) {
  const trees = new Map<string, Tree | null>();
  for (const dir of dirs) trees.set(dir, listTree(path.resolve(root, dir)));
  return trees;
}
