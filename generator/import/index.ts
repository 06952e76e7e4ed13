// `specsmith import`: a whole OpenAPI 3.x document (+ sample definitions, route metadata) →
// the normalised per-endpoint spec directory (docs/spec-format.md).
import { existsSync } from "node:fs";
import path from "node:path";
import { assertNoProblems, UserError } from "../errors.js";
import { seedLoadCache } from "../load/seed-cache.js";
import { writeFiles } from "../write/index.js";
import { bundleDocument } from "./bundle.js";
import { loadModuleExport } from "./module.js";
import { displayPath, readDataFile } from "./parse.js";
import { attachResourceSamples, loadResourceSamples } from "./resource-samples.js";
import { loadSampleDefinitions } from "./samples.js";
import { splitSpec } from "./split.js";
import { toYaml } from "./yaml.js";

export interface ImportOptions {
  /** A JSON/YAML file, or an npm module export `pkg/subpath#exportName`. */
  source: string;
  /** Output directory (owned entirely: files not produced are removed). */
  out: string;
  /** Directory of Seam-style code sample definitions (`*.yaml`). */
  codeSamples?: string;
  /** Seam-style paths.yaml → `x-routes` of `_api.yaml`. */
  pathsMetadata?: string;
  /** Seam-style resource sample definitions (one YAML file) → `x-resource-samples` on the schemas. */
  resourceSamples?: string;
  /** API-level settings: a YAML/JSON mapping of top-level `x-` keys merged into `_api.yaml` (e.g. `x-client-name`, `x-docs-gitbook`). */
  settings?: string;
  /** Compare only; write nothing. */
  check?: boolean;
}

export interface ImportResult {
  counts: { paths: number; operations: number; files: number; written: number; unchanged: number; removed: number };
  /** Files (relative to out) written or removed — or, in check mode, that would be. */
  changed: string[];
  warnings: string[];
}

export async function importSpec(opts: ImportOptions): Promise<ImportResult> {
  const { doc, name } = await loadSource(opts.source);
  assertOpenApi(doc, name);
  const samples = opts.codeSamples ? await loadSampleDefinitions(path.resolve(opts.codeSamples)) : [];
  const routes = opts.pathsMetadata ? await loadRoutes(path.resolve(opts.pathsMetadata)) : undefined;
  const split = splitSpec(doc, { sourceName: name, samples, routes });
  assertNoProblems(split.problems, `cannot import ${name}`);
  if (opts.settings) Object.assign(split.api.doc, await loadSettings(path.resolve(opts.settings)));
  if (opts.resourceSamples) {
    const resourceSamples = await loadResourceSamples(path.resolve(opts.resourceSamples));
    split.warnings.push(...attachResourceSamples([split.api, ...split.endpoints], resourceSamples));
  }

  const files = new Map<string, string>([[split.api.file, toYaml(split.api.doc)]]);
  for (const e of split.endpoints) files.set(e.file, toYaml(e.doc));
  const result = await writeFiles({ root: path.resolve(opts.out), files, owned: [""], check: opts.check ?? false });
  if (!opts.check) {
    // The loader's cache gets each document under the hash of its text: the next load skips the YAML parse.
    const seeds = [split.api, ...split.endpoints].map((e) => [e.file, { text: files.get(e.file) as string, doc: e.doc }] as const);
    await seedLoadCache(opts.out, new Map(seeds));
  }
  const written = opts.check ? [...result.stale, ...result.missing] : result.written;
  const removed = opts.check ? result.extra : result.removed;
  return {
    counts: {
      paths: split.endpoints.length,
      operations: split.operations,
      files: files.size,
      written: written.length,
      unchanged: result.unchanged.length,
      removed: removed.length,
    },
    changed: [...written, ...removed].sort(),
    warnings: split.warnings,
  };
}

/** A file path when it exists or looks like one; an npm module export otherwise. */
async function loadSource(source: string): Promise<{ doc: Record<string, any>; name: string }> {
  const abs = path.resolve(source);
  if (existsSync(abs) || isFileLike(source)) {
    const name = displayPath(abs);
    const doc = await bundleDocument(await readDataFile(abs, "spec file"), abs);
    return { doc: doc as Record<string, any>, name };
  }
  return { doc: (await loadModuleExport(source)) as Record<string, any>, name: source };
}

function isFileLike(source: string): boolean {
  return /^\.{0,2}[\\/]/.test(source) || path.isAbsolute(source) || (/\.(json|ya?ml)$/i.test(source) && !source.includes("#"));
}

function assertOpenApi(doc: unknown, name: string): asserts doc is Record<string, any> {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new UserError(`${name}: not an OpenAPI document (expected a mapping)`);
  const version = (doc as Record<string, unknown>)["openapi"];
  if ((doc as Record<string, unknown>)["swagger"] !== undefined) {
    throw new UserError(`${name}: Swagger/OpenAPI 2.0 is not supported; convert it to OpenAPI 3.x first`);
  }
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?/.test(version)) {
    throw new UserError(`${name}: not an OpenAPI 3.x document (openapi: ${JSON.stringify(version ?? null)})`);
  }
  const paths = (doc as Record<string, unknown>)["paths"];
  if (paths !== undefined && (!paths || typeof paths !== "object" || Array.isArray(paths))) {
    throw new UserError(`${name}: "paths" must be a mapping`);
  }
}

async function loadRoutes(file: string): Promise<Record<string, unknown>> {
  const data = await readDataFile(file, "paths metadata file");
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)}: expected a mapping of route paths to metadata`);
  }
  return data as Record<string, unknown>;
}

async function loadSettings(file: string): Promise<Record<string, unknown>> {
  const data = await readDataFile(file, "settings file");
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)}: expected a mapping of x- keys (API-level settings)`);
  }
  const bad = Object.keys(data).filter((k) => !k.startsWith("x-"));
  if (bad.length > 0) throw new UserError(`${displayPath(file)}: settings keys must start with "x-": ${bad.join(", ")}`);
  return data as Record<string, unknown>;
}
