// renderAround: a template around a text in pieces gives the pieces around the template's own text when the
// template prints the value once as it is, and otherwise renders the whole text; either way the same text as
// rendering the joined value.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createRenderEnv } from "../../generator/render/env.js";
import { renderAround } from "../../generator/render/render-around.js";
import { TextPieces, textOf } from "../../generator/write/text.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-around-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pieces = ['{\n  "a": ', '"x \\"quoted\\" é 😀"', ",\n  \"b\": [1, 2]\n}"];
const joined = pieces.join("");
let n = 0;

function envWith(template: string) {
  const dir = path.join(tmp, `t${n++}`);
  mkdirSync(path.join(dir, "docs/mintlify"), { recursive: true });
  writeFileSync(path.join(dir, "docs/mintlify/openapi.json.hbs"), template);
  return createRenderEnv({ overrideDir: dir });
}

test.each([
  ["the bundled template", null, true],
  ["text around the value", "// head {{#if true}}x{{/if}}\n{{documentJson}}\n// tail\n", true],
  ["the value twice", "{{documentJson}}\n{{documentJson}}\n", false],
  ["the value through a helper", "{{json documentJson}}\n", false],
  ["the value only tested", "{{#if documentJson}}present{{/if}}\n", false],
])("%s", (_name, template, inPieces) => {
  const env = template === null ? createRenderEnv() : envWith(template);
  const got = renderAround(env, "docs/mintlify", "openapi.json", {}, "documentJson", pieces);
  expect(textOf(got)).toBe(env.render("docs/mintlify", "openapi.json", { documentJson: joined }));
  expect(got instanceof TextPieces).toBe(inPieces);
  // In pieces, the given strings themselves are among them (what lets the writer copy their bytes).
  if (got instanceof TextPieces) for (const piece of pieces) expect(got.pieces).toContain(piece);
});
