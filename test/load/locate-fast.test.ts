// The fast locator against yaml's positioned parse (createYamlLocator, the previous implementation kept as
// the fallback): the same line:col for every node's pointer, for missing pointers (nearest ancestor) and for
// a real load's warnings; hand-counted positions for the tricky shapes.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import YAML, { LineCounter, isMap, isScalar, isSeq, type Node } from "yaml";
import { toPointer } from "../../generator/errors.js";
import { importSpec } from "../../generator/import/index.js";
import { isFoldable } from "../../generator/import/yaml-style.js";
import { createFastLocate } from "../../generator/load/locate-fast.js";
import { createLocator, createYamlLocator } from "../../generator/load/locate.js";
import { emitYaml } from "../../generator/render/yaml-emit.js";
import { importSeamSpec, requireCorpus } from "../helpers/seam.js";
import { repoRoot } from "./fixtures.js";
import { FUZZ_SEED, mutateText, randomDocument, TRICKY_CASES } from "./yaml-fast-cases.js";

// [name, text, pointer, want "line:col", whether the fast path applies].
const TABLE: [string, string, string, string, boolean][] = [
  ["root map after comments", "# c\n\na: 1\n", "", "3:1", true],
  ["quoted keys", "'a b': 1\n\"c\": 2\n", "/c", "2:1", true],
  ["escaped key unescaped", '"a\\u0062": 1\n\'it\'\'s\': 2\n', "/it's", "2:1", true],
  ["escaped key by its value", '"a\\u0062": 1\n', "/ab", "1:1", true],
  ["key with a slash (~1)", "/pets/{id}:\n  get: 1\n", "/~1pets~1{id}/get", "2:3", true],
  ["plain keys compare as String(value)", "~: a\n1.0: b\n0x10: c\n", "/16", "3:1", true],
  ["null key is 'null', not ''", "~: a\n", "/null", "1:1", true],
  ["flow sequence item", "a: [x, 'y', {k: v, \"q\": [1]}]\n", "/a/1", "1:8", true],
  ["flow map key inside a sequence", "a: [x, 'y', {k: v, \"q\": [1]}]\n", "/a/2/q", "1:20", true],
  ["flow item inside a flow map", "a: [x, 'y', {k: v, \"q\": [1]}]\n", "/a/2/q/0", "1:26", true],
  ["flow with inner spaces", "a: { k: [ 1 , 2 ] }\n", "/a/k/1", "1:15", true],
  ["missing in a flow map: the map's key", "a: {k: 1}\n", "/a/z", "1:1", true],
  ["sequence at its key's column", "a:\n- x\n- y\nb: 1\n", "/a/1", "3:3", true],
  ["key after a sequence at its column", "a:\n- x\nb: 1\n", "/b", "3:1", true],
  ["compact map item: its first key", "- a: 1\n  b: 2\n", "/0", "1:3", true],
  ["compact map item's second key", "- a: 1\n  b: 2\n", "/0/b", "2:3", true],
  ["nested item on the next line", "-\n  # c\n  - z\n", "/0/0", "3:5", true],
  ["empty item: after the dash and spaces", "- x\n-   # c\n- y\n", "/1", "2:5", true],
  ["empty item at the end", "- x\n-", "/1", "2:2", true],
  ["block scalar item: its indicator", "- |\n  text\n", "/0", "1:3", true],
  ["key-like lines in a block scalar", "a: |\n  b: 1\nc: 2\n", "/a/b", "1:1", true],
  ["multi-line plain scalar", "a: one\n  two\nb: 1\n", "/b", "3:1", true],
  ["multi-line quoted scalar", "- \"a\n  b\"\n- c\n", "/1", "3:3", true],
  ["comment at column 0 inside a nested map", "a:\n  b: 1\n# c\n  c: 2\n", "/a/c", "4:3", true],
  ["wrong index: the sequence's key", "a:\n  - x\n", "/a/5", "1:1", true],
  ["index not a number", "a:\n  - x\n", "/a/x", "1:1", true],
  ["past a scalar: the scalar's key", "a: b\n", "/a/b/c", "1:1", true],
  ["null value: its key", "a:\nb: 1\n", "/a/x", "1:1", true],
  ["empty text", "", "/a", "1:1", true],
  ["JSON over several lines (fallback)", '{\n  "a": [1,\n    2]\n}\n', "/a/1", "3:5", false],
  ["alias resolved (fallback)", "a: &x\n  b: 1\nc: *x\n", "/c/b", "2:3", false],
];

