// A target whose files stream to the write worker while it renders (into a new directory) and then fails: nothing
// of it appears, no staging directory is left, and the error is the render's. The shared file (api.json) fails to
// render here after every endpoint's file was sent, in batches of 2.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runGenerate, tuning } from "../../generator/pipeline.js";
import { STREAM_BATCH_FILES } from "../../generator/write/index.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let tmp: string;
const saved = { ...process.env };

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-stream-"));
  process.env["SPECSMITH_CACHE"] = "off";
  tuning.streamBatchFiles = 2;
});
afterAll(() => {
  tuning.streamBatchFiles = STREAM_BATCH_FILES;
  process.env = saved;
  rmSync(tmp, { recursive: true, force: true });
});

test("a target that fails after streaming its files leaves nothing of them", async () => {
  const templates = path.join(tmp, "templates/model");
  mkdirSync(templates, { recursive: true });
  writeFileSync(path.join(templates, "api.json.hbs"), "{{> no_such_partial}}\n");
  const out = path.join(tmp, "out");
  const spec = path.join(REPO, "spec/keyhub");
  await expect(runGenerate({ spec, out, targets: ["model/json"], templates: path.join(tmp, "templates") })).rejects.toThrow(/no_such_partial/);
  const left = existsSync(out) ? readdirSync(out, { recursive: true, encoding: "utf8" }) : [];
  expect(left.filter((rel) => rel.includes("staging") || rel.includes("model"))).toEqual([]);
  // The same run without the broken template streams and writes every file.
  rmSync(templates, { recursive: true });
  const [report] = await runGenerate({ spec, out, targets: ["model/json"] });
  expect(report?.result.written.length).toBeGreaterThan(20);
  expect(readdirSync(path.join(out, "keyhub"), { recursive: true, encoding: "utf8" }).filter((rel) => rel.includes("staging"))).toEqual([]);
});
