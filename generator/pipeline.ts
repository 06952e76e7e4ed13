// generate / check: load → model → render (per target) → write, each stage timed.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { formatProblem, UserError, type Problem } from "./errors.js";
import { loadDrift, loadSpec, type LoadHint } from "./load/index.js";
import { buildApi } from "./model/index.js";
import type { Api } from "./model/types.js";
import { createRenderEnv, type RenderEnv } from "./render/env.js";
import { closeSchemaWorker, warmSchemaWorker } from "./targets/client/schema-types.js";
import { engineFallbacks } from "./targets/client/openapi-types.js";
import { findCacheDir } from "./load/cache-store.js";
import { PartStore } from "./parts-cache.js";
import { apiContextKey, componentsKey, hasUnkeptParts, renderTargetParts, type PartsContext, type PartsProgress, type PartsRender } from "./render-parts.js";
import { TARGET_IDS, isTargetId, targets, type TargetId } from "./targets/index.js";
import { renderPieces, type FileSink, type Target } from "./targets/target.js";
import type { FileText } from "./write/text.js";
import { createTreeWriter, STREAM_BATCH_FILES, type KnownPrefix, type PrefixStream, type WriteResult } from "./write/index.js";
import { saveTemplateCache } from "./render/template-cache.js";
import type { Tree } from "./write/file-ops.js";
import { listOffThread, retainWritten, statOffThread, type OutputStamps } from "./write/write-offload.js";

