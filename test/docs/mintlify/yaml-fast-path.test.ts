// dumpYaml's fast path (the shared emitter) against the yaml package's Document model, the oracle:
// the same bytes for hostile strings anywhere in a document and for every page of Seam's docs.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import { bundleDocument } from "../../../generator/model/document.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { renderMintlify } from "../../../generator/targets/docs-mintlify/index.js";
import { dumpYaml, dumpYamlViaDocument } from "../../../generator/targets/docs-mintlify/yaml-dump.js";
import { importSeamSpec, requireCorpus } from "../../helpers/seam.js";
import { extractFence } from "./fence.js";
import { NASTY_STRINGS } from "./yaml-and-bundle.test.js";

const LONG = "  leading spaces, then a long enough text to be folded by the dumper at eighty columns wide";

describe("dumpYaml, given/want from the yaml package's output", () => {
  test.each([
    // A key too long for its value to start on the same line: no space after the colon.
    ["long key", { [LONG]: LONG }, `'${LONG}':\n  '  leading spaces, then a long enough text to be folded by the dumper at\n  eighty columns wide'\n`],
    ["long key, short value", { a: { [LONG]: "short" } }, `a:\n  '${LONG}': short\n`],
    // Mintlify folds by block indent only, whatever the key's length.
    ["long plain value", { ["x".repeat(70)]: "two words" }, `${"x".repeat(70)}: two words\n`],
  ])("%s", (_name, given, want) => {
    expect(dumpYaml(given)).toBe(want);
    expect(dumpYamlViaDocument(given)).toBe(want);
  });
});

describe("dumpYaml equals the Document path", () => {
  const places = (s: string) => [
    { k: s, n: 1.5, b: false, z: null, e: [], o: {} },
    [s, [s], { [s]: [s] }],
    { a: { b: { c: { description: s, list: [s, s.repeat(2)] } } } },
    { "a-much-longer-key-name-than-usual": s, [s]: { x: s } },
  ];
  test.each(NASTY_STRINGS.map((s) => [JSON.stringify(s), s]))("%s", (_name, s) => {
    for (const given of places(s)) expect(dumpYaml(given)).toBe(dumpYamlViaDocument(given));
  });
});

describe.skipIf(requireCorpus() === null)("Seam's docs/mintlify pages", () => {
  test("every page's YAML block is what the yaml package dumps for its value", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "specsmith-mintlify-yaml-"));
    try {
      await importSeamSpec(path.join(root, "seam"));
      const spec = await loadSpec(path.join(root, "seam"), { examples: "warn" });
      const files = renderMintlify({ api: buildApi(spec), env: createRenderEnv(), document: bundleDocument(spec) });
      let pages = 0;
      for (const [file, text] of files) {
        if (!file.endsWith(".mdx") && !file.endsWith(".md")) continue;
        const block = extractFence(text).content.replace(/\n*$/, "\n");
        expect(dumpYamlViaDocument(YAML.parse(block)), file).toBe(block);
        pages++;
      }
      expect(pages).toBeGreaterThan(150);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
