// openapi-typescript for the client target: in one worker thread shared by every API of a run when running
// compiled (a worker needs a .js entry), so the other targets render on the main thread meanwhile; in-process
// under tsx/vitest. The text is the same either way: the same call on a copy of the document.
import { Worker } from "node:worker_threads";

interface Pending {
  resolve(text: string): void;
  reject(error: Error): void;
}

interface SchemaWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  next: number;
}

let shared: SchemaWorker | undefined;

/**
 * The document's types as openapi-typescript prints them (no banner). `auto`: the worker when compiled,
 * in-process from .ts sources; `worker` from sources loads the entry through tsx (tests use it).
 */
export function printSchemaTypes(
  document: Record<string, unknown>,
  mode: "auto" | "worker" | "here" = "auto",
): Promise<string> {
  const compiled = import.meta.url.endsWith(".js");
  if (mode === "here" || (mode === "auto" && !compiled)) return printHere(document);
  return askWorker(compiled, document);
}

/** Starts the worker ahead of the first request (it loads openapi-typescript meanwhile); a no-op from sources. */
export function warmSchemaWorker(): void {
  if (import.meta.url.endsWith(".js")) shared ??= startWorker(true);
}

/** Posting structured-clones the document, so the worker's copy is its own to mutate. */
function askWorker(compiled: boolean, document: Record<string, unknown>): Promise<string> {
  const w = (shared ??= startWorker(compiled));
  const id = w.next++;
  return new Promise((resolve, reject) => {
    w.pending.set(id, { resolve, reject });
    w.worker.ref();
    w.worker.postMessage({ id, document });
  });
}

function startWorker(compiled: boolean): SchemaWorker {
  const entry = new URL(`./schema-types-worker.${compiled ? "js" : "ts"}`, import.meta.url);
  // From sources the worker registers tsx's loader before importing its .ts entry.
  const worker = compiled
    ? new Worker(entry)
    : new Worker(`import("tsx/esm/api").then((t) => t.register()).then(() => import(${JSON.stringify(entry.href)}))`, {
        eval: true,
      });
  // Idle until asked: a warmed worker must not keep the process alive.
  worker.unref();
  const w: SchemaWorker = { worker, pending: new Map(), next: 0 };
  w.worker.on("message", ({ id, text, error }: { id: number; text?: string; error?: string }) => {
    const p = w.pending.get(id);
    w.pending.delete(id);
    // Idle, the worker must not keep the process alive.
    if (w.pending.size === 0) w.worker.unref();
    if (error !== undefined) p?.reject(new Error(`openapi-typescript failed: ${error}`));
    else p?.resolve(text as string);
  });
  const fail = (error: Error) => {
    if (shared === w) shared = undefined;
    for (const p of w.pending.values()) p.reject(error);
    w.pending.clear();
  };
  w.worker.on("error", fail);
  w.worker.on("exit", (code) => fail(new Error(`openapi-typescript worker exited with code ${code}`)));
  return w;
}

/** openapi-typescript mutates its input, so it gets a copy. */
async function printHere(document: Record<string, unknown>): Promise<string> {
  const { printOpenapiTypes } = await import("./openapi-types.js");
  return printOpenapiTypes(structuredClone(document));
}
