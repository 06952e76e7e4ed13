// createRenderEnv reuses the last environment (its compiled templates) only while no template file changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createRenderEnv } from "../../generator/render/env.js";

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
