// Seam's corpus (../shared/corpus/seam) for tests: read in place, never copied into the repo.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const SEAM_SOURCE = "@seamapi/types/connect#openapi";

/** /work/shared/corpus/seam as `../shared/corpus/seam` from the repo root; null when absent. */
export function corpusDir(): string | null {
  const dir = path.resolve(REPO_ROOT, "../shared/corpus/seam");
  return existsSync(dir) ? dir : null;
}

interface Skipper {
  skip(note?: string): void;
}

/**
 * The corpus dir. When absent: throws under CI=true; otherwise calls `ctx.skip` (a vitest test
 * context) when given, or warns and returns null (for `describe.skipIf(requireCorpus() === null)`).
 */
export function requireCorpus(ctx: Skipper): string;
export function requireCorpus(): string | null;
export function requireCorpus(ctx?: Skipper): string | null {
  const dir = corpusDir();
  if (dir) return dir;
  const message = `Seam corpus not found at ${path.resolve(REPO_ROOT, "../shared/corpus/seam")}`;
  if (process.env["CI"] === "true") throw new Error(`${message} (required under CI)`);
  if (ctx) ctx.skip(`${message}; skipping`);
  console.warn(`${message}; skipping`);
  return null;
}

/** Imports @seamapi/types' spec with the corpus sample definitions and paths.yaml into dir. */
export async function importSeamSpec(dir: string): Promise<void> {
  const corpus = corpusDir();
  if (!corpus) throw new Error("importSeamSpec needs the Seam corpus; check requireCorpus() first");
  await importSpec({
    source: SEAM_SOURCE,
    out: dir,
    codeSamples: path.join(corpus, "code-sample-definitions"),
    pathsMetadata: path.join(corpus, "paths.yaml"),
    resourceSamples: path.join(corpus, "resource-sample-definitions/all-resources.yaml"),
    settings: path.join(REPO_ROOT, "config/seam-settings.yaml"),
  });
}

/**
 * Inside a describe: imports Seam's spec into a temp dir before its tests (removed after) and returns a getter
 * for the model built from it (examples checked as warnings).
 */
export function useImportedSeamApi(): () => Api {
  let tmp = "";
  let api: Api | undefined;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-seam-"));
    const dir = path.join(tmp, "seam");
    await importSeamSpec(dir);
    api = buildApi(await loadSpec(dir, { examples: "warn", displayRoot: dir }));
  }, 300_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  return () => {
    if (!api) throw new Error("Seam's model is not built yet (use it inside a test)");
    return api;
  };
}
