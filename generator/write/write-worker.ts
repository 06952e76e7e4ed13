// Worker entry: writes the owned directories it is sent (write-prefix.ts), so the file-system calls of a large
// write run on the other core while the main thread renders the next target; and probes a warm run's outputs
// (stats, then listings) while the main thread loads the spec.
import { statSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { listTree, type Tree } from "./file-ops.js";
import { writePrefixSync } from "./write-prefix.js";

interface WriteJob {
  kind: "write";
  id: number;
  dir: string;
  rels: string[];
  /** The files' UTF-8 bytes back to back; file i ends at ends[i]. */
  bytes: Uint8Array;
  ends: Uint32Array;
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

parentPort?.on("message", (job: WriteJob | StatJob | ListJob) => {
  try {
    const result = job.kind === "stat" ? stat(job) : job.kind === "list" ? list(job) : write(job);
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    parentPort?.postMessage({ id: job.id, error: { message: e.message, code: e.code, syscall: e.syscall, path: e.path } });
  }
});

function write({ dir, rels, bytes, ends }: WriteJob) {
  const files = new Map<string, Uint8Array>();
  for (let i = 0, start = 0; i < rels.length; start = ends[i++] as number) files.set(rels[i] as string, bytes.subarray(start, ends[i]));
  return writePrefixSync(dir, files);
}

function stat({ root, files }: StatJob) {
  const stamps = new Map<string, [number, number] | null>();
  for (const rel of files) {
    const info = statSync(path.resolve(root, rel), { throwIfNoEntry: false });
    stamps.set(rel, info ? [info.size, info.mtimeMs] : null);
  }
  return stamps;
}

function list({ root, dirs }: ListJob) {
  const trees = new Map<string, Tree | null>();
  for (const dir of dirs) trees.set(dir, listTree(path.resolve(root, dir)));
  return trees;
}
