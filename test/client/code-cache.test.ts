// typescript loaded through V8's code cache (generator/code-cache.ts) in fresh processes: the first writes the cache after
// use, the next uses it, a damaged one is rejected by V8 and written again, and the cache off means a plain require.
// Each run is a child process (a module loads once per process); the module is the real typescript package.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { HEAP_GROWING } from "../../bin/v8-flags.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-code-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = `
import { requireCached, saveCodeCaches, codeCacheLoads, hasUnsavedCodeCaches } from "./generator/code-cache.ts";
import { createRequire } from "node:module";
const unsaved = [hasUnsavedCodeCaches()];
const ts = requireCached(import.meta.url, "typescript");
unsaved.push(hasUnsavedCodeCaches());
const again = createRequire(import.meta.url)("typescript");
const f = ts.factory;
const node = f.createTypeAliasDeclaration(undefined, "Id", undefined, f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword));
const text = ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, ts.createSourceFile("x.ts", "", ts.ScriptTarget.ESNext));
await saveCodeCaches();
unsaved.push(hasUnsavedCodeCaches());
console.log(JSON.stringify({ loads: codeCacheLoads.map((l) => l.cache), unsaved, same: again === ts, version: ts.version, text }));
`;

function run(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { loads: string[]; unsaved: boolean[]; same: boolean; version: string; text: string };
}

test("absent, then used; damaged, rejected and rewritten; off, not used", () => {
  const cacheDir = path.join(tmp, "cache");
  const env = { SPECSMITH_CACHE_DIR: cacheDir, SPECSMITH_CACHE: "" };
  const first = run(env);
  // Before the require, after it, after saving: a cache to write only between the last two (what a worker reports).
  expect(first).toMatchObject({ loads: ["absent"], unsaved: [false, true, false], same: true, text: "type Id = string;" });
  expect(first.version).toBe((JSON.parse(spawnSync(process.execPath, ["-p", "JSON.stringify(require('typescript').version)"], { cwd: REPO, encoding: "utf8" }).stdout) as string));
  const bins = readdirSync(path.join(cacheDir, "v8"));
  expect(bins).toHaveLength(1);
  expect(run(env)).toMatchObject({ loads: ["used"], unsaved: [false, false, false], same: true, text: "type Id = string;" });

  const bin = path.join(cacheDir, "v8", bins[0]!);
  expect(statSync(bin).mode & 0o777).toBe(0o600);
  // A file another user could have written (group- or world-writable) is not given to V8.
  chmodSync(bin, 0o666);
  expect(run(env)).toMatchObject({ loads: ["absent"], text: "type Id = string;" });
  expect(statSync(bin).mode & 0o777).toBe(0o600);
  writeFileSync(bin, "not V8 code cache data");
  expect(run(env)).toMatchObject({ loads: ["rejected"], text: "type Id = string;" });
  expect(run(env)).toMatchObject({ loads: ["used"] });

  const offDir = path.join(tmp, "off");
  expect(run({ SPECSMITH_CACHE_DIR: offDir, SPECSMITH_CACHE: "off" })).toMatchObject({ loads: [], text: "type Id = string;" });
  expect(existsSync(offDir)).toBe(false);
}, 60_000);

// The build's cache (dist/v8, made by scripts/build-caches.js under the flags bin/specsmith.js sets): used with the
// cache off and while the cache directory has none; rejected by V8 under other flags, and then typescript compiles
// as usual. Run against the build (npm ci makes it); from sources there is no build cache.
const DIST_SCRIPT = `
import v8 from "node:v8";
if (process.env.HEAP_FLAG) v8.setFlagsFromString(process.env.HEAP_FLAG);
const { requireCached, codeCacheLoads } = await import("./dist/code-cache.js");
const ts = requireCached(import.meta.url, "typescript");
const f = ts.factory;
const node = f.createTypeAliasDeclaration(undefined, "Id", undefined, f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword));
const text = ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, ts.createSourceFile("x.ts", "", ts.ScriptTarget.ESNext));
console.log(JSON.stringify({ loads: codeCacheLoads.map((l) => [l.cache, l.from]), text }));
`;
const built = existsSync(path.join(REPO, "dist/v8"));

test.skipIf(!built && !process.env["CI"])("the build's cache: used with the cache off or empty, rejected under other V8 flags", () => {
  expect(readdirSync(path.join(REPO, "dist/v8")).filter((f) => f.startsWith("typescript.js-"))).toHaveLength(1);
  const runDist = (env: Record<string, string>) => {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", DIST_SCRIPT], { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } });
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as { loads: string[][]; text: string };
  };
  const asBin = { HEAP_FLAG: HEAP_GROWING };
  expect(runDist({ ...asBin, SPECSMITH_CACHE: "off" })).toEqual({ loads: [["used", "build"]], text: "type Id = string;" });
  // A cache directory without a cache of its own: the build's, and none is written there (it was accepted).
  const empty = path.join(tmp, "empty");
  expect(runDist({ ...asBin, SPECSMITH_CACHE_DIR: empty, SPECSMITH_CACHE: "" })).toEqual({ loads: [["used", "build"]], text: "type Id = string;" });
  expect(existsSync(path.join(empty, "v8"))).toBe(false);
  // Other flags: V8 rejects it; typescript still loads.
  expect(runDist({ HEAP_FLAG: "--heap-growing-percent=30", SPECSMITH_CACHE: "off" })).toEqual({ loads: [["rejected", "build"]], text: "type Id = string;" });
}, 60_000);
