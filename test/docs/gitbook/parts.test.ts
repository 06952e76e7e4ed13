// docs/gitbook's parts: endpoint pages per endpoint, route READMEs and SUMMARY.md from the fragments alone, the
// same files as the committed generated/ (made before the split) and as render with the whole API in view.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import type { Api } from "../../../generator/model/types.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsGitbookTarget } from "../../../generator/targets/docs-gitbook/index.js";
import { buildRouteEntry } from "../../../generator/targets/docs-gitbook/routes.js";
import { requireCorpus, useImportedSeamApi } from "../../helpers/seam.js";
import { expectPartsMatchRender } from "../../helpers/target-parts.js";
import { listFiles } from "./seam-site.js";
import { smallApi } from "./small-api.js";

const target = docsGitbookTarget;

describe.each(["keyhub", "groups"])("spec/%s", (name) => {
  let api: Api;
  beforeAll(async () => {
    api = buildApi(await loadSpec(path.resolve("spec", name)));
  });

  test("parts make what render makes, without seeing other endpoints", async () => {
    expect(await expectPartsMatchRender(target, api, createRenderEnv())).toBeGreaterThan(0);
  });

  test("render makes exactly the committed generated/ files", async () => {
    const dir = path.resolve("generated", name, target.outDir);
    const files = await target.render(api, createRenderEnv());
    expect([...files.keys()].sort()).toEqual(listFiles(dir).sort());
    for (const [rel, text] of files) expect(text, rel).toBe(readFileSync(path.join(dir, rel), "utf8"));
  });
});

describe("a small API with undocumented, draft and nested-route endpoints", () => {
  const api = smallApi();

  test("parts make what render makes", async () => {
    expect(await expectPartsMatchRender(target, api, createRenderEnv())).toBeGreaterThan(0);
  });

  test("unpublished endpoints make no page and a null fragment; published ones a page and their entry", () => {
    const got = api.endpoints.map((e) => {
      const part = target.parts!.endpoint(api, e, createRenderEnv());
      return [e.path, [...part.files.keys()], part.fragment] as const;
    });
    const want = [
      ["/spaces/create", ["spaces/create.md"], { path: "/spaces/create", method: "POST", sharesPath: false, page: "spaces/create.md", title: "Create a Space", routePath: "/spaces", description: "Creates a space." }],
      ["/spaces/draft", [], null],
      ["/spaces/secret", [], null],
      ["/spaces/sub/ping", ["spaces/sub/ping.md"], { path: "/spaces/sub/ping", method: "POST", sharesPath: false, page: "spaces/sub/ping.md", title: "Ping", routePath: "/spaces/sub", description: "" }],
    ];
    for (const [p, files, fragment] of want) expect(got.find((g) => g[0] === p), p as string).toEqual([p, files, fragment]);
  });
});

describe("buildRouteEntry", () => {
  const base = smallApi().endpoints.find((e) => e.path === "/spaces/create")!;
  const flags = (f: Partial<typeof base.flags>) => ({ ...base, flags: { ...base.flags, ...f } });
  test.each([
    ["published", flags({}), "/spaces"],
    ["undocumented", flags({ undocumented: true }), null],
    ["draft", flags({ draft: true }), null],
    ["deprecated and alpha are still published", flags({ deprecated: true, alpha: true }), "/spaces"],
  ])("%s", (_label, endpoint, routePath) => {
    expect(buildRouteEntry(endpoint)?.routePath ?? null).toBe(routePath);
  });

  test.each([
    ["first paragraph only", "One.\n\nTwo.", "One."],
    ["trimmed", "  Creates a space.  ", "Creates a space."],
    ["empty", "", ""],
  ])("description: %s", (_label, description, want) => {
    expect(buildRouteEntry({ ...base, description })?.description).toBe(want);
  });
});

describe.skipIf(requireCorpus() === null)("Seam's spec", () => {
  let api: Api;
  const seamApi = useImportedSeamApi();
  beforeAll(() => {
    api = seamApi();
  });

  test("parts make what render makes, without seeing other endpoints", async () => {
    const compared = await expectPartsMatchRender(target, api, createRenderEnv());
    // A page per published endpoint, plus route READMEs and SUMMARY.md.
    expect(compared).toBeGreaterThan(api.endpoints.filter((e) => !e.flags.undocumented && !e.flags.draft).length);
  }, 120_000);
});
