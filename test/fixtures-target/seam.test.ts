// fixtures/json on Seam's whole spec (imported into a temp dir): every pair validates, except parts built from
// examples the loader already reports as invalid in Seam's own data (skipped and counted).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fromPointer } from "../../generator/errors.js";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { fixturesJsonTarget, type FixtureIndex } from "../../generator/targets/fixtures/index.js";
import { importSeamSpec, requireCorpus } from "../helpers/seam.js";
import { createFixtureChecker, type FixturePart } from "./check-fixture.js";

const hasCorpus = requireCorpus() !== null;

describe.skipIf(!hasCorpus)("fixtures of Seam's imported spec", () => {
  let tmp = "";
  let spec: LoadedSpec;
  let api: Api;
  let index: FixtureIndex;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "specsmith-fixtures-"));
    const dir = path.join(tmp, "seam");
    await importSeamSpec(dir);
    spec = await loadSpec(dir, { examples: "warn", displayRoot: dir });
    api = buildApi(spec);
    const files = await fixturesJsonTarget.render(api, createRenderEnv());
    index = JSON.parse(files.get("fixtures.json")!) as FixtureIndex;
  }, 180_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  test("every pair validates; known-invalid Seam examples are skipped and counted", () => {
    const known = collectKnownInvalid(spec);
    const checker = createFixtureChecker(spec);
    const byId = new Map(api.endpoints.map((e) => [e.id, e]));
    const firstPair = new Map<string, string>();
    const problems: string[] = [];
    const skipped = new Set<string>();
    let checkedParts = 0;
    for (const f of index.fixtures) {
      const endpoint = byId.get(f.endpoint)!;
      if (!firstPair.has(f.endpoint)) firstPair.set(f.endpoint, f.id);
      // Error pairs reuse the first pair's request, so they inherit its known-invalid request parts.
      const requestFrom = f.kind === "error" ? firstPair.get(f.endpoint)! : f.id;
      const isKnown = (part: FixturePart) => known.has(`${endpoint.source.file} ${part.startsWith("request") ? requestFrom : f.id} ${part}`) && !f.synthesised.includes(part);
      for (const p of checker.check(endpoint, f)) {
        if (isKnown(p.part)) skipped.add(`${f.endpoint} ${f.id} ${p.part}`);
        else problems.push(`${f.endpoint} ${f.id}: ${p.part} ${p.message}`);
      }
      checkedParts += 3;
    }
    const skippedPairs = [...new Set([...skipped].map((s) => s.split(" ").slice(0, 2).join(" ")))];
    const skippedErrors = skippedPairs.filter((s) => / error-\d{3}$/.test(s)).length;
    const skippedExamples = skippedPairs.length - skippedErrors;
    console.log(
      `Seam fixtures: ${index.fixtures.length} pairs over ${api.endpoints.length} endpoints (${count(index, "example")} example, ` +
        `${count(index, "schema")} schema, ${count(index, "error")} error), ${checkedParts} parts checked; skipped as known-invalid ` +
        `in Seam's data: ${skipped.size} parts of ${skippedExamples} example pairs + ${skippedErrors} error pairs reusing their request ` +
        `(the loader reports ${spec.warnings.length} warnings on Seam's examples)`,
    );
    expect(problems).toEqual([]);
    expect(index.fixtures.length).toBeGreaterThanOrEqual(api.endpoints.length * 3);
    // Skips must stay the exception: the loader's warnings bound them.
    expect(skippedExamples).toBeLessThan(count(index, "example"));
  });

  test("every endpoint without examples gets one pair synthesised from its schemas", () => {
    const bare = api.endpoints.filter((e) => e.examples.length === 0).map((e) => e.id);
    const schemaPairs = index.fixtures.filter((f) => f.kind === "schema").map((f) => f.endpoint);
    expect(schemaPairs).toEqual(bare);
    expect(bare.length).toBeGreaterThan(0);
  });
});

function count(index: FixtureIndex, kind: string): number {
  return index.fixtures.filter((f) => f.kind === kind).length;
}

/** `<file> <example key> <part>` for every example the loader warned about (its pointer names the key and side). */
function collectKnownInvalid(spec: LoadedSpec): Set<string> {
  const known = new Set<string>();
  for (const w of spec.warnings) {
    const segments = fromPointer(w.pointer);
    const at = segments.indexOf("examples");
    if (at < 0) continue;
    const part: FixturePart = segments.includes("responses") ? "response.body" : segments.includes("requestBody") ? "request.body" : "request.parameters";
    known.add(`${w.file} ${segments[at + 1]} ${part}`);
  }
  return known;
}
