// The client target's types (openapi-typescript's output, printed by openapi-types.ts). A whole document's types
// (a cold run's, or the API-level share when the components change) are printed in one worker thread shared by
// every API of a run when running compiled (a worker needs a .js entry), so the other targets render on the main
// thread meanwhile; in-process under tsx/vitest. The text is the same either way: the same call on a copy of the
// document. One path item's share (a warm run's edited endpoints) is printed on the calling thread: a part is made
// synchronously, so the caller would only wait for a worker, and starting one for an edit cost more than its share
// (GitHub's spec, fresh CLI edit: ~0.12 s less CPU in all and ~25 MB less peak memory without it).
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import { COMPILED } from "../../code-root.js";
import { startModuleWorker } from "../../worker-start.js";
import { engineFallbacks } from "./openapi-types.js";
import { runSchemaTaskOn, runSyncTask as runSyncHere, warmPathContext, type AllTypes, type EndpointShare, type PathRequest, type SyncTask } from "./schema-all.js";
import type { EntangledRequest, EntangledShare } from "./schema-entangled.js";
import type { ApiTypes } from "./schema-join.js";

/** What the worker does with a document: the whole text, the API-level share, or all shares (schema-all.ts). */
export type SchemaTask = "document" | "api" | "all";

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface SchemaWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  next: number;
  /** The synchronous channel: requests go through `port`, the worker sets `signal[0]` when it has answered. */
  port: MessagePort;
  signal: Int32Array;
  /** API-level documents the worker holds, by their components object (sent once per run and document). */
  contexts: WeakMap<object, number>;
  /** A task was sent (its modules are loaded or loading for it), not only a warm-up. */
  used: boolean;
  /** How many of the worker's calls fell back to openapi-typescript, as last reported (see countFallbacks). */
  fallbacks: number;
  /** The worker has code caches to write (it loaded typescript for a fallback), as last reported. */
  unsaved: boolean;
}

interface WorkerReply {
  result?: unknown;
  error?: string;
  /** The worker's engineFallbacks after the task. */
  fallbacks?: { count: number; last: string };
  /** Whether the worker has code caches to write after the task (see hasUnsavedCodeCaches). */
  unsaved?: boolean;
}

/** The worker's fallbacks to openapi-typescript count in this thread's engineFallbacks, which the run reports. */
function countFallbacks(w: SchemaWorker, { fallbacks: reported, unsaved }: WorkerReply = {}): void {
  if (unsaved !== undefined) w.unsaved = unsaved;
  if (!reported || reported.count <= w.fallbacks) return;
  engineFallbacks.count += reported.count - w.fallbacks;
  engineFallbacks.last = reported.last;
  w.fallbacks = reported.count;
}

/** A synchronous request waits this long for the worker before failing (it never answers once it has died). */
const SYNC_TIMEOUT_MS = 120_000;

let shared: SchemaWorker | undefined;

/**
 * The document's types as openapi-typescript prints them (no banner). `auto`: the worker when compiled,
 * in-process from .ts sources; `worker` from sources loads the entry through tsx (tests use it).
 */
export function printSchemaTypes(
  document: Record<string, unknown>,
  mode: "auto" | "worker" | "here" = "auto",
): Promise<string> {
  return runSchemaTask("document", document, mode) as Promise<string>;
}

/** The API-level share of the types (document without its paths; see schema-parts.ts), like printSchemaTypes. */
export function printApiSchemaTypes(
  document: Record<string, unknown>,
  mode: "auto" | "worker" | "here" = "auto",
): Promise<ApiTypes> {
  return runSchemaTask("api", document, mode) as Promise<ApiTypes>;
}

/** Every path item's share, the API-level share and the whole text if needed (schema-all.ts), like printSchemaTypes. */
export function printAllSchemaTypes(
  document: Record<string, unknown>,
  mode: "auto" | "worker" | "here" = "auto",
): Promise<AllTypes> {
  return runSchemaTask("all", document, mode) as Promise<AllTypes>;
}

/**
 * One endpoint's share of its path item's types against the API-level document `rest` (without paths), like
 * printSchemaTypes but synchronous and on this thread (`worker`: in the worker, which keeps `rest` for the next
 * requests with the same components).
 */
export function printPathShare(rest: Record<string, unknown>, req: PathRequest, mode: "auto" | "worker" | "here" = "auto"): EndpointShare {
  return runSyncTask(rest, { kind: "path", req }, mode) as EndpointShare;
}

/** The entangled path items' share (schema-entangled.ts), like printPathShare; null when it cannot be spliced. */
export function printEntangledShare(
  rest: Record<string, unknown>,
  req: EntangledRequest,
  mode: "auto" | "worker" | "here" = "auto",
): EntangledShare | null {
  return runSyncTask(rest, { kind: "entangled", req }, mode) as EntangledShare | null;
}

/**
 * Scans the components of `rest` (the API-level document, see printPathShare) ahead of the path-share requests,
 * which then find it done: a watch session does it while it waits for a change. Once per components object.
 */
export function warmPathShares(rest: Record<string, unknown>): void {
  try {
    warmPathContext(rest);
  } catch {
    // The first request that needs it meets the same error and reports it.
  }
}

