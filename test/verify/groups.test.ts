// Seed 002 (a REST reference page of another vendor, copied as plain text) against spec/groups, and a Markdown
// page generated from spec/groups (which must verify clean).
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { docsMarkdownTarget } from "../../generator/targets/docs-markdown/index.js";
import { verifyDocs } from "../../generator/verify/index.js";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { requireCorpus } from "../helpers/seam.js";

const corpus = requireCorpus();
const SEEDS = corpus ? path.resolve(corpus, "../../seeds") : "";

let api: Api;
beforeAll(async () => {
  api = buildApi(await loadSpec(path.resolve("spec/groups")));
});

describe.skipIf(corpus === null)("seed 002 against spec/groups", () => {
  test("reports the cURL spelling, the NBSP-indented request example and the reworded 400 example", () => {
    const report = verifyDocs(api, { docs: path.join(SEEDS, "002_08317436347d4e8e.txt"), displayRoot: SEEDS });
    const brief = report.results.map((r) => `${r.line} ${r.role} ${r.class} ${r.kinds.join(",")}`.trim());
    expect(brief).toEqual([
      // same DELETE, path and body, but a real session cookie and an extra accept header instead of the placeholder
      "30 request drift stale-code",
      // same JSON; the page indents with no-break spaces
      "22 request-body formatting-only",
      // every code of the table is one the spec documents
      "38 status-codes identical",
      "61 response-example identical",
      // the spec's example words the error differently ("Invalid device names" vs "... provided")
      "66 response-example drift stale-response",
    ]);
    expect(new Set(report.results.map((r) => r.endpoint))).toEqual(new Set(["/api/v1/groups/{groupDisplayName}/removeDevices"]));
    expect(report.results[0]?.example).toBe("remove_two_devices");
  });
});

describe("Markdown pages generated from spec/groups", () => {
  test("verify clean: every block identical", async () => {
    const files = await docsMarkdownTarget.render(api, createRenderEnv());
    const dir = mkdtempSync(path.join(os.tmpdir(), "specsmith-verify-md-"));
    for (const [rel, text] of files) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    const report = verifyDocs(api, { docs: dir, format: "markdown" });
    expect(report.results.filter((r) => r.class !== "identical")).toEqual([]);
    expect(report.results.filter((r) => r.role === "request").length).toBe(api.endpoints.length);
  });
});
