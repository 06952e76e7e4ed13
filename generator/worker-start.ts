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
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  try {
    return new Worker(entry, { ...opts, execArgv, resourceLimits });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    return new Worker(entry, { ...opts, execArgv: [], resourceLimits });
  }
}

/**
 * A worker's young generation, in MB: 4 MB semi-spaces (V8 sizes it as three of them) where V8's default lets them
 * grow to 16. What the workers keep is small (the writer's) or made in one pass (the client's types), and a young
 * generation once grown stays committed. With this limit a cold run's peak RSS was about 20 MB lower on Seam's spec
 * and on GitHub's, and wall time did not change beyond this machine's noise.
 */
export const WORKER_YOUNG_GENERATION_MB = 12;
