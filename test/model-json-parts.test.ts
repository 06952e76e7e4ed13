// model/json's parts: endpoint json per endpoint, api.json from the fragments (route paths) alone; the same files as
// the committed generated/ (made before the split) and as render with the whole API in view.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../generator/load/index.js";
import { buildApi } from "../generator/model/index.js";
import type { Api } from "../generator/model/types.js";
import { createRenderEnv } from "../generator/render/env.js";
import { modelJsonTarget } from "../generator/targets/model-json.js";
import { listFiles } from "./docs/gitbook/seam-site.js";
import { requireCorpus, useImportedSeamApi } from "./helpers/seam.js";
import { expectPartsMatchRender } from "./helpers/target-parts.js";

const target = modelJsonTarget;

/** api.json's endpoint ids and each route's endpointIds against the model builder's (buildRoutes). */
async function expectApiJsonLists(api: Api): Promise<void> {
  const files = await target.render(api, createRenderEnv());
  const json = JSON.parse(files.get("api.json") ?? "null") as { endpoints: string[]; routes: { path: string; endpointIds: string[] }[] };
  expect(json.endpoints).toEqual(api.endpoints.map((e) => e.id));
  expect(json.routes.map((r) => [r.path, r.endpointIds])).toEqual(api.routes.map((r) => [r.path, r.endpointIds]));
  expect(json.routes.some((r) => r.endpointIds.length > 0)).toBe(true);
}

describe.each(["keyhub", "groups"])("spec/%s", (name) => {
  let api: Api;
  beforeAll(async () => {
    api = buildApi(await loadSpec(path.resolve("spec", name)));
  });

  test("parts make what render makes, without seeing other endpoints", async () => {
    expect(await expectPartsMatchRender(target, api, createRenderEnv())).toBe(api.endpoints.length + 1);
  });

  test("render makes exactly the committed generated/ files", async () => {
    const dir = path.resolve("generated", name, target.outDir);
    const files = await target.render(api, createRenderEnv());
    expect([...files.keys()].sort()).toEqual(listFiles(dir).sort());
    for (const [rel, text] of files) expect(text, rel).toBe(readFileSync(path.join(dir, rel), "utf8"));
  });

  test("api.json lists the model's endpoints and route endpoint ids", async () => {
    await expectApiJsonLists(api);
  });

  test("each fragment is the endpoint's route path", () => {
    const got = api.endpoints.map((e) => target.parts!.endpoint(api, e, createRenderEnv()).fragment);
    expect(got).toEqual(api.endpoints.map((e) => ({ routePath: e.routePath })));
  });
});

describe.skipIf(requireCorpus() === null)("Seam's spec", () => {
  let api: Api;
  const seamApi = useImportedSeamApi();
  beforeAll(() => {
    api = seamApi();
  });

  test("parts make what render makes, without seeing other endpoints", async () => {
    expect(await expectPartsMatchRender(target, api, createRenderEnv())).toBe(api.endpoints.length + 1);
  }, 120_000);

  test("api.json lists the model's endpoints and route endpoint ids", async () => {
    await expectApiJsonLists(api);
  });
});