export interface GenerateOptions {
  /** A spec root (one API per subdirectory) or a single API directory. */
  spec: string;
  out: string;
  targets?: readonly string[];
  templates?: string;
  check?: boolean;
  /** "warn": example/schema mismatches are reported as warnings instead of failing the load. */
  examples?: "error" | "warn";
  /** What changed since this process last ran on the same spec, as a watcher saw it (see LoadOptions.since). */
  since?: LoadHint;
  /** The process ends after this run (a CLI run): a worker is ended as soon as the run needs it no more. */
  once?: boolean;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface ApiReport {
  apiId: string;
  endpoints: number;
  /** Endpoint parts reused from the previous run (summed over targets). */
  reused: number;
  timings: Record<string, number>;
  result: WriteResult;
  /**
   * Work that makes the next regeneration of this API faster (the document frame and the scan of its components
   * that an edited endpoint's client types need, the templates, and the outputs' stamps and listings, taken now in
   * the write worker for the next run of this process); a watch session runs it while it waits for a change.
   * Resolves to what changed since the run read or wrote it, as a next run without hints would find it.
   */
  prime(): Promise<Drift>;
}

export interface Drift {
  /** Outputs (relative to the out root) whose stamps differ from what the run recorded: changed or removed since by someone else (a regeneration restores them). */
  outputs: string[];
  /** Spec files (absolute) added, removed or changed since the run's load read them (one a watcher's hint left out). */
  inputs: string[];
}

export async function runGenerate(opts: GenerateOptions): Promise<ApiReport[]> {
  const selected = resolveTargets(opts.targets);
  if (opts.templates && !existsSync(opts.templates)) {
    throw new UserError(`templates override directory not found: ${opts.templates}`);
  }
  const reports: ApiReport[] = [];
  const dirs = findApiDirs(opts.spec);
  for (const [i, dir] of dirs.entries()) {
    // The APIs of a spec root share the workers: only the last one's run may end them.
    reports.push(await generateApi(dir, selected, { ...opts, once: opts.once === true && i === dirs.length - 1 }));
  }
  return reports;
}

async function generateApi(dir: string, selected: readonly TargetId[], opts: GenerateOptions): Promise<ApiReport> {
  const timer = createTimer();
  // A warm run's part store opens, and its outputs are probed in the write worker, while the spec loads.
  const opened = openStore(dir, selected, opts);
  opened.catch(() => undefined);
  const spec = await timer.time("load", () => loadSpec(dir, { examples: opts.examples ?? "error", since: opts.since }));
  if (opts.warn) reportWarnings(spec.warnings, opts.warn);
  const api = await timer.time("model", () => buildApi(spec));
  const env = createRenderEnv({ overrideDir: opts.templates });
  const active = selected.filter((id) => targets[id].appliesTo(api));
  const { store, listings } = await opened;
  // Reported only when outputs were probed: the wait for its stamps that the load and the renders did not cover.
  if (listings) timer.timings["probe"] = 0;
  const parts: PartsContext = {
    store,
    // Keys are only needed when parts can be reused (cache on).
    contextKey: store.enabled ? apiContextKey(spec, api, opts.templates) : "",
    componentsKey: store.enabled ? componentsKey(spec) : "",
    inputHashes: spec.inputHashes,
    outRoot: opts.out,
  };
  // The files of reused parts (root-relative), per target; as one set only when something asks (a watch session's
  // edit of GitHub's spec would otherwise put 11.7k paths in a set every run: see PartsRender.since).
  const intactLists: (readonly string[])[] = [];
  let intactSet: Set<string> | undefined;
  const intact = () => (intactSet ??= new Set(intactLists.flat()));
  const known = new Map<string, KnownPrefix>();
  const owned: string[] = [];
  const rehearsals: [string, NonNullable<PartsRender["rehearse"]>][] = [];
  let reused = 0;
  // Another target's files nested inside an owned dir (snippets/index vs snippets/javascript) are not stale.
  const foreign = TARGET_IDS.filter((id) => !selected.includes(id) || !targets[id].appliesTo(api)).map(
    (id) => `${api.id}/${targets[id].outDir}/`,
  );
  const keep = (rel: string) => intact().has(rel) || foreign.some((prefix) => rel.startsWith(prefix));
  const fallbacks = engineFallbacks.count;
  const writer = createTreeWriter({ root: opts.out, check: opts.check, keep, listings, streamBatchFiles: tuning.streamBatchFiles });
  const stage = opts.check ? "check" : "write";
  // Each target's files go to the writer as they render (into a new directory, in batches) and are then dropped;
  // the rest once it has rendered.
  const streams = new Map<TargetId, PrefixStream>();
  const streamOf = (id: TargetId): PrefixStream => {
    let stream = streams.get(id);
    if (!stream) streams.set(id, (stream = writer.stream(`${api.id}/${targets[id].outDir}`)));
    return stream;
  };
  try {
    await renderTargets(api, env, active, timer, parts, opts.once === true, (id) => (files) => streamOf(id).write(files), (id, rendered) => {
      const prefix = `${api.id}/${targets[id].outDir}`;
      owned.push(prefix);
      intactLists.push(rendered.intactOut ?? rendered.intact.map((rel) => `${prefix}/${rel}`));
      if (rendered.since) known.set(prefix, { gone: rendered.since.gone.map((rel) => `${prefix}/${rel}`), fileCount: rendered.since.lastFileCount });
      if (rendered.rehearse) rehearsals.push([prefix, rendered.rehearse]);
      reused += rendered.reused;
      timer.start(stage, () => streamOf(id).close(rendered.files));
    });
  } catch (error) {
    // What was sent of an unfinished target is dropped; the targets written before it stay.
    await writer.abort();
    throw error;
  }
  const result = await timer.time(stage, () => writer.finish(known));
  if (engineFallbacks.count > fallbacks) {
    // The text is the same either way (openapi-typescript's own), but that path is slower: worth knowing, and a
    // case for specsmith's emitter to learn.
    opts.warn?.(
      `warning: client types: specsmith's emitter could not print ${engineFallbacks.count - fallbacks} part(s), openapi-typescript printed them (${engineFallbacks.last})`,
    );
  }
  await timer.time("cache", async () => {
    await saveParts(store, opts.out, result, intact, owned, known);
    await saveTemplateCache();
  });
  // Sorted when read (a watch session reads only the counts of what changed; GitHub has 11.7k unchanged files).
  const unchanged = result.unchanged;
  let merged: string[] | undefined;
  Object.defineProperty(result, "unchanged", {
    enumerable: true,
    configurable: true,
    get: () => (merged ??= [...unchanged, ...intactLists.flat()].sort()),
    set: (value: string[]) => void (merged = value),
  });
  const prime = async (): Promise<Drift> => {
    // The outputs are stat'ed in the write worker while this thread checks the spec files.
    const probed = parts.store.enabled ? primeProbe(dir, selected, opts.out) : undefined;
    const inputs = loadDrift(dir).map((rel) => path.join(dir, ...rel.split("/")));
    if (!probed) return { outputs: [], inputs };
    env.warm?.();
    for (const id of active) targets[id].parts?.warm?.(api);
    parts.store.readKept();
    for (const [prefix, rehearse] of rehearsals) {
      for (const [rel, content] of await rehearse()) retainWritten(path.join(opts.out, prefix, rel), content);
    }
    const found = await probed;
    const outputs = found ? parts.store.drifted(found.stamps) : [];
    if (found) found.driftFree = outputs.length === 0;
    return { outputs, inputs };
  };
  const report = { apiId: api.id, endpoints: api.endpoints.length, timings: timer.timings, result, reused, prime };
  opts.log?.(formatReport(report, api, Boolean(opts.check)));
  return report;
}

/**
 * The part store of (spec dir, out root) and, when it recorded outputs, their current stamps (handed to it) and
 * the listings of every selected target's directory, taken in the write worker: the stamps first (the parts need
 * them before they render), the listings after (the writer needs them only as targets are written). Without them
 * (a cold run, or a failed probe) the stamps are taken and the directories listed as they are needed.
 */
async function openStore(dir: string, selected: readonly TargetId[], opts: GenerateOptions) {
  const client = selected.includes("client/typescript");
  const cacheDir = findCacheDir();
  const meta = PartStore.readMeta(cacheDir, dir, opts.out);
  const opening = PartStore.open(cacheDir, dir, opts.out, meta);
  opening.catch(() => undefined);
  let stamps: Promise<OutputStamps | null> | undefined;
  let listings: Promise<Map<string, Tree | null> | undefined> | undefined;
  let driftFree: Promise<boolean> | undefined;
  // Taken while a watch session waited (see ApiReport.prime): nothing to ask the worker for.
  const primed = takePrimedProbe(dir, selected, opts.out);
  if (primed) {
    stamps = primed.then((found) => found?.stamps ?? null);
    listings = primed.then((found) => found?.listings);
    driftFree = primed.then((found) => found?.driftFree === true);
  } else {
    // The probe starts from the store's small meta shard while the parts are still being read: the stamps are what
    // a run that changed nothing waits for. An output the probe missed is stat'ed when it is asked about.
    const recorded = await PartStore.peekOutputs(cacheDir, dir, opts.out, meta);
    // A few hundred stats cost less than starting the worker.
    if (recorded.length >= tuning.probeMinOutputs) ({ stamps, listings } = probeOutputs(dir, selected, opts.out, recorded));
  }
  const store = await opening;
  // A run that prints the client's types whole (no parts kept: a cold run) has its worker load its modules while
  // the spec loads. A warm run prints an edited endpoint's share on this thread (see schema-types.ts); its worker
  // starts only if the components changed (their share is printed whole).
  if (client && !store.hasParts("client/typescript")) warmSchemaWorker();
  // Not waited for here: the renders ask for the stamps only once they have made what does not need them.
  if (stamps) store.useProbe(stamps, driftFree);
  return { store, listings };
}

/**
 * The recorded outputs' stamps, then the listings of every selected target's directory (by absolute path), taken
 * in the write worker; null / undefined when that failed (they are then taken as needed).
 */
function probeOutputs(dir: string, selected: readonly TargetId[], out: string, recorded: readonly string[]) {
  const apiId = path.basename(path.resolve(dir));
  const dirs = [...new Set(selected.map((id) => `${apiId}/${targets[id].outDir}`))];
  const stamps = statOffThread(out, recorded).catch(() => null);
  const absolute = (found: Map<string, Tree | null>) => new Map([...found].map(([rel, tree]) => [path.join(out, rel), tree]));
  const listings = listOffThread(out, dirs).then(absolute, () => undefined);
  return { stamps, listings };
}

interface PrimedProbe {
  stamps: OutputStamps;
  listings: Map<string, Tree | null> | undefined;
  /** Set by the run that primed it, once it has compared the stamps with the outputs record: none drifted. */
  driftFree?: boolean;
}

/** Probes taken after a run for the next run of the same (spec dir, targets, out root) in this process. */
const primedProbes = new Map<string, Promise<PrimedProbe | null>>();

function probeKey(dir: string, selected: readonly TargetId[], out: string): string {
  return `${path.resolve(dir)}\0${selected.join(",")}\0${path.resolve(out)}`;
}

/**
 * Probes the outputs the last run recorded now, for the next run (a watch session's next change need not wait for
 * 11.7k stats and 9k directory listings on GitHub's spec); resolves to the probe, null if it failed.
 */
function primeProbe(dir: string, selected: readonly TargetId[], out: string): Promise<PrimedProbe | null> {
  const probed = PartStore.peekOutputs(findCacheDir(), dir, out).then(async (recorded) => {
    const { stamps, listings } = probeOutputs(dir, selected, out, recorded);
    const found = await stamps;
    return found && { stamps: found, listings: await listings };
  });
  const settled = probed.catch(() => null);
  primedProbes.set(probeKey(dir, selected, out), settled);
  return settled;
}

/** Drops the probes primed for a next run (a watch session that ends: a later run of the process probes afresh). */
export function forgetPrimedProbes(): void {
  primedProbes.clear();
}

/** The probe primed for this run, once: a later run (after this one wrote) probes again unless it is primed again. */
function takePrimedProbe(dir: string, selected: readonly TargetId[], out: string): Promise<PrimedProbe | null> | undefined {
  const key = probeKey(dir, selected, out);
  const primed = primedProbes.get(key);
  primedProbes.delete(key);
  return primed;
}

/** Thresholds (tests set them to run both ways on small specs). */
export const tuning = {
  /** A warm run probes its outputs in the write worker from this many recorded outputs on. */
  probeMinOutputs: 1000,
  /** A target's files go to the write worker in batches of this many as they render (into a new directory). */
  streamBatchFiles: STREAM_BATCH_FILES,
};

/**
 * Records the size and mtime of what is now on disk as produced (written or found equal), then saves the parts.
 * When the writer confirmed what was known of every owned prefix since the last run, the records of the files that
 * run had and this one does not are the only ones to drop (no pass over every record).
 */
async function saveParts(
  store: PartStore,
  out: string,
  result: WriteResult,
  intact: () => ReadonlySet<string>,
  owned: readonly string[],
  known: ReadonlyMap<string, KnownPrefix>,
) {
  const sinceLast = owned.length > 0 && owned.every((prefix) => known.get(prefix)?.confirmed === true);
  // The writer's unchanged files are files it was handed: none of them is a reused part's (those are not handed over).
  const fresh = [...result.written, ...result.unchanged];
  const freshSet = new Set(fresh);
  const update = (stamps?: OutputStamps | null) => {
    if (sinceLast) {
      const gone = [...known.values()].flatMap((k) => k.gone);
      store.updateOutputs(out, { fresh, produced: freshSet, owned, gone }, stamps);
    } else store.updateOutputs(out, { fresh, produced: { has: (rel) => intact().has(rel) || freshSet.has(rel) }, owned }, stamps);
  };
  if (!store.enabled || fresh.length < tuning.probeMinOutputs) {
    update();
    return store.save();
  }
  // Many files (a cold run's 11.7k on GitHub's spec): the write worker stamps them while this thread makes the
  // store's shards; those it could not stat are stat'ed here.
  const stamped = statOffThread(out, fresh).then(update, () => update());
  return store.save(stamped);
}

/**
 * Every active target's files, in target order. Targets that hand work to a worker start first, so it runs on
 * the other core while the rest render; a target's time is its main-thread time (starting, then waiting). In a
 * warm run such a target renders part by part on this thread, last. A target rendered through its parts before the
 * outputs' stamps were in (see renderTargetParts) is completed once every target has gone that far.
 */
async function renderTargets(
  api: Api,
  env: RenderEnv,
  active: readonly TargetId[],
  timer: ReturnType<typeof createTimer>,
  parts: PartsContext,
  once: boolean,
  sinkFor: (id: TargetId) => FileSink,
  done: (id: TargetId, rendered: PartsRender) => void,
): Promise<void> {
  const started = new Map<TargetId, PartsProgress | Promise<PartsProgress>>();
  for (const id of active) timer.timings[`render ${id}`] = 0; // stages are reported in target order
  const byParts = (id: TargetId) => parts.store.enabled && targets[id].parts !== undefined && parts.store.hasParts(id);
  // Only when a part will render: a run that reuses them all never asks the worker.
  for (const id of active) if (byParts(id) && hasUnkeptParts(id, api, parts)) targets[id].parts?.warm?.(api);
  const early = active.filter((t) => OFF_THREAD.has(t) && !byParts(t));
  const late = active.filter((t) => OFF_THREAD.has(t) && byParts(t));
  const waiting: [TargetId, PartsProgress][] = [];
  const progress = async (id: TargetId, step: PartsProgress) => {
    if (step.ready) done(id, await timer.time(`render ${id}`, () => step.complete()));
    else waiting.push([id, step]);
  };
  // Off-thread targets start first so their worker runs while the rest render; they are handed over last.
  for (const id of early) {
    const result = timer.start(`render ${id}`, () => renderTarget(id, api, env, parts));
    // Awaited below; until then a failure must not count as unhandled.
    if (result instanceof Promise) result.catch(() => undefined);
    // A run that ends the process needs the client's worker no more once its render is done: the worker's heap (a
    // copy of the document and what it made of it; 50 to 100 MB) goes back while the other targets render.
    if (once && id === "client/typescript") void Promise.resolve(result).then(closeSchemaWorker, () => undefined);
    started.set(id, result);
  }
  // Write-bound targets go as soon as the off-thread targets' worker is done (at once when there is none): the write
  // worker then writes their files while the other targets render, instead of after them (the five raw-HTTP snippet
  // targets of GitHub's spec are 6k directories and 5.5k files: the last 200 ms of a cold run were this thread
  // waiting for them), and not while the two workers would share the other core.
  let offThreadDone = early.length === 0;
  void Promise.allSettled(started.values()).then(() => (offThreadDone = true));
  const rest = active.filter((t) => !OFF_THREAD.has(t) && !targets[t].writeBound);
  const writeBound = active.filter((t) => !OFF_THREAD.has(t) && targets[t].writeBound);
  while (rest.length > 0 || writeBound.length > 0) {
    const id = (writeBound.length > 0 && (offThreadDone || rest.length === 0) ? writeBound.shift() : rest.shift()) as TargetId;
    await progress(id, await timer.time(`render ${id}`, () => renderTarget(id, api, env, parts, sinkFor(id))));
    // Between targets the event loop turns: a worker's answer (the client's types) is taken as soon as it is in.
    if (early.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const id of late) await progress(id, await timer.time(`render ${id}`, () => renderTarget(id, api, env, parts)));
  for (const [id, result] of started) await progress(id, await timer.time(`render ${id}`, () => result));
  if (waiting.length > 0) await timer.time("probe", () => parts.store.settleProbe());
  for (const [id, step] of waiting) done(id, await timer.time(`render ${id}`, () => step.complete()));
}

/**
 * Through the target's parts when it has them (only changed endpoints re-render), else the whole render; files
 * may go to `sink` as they render.
 */
function renderTarget(id: TargetId, api: Api, env: RenderEnv, parts: PartsContext, sink?: FileSink): PartsProgress | Promise<PartsProgress> {
  const target: Target = targets[id];
  // With the cache off there is nothing to reuse or keep: the whole render, without keys and hashes.
  if (target.parts && parts.store.enabled) return renderTargetParts(id, `${api.id}/${target.outDir}`, target.parts, api, env, parts, sink);
  const whole = (files: Map<string, FileText>): PartsProgress => {
    const rendered: PartsRender = { files, intact: [], rendered: api.endpoints.length, reused: 0 };
    return { ready: true, complete: async () => rendered };
  };
  // A target's render is its parts' unless it renders everything at once its own way: then its render is that way.
  const files = target.parts && !target.parts.renderAll ? renderPieces(target.parts, api, env, sink, id) : target.render(api, env, sink);
  return files instanceof Promise ? files.then(whole) : whole(files);
}

/** Targets whose render runs mostly off the main thread (client/typescript: its types in a worker). */
const OFF_THREAD: ReadonlySet<TargetId> = new Set<TargetId>(["client/typescript"]);

const MAX_LISTED_WARNINGS = 20;

function reportWarnings(warnings: readonly Problem[], warn: ((line: string) => void) | undefined): void {
  if (!warn || warnings.length === 0) return;
  for (const w of warnings.slice(0, MAX_LISTED_WARNINGS)) warn(`warning: ${formatProblem(w)}`);
  if (warnings.length > MAX_LISTED_WARNINGS) warn(`warning: ... and ${warnings.length - MAX_LISTED_WARNINGS} more example warnings`);
}

function formatReport(report: ApiReport, api: Api, check: boolean): string {
  const stages = Object.entries(report.timings)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}ms`)
    .join(", ");
  const r = report.result;
  const counts = check
    ? `${r.unchanged.length} up to date, ${r.stale.length} stale, ${r.missing.length} missing, ${r.extra.length} extra`
    : `${r.written.length} written, ${r.unchanged.length} unchanged, ${r.removed.length} removed`;
  const reused = report.reused > 0 ? `; ${report.reused} endpoint renders reused` : "";
  return `${api.id}: ${report.endpoints} endpoints; ${counts}${reused} (${stages})`;
}

export function resolveTargets(requested: readonly string[] | undefined): TargetId[] {
  if (!requested || requested.length === 0) return [...TARGET_IDS];
  const unknown = requested.filter((t) => !isTargetId(t) && !TARGET_IDS.some((id) => id.startsWith(t + "/")));
  if (unknown.length > 0) {
    throw new UserError(`unknown target${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (known: ${TARGET_IDS.join(", ")})`);
  }
  // `docs` selects every `docs/*` target.
  return TARGET_IDS.filter((id) => requested.some((t) => id === t || id.startsWith(t + "/")));
}

/**
 * A spec root holds one API per subdirectory when a subdirectory has `_api.yaml`; otherwise the
 * directory itself is one API (it holds `_api.yaml` or endpoint files).
 */
export function findApiDirs(spec: string): string[] {
  if (!existsSync(spec) || !statSync(spec).isDirectory()) throw new UserError(`spec directory not found: ${spec}`);
  if (hasSpecFiles(spec)) return [spec];
  const dirs = readdirSync(spec, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => path.join(spec, e.name))
    .sort();
  const apis = dirs.filter((d) => existsSync(path.join(d, "_api.yaml")));
  return apis.length > 0 ? apis : [spec];
}

function hasSpecFiles(dir: string): boolean {
  return readdirSync(dir).some((f) => /\.(ya?ml|json)$/.test(f));
}

function createTimer() {
  const timings: Record<string, number> = {};
  const add = (name: string, since: number) => {
    timings[name] = (timings[name] ?? 0) + performance.now() - since;
  };
  return {
    timings,
    /** Times only the synchronous part of fn; its result (maybe a pending promise) is returned as is. */
    start<T>(name: string, fn: () => T): T {
      const since = performance.now();
      try {
        return fn();
      } finally {
        add(name, since);
      }
    },
    async time<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
      const since = performance.now();
      try {
        return await fn();
      } finally {
        add(name, since);
      }
    },
  };
}
