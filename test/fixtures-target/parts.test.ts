// fixtures/json's parts: each endpoint's fixture file alone, fixtures.json from the endpoints' fixtures
// (checked by expectPartsMatchRender with an API whose other endpoints are unreachable).
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { fixturesJsonTarget } from "../../generator/targets/fixtures/index.js";
import { requireCorpus, useImportedSeamApi } from "../helpers/seam.js";
import { expectPartsMatchRender } from "../helpers/target-parts.js";

const REPO = path.resolve(import.meta.dirname, "../..");

describe.each(["keyhub", "groups"])("fixtures/json parts on spec/%s", (id) => {
  test("parts make the same files as render: one file per endpoint plus fixtures.json", async () => {
    const api = buildApi(await loadSpec(path.join(REPO, "spec", id)));
    const compared = await expectPartsMatchRender(fixturesJsonTarget, api, createRenderEnv());
    expect(compared).toBe(api.endpoints.length + 1);
  });
});

describe.skipIf(requireCorpus() === null)("fixtures/json parts on Seam's imported spec", () => {
  let api: Api;
  const seamApi = useImportedSeamApi();
  beforeAll(() => {
    api = seamApi();
  });

  test("parts make the same files as render: one file per endpoint plus fixtures.json", async () => {
    const compared = await expectPartsMatchRender(fixturesJsonTarget, api, createRenderEnv());
    console.log(`fixtures/json parts on Seam: ${compared} files compared`);
    expect(compared).toBe(api.endpoints.length + 1);
  }, 120_000);
});
