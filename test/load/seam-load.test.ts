// Seam's whole spec, imported into a temp dir (~290 files), loads; prints the load time per run.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";

const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus/seam");
const hasCorpus = existsSync(corpus);
if (!hasCorpus && process.env.CI === "true") throw new Error(`Seam corpus missing at ${corpus}`);

describe.skipIf(!hasCorpus)("loadSpec on Seam's imported spec", () => {
  let out = "";
  beforeAll(async () => {
    out = path.join(await mkdtemp(path.join(os.tmpdir(), "specsmith-load-")), "seam");
    await importSpec({
      source: "@seamapi/types/connect#openapi",
      out,
      codeSamples: path.join(corpus, "code-sample-definitions"),
      pathsMetadata: path.join(corpus, "paths.yaml"),
    });
  }, 120_000);
  afterAll(() => rm(path.dirname(out), { recursive: true, force: true }));

  it("loads one endpoint file per path of the source; only example mismatches remain", async () => {
    const { openapi } = (await import("@seamapi/types/connect")) as unknown as { openapi: { paths: Record<string, unknown> } };
    const times: number[] = [];
    let spec = null;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      spec = await loadSpec(out, { examples: "warn", displayRoot: out });
      times.push(performance.now() - t);
    }
    console.log(`load of ${spec!.endpoints.length} files: cold ${times[0]!.toFixed(0)}ms, warm ${times[1]!.toFixed(0)}ms; ${spec!.warnings.length} example warnings`);
    expect(spec!.endpoints.map((e) => e.path).sort()).toEqual(Object.keys(openapi.paths).sort());
    expect(spec!.warnings.filter((w) => !w.pointer.includes("/examples/"))).toEqual([]);
  }, 120_000);
});
