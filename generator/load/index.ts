// load: read a normalised spec directory (docs/spec-format.md), validate it, and report every problem at once.
import { createHash } from "node:crypto";
import path from "node:path";
import { assertNoProblems, sortProblems, UserError, type Problem } from "../errors.js";
import { checkDuplicateEndpoints, checkFileName } from "./endpoints.js";
import { findCacheDir, readCache, toCacheFile, writeCache } from "./cache-store.js";
import { checkFiles, hasOnePath } from "./check-files.js";
import { listSpecFiles, readSpecFile, releasePositions } from "./read.js";
import { rememberLoad, reusableFiles, type LoadHint } from "./since.js";
import { createResolver } from "./refs.js";
import { type Finding, type LoadedEndpointFile, type LoadedFile, type LoadedSpec } from "./types.js";

export type { LoadedFile, LoadedEndpointFile, LoadedSpec, ResolvedRef } from "./types.js";
export { RefError } from "./refs.js";
export { toEndpointFileStem } from "./file-names.js";
export { loadDrift, type LoadHint } from "./since.js";

const SHARED = "_api.yaml";
const NO_DEPS: Readonly<Record<string, string | null>> = Object.freeze({});

export interface LoadOptions {
  /** Directory that reported file paths are relative to (default: the cwd). */
  displayRoot?: string;
  /** "warn": example/schema mismatches go to `spec.warnings` instead of failing (Seam's samples have some); "off": not checked (verify, which checks docs, not the spec). */
  examples?: "error" | "warn" | "off";
  /**
   * What changed in `dir` since this process last loaded it, as a watcher saw it: the other files are taken as that
   * load read them, without a stat (loadDrift checks that afterwards). Absent: every file is stat'ed.
   */
  since?: LoadHint;
}

/**
 * Loads `<dir>/_api.yaml` (optional) and every other YAML/JSON file under `dir` as one endpoint file
 * each, sorted by posix path. Throws one UserError listing every problem of every file
 * (`file:line:col  pointer  message`, files relative to `opts.displayRoot` or the cwd).
 */
export async function loadSpec(dir: string, opts: LoadOptions = {}): Promise<LoadedSpec> {
  const known = reusableFiles(dir, opts.since);
  const rels = known ? known.rels : await listSpecFiles(dir);
  const cacheDir = findCacheDir();
  const cacheFile = cacheDir ? toCacheFile(cacheDir, dir) : null;
  const cache = cacheFile ? await readCache(cacheFile, dir) : null;
  const previous = cache?.files ?? {};
  const findings: Finding[] = [];
  const files = await Promise.all(rels.map((rel) => known?.reuse(rel) ?? readSpecFile(dir, rel, findings, previous[rel])));
  rememberLoad(dir, rels, files);
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const unparsed = new Set(findings.map((f) => f.rel));
  const shared = byRel.get(SHARED) ?? null;
  if (files.every((f) => f === shared)) throw new UserError(`no endpoint files (*.yaml, *.yml, *.json) in spec directory: ${dir}`);

  const resolve = createResolver(byRel, unparsed);
  const checked = await checkFiles({ files, byRel, unparsed, shared, resolve, previous, checkExamples: opts.examples !== "off" });
  for (const file of files) releasePositions(file);
  if (cache && cacheFile && (checked.changed || Object.keys(previous).some((rel) => !checked.entries[rel]))) {
    await writeCache(cacheFile, { ...cache, files: checked.entries });
  }
  findings.push(...checked.findings);
  const endpoints = files.filter((f) => f !== shared && !unparsed.has(f.rel) && hasOnePath(f.doc)).map(toEndpointFile);
  for (const file of endpoints) findings.push(...fileNameFindings(file));
  const report = (f: Finding) => findings.push(f);
  checkDuplicateEndpoints(endpoints, report);
  if (opts.examples !== "warn" && opts.examples !== "off") findings.push(...checked.examples);

  const root = opts.displayRoot ?? process.cwd();
  assertNoProblems(locateFindings(findings, byRel, root), `invalid spec ${toDisplayPath(root, dir)}`);
  const inputHashes = new Map(files.map((f) => [f.rel, toInputHash(f, checked.entries[f.rel]?.check?.deps ?? NO_DEPS)]));
  // Located and sorted when first read: a watch session, which does not print them, never pays for it (GitHub's
  // spec has 818 of them, every run).
  let warnings: Problem[] | undefined;
  return {
    apiId: path.basename(path.resolve(dir)),
    dir,
    shared,
    endpoints,
    resolve,
    get warnings() {
      return (warnings ??= opts.examples === "warn" ? sortProblems(locateFindings(checked.examples, byRel, root)) : []);
    },
    inputHashes,
  };
}

/** checkFileName's findings for the file, once per file object (a load told what changed reuses the others). */
function fileNameFindings(file: LoadedEndpointFile): readonly Finding[] {
  let found = fileNames.get(file);
  if (!found || found.path !== file.path) {
    const findings: Finding[] = [];
    checkFileName(file, (f) => findings.push(f));
    fileNames.set(file, (found = { path: file.path, findings }));
  }
  return found.findings;
}

const fileNames = new WeakMap<LoadedFile, { path: string; findings: readonly Finding[] }>();

/**
 * One hash for a file and every file its `$ref`s reach: what anything built from the file depends on. Made once per
 * file text and check (its deps object is kept while the file and its closure are unchanged).
 */
function toInputHash(file: LoadedFile, deps: Readonly<Record<string, string | null>>): string {
  const known = inputHashMemo.get(deps);
  if (known?.[0] === file.hash) return known[1];
  const made = hashInputs(file, deps);
  inputHashMemo.set(deps, [file.hash, made]);
  return made;
}

const inputHashMemo = new WeakMap<object, [fileHash: string, inputHash: string]>();

function hashInputs(file: LoadedFile, deps: Readonly<Record<string, string | null>>): string {
  const hash = createHash("sha256").update(file.hash);
  for (const rel of Object.keys(deps).sort()) hash.update(`\0${rel}\0${deps[rel] ?? "-"}`);
  return hash.digest("hex");
}

function toEndpointFile(file: LoadedFile): LoadedEndpointFile {
  return Object.assign(file, { path: Object.keys(file.doc.paths)[0] as string });
}

/** Findings → Problems: display paths, and positions (re-parsing only the files that have findings). */
function locateFindings(findings: readonly Finding[], files: ReadonlyMap<string, LoadedFile>, root: string): Problem[] {
  const seen = new Set<string>();
  const displayPath = (file: LoadedFile) => {
    const key = `${root}\0${file.abs}`;
    let shown = displayPaths.get(key);
    if (shown === undefined) {
      if (displayPaths.size >= MAX_DISPLAY_PATHS) displayPaths.clear();
      displayPaths.set(key, (shown = toDisplayPath(root, file.abs)));
    }
    return shown;
  };
  const problems: Problem[] = [];
  for (const f of findings) {
    const key = `${f.rel}\0${f.pointer}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = files.get(f.rel) as LoadedFile;
    const pos = f.line !== undefined ? { line: f.line, col: f.col ?? 0 } : file.locate(f.pointer);
    problems.push({ file: displayPath(file), line: pos.line, col: pos.col, pointer: f.pointer, message: f.message });
  }
  return problems;
}

/** Display paths by root and file (a watch session locates the same warnings each run). */
const displayPaths = new Map<string, string>();
const MAX_DISPLAY_PATHS = 50_000;

function toDisplayPath(root: string, target: string): string {
  const rel = path.relative(root, path.resolve(target));
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}
