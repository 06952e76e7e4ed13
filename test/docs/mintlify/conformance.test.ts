// Conformance against Seam's published Mintlify output: the x-codeSamples of the 40 visible operations of
// ../shared/corpus/seam/mintlify-openapi.visible.json, and seed 003's YAML block, from Seam's spec imported into a temp dir.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { bundleDocument } from "../../../generator/model/document.js";
import { renderMintlify } from "../../../generator/targets/docs-mintlify/index.js";
import { importSeamSpec, requireCorpus } from "../../helpers/seam.js";
import { extractFence } from "./fence.js";

const corpus = requireCorpus();
const SEEDS = corpus ? path.resolve(corpus, "../../seeds") : "";

describe.skipIf(corpus === null)("docs/mintlify conformance (Seam)", () => {
  let tmp = "";
  let files = new Map<string, string>();

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-mintlify-"));
    // The directory name is the client name (`seam`) when the spec names none.
    const dir = path.join(tmp, "seam");
    await importSeamSpec(dir);
    const spec = await loadSpec(dir, { examples: "warn" });
    files = renderMintlify({ api: buildApi(spec), env: createRenderEnv(), document: bundleDocument(spec) });
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test("x-codeSamples of the 40 visible operations are identical", () => {
    const visible = JSON.parse(readFileSync(path.join(corpus as string, "mintlify-openapi.visible.json"), "utf8"));
    const ours = JSON.parse(files.get("openapi.json") as string);
    const differing: string[] = [];
    let total = 0;
    let identical = 0;
    for (const [p, item] of Object.entries<Record<string, any>>(visible.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const got = ours.paths[p]?.[method]?.["x-codeSamples"];
        if (!op["x-codeSamples"]) {
          // Operations without samples in the corpus must have none here either.
          if (got) differing.push(`${method} ${p} (unexpected samples)`);
          continue;
        }
        total++;
        if (JSON.stringify(got) === JSON.stringify(op["x-codeSamples"])) identical++;
        else differing.push(`${method} ${p}`);
      }
    }
    console.log(`${identical}/${total} operations identical`);
    // 40 in the visible document; a fuller document has more, and every one must match.
    expect(total).toBeGreaterThanOrEqual(40);
    expect(differing).toEqual([]);
    expect(identical).toBe(total);
  });

  test("the published document keeps only documented endpoints (x-undocumented paths are left out, as in the corpus)", () => {
    const visible = JSON.parse(readFileSync(path.join(corpus as string, "mintlify-openapi.visible.json"), "utf8"));
    const ours = JSON.parse(files.get("openapi.json") as string);
    const namespaces = ["/spaces/", "/user_identities/", "/acs/users/", "/locks/", "/action_attempts/"];
    const ourPaths = Object.keys(ours.paths).filter((p) => namespaces.some((n) => p.startsWith(n)));
    expect(ourPaths.sort()).toEqual(Object.keys(visible.paths).sort());
    for (const p of ourPaths) {
      const methods = (item: object) => Object.keys(item).sort();
      expect(methods(ours.paths[p]), p).toEqual(methods(visible.paths[p]));
      for (const m of Object.keys(ours.paths[p])) {
        // The same operations carry x-mint / x-title (the documented one) as in the corpus.
        expect(ours.paths[p][m]["x-mint"], `${m} ${p}`).toEqual(visible.paths[p][m]["x-mint"]);
        expect(ours.paths[p][m].summary, `${m} ${p}`).toBe(visible.paths[p][m].summary);
      }
    }
  });

  test("seed 003's YAML block equals (parsed) the block of the generated page", () => {
    const seedFile = readdirSync(SEEDS).find((f) => f.startsWith("003_")) as string;
    const seedBlock = extractFence(readFileSync(path.join(SEEDS, seedFile), "utf8"));
    const ourPage = files.get("api/acs/users/remove_from_access_group.md") as string;
    const ourBlock = extractFence(ourPage);
    expect(ourBlock.info).toBe(seedBlock.info);
    const seed = YAML.parse(seedBlock.content);
    const ours = YAML.parse(ourBlock.content);
    // Excluded difference (another spec version): the operation's description links to /capability-guides/ in
    // @seamapi/types@1.885.0 where the seed's links to /low-level-apis/. Everything else, x-codeSamples included, is equal.
    const seedOp = seed.paths["/acs/users/remove_from_access_group"].post;
    const ourOp = ours.paths["/acs/users/remove_from_access_group"].post;
    expect(ourOp.description.replaceAll("/capability-guides/", "/low-level-apis/")).toBe(seedOp.description);
    delete seedOp.description;
    delete ourOp.description;
    expect(ours).toEqual(seed);
    expect(Object.keys(ourOp)).toEqual(Object.keys(seedOp));
    expect(
      ourPage.startsWith("# Remove an ACS User from an Access Group\n\n> Removes a specified [access system user]"),
    ).toBe(true);
  });
});
