// model/json's parts: endpoint json per endpoint, api.json from the fragments (route paths) alone; the same files as
// the committed generated/ (made before the split) and as render with the whole API in view.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../generator/load/index.js";
import { buildApi } from "../generator/model/index.js";
import type { Api } from "../generator/model/types.js";
import { createRenderEnv } from "../generator/render/env.js";
import { modelJsonTarget } from "../generator/targets/model-json.js";
import { textOf, TextPieces } from "../generator/write/text.js";
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

  test("api.json is assembled with each resource as a piece of its own, the committed text when joined", async () => {
    const fragments = api.endpoints.map((e) => ({ id: e.id, fragment: { routePath: e.routePath } }));
    const text = (await target.parts!.assemble(api, fragments, createRenderEnv(), undefined)).get("api.json");
    expect(api.resources.length).toBeGreaterThan(0);
    expect(text).toBeInstanceOf(TextPieces);
    expect((text as TextPieces).pieces.length).toBeGreaterThan(2 * api.resources.length);
    // An endpoint edit leaves it as it is: a watch session keeps no bytes of it (see retainWrites).
    expect((text as TextPieces).retain).toBe(false);
    expect(textOf(text!)).toBe(readFileSync(path.resolve("generated", name, target.outDir, "api.json"), "utf8"));
  });

  test("a template that prints the API another way gets the resources as they are", async () => {
    const plain = JSON.parse(readFileSync(path.resolve("generated", name, target.outDir, "api.json"), "utf8")) as { resources: unknown[] };
    const overrides: [string, (text: string) => void][] = [
      ["{{{json api 4}}}", (text) => expect(text).toBe(JSON.stringify(plain, null, 4))],
      ["{{{json api 1}}}", (text) => expect(text).toBe(JSON.stringify(plain, null, 1))],
      ['{"wrapped": {{{json api.resources}}} }\n', (text) => expect(JSON.parse(text)).toEqual({ wrapped: plain.resources })],
      ["{{{json api}}}\n{{{json api}}}", (text) => expect(text).toBe(`${JSON.stringify(plain, null, 2)}\n${JSON.stringify(plain, null, 2)}`)],
      ["before\n{{{json api}}}\nafter", (text) => expect(text).toBe(`before\n${JSON.stringify(plain, null, 2)}\nafter`)],
    ];
    const root = mkdtempSync(path.join(os.tmpdir(), "specsmith-api-json-"));
    try {
      for (const [i, [template, check]] of overrides.entries()) {
        const dir = path.join(root, String(i));
        mkdirSync(path.join(dir, "model"), { recursive: true });
        writeFileSync(path.join(dir, "model", "api.json.hbs"), template);
        const files = await target.render(api, createRenderEnv({ overrideDir: dir }));
        check(textOf(files.get("api.json")!));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
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
