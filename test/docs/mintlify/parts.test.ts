// docs/mintlify's parts: each endpoint's page and openapi.json members from its own path item, openapi.json
// assembled from fragments (checked by expectPartsMatchRender), and the assembled text equal to JSON.stringify.
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import type { Api } from "../../../generator/model/types.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsMintlifyTarget } from "../../../generator/targets/docs-mintlify/index.js";
import { buildDocumentFrame, printDocument } from "../../../generator/targets/docs-mintlify/parts.js";
import { requireCorpus, useImportedSeamApi } from "../../helpers/seam.js";
import { expectPartsMatchRender } from "../../helpers/target-parts.js";

const REPO = path.resolve(import.meta.dirname, "../../..");

/** Pages of documented endpoints plus openapi.json. */
function expectedFiles(api: Api): number {
  return api.endpoints.filter((e) => !e.flags.undocumented).length + 1;
}

describe.each(["keyhub", "groups"])("docs/mintlify parts on spec/%s", (id) => {
  test("parts make the same files as render, each endpoint from its own path item", async () => {
    const api = buildApi(await loadSpec(path.join(REPO, "spec", id)));
    const compared = await expectPartsMatchRender(docsMintlifyTarget, api, createRenderEnv());
    expect(compared).toBe(expectedFiles(api));
  });
});

describe.skipIf(requireCorpus() === null)("docs/mintlify parts on Seam's imported spec", () => {
  let api: Api;
  const seamApi = useImportedSeamApi();
  beforeAll(() => {
    api = seamApi();
  });

  test("parts make the same files as render, each endpoint from its own path item", async () => {
    const compared = await expectPartsMatchRender(docsMintlifyTarget, api, createRenderEnv());
    console.log(`docs/mintlify parts on Seam: ${compared} files compared`);
    expect(compared).toBe(expectedFiles(api));
  }, 120_000);
});

describe("openapi.json from a frame and printed path-item members", () => {
  const member = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, "\n      ");
  const fragment = (path: string, keys: string[], entries: [string, unknown][]) => ({
    id: path,
    fragment: { path, keys, entries: entries.map(([k, v]) => [k, member(v)]) },
  });
  const get = { summary: "Get", responses: { "200": { description: "OK", content: {} } } };
  const post = { summary: "Post", tags: ["a", "b"], parameters: [] };
  const shared = [{ name: "id", in: "path", required: true }];
  const head = { openapi: "3.1.0", info: { title: "T", version: "1" }, security: [], components: { schemas: { s: { type: "string" } } } };
  const cases = [
    {
      name: "two endpoints of one path share its members, in the item's key order",
      fragments: [
        fragment("/a/{id}", ["get", "parameters", "post"], [["get", get], ["parameters", shared]]),
        fragment("/a/{id}", ["get", "parameters", "post"], [["parameters", shared], ["post", post]]),
        fragment("/b", ["get"], [["get", get]]),
      ],
      want: { ...head, paths: { "/a/{id}": { get, parameters: shared, post }, "/b": { get } } },
    },
    {
      name: "a path none of whose methods is published is left out",
      fragments: [fragment("/a", ["parameters", "get"], [["parameters", shared]]), { id: "x", fragment: null }],
      want: { ...head, paths: {} },
    },
  ];
  test.each(cases)("$name", ({ fragments, want }) => {
    const frame = buildDocumentFrame({ ...head, paths: {}, "x-client-name": "t" });
    const { security: _empty, ...published } = want;
    expect(printDocument(frame, fragments)).toBe(JSON.stringify(published, null, 2));
  });
});
