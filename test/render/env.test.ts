// createRenderEnv reuses the last environment (its compiled templates) only while no template file changed; a
// fresh process evaluates the compiled source kept in the cache directory instead of compiling again.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Handlebars from "handlebars";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { createRenderEnv } from "../../generator/render/env.js";
import { forgetTemplateCache, saveTemplateCache, templateKey } from "../../generator/render/template-cache.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-env-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("an override template edited (even to the same size) is compiled again; unchanged, the environment is reused", () => {
  const dir = path.join(tmp, "templates");
  mkdirSync(path.join(dir, "custom"), { recursive: true });
  const file = path.join(dir, "custom", "page.hbs");
  writeFileSync(file, "A {{name}}\n");
  const first = createRenderEnv({ overrideDir: dir });
  expect(first.render("custom", "page", { name: "x" })).toBe("A x\n");
  expect(createRenderEnv({ overrideDir: dir })).toBe(first);

  writeFileSync(file, "B {{name}}\n");
  const second = createRenderEnv({ overrideDir: dir });
  expect(second).not.toBe(first);
  expect(second.render("custom", "page", { name: "x" })).toBe("B x\n");

  writeFileSync(path.join(dir, "custom", "other.hbs"), "new file\n");
  expect(createRenderEnv({ overrideDir: dir })).not.toBe(second);
  expect(createRenderEnv()).not.toBe(createRenderEnv({ overrideDir: dir }));
});

test("warm compiles every template and partial ahead (override first), and registers partials only as their folder renders", () => {
  const dir = path.join(tmp, "warm");
  for (const folder of ["one/partials", "two/partials", "two/sub"]) mkdirSync(path.join(dir, folder), { recursive: true });
  const write = (rel: string, text: string) => writeFileSync(path.join(dir, rel), text);
  write("one/page.hbs", "one {{> part}}\n");
  write("one/partials/part.hbs", "from one");
  write("two/page.hbs", "two {{> part}}\n");
  write("two/partials/part.hbs", "from two");
  write("two/sub/deep.hbs", "deep {{name}}\n");
  const env = createRenderEnv({ overrideDir: dir });
  env.warm?.();
  // Compiled already: what is on disk now is not read again by this environment (a watch session makes a new
  // one when a template file changes).
  for (const rel of ["one/page.hbs", "one/partials/part.hbs", "two/page.hbs", "two/partials/part.hbs", "two/sub/deep.hbs"]) write(rel, "changed");
  expect(env.render("two/sub", "deep", { name: "x" })).toBe("deep x\n");
  expect(env.render("two", "sub/deep", { name: "y" })).toBe("deep y\n");
  // Both folders have a partial `part`: each folder's are registered when it first renders, as without warm.
  expect(env.render("two", "page", {})).toBe("two from two\n");
  expect(env.render("one", "page", {})).toBe("one from one\n");
  // The bundled templates (client, docs, model) are compiled too: rendering them reads no file.
  expect(env.render("model", "endpoint.json", { endpoint: { id: "/x" } })).toContain('"id": "/x"');
});

describe("compiled templates kept between runs (template-cache.ts)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    forgetTemplateCache();
  });
  const OPTIONS = { noEscape: true, strict: false, data: true };
  /** A fresh environment (a new override dir: a new stamp) over the one template custom/page.hbs. */
  let n = 0;
  const envWith = (text: string) => {
    const dir = path.join(tmp, `kept-${n++}`);
    mkdirSync(path.join(dir, "custom"), { recursive: true });
    writeFileSync(path.join(dir, "custom", "page.hbs"), text);
    return createRenderEnv({ overrideDir: dir });
  };
  const readKept = (cacheDir: string) => JSON.parse(readFileSync(path.join(cacheDir, "templates.json"), "utf8")).entries as Record<string, string>;

  test("a compiled template is saved, then evaluated by a later run instead of compiled; a damaged one is compiled again", async () => {
    const cacheDir = path.join(tmp, "cache-kept");
    process.env["SPECSMITH_CACHE_DIR"] = cacheDir;
    delete process.env["SPECSMITH_CACHE"];
    expect(envWith("Hi {{name}}").render("custom", "page", { name: "x" })).toBe("Hi x");
    await saveTemplateCache();
    const key = templateKey(Handlebars.VERSION, OPTIONS, "Hi {{name}}");
    expect(readKept(cacheDir)[key]).toBe(Handlebars.precompile("Hi {{name}}", OPTIONS));

    // Another run finds the source under the text's key and evaluates it (here: one planted for another text).
    writeFileSync(path.join(cacheDir, "templates.json"), JSON.stringify({ format: "specsmith-templates/1", entries: { [key]: Handlebars.precompile("Bye {{name}}", OPTIONS) } }));
    forgetTemplateCache();
    expect(envWith("Hi {{name}}").render("custom", "page", { name: "x" })).toBe("Bye x");

    // Not from a file another user could have written (group- or world-writable): compiled afresh.
    chmodSync(path.join(cacheDir, "templates.json"), 0o666);
    forgetTemplateCache();
    expect(envWith("Hi {{name}}").render("custom", "page", { name: "x" })).toBe("Hi x");
    writeFileSync(path.join(cacheDir, "templates.json"), JSON.stringify({ format: "specsmith-templates/1", entries: { [key]: Handlebars.precompile("Bye {{name}}", OPTIONS) } }));
    chmodSync(path.join(cacheDir, "templates.json"), 0o600);

    // A damaged source is compiled afresh, and the file is put right.
    writeFileSync(path.join(cacheDir, "templates.json"), JSON.stringify({ format: "specsmith-templates/1", entries: { [key]: "{ broken(" } }));
    forgetTemplateCache();
    expect(envWith("Hi {{name}}").render("custom", "page", { name: "y" })).toBe("Hi y");
    await saveTemplateCache();
    expect(readKept(cacheDir)[key]).toBe(Handlebars.precompile("Hi {{name}}", OPTIONS));
    expect(statSync(path.join(cacheDir, "templates.json")).mode & 0o777).toBe(0o600);
  });

  test("an edited template has another key; with the cache off nothing is written", async () => {
    const cacheDir = path.join(tmp, "cache-off");
    process.env["SPECSMITH_CACHE_DIR"] = cacheDir;
    process.env["SPECSMITH_CACHE"] = "off";
    expect(templateKey(Handlebars.VERSION, OPTIONS, "A")).not.toBe(templateKey(Handlebars.VERSION, OPTIONS, "B"));
    expect(envWith("Off {{name}}").render("custom", "page", { name: "x" })).toBe("Off x");
    await saveTemplateCache();
    expect(existsSync(cacheDir)).toBe(false);
  });
});
