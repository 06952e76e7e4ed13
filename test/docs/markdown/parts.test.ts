// docs/markdown's parts: a page per endpoint, README.md from the fragments (the index lines) alone; the same files
// as the committed generated/ (made before the split) and as render with the whole API in view.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import type { Api, Endpoint } from "../../../generator/model/types.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { buildIndexEntry, docsMarkdownTarget } from "../../../generator/targets/docs-markdown/index.js";
import { requireCorpus, useImportedSeamApi } from "../../helpers/seam.js";
import { expectPartsMatchRender } from "../../helpers/target-parts.js";
import { listFiles } from "../gitbook/seam-site.js";

const target = docsMarkdownTarget;

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

  test("each fragment is the endpoint's line of the committed README.md, in order", () => {
    const readme = readFileSync(path.resolve("generated", name, target.outDir, "README.md"), "utf8");
    const lines = api.endpoints.map((e) => String(target.parts!.endpoint(api, e, createRenderEnv()).fragment));
    const positions = lines.map((line) => readme.indexOf(line));
    expect(positions.every((p) => p >= 0), "every line is in README.md").toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe("buildIndexEntry", () => {
  const endpoint = (fields: Partial<Endpoint>): Endpoint =>
    ({ id: "/a", path: "/a", preferredMethod: "post", title: "A", ...fields }) as Endpoint;
  test.each([
    ["rpc", endpoint({}), "[A](<a.md>): `POST` `/a`"],
    ["rest alias gets the method", endpoint({ id: "get /a/{id}", path: "/a/{id}", preferredMethod: "get" }), "[A](<a/{id}.get.md>): `GET` `/a/{id}`"],
    ["title escaped", endpoint({ title: "A *b*" }), "[A \\*b\\*](<a.md>): `POST` `/a`"],
    ["space in the file name encoded", endpoint({ id: "/a b", path: "/a b" }), "[A](<a%20b.md>): `POST` `/a b`"],
  ])("%s", (_label, e, want) => {
    expect(buildIndexEntry(e)).toBe(want);
  });
});

describe.skipIf(requireCorpus() === null)("Seam's spec", () => {
  let api: Api;
  const seamApi = useImportedSeamApi();
  beforeAll(() => {
    api = seamApi();
  });

  test("parts make what render makes, without seeing other endpoints", async () => {
    // A page per endpoint and README.md.
    expect(await expectPartsMatchRender(target, api, createRenderEnv())).toBe(api.endpoints.length + 1);
  }, 120_000);
});
