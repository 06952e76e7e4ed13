// Incremental generation (parts reused from the previous run) must leave exactly the tree a from-scratch
// generate makes: after each edit, the incrementally updated tree is compared file by file with a fresh
// generate (cache off) of the same spec into an empty directory.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import YAML from "yaml";
import { forgetCacheMemory } from "../../generator/load/cache-store.js";
import { forgetPartMemory } from "../../generator/parts-cache.js";
import { runGenerate, tuning, type ApiReport } from "../../generator/pipeline.js";
import { STREAM_BATCH_FILES } from "../../generator/write/index.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function listTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    const abs = path.join(root, rel);
    try {
      files.set(rel.split(path.sep).join("/"), readFileSync(abs, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EISDIR") throw error;
    }
  }
  return files;
}

// Outputs probed up front in the write worker (as on large specs), or stat'ed and listed as needed (small ones);
// targets rendering into a new directory stream their files to the write worker in batches of 3 (as large specs'
// do in batches of STREAM_BATCH_FILES), or in one piece.
const cases = ["keyhub", "groups"].flatMap((api) => [
  [api, "outputs probed in the write worker, files streamed in batches", 0, 3],
  [api, "outputs stat'ed as needed", Infinity, 256],
]) as [string, string, number, number][];

describe.each(cases)("incremental generate of spec/%s equals a fresh generate (%s)", (api, _mode, probeMinOutputs, streamBatchFiles) => {
  let tmp: string;
  let spec: string;
  let out: string;
  const savedEnv = { ...process.env };

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-incr-"));
    spec = path.join(tmp, "spec", api);
    out = path.join(tmp, "out");
    cpSync(path.join(REPO, "spec", api), spec, { recursive: true });
    process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache");
    delete process.env["SPECSMITH_CACHE"];
    tuning.probeMinOutputs = probeMinOutputs;
    tuning.streamBatchFiles = streamBatchFiles;
  });
  afterAll(() => {
    tuning.probeMinOutputs = 1000;
    tuning.streamBatchFiles = STREAM_BATCH_FILES;
    process.env = savedEnv;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Incremental run into `out` (fresh process memory when `cold`), then a from-scratch run to compare with. */
  async function generateAndCompare(label: string, opts: { cold?: boolean } = {}): Promise<ApiReport> {
    if (opts.cold) {
      forgetPartMemory();
      forgetCacheMemory();
    }
    const [report] = await runGenerate({ spec, out });
    const fresh = path.join(tmp, `fresh-${label}`);
    process.env["SPECSMITH_CACHE"] = "off";
    try {
      await runGenerate({ spec, out: fresh });
    } finally {
      delete process.env["SPECSMITH_CACHE"];
    }
    const got = listTree(out);
    const want = listTree(fresh);
    expect([...got.keys()].sort(), label).toEqual([...want.keys()].sort());
    for (const [rel, content] of want) expect(got.get(rel), `${label}: ${rel}`).toBe(content);
    expect(want.size).toBeGreaterThan(10);
    return report as ApiReport;
  }

  /** The first endpoint file that defines no components of its own (an edit of one that does re-renders all). */
  function firstEndpointFile(): string {
    const files = readdirSync(spec, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml") && !f.endsWith("_api.yaml"))
      .sort()
      .map((f) => path.join(spec, f));
    const own = (f: string) => Object.keys((YAML.parse(readFileSync(f, "utf8")) as { components?: object }).components ?? {});
    const file = files.find((f) => own(f).every((kind) => kind === "securitySchemes"));
    expect(file).toBeDefined();
    return file as string;
  }

  test("first run, then an unchanged rerun reuses every part", async () => {
    await generateAndCompare("first");
    const again = await generateAndCompare("again", { cold: true });
    expect(again.result.written).toEqual([]);
    expect(again.reused).toBeGreaterThan(0);
  });

  test("an endpoint's description changes", async () => {
    const file = firstEndpointFile();
    const text = readFileSync(file, "utf8");
    const edited = text.replace(/summary: ([^>|\n].*)\n/, (_m, d: string) => `summary: ${d} Edited\n`);
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const report = await generateAndCompare("edited", { cold: true });
    expect(report.result.written.length).toBeGreaterThan(0);
    expect(report.reused).toBeGreaterThan(0);
  });

  test("fragments the part store cannot read back are rendered again, and the tree equals a fresh one", async () => {
    // Every bucket's fragments line (its second) damaged, the same length: keys, files and hashes still read.
    const stores = path.join(tmp, "cache", "parts");
    let damaged = 0;
    for (const rel of readdirSync(stores, { recursive: true, encoding: "utf8" })) {
      if (!/(^|[/\\])parts\.[^/\\]+\.json$/.test(rel)) continue;
      const file = path.join(stores, rel);
      const text = readFileSync(file, "utf8");
      const at = text.indexOf("\n");
      expect(at, rel).toBeGreaterThan(0);
      writeFileSync(file, text.slice(0, at + 1) + "x".repeat(text.length - at - 1));
      damaged++;
    }
    expect(damaged).toBeGreaterThan(10);
    const file = firstEndpointFile();
    writeFileSync(file, readFileSync(file, "utf8").replace(/summary: ([^>|\n].*)\n/, (_m, d: string) => `summary: ${d} Damaged\n`));
    // Shared files assemble (the summary is in them): their fragments are read then, and found damaged.
    const report = await generateAndCompare("damaged-fragments", { cold: true });
    expect(report.reused).toBeGreaterThan(0); // targets that keep their shared files never read them
  });

  test("an endpoint file is added, then removed", async () => {
    const file = firstEndpointFile();
    const text = readFileSync(file, "utf8");
    const rel = path.relative(spec, file).split(path.sep).join("/").replace(/\.yaml$/, "");
    const copyPath = `/${rel}_copy`;
    const copy = text.replace(new RegExp(`^  /${rel.replace(/[{}]/g, "\\$&")}:`, "m"), `  ${copyPath}:`).replace(/operationId: (\w+)/g, "operationId: $1Copy")
      .replace(/x-fern-sdk-method-name: (\w+)/g, "x-fern-sdk-method-name: $1_copy");
    expect(copy).not.toBe(text);
    writeFileSync(path.join(spec, `${rel}_copy.yaml`), copy);
    await generateAndCompare("added");
    unlinkSync(path.join(spec, `${rel}_copy.yaml`));
    await generateAndCompare("removed", { cold: true });
  });

  test("an endpoint file that defines components of its own changes", async (ctx) => {
    const files = readdirSync(spec, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml") && !f.endsWith("_api.yaml"))
      .map((f) => path.join(spec, f));
    const own = (f: string) => Object.keys((YAML.parse(readFileSync(f, "utf8")) as { components?: object }).components ?? {});
    const file = files.find((f) => own(f).some((kind) => kind !== "securitySchemes"));
    if (!file) return ctx.skip(`spec/${api} has no endpoint file with components of its own`);
    const text = readFileSync(file, "utf8");
    const edited = text.replace(/summary: ([^>|\n].*)\n/, (_m, d: string) => `summary: ${d} Again\n`);
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    await generateAndCompare("own-components", { cold: true });
  });

  test("the shared _api.yaml changes (every part re-renders)", async () => {
    const shared = path.join(spec, "_api.yaml");
    writeFileSync(shared, readFileSync(shared, "utf8").replace(/title: (.+)\n/, (_m, t: string) => `title: ${t} Two\n`));
    const report = await generateAndCompare("shared");
    expect(report.reused).toBe(0);
  });

  test.each([true, false])("a generated file edited or deleted by hand is restored (fresh process: %s)", async (cold) => {
    const files = [...listTree(out).keys()].filter((f) => f.endsWith(".md")).sort();
    appendFileSync(path.join(out, files[0] as string), "hand edit\n");
    unlinkSync(path.join(out, files[1] as string));
    const report = await generateAndCompare(`tampered-${cold}`, { cold });
    expect(report.result.written).toEqual(expect.arrayContaining([files[0], files[1]]));
  });

  test.each([true, false])("a stray file dropped into an owned directory is removed (fresh process: %s)", async (cold) => {
    const md = [...listTree(out).keys()].filter((f) => f.endsWith(".md")).sort()[0] as string;
    const stray = path.join(path.dirname(md), `stray-${cold}.md`);
    writeFileSync(path.join(out, stray), "not generated\n");
    const report = await generateAndCompare(`stray-${cold}`, { cold });
    expect(report.result.removed).toEqual([stray.split(path.sep).join("/")]);
    expect(report.reused).toBeGreaterThan(0);
  });
});
