// The write worker's client: one shared worker, started on the first large write or probe, idle (unref'd) between jobs.
import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../worker-start.js";
import type { Tree } from "./file-ops.js";
import type { PrefixWriteResult } from "./write-prefix.js";

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface WriteWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  next: number;
}

interface ErrorShape {
  message: string;
  code?: string;
  syscall?: string;
  path?: string;
}

let shared: WriteWorker | undefined;
/** Every job not yet settled, of any worker (closing waits for them: a write is never cut off halfway). */
const inFlight = new Set<Promise<unknown>>();

/**
 * writePrefixSync(dir, files) in the write worker. The contents are UTF-8 encoded here into one buffer that is
 * transferred, not copied (the worker writes the bytes as they are), so the caller may drop its strings.
 */
export function writePrefixOffThread(dir: string, files: ReadonlyMap<string, string>): Promise<PrefixWriteResult> {
  const { bytes, ends } = encodeAll(files.values());
  return ask<PrefixWriteResult>({ kind: "write", dir, rels: [...files.keys()], bytes, ends }, [bytes.buffer]);
}

let nextStream = 0;

/** A new number for a stream of batches (writeStreamBatchOffThread). */
export function newStreamId(): number {
  return nextStream++;
}

/**
 * One batch of a new directory's files, written into its staging directory by the write worker (encoded here, as
 * writePrefixOffThread does); the final batch renames it into place and resolves to the whole directory's result,
 * earlier ones to null. Batches of one stream are written in the order sent.
 */
export function writeStreamBatchOffThread(stream: number, dir: string, files: ReadonlyMap<string, string>, final: boolean): Promise<PrefixWriteResult | null> {
  const { bytes, ends } = encodeAll(files.values());
  return ask<PrefixWriteResult | null>({ kind: "stream", stream, dir, rels: [...files.keys()], bytes, ends, final }, [bytes.buffer]);
}

/** Drops a stream that will not be finished: its staging directory is removed. */
export function abortStreamOffThread(stream: number): Promise<unknown> {
  return ask({ kind: "stream", stream, dir: "", rels: [], bytes: new Uint8Array(0), ends: new Uint32Array(0), final: false, abort: true });
}

/** Path (as asked) → [size, mtimeMs], or null when there is no such file. */
export type OutputStamps = Map<string, [number, number] | null>;

/**
 * Stats `files` (paths relative to `root`, or absolute) in the write worker: a warm run gets its outputs' stamps
 * while its spec loads on the main thread.
 */
export function statOffThread(root: string, files: readonly string[]): Promise<OutputStamps> {
  return ask<OutputStamps>({ kind: "stat", root, files });
}

/**
 * Lists `dirs` (relative to `root`, or absolute) in the write worker; null for a directory that does not exist.
 * Asked after statOffThread, it is answered after it (the worker takes its jobs in order).
 */
export function listOffThread(root: string, dirs: readonly string[]): Promise<Map<string, Tree | null>> {
  return ask<Map<string, Tree | null>>({ kind: "list", root, dirs });
}

function ask<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
  const w = (shared ??= startWriteWorker());
  const id = w.next++;
  const job = new Promise<T>((resolve, reject) => {
    w.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    w.worker.ref();
    w.worker.postMessage({ ...message, id }, transfer);
  });
  const settled = job.then(
    () => undefined,
    () => undefined,
  );
  inFlight.add(settled);
  void settled.then(() => inFlight.delete(settled));
  return job;
}

/**
 * Every string's UTF-8 bytes back to back in one fresh buffer; `ends[i]` is where the i-th one ends. One pass per
 * string: the buffer is made large enough for any text (3 bytes per UTF-16 unit) instead of measuring each first,
 * which took as long as the encoding itself; the pages past the end are never touched, so they cost no memory.
 */
function encodeAll(contents: Iterable<string>): { bytes: Uint8Array<ArrayBuffer>; ends: Uint32Array } {
  const list = [...contents];
  let capacity = 0;
  for (const content of list) capacity += content.length * 3;
  // Not Buffer.allocUnsafe: a small one is a slice of Node's shared pool, which cannot be transferred.
  const buffer = new ArrayBuffer(capacity);
  const view = Buffer.from(buffer);
  const ends = new Uint32Array(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) ends[i] = at += view.write(list[i] as string, at, "utf8");
  return { bytes: new Uint8Array(buffer, 0, at), ends };
}

function startWriteWorker(): WriteWorker {
  const worker = startModuleWorker("write/write-worker");
  const w: WriteWorker = { worker, pending: new Map(), next: 0 };
  worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: ErrorShape }) => {
    const p = w.pending.get(id);
    w.pending.delete(id);
    // Idle, the worker must not keep the process alive.
    if (w.pending.size === 0) worker.unref();
    if (error) p?.reject(toError(error));
    else p?.resolve(result);
  });
  const fail = (error: Error) => {
    if (shared === w) shared = undefined;
    for (const p of w.pending.values()) p.reject(error);
    w.pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`write worker exited with code ${code}`)));
  // After the listeners: adding a message listener refs the worker's port again.
  worker.unref();
  return w;
}

/** The worker's error as the main thread would have thrown it (message, code, syscall, path). */
function toError(shape: ErrorShape): Error {
  const error: NodeJS.ErrnoException = new Error(shape.message);
  if (shape.code !== undefined) error.code = shape.code;
  if (shape.syscall !== undefined) error.syscall = shape.syscall;
  if (shape.path !== undefined) error.path = shape.path;
  return error;
}

/** Waits for every job in flight, then ends the worker (a CLI run is over); the next write starts a new one. */
export async function closeWriteWorker(): Promise<void> {
  await Promise.all(inFlight);
  const w = shared;
  shared = undefined;
  if (w) await w.worker.terminate();
}
