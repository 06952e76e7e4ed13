// load: read a normalised spec directory (docs/spec-format.md), validate it, and report every problem at once.
import { createHash } from "node:crypto";
import path from "node:path";
import { assertNoProblems, sortProblems, UserError, type Problem } from "../errors.js";
import { checkDuplicateEndpoints, checkFileName } from "./endpoints.js";
import { findCacheDir, readCache, toCacheFile, writeCache } from "./cache-store.js";
import { checkFiles, hasOnePath } from "./check-files.js";
import { listSpecFiles, readSpecFile, releasePositions } from "./read.js";
import { createResolver } from "./refs.js";
import { type Finding, type LoadedEndpointFile, type LoadedFile, type LoadedSpec } from "./types.js";

export type { LoadedFile, LoadedEndpointFile, LoadedSpec, ResolvedRef } from "./types.js";
export { RefError } from "./refs.js";
export { toEndpointFileStem } from "./file-names.js";

const SHARED = "_api.yaml";

export interface LoadOptions {
  /** Directory that reported file paths are relative to (default: the cwd). */
  displayRoot?: string;
  /** "warn": example/schema mismatches go to `spec.warnings` instead of failing (Seam's samples have some); "off": not checked (verify, which checks docs, not the spec). */
  examples?: "error" | "warn" | "off";
}

/**
 * Loads `<dir>/_api.yaml` (optional) and every other YAML/JSON file under `dir` as one endpoint file
 * each, sorted by posix path. Throws one UserError listing every problem of every file
 * (`file:line:col  pointer  message`, files relative to `opts.displayRoot` or the cwd).
 */
export async function loadSpec(dir: string, opts: LoadOptions = {}): Promise<LoadedSpec> {
  const rels = await listSpecFiles(dir);
  const cacheDir = findCacheDir();
  const cacheFile = cacheDir ? toCacheFile(cacheDir, dir) : null;
  const cache = cacheFile ? await readCache(cacheFile, dir) : null;
  const previous = cache?.files ?? {};
  const findings: Finding[] = [];
  const files = await Promise.all(rels.map((rel) => readSpecFile(dir, rel, findings, previous[rel])));
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
  const report = (f: Finding) => findings.push(f);
  for (const file of endpoints) checkFileName(file, report);
  checkDuplicateEndpoints(endpoints, report);
  if (opts.examples !== "warn" && opts.examples !== "off") findings.push(...checked.examples);

  const root = opts.displayRoot ?? process.cwd();
  assertNoProblems(locateFindings(findings, byRel, root), `invalid spec ${toDisplayPath(root, dir)}`);
  const warnings = opts.examples === "warn" ? sortProblems(locateFindings(checked.examples, byRel, root)) : [];
  const inputHashes = new Map(files.map((f) => [f.rel, toInputHash(f, checked.entries[f.rel]?.check?.deps ?? {})]));
  return { apiId: path.basename(path.resolve(dir)), dir, shared, endpoints, resolve, warnings, inputHashes };
}

/** One hash for a file and every file its `$ref`s reach: what anything built from the file depends on. */
function toInputHash(file: LoadedFile, deps: Readonly<Record<string, string | null>>): string {
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
  const problems: Problem[] = [];
  for (const f of findings) {
    const key = `${f.rel}\0${f.pointer}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = files.get(f.rel) as LoadedFile;
    const pos = f.line !== undefined ? { line: f.line, col: f.col ?? 0 } : file.locate(f.pointer);
    problems.push({ file: toDisplayPath(root, file.abs), line: pos.line, col: pos.col, pointer: f.pointer, message: f.message });
  }
  return problems;
}

function toDisplayPath(root: string, target: string): string {
  const rel = path.relative(root, path.resolve(target));
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}