describe("fast locator on tricky shapes (hand-counted, and equal to yaml's)", () => {
  it.each(TABLE)("%s", (_, text, pointer, want, fast) => {
    expect(createFastLocate(text) !== undefined).toBe(fast);
    const { line, col } = createLocator(text)(pointer);
    expect(`${line}:${col}`).toBe(want);
    const old = createYamlLocator(text)(pointer);
    expect(`${old.line}:${old.col}`).toBe(want);
  });
});

/** The pointer of every node of a positioned document, keys as findOffset compares them. */
function listPointers(node: unknown, at: (string | number)[] = [], out: string[] = []): string[] {
  out.push(toPointer(at));
  if (isMap(node)) for (const p of node.items) isScalar(p.key) && listPointers(p.value, [...at, String(p.key.value)], out);
  else if (isSeq(node)) node.items.forEach((item, i) => listPointers(item, [...at, i], out));
  return out;
}

/** Pointers that do not exist below `pointer`, or differ from it in the last segment. */
function missingNear(pointer: string): string[] {
  const parent = pointer.slice(0, pointer.lastIndexOf("/"));
  const last = pointer.slice(pointer.lastIndexOf("/") + 1);
  return [`${pointer}/zz-missing`, `${pointer}/0`, `${pointer}/99999`, `${parent}/${last}x`, `${parent}/-1`, `${parent}/0${last}`];
}

function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  if (items.length <= n) return [...items];
  const rand = createRandom(seed);
  return Array.from({ length: n }, () => items[Math.floor(rand() * items.length)] as T);
}

/** Compares the fast locator with yaml's for `text`'s node pointers (up to `max`) and missing ones; returns how many. */
function compareWithYaml(text: string, name: string, max = Infinity, missingMax = 2000): number {
  const fast = createFastLocate(text);
  if (!fast) return 0;
  const counter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const slow = createYamlLocator(text, { doc, counter });
  const pointers = sample(listPointers(doc.contents as Node | null), max, FUZZ_SEED);
  const all = [...pointers, ...sample(pointers, missingMax, FUZZ_SEED + 1).flatMap(missingNear)];
  const wrong: string[] = [];
  for (const p of all) {
    const [a, b] = [fast(p), slow(p)];
    if (a.line !== b.line || a.col !== b.col) wrong.push(`${p}: fast ${a.line}:${a.col}, yaml ${b.line}:${b.col}`);
  }
  expect(wrong.slice(0, 5), `${name}\n${text.length < 2000 ? text : ""}`).toEqual([]);
  return all.length;
}

describe("fast locator equals yaml's on generated texts (seeded)", () => {
  it("tricky cases, YAML.stringify styles and mutated emitter output", () => {
    let texts = 0;
    let pointers = 0;
    const count = (n: number) => void (n > 0 && (texts++, (pointers += n)));
    for (const [name, text] of TRICKY_CASES) count(compareWithYaml(text, name));
    const styles: YAML.ToStringOptions[] = [{}, { indentSeq: false, singleQuote: true }, { blockQuote: "literal" }, { collectionStyle: "flow" }, { lineWidth: 20, minContentWidth: 0 }];
    for (let i = 0; i < 1500; i++) {
      const doc = randomDocument(FUZZ_SEED + i);
      count(compareWithYaml(YAML.stringify(doc, styles[i % styles.length]), `stringified ${i}`));
      const emitted = emitYaml(doc, isFoldable);
      if (emitted !== null) count(compareWithYaml(mutateText(emitted, FUZZ_SEED + i), `mutated ${i}`));
    }
    console.log(`generated: ${texts} texts on the fast path, ${pointers} pointers equal`);
    expect(texts).toBeGreaterThan(1500);
  });
});

function listYaml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