/** The number the worker knows `rest` by (keyed by its components object); fresh: not sent to it yet. */
function contextOf(w: SchemaWorker, rest: Record<string, unknown>): { context: number; fresh: boolean } {
  const key = contextKey(rest);
  const known = w.contexts.get(key);
  if (known !== undefined) return { context: known, fresh: false };
  const context = w.next++;
  w.contexts.set(key, context);
  return { context, fresh: true };
}

/** A watch session's next build hands over the same components object while they are unchanged. */
function contextKey(rest: Record<string, unknown>): object {
  return (rest["components"] ?? rest) as object;
}

/** On this thread, unless `worker` is asked for (tests check that the worker prints the same). */
function runSyncTask(rest: Record<string, unknown>, task: SyncTask, mode: "auto" | "worker" | "here"): unknown {
  return mode === "worker" ? askWorkerSync(rest, task) : runSyncHere(rest, task);
}

function askWorkerSync(rest: Record<string, unknown>, task: SyncTask): unknown {
  const w = (shared ??= startWorker());
  w.used = true;
  const { context, fresh } = contextOf(w, rest);
  Atomics.store(w.signal, 0, 0);
  w.port.postMessage({ context, rest: fresh ? rest : undefined, task });
  if (Atomics.wait(w.signal, 0, 0, SYNC_TIMEOUT_MS) === "timed-out") {
    throw new Error(`client types worker did not answer within ${SYNC_TIMEOUT_MS / 1000} s (did it fail to start?)`);
  }
  const reply = receiveMessageOnPort(w.port)?.message as WorkerReply | undefined;
  countFallbacks(w, reply);
  if (!reply || reply.error !== undefined) {
    if (fresh) w.contexts.delete(contextKey(rest));
    throw new Error(`client types failed: ${reply?.error ?? "no answer"}`);
  }
  return reply.result;
}

function runSchemaTask(task: SchemaTask, document: Record<string, unknown>, mode: "auto" | "worker" | "here"): Promise<unknown> {
  if (mode === "here" || (mode === "auto" && !COMPILED)) return runHere(task, document);
  return askWorker(task, document);
}

/** Starts the worker ahead of the first request (it loads its modules meanwhile); a no-op from sources. */
export function warmSchemaWorker(): void {
  if (COMPILED) shared ??= startWorker();
}

/** Posting structured-clones the document, so the worker's copy is its own to mutate. */
function askWorker(task: SchemaTask, document: Record<string, unknown>): Promise<unknown> {
  return askWorkerOf((shared ??= startWorker()), task, document);
}

function askWorkerOf(w: SchemaWorker, task: SchemaTask | "save", document: Record<string, unknown>): Promise<unknown> {
  w.used = true;
  const id = w.next++;
  return new Promise((resolve, reject) => {
    w.pending.set(id, { resolve, reject });
    w.worker.ref();
    w.worker.postMessage({ id, task, document });
  });
}

function startWorker(): SchemaWorker {
  const worker = startModuleWorker("targets/client/schema-types-worker");
  const sync = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  worker.postMessage({ sync: { port: sync.port2, signal } }, [sync.port2]);
  // Read with receiveMessageOnPort only: the port must not keep the process alive.
  sync.port1.unref();
  const w: SchemaWorker = { worker, pending: new Map(), next: 0, port: sync.port1, signal, contexts: new WeakMap(), used: false, fallbacks: 0, unsaved: false };
  w.worker.on("message", (reply: WorkerReply & { id: number }) => {
    const { id, result, error } = reply;
    countFallbacks(w, reply);
    const p = w.pending.get(id);
    w.pending.delete(id);
    // Idle, the worker must not keep the process alive.
    if (w.pending.size === 0) w.worker.unref();
    if (error !== undefined) p?.reject(new Error(`client types failed: ${error}`));
    else p?.resolve(result);
  });
  const fail = (error: Error) => {
    if (shared === w) shared = undefined;
    for (const p of w.pending.values()) p.reject(error);
    w.pending.clear();
  };
  w.worker.on("error", fail);
  w.worker.on("exit", (code) => fail(new Error(`client types worker exited with code ${code}`)));
  // Idle until asked: a warmed worker must not keep the process alive (after the listeners: adding a
  // message listener refs the worker's port again).
  worker.unref();
  return w;
}

/** Ends the shared worker (a CLI run is over); the next request starts a new one. */
export async function closeSchemaWorker(): Promise<void> {
  const w = shared;
  if (!w) return;
  // A worker that loaded typescript (for a fallback) writes its code caches first (a few ms, once: see
  // generator/code-cache.ts); one that did not, only warmed (still loading, maybe) or dead is just ended.
  shared = undefined;
  if (w.used && w.unsaved) await askWorkerOf(w, "save", {}).catch(() => undefined);
  w.port.close();
  await w.worker.terminate();
}

/** The discriminator scan patches its input, so it gets a copy. */
async function runHere(task: SchemaTask, document: Record<string, unknown>): Promise<unknown> {
  return runSchemaTaskOn(task, structuredClone(document));
}
