// Two endpoints whose paths differ only in what a target's file names leave out (`/a/{b}` and `/a/b`: gitbook's
// pages drop the braces) would write one file: generate says so, naming both endpoints, whether the parts are all
// rendered now (cache off, or a first run) or one of them is reused from an earlier run (the other added since).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { UserError } from "../../generator/errors.js";
import { forgetCacheMemory } from "../../generator/load/cache-store.js";
import { forgetPartMemory } from "../../generator/parts-cache.js";
import { runGenerate } from "../../generator/pipeline.js";

const SHARED = `openapi: 3.0.3\ninfo: { title: Collide, version: "1" }\nservers: [{ url: "https://example.com" }]\npaths: {}\n`;

function endpointFile(apiPath: string, id: string, params = ""): string {
  return `openapi: 3.0.3\ninfo: { title: Collide, version: "1" }\npaths:\n  ${apiPath}:\n    get:\n      operationId: ${id}\n      summary: ${id}\n${params}      responses: { "200": { description: OK } }\n`;
}

const LITERAL = endpointFile("/a/b", "getLiteral");
const TEMPLATED = endpointFile("/a/{b}", "getTemplated", "      parameters: [{ name: b, in: path, required: true, schema: { type: string } }]\n");

describe("two endpoints writing one file", () => {
  let tmp = "";
  const saved = { ...process.env };
  beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-collide-"))));
  afterEach(() => {
    process.env = { ...saved };
    forgetPartMemory();
    forgetCacheMemory();
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function spec(name: string, files: Record<string, string>): string {
    const dir = path.join(tmp, name, "api");
    mkdirSync(path.join(dir, "a"), { recursive: true });
    writeFileSync(path.join(dir, "_api.yaml"), SHARED);
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
    return dir;
  }

  async function failure(dir: string, out: string): Promise<UserError> {
    const error = await runGenerate({ spec: dir, out }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }

  const expectNamesBoth = (error: UserError) => {
    expect(error.message).toContain("docs/gitbook:");
    expect(error.message).toContain("GET /a/b (a/b.yaml)");
    expect(error.message).toContain("GET /a/{b} (a/{b}.yaml)");
    expect(error.message).toContain("a/b.md");
  };

  test.each([
    ["cache off", { SPECSMITH_CACHE: "off" }],
    ["first run with the cache on", {}],
  ])("every part rendered now (%s): an error naming both endpoints, no gitbook page written", async (label, env) => {
    process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, `cache-${label}`);
    Object.assign(process.env, env);
    const dir = spec(label, { "a/b.yaml": LITERAL, "a/{b}.yaml": TEMPLATED });
    const out = path.join(tmp, `out-${label}`);
    expectNamesBoth(await failure(dir, out));
    expect(readdirSync(path.join(out, "api"))).not.toContain("docs");
  });

  test("an endpoint added after a run, whose page a reused part already has: the same error", async () => {
    process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache-added");
    delete process.env["SPECSMITH_CACHE"];
    const dir = spec("added", { "a/b.yaml": LITERAL });
    const out = path.join(tmp, "out-added");
    await runGenerate({ spec: dir, out });
    writeFileSync(path.join(dir, "a", "{b}.yaml"), TEMPLATED);
    expectNamesBoth(await failure(dir, out));
  });
});