function compareSpec(dir: string, name: string): void {
  let pointers = 0;
  let fastFiles = 0;
  const files = listYaml(dir);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const big = text.length > 1_000_000;
    const n = compareWithYaml(text, path.relative(dir, file), big ? 60_000 : Infinity, big ? 10_000 : 300);
    pointers += n;
    if (n > 0) fastFiles++;
  }
  console.log(`${name}: ${fastFiles}/${files.length} files on the fast path, ${pointers} pointers equal`);
  expect(fastFiles).toBe(files.length);
}

describe("fast locator on imported specs", () => {
  let tmp = "";
  beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-locate-fast-"))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("Seam (corpus): every node's pointer and missing ones", async (ctx) => {
    requireCorpus(ctx);
    await importSeamSpec(path.join(tmp, "seam"));
    compareSpec(path.join(tmp, "seam"), "Seam");
  }, 180_000);

  it("GitHub: every node's pointer (a sample in _api.yaml), missing ones, and a load's warnings", async () => {
    const dir = path.join(tmp, "github");
    await importSpec({ source: path.join(repoRoot, "node_modules/@octokit/openapi/generated/api.github.com.json"), out: dir });
    compareSpec(dir, "GitHub");
    await compareWarnings(dir);
  }, 300_000);
});

type LoadSpec = typeof import("../../generator/load/index.js").loadSpec;

/** loadSpec from fresh modules (no parse or locator caches), with the old locator when `old`. */
async function importLoadSpec(old: boolean): Promise<LoadSpec> {
  vi.resetModules();
  vi.doUnmock("../../generator/load/locate.js");
  if (old) {
    vi.doMock("../../generator/load/locate.js", async (importOriginal) => {
      const real = await importOriginal<typeof import("../../generator/load/locate.js")>();
      return { ...real, createLocator: real.createYamlLocator };
    });
  }
  return (await import("../../generator/load/index.js")).loadSpec;
}

async function timeLoad(dir: string, old: boolean): Promise<{ ms: number; warnings: Awaited<ReturnType<LoadSpec>>["warnings"] }> {
  const loadSpec = await importLoadSpec(old);
  const start = performance.now();
  const { warnings } = await loadSpec(dir, { examples: "warn", displayRoot: dir });
  return { ms: performance.now() - start, warnings };
}

async function compareWarnings(dir: string): Promise<void> {
  const saved = process.env["SPECSMITH_CACHE"];
  process.env["SPECSMITH_CACHE"] = "off";
  try {
    const before = await timeLoad(dir, true);
    const after = await timeLoad(dir, false);
    vi.doUnmock("../../generator/load/locate.js");
    expect(after.warnings.length).toBeGreaterThan(100);
    expect(after.warnings).toEqual(before.warnings);
    // Each warning against a fresh yaml locator, and the time to locate them all, old vs new.
    const byFile = new Map<string, typeof after.warnings>();
    for (const w of after.warnings) byFile.set(w.file, [...(byFile.get(w.file) ?? []), w]);
    let oldMs = 0;
    let newMs = 0;
    for (const [file, warnings] of byFile) {
      const text = readFileSync(path.join(dir, file), "utf8");
      const [slow, fast] = [createYamlLocator(text), createLocator(text)];
      let start = performance.now();
      const want = warnings.map((w) => slow(w.pointer));
      oldMs += performance.now() - start;
      start = performance.now();
      const got = warnings.map((w) => fast(w.pointer));
      newMs += performance.now() - start;
      expect(got, file).toEqual(want);
      expect(warnings.map((w) => ({ line: w.line, col: w.col })), file).toEqual(want);
    }
    console.log(`GitHub: ${after.warnings.length} warnings in ${byFile.size} files; locating them: yaml ${oldMs.toFixed(0)} ms, fast ${newMs.toFixed(0)} ms`);
    console.log(`GitHub cold loadSpec (SPECSMITH_CACHE=off): old locator ${before.ms.toFixed(0)} ms, fast locator ${after.ms.toFixed(0)} ms`);
  } finally {
    if (saved === undefined) delete process.env["SPECSMITH_CACHE"];
    else process.env["SPECSMITH_CACHE"] = saved;
  }
}
