// Worker entry: the client's types (openapi-types.ts) for each document it is sent (already a copy, so it may mutate it),
// and the synchronous tasks (schema-types.ts: printPathShare, printEntangledShare), when a caller asks for them here
// rather than on its own thread, against API-level documents it keeps.
import { parentPort, type MessagePort } from "node:worker_threads";
import { hasUnsavedCodeCaches, saveCodeCaches } from "../../code-cache.js";
import { engineFallbacks } from "./openapi-types.js";
import { runSchemaTaskOn, runSyncTask, type SyncTask } from "./schema-all.js";
import type { SchemaTask } from "./schema-types.js";

type Document = Record<string, unknown>;

/** API-level documents by the caller's context number; a run uses one or a few. */
const contexts = new Map<number, Document>();
const MAX_CONTEXTS = 8;

interface Message {
  id: number;
  task: SchemaTask | "save";
  document: Document;
  sync?: { port: MessagePort; signal: Int32Array };
}

parentPort?.on("message", ({ id, task, document, sync }: Message) => {
  if (sync) return listenSync(sync.port, sync.signal);
  if (task === "save") {
    // The run is ending: the code caches of what this worker loaded, now that they hold what it compiled.
    void saveCodeCaches().then(() => parentPort?.postMessage({ id, result: null }));
    return;
  }
  try {
    const result = runSchemaTaskOn(task, document);
    parentPort?.postMessage({ id, result, fallbacks: { ...engineFallbacks }, unsaved: hasUnsavedCodeCaches() });
  } catch (error) {
    parentPort?.postMessage({ id, error: describe(error), fallbacks: { ...engineFallbacks }, unsaved: hasUnsavedCodeCaches() });
  }
});

function listenSync(port: MessagePort, signal: Int32Array): void {
  port.on("message", ({ context, rest, task }: { context: number; rest?: Document; task: SyncTask }) => {
    let reply: unknown;
    try {
      if (rest) keepContext(context, rest);
      const known = contexts.get(context);
      if (!known) throw new Error(`unknown document context ${context}`);
      reply = { result: runSyncTask(known, task), fallbacks: { ...engineFallbacks }, unsaved: hasUnsavedCodeCaches() };
    } catch (error) {
      reply = { error: describe(error), fallbacks: { ...engineFallbacks }, unsaved: hasUnsavedCodeCaches() };
    }
    port.postMessage(reply);
    // The caller blocks until the flag is set, then reads the answer already queued on its port.
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
  // Idle, the listener must not keep the worker (and so the process) alive.
  port.unref();
}

function keepContext(context: number, rest: Document): void {
  contexts.set(context, rest);
  if (contexts.size > MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as number);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
