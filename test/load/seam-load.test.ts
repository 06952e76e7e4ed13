// Seam's whole spec, imported into a temp dir (~290 files), loads the same from the importer's seeded cache,
// from the disk cache and without a cache; prints the load times.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { forgetCacheMemory } from "../../generator/load/cache-store.js";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";

const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus/seam");
const hasCorpus = existsSync(corpus);
if (!hasCorpus && process.env.CI === "true") throw new Error(`Seam corpus missing at ${corpus}`);

describe.skipIf(!hasCorpus)("loadSpec on Seam's imported spec", () => {
  let out = "";
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "specsmith-load-"));
    out = path.join(tmp, "seam");
    process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache");
    delete process.env["SPECSMITH_CACHE"];
    forgetCacheMemory();
    await importSpec({
      source: "@seamapi/types/connect#openapi",
      out,
      codeSamples: path.join(corpus, "code-sample-definitions"),
      pathsMetadata: path.join(corpus, "paths.yaml"),
    });
  }, 120_000);
  afterAll(async () => {
    process.env = { ...savedEnv };
    forgetCacheMemory();
    await rm(path.dirname(out), { recursive: true, force: true });
  });

  const timed = async (what: string, times: string[]) => {
    const t = performance.now();
    const spec = await loadSpec(out, { examples: "warn", displayRoot: out });
    times.push(`${what} ${(performance.now() - t).toFixed(0)}ms`);
    return spec;
  };
  const view = (spec: LoadedSpec) => ({
    files: [spec.shared, ...spec.endpoints].map((f) => [f?.rel, f?.hash, f?.doc]),
    warnings: spec.warnings,
  });

  it("loads one endpoint file per path of the source, the same with and without the cache", async () => {
    const { openapi } = (await import("@seamapi/types/connect")) as unknown as { openapi: { paths: Record<string, unknown> } };
    const times: string[] = [];
    const seeded = await timed("seeded by import", times);
    forgetCacheMemory();
    const warm = await timed("warm from disk", times);
    process.env["SPECSMITH_CACHE"] = "off";
    const cold = await timed("cold (cache off)", times);
    delete process.env["SPECSMITH_CACHE"];
    console.log(`load of ${cold.endpoints.length} files: ${times.join(", ")}; ${cold.warnings.length} example warnings`);
    expect(cold.endpoints.map((e) => e.path).sort()).toEqual(Object.keys(openapi.paths).sort());
    expect(cold.warnings.filter((w) => !w.pointer.includes("/examples/"))).toEqual([]);
    expect(view(seeded)).toEqual(view(cold));
    expect(view(warm)).toEqual(view(cold));
  }, 120_000);
});
