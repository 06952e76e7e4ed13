// verify against Seam's spec imported into a temp dir: the visible corpus (GitBook pages, Mintlify document) shows
// no drift; single mutations of corpus pages are each reported once, with class, kind and line; seeds 000/001/003.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../../generator/cli.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { verifyDocs, type BlockResult } from "../../generator/verify/index.js";
import { importSeamSpec, requireCorpus } from "../helpers/seam.js";
import { lineOf, MUTATIONS } from "./mutations.js";

const corpus = requireCorpus();
const SEEDS = corpus ? path.resolve(corpus, "../../seeds") : "";

describe.skipIf(corpus === null)("verify against Seam's spec", () => {
  let tmp = "";
  let specDir = "";
  let api: Api;
  const timings: Record<string, number> = {};
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-verify-"));
    specDir = path.join(tmp, "seam");
    await importSeamSpec(specDir);
    let t = performance.now();
    const spec = await loadSpec(specDir, { examples: "warn" });
    timings["load"] = performance.now() - t;
    t = performance.now();
    api = buildApi(spec);
    timings["model"] = performance.now() - t;
  }, 180_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const pages = () => path.join(corpus as string, "pages");
  const notIdentical = (results: readonly BlockResult[]) => results.filter((r) => r.class !== "identical");

  test("the 49 visible GitBook pages: every block identical (time is logged; npm run bench measures it)", () => {
    const t = performance.now();
    const report = verifyDocs(api, { docs: pages() });
    const verifyMs = performance.now() - t;
    console.log(`load ${timings["load"]?.toFixed(0)}ms, model ${timings["model"]?.toFixed(0)}ms, verify ${verifyMs.toFixed(0)}ms (49 pages, ${report.results.length} blocks)`);
    expect(report.files).toBe(listPages(pages()).length);
    expect(report.files).toBeGreaterThanOrEqual(49);
    expect(notIdentical(report.results)).toEqual([]);
    // code + output of every tab, a parameter list and a Returns line per page, and each resource sample (JSON tab)
    const texts = listPages(pages()).map((f) => readFileSync(f, "utf8"));
    const tabs = texts.reduce((n, t) => n + (t.match(/^#### Code:$/gm)?.length ?? 0), 0);
    const samples = texts.reduce((n, t) => n + (t.match(/^\{% tab title="JSON" %\}$/gm)?.length ?? 0), 0);
    expect(report.counts.identical).toBe(tabs * 2 + 49 * 2 + samples);
  });

  test("the visible Mintlify document: 40 operations x 6 samples identical, status codes match", () => {
    const report = verifyDocs(api, { docs: path.join(corpus as string, "mintlify-openapi.visible.json") });
    expect(notIdentical(report.results)).toEqual([]);
    expect(report.results.filter((r) => r.role === "sample")).toHaveLength(240);
    expect(report.results.filter((r) => r.role === "status-codes")).toHaveLength(40);
  });

  test("Mintlify sample lines point at the sample's source in the document", () => {
    const file = path.join(corpus as string, "mintlify-openapi.visible.json");
    const lines = readFileSync(file, "utf8").split("\n");
    const report = verifyDocs(api, { docs: file });
    for (const r of report.results.filter((x) => x.role === "sample")) expect(lines[r.line - 1]).toMatch(/^\s*"source": "/);
  });

  test("a Mintlify sample with a renamed Python method is the one drift, at its line", () => {
    const file = path.join(corpus as string, "mintlify-openapi.visible.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    const samples = doc.paths["/spaces/create"].post["x-codeSamples"];
    samples[2].source = samples[2].source.replace("seam.spaces.create(", "seam.spaces.make(");
    const mutated = path.join(tmp, "mintlify-mutated.json");
    writeFileSync(mutated, JSON.stringify(doc, null, 2));
    const found = notIdentical(verifyDocs(api, { docs: mutated, displayRoot: tmp }).results);
    const line = readFileSync(mutated, "utf8").split("\n").findIndex((l) => l.includes("seam.spaces.make(")) + 1;
    expect(found.map((r) => [r.line, r.class, r.kinds, r.language, r.role])).toEqual([[line, "drift", ["unknown-method"], "python", "sample"]]);
  });

  describe("single mutations of corpus pages", () => {
    test.each(MUTATIONS.map((m) => [m.name, m] as const))("%s", (_name, m) => {
      const original = readFileSync(path.join(pages(), m.page), "utf8");
      const mutated = m.mutate(original);
      expect(mutated).not.toBe(original);
      const docs = path.join(tmp, "mutated", m.name.replace(/\W+/g, "-"));
      mkdirSync(path.dirname(path.join(docs, m.page)), { recursive: true });
      writeFileSync(path.join(docs, m.page), mutated);
      const found = notIdentical(verifyDocs(api, { docs, displayRoot: docs }).results);
      expect(found.map((r) => ({ file: r.file, line: r.line, class: r.class, kinds: r.kinds, language: r.language, role: r.role }))).toEqual([
        { file: m.page, line: lineOf(mutated, m.want.lineText, m.want.occurrence) + (m.want.offset ?? 0), class: m.want.class, kinds: m.want.kinds, language: m.want.language, role: m.want.role },
      ]);
      expect(found[0]?.diff).toMatch(/^--- /);
    });
  });

  test("the CLI exits 0 on the corpus and 1 on a drifted page; formatting-only fails only with --strict", async () => {
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const code = await runCli(["verify", "--spec", specDir, "--examples", "warn", ...args], { out: (l) => out.push(l), err: (l) => out.push(l) });
      return { code, text: out.join("\n") };
    };
    const clean = await run("--docs", pages());
    expect(clean.code).toBe(0);
    expect(clean.text).toMatch(/49 files, \d+ blocks: \d+ identical, 0 formatting-only, 0 drift/);
    const drifted = path.join(tmp, "mutated", MUTATIONS[0]!.name.replace(/\W+/g, "-"));
    const bad = await run("--docs", drifted, "--json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.text).counts.drift).toBe(1);
    const layout = path.join(tmp, "mutated", MUTATIONS.find((m) => m.want.class === "formatting-only")!.name.replace(/\W+/g, "-"));
    expect((await run("--docs", layout)).code).toBe(0);
    expect((await run("--docs", layout, "--strict")).code).toBe(1);
  }, 60_000);

  describe.skipIf(!SEEDS)("seeds", () => {
    const seed = (name: string) => verifyDocs(api, { docs: path.join(SEEDS, name), displayRoot: SEEDS });
    const brief = (r: BlockResult) => `${r.line} ${r.class} ${r.language} ${r.role} ${r.kinds.join(",")}`.trim();

    test("000 (older GitBook template): PHP without trailing comma and a plain `void` Response are formatting-only", () => {
      const report = seed("000_463e1e9cf09aa515.txt");
      expect(notIdentical(report.results).map(brief)).toEqual(["106 formatting-only php request", "165 formatting-only returns returns"]);
      expect(report.results.every((r) => r.endpoint === "/spaces/remove_devices")).toBe(true);
      expect(report.counts.identical).toBe(11 + 1);
    });

    test("001 (older GitBook template: **Code:** headings, *** rules, empty PHP output block): identical blocks", () => {
      const report = seed("001_46cf7df18cfbafef.txt");
      expect(notIdentical(report.results)).toEqual([]);
      expect(report.results).toHaveLength(12 + 2);
      expect(new Set(report.results.map((r) => r.endpoint))).toEqual(new Set(["/user_identities/revoke_access_to_device"]));
    });

    test("003 (Mintlify page): the six x-codeSamples of its YAML block and its status codes are identical", () => {
      const report = seed("003_517f62c162a0e2fa.txt");
      expect(notIdentical(report.results)).toEqual([]);
      expect(report.results.map((r) => r.language)).toEqual(["javascript", "curl", "python", "ruby", "php", "cli", "status-codes"]);
      const text = readFileSync(path.join(SEEDS, "003_517f62c162a0e2fa.txt"), "utf8").split("\n");
      expect(text[report.results[0]!.line - 1]).toMatch(/- lang: javascript/);
    });
  });
});

function listPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? listPages(abs) : [abs];
  });
}
