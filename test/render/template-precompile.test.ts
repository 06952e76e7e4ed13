// The build's precompiled templates: each source is what Handlebars' own precompile makes of the template's text
// (the oracle), keyed as the template cache keys it; the file the build wrote holds every bundled template.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Handlebars from "handlebars";
import { afterAll, describe, expect, test } from "vitest";
import { BUNDLED_TEMPLATES } from "../../generator/render/env.js";
import {
  PRECOMPILED_FORMAT,
  PRECOMPILED_FILE,
  precompileTemplates,
  precompiledFileText,
  precompiledTemplates,
  templateTextKey,
} from "../../generator/render/template-precompile.js";

/** Fresh each time: Handlebars adds its own keys to the options object it is given. */
const options = () => ({ noEscape: true, strict: false, data: true });
const texts = readdirSync(BUNDLED_TEMPLATES, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".hbs"))
  .map((f) => readFileSync(path.join(BUNDLED_TEMPLATES, f), "utf8"));

describe("precompiled bundled templates", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-precompiled-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test("every bundled template, compiled as Handlebars.precompile compiles it, under its text's key", () => {
    const entries = precompileTemplates(BUNDLED_TEMPLATES);
    expect(texts.length).toBeGreaterThan(20);
    expect(Object.keys(entries).length).toBe(new Set(texts).size);
    for (const text of texts) expect(entries[templateTextKey(text)]).toBe(Handlebars.precompile(text, options()) as string);
    // A different text (an override) has another key.
    expect(entries[templateTextKey(`${texts[0]} `)]).toBeUndefined();
  });

  test("a compiled source renders what Handlebars.compile renders", () => {
    const text = "{{#each items}}<{{this}}>{{/each}} {{name}}";
    const source = precompileTemplates(writeTemplates({ "t/a.hbs": text }))[templateTextKey(text)]!;
    const hb = Handlebars.create();
    const spec = new Function(`return ${source};`)() as TemplateSpecification;
    const context = { items: ["a&b", "c"], name: "<x>" };
    expect(hb.template(spec)(context)).toBe(hb.compile(text, options())(context));
  });

  test("a template Handlebars cannot compile fails the build with its path", () => {
    expect(() => precompileTemplates(writeTemplates({ "t/ok.hbs": "{{a}}", "t/bad.hbs": "{{#if}}" }))).toThrow(/^template t\/bad\.hbs: /);
  });

  test("the file is read only when it is one: another format, damaged or absent give no entries", () => {
    const good = path.join(tmp, "good.json");
    writeFileSync(good, precompiledFileText(writeTemplates({ "t/a.hbs": "{{a}}" })));
    expect([...precompiledTemplates(good).keys()]).toEqual([templateTextKey("{{a}}")]);
    const other = path.join(tmp, "other.json");
    writeFileSync(other, JSON.stringify({ format: "something-else", entries: { k: "x" } }));
    expect(precompiledTemplates(other).size).toBe(0);
    const damaged = path.join(tmp, "damaged.json");
    writeFileSync(damaged, `{"format":"${PRECOMPILED_FORMAT}","entries":{`);
    expect(precompiledTemplates(damaged).size).toBe(0);
    expect(precompiledTemplates(path.join(tmp, "absent.json")).size).toBe(0);
  });

  // The build (npm ci runs it) writes the file beside the compiled modules; run from sources, this module has none.
  const built = path.join(path.dirname(PRECOMPILED_FILE), "..", "dist", "templates-precompiled.json");
  test.skipIf(!existsSync(built) && !process.env["CI"])("the build wrote every bundled template", () => {
    const entries = precompiledTemplates(built);
    for (const text of texts) expect(entries.get(templateTextKey(text)), "run npm run build").toBe(Handlebars.precompile(text, options()) as string);
  });

  let n = 0;
  function writeTemplates(files: Record<string, string>): string {
    const root = path.join(tmp, `root${n++}`);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    return root;
  }
});
