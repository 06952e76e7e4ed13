// specsmith watch: regenerate when spec/ or templates/ change; a broken file is reported and watching goes on.
import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { deferCacheWrites, flushCacheWrites } from "./cache-writes.js";
import { UserError } from "./errors.js";
import type { LoadHint } from "./load/index.js";
import { forgetPrimedProbes, runGenerate, type GenerateOptions } from "./pipeline.js";
import { BUNDLED_TEMPLATES } from "./render/env.js";
import { retainWrites } from "./write/write-offload.js";

export interface WatchOptions extends GenerateOptions {
  /** Quiet period after the last change before regenerating. */
  debounceMs?: number;
  /** Quiet period after a regeneration before its caches are written to disk (they stay in memory meanwhile). */
  cacheFlushMs?: number;
  /** Stop after this signal aborts (tests); otherwise runs until the process ends. */
  signal?: AbortSignal;
  /** Tests: a run for a change waits for this before it starts (to hold it while more changes come). */
  beforeChangeRun?: () => Promise<void>;
  io: { out: (line: string) => void; err: (line: string) => void };
}

export async function runWatch(opts: WatchOptions): Promise<void> {
  const dirs = [opts.spec, opts.templates ?? BUNDLED_TEMPLATES].filter((d) => existsSync(d));
  const changed = new Set<string>();
  // Whether a watcher reported something added, removed or renamed since the last run (the spec is listed again).
  let renamed = false;
  let timer: NodeJS.Timeout | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // Runs chained on `running` that have not started: a change queued one, whose own checks come after it.
  let queued = 0;
  // A run for changes is queued and has not taken them yet.
  let changeRunWaiting = false;
  const queue = (run: () => Promise<void>) => {
    queued++;
    running = running.then(() => {
      queued--;
      return run();
    });
  };
  // A run loads only the files the watchers named (see LoadOptions.since) after a run that succeeded; the others are
  // checked once it is done (Drift.inputs), and a change the watchers missed regenerates then.
  let trusted = false;

  // Outputs found changed by someone else after a regeneration restored them: not restored again (a tool that
  // rewrites them on every change, a formatter say, would otherwise keep the session regenerating).
  let restored = new Set<string>();
  const regenerate = async (reason: string, since?: LoadHint, repair = false): Promise<void> => {
    clearTimeout(flushTimer);
    const started = performance.now();
    const hinted = trusted;
    trusted = false;
    try {
      const reports = await runGenerate({ ...opts, since: hinted ? since : undefined, log: undefined, warn: undefined });
      trusted = true;
      const written = reports.reduce((n, r) => n + r.result.written.length + r.result.removed.length, 0);
      opts.io.out(`${reason}: regenerated in ${(performance.now() - started).toFixed(0)} ms (${written} files changed)`);
      // What the next change would otherwise wait for (a first edit as fast as the ones after it), done before the
      // session counts as idle (a change meanwhile is queued). Only a speed-up: a failure here is met again, and
      // reported, by the run that needs that work. The outputs are probed for the next run: one changed by someone
      // else since the run is restored now; and the spec is checked against what the run loaded.
      const outputs: string[] = [];
      const inputs: string[] = [];
      for (const report of reports) {
        const drift = await report.prime().catch(() => ({ outputs: [], inputs: [] }));
        outputs.push(...drift.outputs);
        inputs.push(...drift.inputs);
      }
      if (timer !== undefined || queued > 0) {
        // A change is pending or queued: its run comes next, and checks again after it.
      } else if (inputs.length > 0) {
        trusted = false;
        queue(() => regenerate(`changed ${describeFiles(inputs)}`));
      } else {
        const fresh = outputs.filter((rel) => !(repair && restored.has(rel)));
        if (fresh.length > 0) {
          restored = new Set(outputs);
          queue(() => regenerate(`outputs changed ${describeFiles(fresh)}`, { files: new Set(), listing: false }, true));
        }
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      opts.io.err(error.report());
      opts.io.err("watching for a fix…");
    }
    // The caches reach the disk once no change has come for a moment (a later run in this session reads memory).
    flushTimer = setTimeout(() => (running = running.then(flushCacheWrites)), opts.cacheFlushMs ?? 1000);
  };

  await deferCacheWrites(true);
  // A whole-API file's next write re-encodes only what changed (see retainWrites).
  retainWrites(true);
  try {
    // Watching from before the first run: a change made while it runs is not missed.
    const watchers: FSWatcher[] = dirs.map((dir) =>
      watch(dir, { recursive: true }, (event, file) => {
        if (file) changed.add(path.join(dir, String(file)));
        // No name: something changed that the watcher cannot tell, so the next run lists and stats everything.
        if (event === "rename" || !file) renamed = true;
        clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          // A run for changes that has not started yet takes these too: it reads what has changed when it starts.
          // (The events of one edit made while a run is busy can arrive on both sides of the debounce.)
          if (changeRunWaiting) return;
          changeRunWaiting = true;
          queue(async () => {
            await opts.beforeChangeRun?.();
            changeRunWaiting = false;
            const files = [...changed].sort();
            const since: LoadHint = { files: new Set(files), listing: renamed };
            changed.clear();
            renamed = false;
            return regenerate(`changed ${describeFiles(files)}`, since);
          });
        }, opts.debounceMs ?? 100);
      }),
    );
    running = regenerate("start");
    await running;
    opts.io.out(`watching ${dirs.join(", ")} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      if (opts.signal?.aborted) resolve();
      opts.signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    clearTimeout(timer);
    for (const w of watchers) w.close();
    await running;
  } finally {
    clearTimeout(flushTimer);
    retainWrites(false);
    forgetPrimedProbes();
    // Writes every cache still pending.
    await deferCacheWrites(false);
  }
}

function describeFiles(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
