// The write worker's client: one shared worker, started on the first large write or probe, idle (unref'd) between jobs.
import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../worker-start.js";
import type { Tree } from "./file-ops.js";
import type { PrefixWriteResult } from "./write-prefix.js";
import { TextPieces, type FileText } from "./text.js";
import path from "node:path";

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
export function writePrefixOffThread(dir: string, files: ReadonlyMap<string, FileText>, known?: KnownTree | null): Promise<PrefixWriteResult> {
  const { bytes, ends, shared, differing } = encodeAll(dir, files);
  return ask<PrefixWriteResult>({ kind: "write", dir, rels: [...files.keys()], bytes, ends, shared, differing, known }, [bytes.buffer]);
}

/**
 * What the caller's listing of a directory says of the files it sends (those present, and the directories above
 * them that exist); null: the directory is absent. The worker's result then lists only those as `existing`.
 */
export interface KnownTree {
  files: string[];
  dirs: string[];
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
export function writeStreamBatchOffThread(stream: number, dir: string, files: ReadonlyMap<string, FileText>, final: boolean): Promise<PrefixWriteResult | null> {
  const { bytes, ends, shared } = encodeAll(dir, files);
  return ask<PrefixWriteResult | null>({ kind: "stream", stream, dir, rels: [...files.keys()], bytes, ends, shared, final }, [bytes.buffer]);
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
 * Every file's UTF-8 bytes back to back in one fresh buffer; `ends[i]` is where the i-th one ends. A text in pieces
 * is encoded piece by piece. While writes are retained (see retainWrites), a large text in pieces gets segments of
 * its own instead (`shared[i]`, nothing in `bytes`), mostly the bytes it had last time. (Sizing the buffer for any
 * text, 3 bytes per UTF-16 unit, saves measuring each one first, but cost about 90 MB more peak RSS on GitHub's
 * spec for no clear gain in time: measured, then left.)
 */
function encodeAll(
  dir: string,
  files: ReadonlyMap<string, FileText>,
): { bytes: Uint8Array<ArrayBuffer>; ends: Uint32Array; shared?: (Uint8Array[] | null)[]; differing?: string[] } {
  let capacity = 0;
  let shared: (Uint8Array[] | null)[] | undefined;
  let differing: string[] | undefined;
  let i = 0;
  for (const [rel, content] of files) {
    // Only a large text in pieces, or a file that was one, has retained bytes (no path made for the rest).
    const kept = retainable(content);
    if (kept) {
      const encoded = encodeRetained(path.join(dir, rel), kept);
      (shared ??= new Array<Uint8Array[] | null>(files.size).fill(null))[i] = encoded.segments;
      if (encoded.differs) (differing ??= []).push(rel);
    } else if (retained.size > 0) retained.delete(path.join(dir, rel));
    if (!shared?.[i]) capacity += typeof content === "string" ? Buffer.byteLength(content) : byteLengthOf(content.pieces);
    i++;
  }
  // Not Buffer.allocUnsafe: a small one is a slice of Node's shared pool, which cannot be transferred. Not zeroed:
  // every byte is written below.
  const view = Buffer.allocUnsafeSlow(capacity);
  const buffer = view.buffer;
  const ends = new Uint32Array(files.size);
  let at = 0;
  i = 0;
  for (const content of files.values()) {
    if (!shared?.[i]) {
      if (typeof content === "string") at += view.write(content, at, "utf8");
      else for (const piece of content.pieces) at += view.write(piece, at, "utf8");
    }
    ends[i++] = at;
  }
  return { bytes: new Uint8Array(buffer, view.byteOffset, at), ends, ...(shared && { shared }), ...(differing && { differing }) };
}

function byteLengthOf(pieces: readonly string[]): number {
  let length = 0;
  for (const piece of pieces) length += Buffer.byteLength(piece);
  return length;
}

/**
 * A large text in pieces as last written: its pieces, where each one's bytes end, and the bytes as consecutive
 * segments of shared memory. No byte of it is written again once sent: a next write refers to the segments of the
 * pieces it keeps (the write worker may still read them) and puts the bytes of the ones that changed in new memory.
 */
interface Retained {
  pieces: readonly string[];
  ends: Uint32Array;
  segments: Uint8Array[];
  length: number;
}

/** Whether writes are retained (a watch session, see retainWrites). */
export function retainingWrites(): boolean {
  return retaining;
}

/** Texts in pieces of at least this many characters are retained. */
const RETAIN_MIN_CHARS = 1 << 20;
/** A retained text in more segments than this is copied into one before it is written (each is a buffer of a writev). */
const MAX_SEGMENTS = 64;

/** The text when writes are retained and it is one kept (a large text in pieces), else null. */
function retainable(content: FileText): TextPieces | null {
  return retaining && content instanceof TextPieces && content.retain && content.length >= RETAIN_MIN_CHARS ? content : null;
}
const retained = new Map<string, Retained>();
let retaining = false;

/**
 * On: the large texts in pieces written from now on keep their bytes (in memory shared with the write worker, so
 * sending them copies nothing), and the next write of the same file encodes only the pieces that differ and refers
 * to the kept bytes of the others: a watch session's edit of one endpoint rewrites GitHub's 14 MB openapi.json
 * without encoding, or copying, 14 M characters again. Off: forgets them.
 */
export function retainWrites(on: boolean): void {
  retaining = on;
  if (!on) retained.clear();
}

/**
 * While writes are retained: `content` is what the file at `abs` holds (or what its next write is to be spliced
 * from), as if written now; its bytes are kept (only a large text in pieces), nothing is written. They are kept in
 * one segment (a watch session calls this while it waits), so that the next write's segments stay few.
 */
export function retainWritten(abs: string, content: FileText): void {
  const kept = retainable(content);
  if (!kept) return;
  encodeRetained(abs, kept);
  const entry = retained.get(abs) as Retained;
  // Also one segment in much more memory than its bytes (a text encoded whole is given 3 bytes per character).
  const only = entry.segments[0];
  if (entry.segments.length > 1 || (only && only.buffer.byteLength > 1.5 * entry.length)) {
    entry.segments = [joinSegments(entry.segments, entry.length)];
  }
}

/**
 * The text's bytes as segments, the ones of pieces equal to last time's (mostly the very same strings: the fragments
 * kept between runs) those of last time, the others encoded anew (see retainWrites); `differs`: they are known to
 * differ from last time's (the file holds other bytes than these, unless someone else wrote these very bytes there
 * since).
 */
function encodeRetained(abs: string, text: TextPieces): { segments: Uint8Array[]; differs: boolean } {
  const pieces = text.pieces;
  const old = retained.get(abs);
  // Pieces equal at the start and at the end.
  let head = 0;
  let tail = 0;
  if (old) {
    const limit = Math.min(old.pieces.length, pieces.length);
    while (head < limit && old.pieces[head] === pieces[head]) head++;
    while (tail < limit - head && old.pieces[old.pieces.length - 1 - tail] === pieces[pieces.length - 1 - tail]) tail++;
  }
  const oldCount = old?.pieces.length ?? 0;
  const oldEnd = (k: number) => (k > 0 ? ((old as Retained).ends[k - 1] as number) : 0);
  // Between them, as many pieces as before (an edit, not an insertion): piece by piece, the equal ones kept too.
  const inStep = old !== undefined && oldCount === pieces.length;
  const kept = (k: number) => inStep && old.pieces[k] === pieces[k];
  let capacity = 0;
  for (let k = head; k < pieces.length - tail; k++) if (!kept(k)) capacity += (pieces[k] as string).length * 3;
  const fresh = Buffer.from(new SharedArrayBuffer(capacity));
  let freshAt = 0;
  const segments: Uint8Array[] = [];
  const add = (segment: Uint8Array) => {
    if (segment.byteLength === 0) return;
    const last = segments[segments.length - 1];
    // Adjacent in the same memory: one segment.
    if (last && last.buffer === segment.buffer && last.byteOffset + last.byteLength === segment.byteOffset) {
      segments[segments.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + segment.byteLength);
    } else segments.push(segment);
  };
  const keep = (from: number, to: number) => {
    for (const segment of rangeOf((old as Retained).segments, from, to)) add(segment);
  };
  const ends = new Uint32Array(pieces.length);
  const headBytes = oldEnd(head);
  if (old && head > 0) {
    keep(0, headBytes);
    ends.set(old.ends.subarray(0, head));
  }
  let at = headBytes;
  for (let k = head; k < pieces.length - tail; k++) {
    if (kept(k)) {
      // A run of equal pieces is one range.
      let last = k;
      while (last + 1 < pieces.length - tail && kept(last + 1)) last++;
      const from = oldEnd(k);
      keep(from, oldEnd(last + 1));
      for (let j = k; j <= last; j++) ends[j] = ((old as Retained).ends[j] as number) - from + at;
      at = ends[last] as number;
      k = last;
    } else {
      const written = fresh.write(pieces[k] as string, freshAt, "utf8");
      add(new Uint8Array(fresh.buffer, freshAt, written));
      freshAt += written;
      ends[k] = at += written;
    }
  }
  const tailFrom = oldEnd(oldCount - tail);
  if (old && tail > 0) {
    keep(tailFrom, old.length);
    for (let k = 0; k < tail; k++) ends[pieces.length - tail + k] = (old.ends[oldCount - tail + k] as number) - tailFrom + at;
    at += old.length - tailFrom;
  }
  // Known to differ when the length differs, or the bytes between the equal head and tail do (a memory compare: the
  // write worker need not read the file to find it changed).
  const differs = old !== undefined && (at !== old.length || !sameBytes(rangeOf(old.segments, headBytes, tailFrom), rangeOf(segments, headBytes, at - (old.length - tailFrom))));
  const entry: Retained = { pieces, ends, segments, length: at };
  if (segments.length > MAX_SEGMENTS) entry.segments = [joinSegments(segments, at)];
  retained.set(abs, entry);
  return { segments: entry.segments, differs };
}

/** The views of the bytes from `from` to `to` of a text in `segments` (no copy). */
function rangeOf(segments: readonly Uint8Array[], from: number, to: number): Uint8Array[] {
  const views: Uint8Array[] = [];
  let start = 0;
  for (const segment of segments) {
    const end = start + segment.byteLength;
    if (end > from && start < to) views.push(segment.subarray(Math.max(from, start) - start, Math.min(to, end) - start));
    if (end >= to) break;
    start = end;
  }
  return views;
}

/** Segments copied into one (new shared memory). */
function joinSegments(segments: readonly Uint8Array[], length: number): Uint8Array {
  const joined = Buffer.from(new SharedArrayBuffer(length));
  let at = 0;
  for (const segment of segments) at += Buffer.from(segment.buffer, segment.byteOffset, segment.byteLength).copy(joined, at);
  return new Uint8Array(joined.buffer, 0, length);
}

/** Whether two lists of views hold the same bytes (the changed middle of a text: copied together to compare). */
function sameBytes(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return Buffer.concat(a).equals(Buffer.concat(b));
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
