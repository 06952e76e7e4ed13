// Starting one of specsmith's worker threads, from the build (dist/*.js) or from sources (*.ts, under tsx: tests).
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { codeFile, COMPILED } from "./code-root.js";

/**
 * Starts the worker whose entry is module `rel` of the code root (code-root.ts), e.g. `write/write-worker`:
 * its `.js` when compiled, else its `.ts` with tsx's loader registered first.
 */
export function startModuleWorker(rel: string): Worker {
  const entry = pathToFileURL(codeFile(rel));
  if (COMPILED) return withParentFlags(entry, {});
  const code = `import("tsx/esm/api").then((t) => t.register()).then(() => import(${JSON.stringify(entry.href)}))`;
  return withParentFlags(code, { eval: true });
}

/**
 * A worker inherits the parent's flags (loaders, conditions), except `--input-type` (a parent run with `-e`: it
 * would stop the entry loading). Some flags are not allowed in a worker at all (V8 heap sizes such as
 * --max-semi-space-size); then the worker starts with none, as it needs none of them.
 */
function withParentFlags(entry: URL | string, opts: WorkerOptions): Worker {
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
  try {
    return new Worker(entry, { ...opts, execArgv });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    return new Worker(entry, { ...opts, execArgv: [] });
  }
}
