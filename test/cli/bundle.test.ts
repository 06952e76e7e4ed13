// The CLI as bin/specsmith.js runs it: the build's CommonJS bundle (scripts/bundle-cli.js) loaded through V8's code
// cache (generator/code-cache.ts). Run against the build (npm ci makes it); from sources there is none.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { HEAP_GROWING } from "../../bin/v8-flags.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(REPO, "bin/specsmith.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-bundle-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const built = existsSync(path.join(REPO, "dist/cli.bundle.cjs"));

// How the bundle's code cache went in a fresh process under the given V8 flag and cache directory (none: the cache
// off), and what the bundle exports.
const LOAD_SCRIPT = `
import v8 from "node:v8";
v8.setFlagsFromString(process.env.HEAP_FLAG);
const { requireCached, codeCacheLoads } = await import("./dist/code-cache.js");
const exports = requireCached(import.meta.url, "./dist/cli.bundle.cjs");
const [{ cache, from }] = codeCacheLoads;
console.log(JSON.stringify({ cache, from, runCli: typeof exports.runCli }));
`;

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function loadInChild(flag: string, ownDir = "") {
  const cacheEnv = ownDir ? { SPECSMITH_CACHE: "", SPECSMITH_CACHE_DIR: ownDir } : { SPECSMITH_CACHE: "off" };
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", LOAD_SCRIPT], { cwd: REPO, encoding: "utf8", env: { ...process.env, HEAP_FLAG: flag, ...cacheEnv } });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { cache: string; from: string | null; runCli: string };
}

test.skipIf(!built && !process.env["CI"])("the build's code cache of the bundle: taken under the CLI's flags, refused under others", () => {
  expect(readdirSync(path.join(REPO, "dist/v8")).filter((f) => f.startsWith("cli.bundle.cjs-"))).toHaveLength(1);
  expect(loadInChild(HEAP_GROWING)).toEqual({ cache: "used", from: "build", runCli: "function" });
  // V8 refuses a cache made under other flags; the bundle then compiles as it would without one.
  expect(loadInChild("--heap-growing-percent=30")).toEqual({ cache: "rejected", from: "build", runCli: "function" });
}, 60_000);

test.skipIf(!built && !process.env["CI"])("the cache directory's copy: written after a generate that had no usable cache, then taken first", () => {
  const cacheDir = path.join(tmp, "own-cache");
  const run = (args: string[], flag?: string) => {
    const result = spawnSync(process.execPath, [...(flag ? [flag] : []), BIN, ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, SPECSMITH_CACHE: "", SPECSMITH_CACHE_DIR: cacheDir } });
    expect(result.status, result.stderr).toBe(0);
  };
  const own = () => (existsSync(path.join(cacheDir, "v8")) ? readdirSync(path.join(cacheDir, "v8")).filter((f) => f.startsWith("cli.bundle.cjs-")) : []);
  // The build's cache taken: none of its own is written.
  run(["generate", "--spec", "spec", "--out", path.join(tmp, "own-out"), "-q"]);
  expect(own()).toEqual([]);
  // Under other flags V8 refuses the build's: `--help` compiles too little to keep, a generate writes one (owner-only).
  const otherFlag = "--heap-growing-percent=30";
  run(["--help"], otherFlag);
  expect(own()).toEqual([]);
  run(["generate", "--spec", "spec", "--out", path.join(tmp, "own-out"), "-q"], otherFlag);
  expect(own()).toHaveLength(1);
  const file = path.join(cacheDir, "v8", own()[0]!);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(loadInChild(otherFlag, cacheDir)).toEqual({ cache: "used", from: "own", runCli: "function" });
  // One another user could have written is not given to V8: the build's is read instead (and refused here).
  chmodSync(file, 0o666);
  expect(loadInChild(otherFlag, cacheDir)).toEqual({ cache: "rejected", from: "build", runCli: "function" });
}, 120_000);

test.skipIf(!built && !process.env["CI"])("an installed package runs the bundle, however its files were unpacked, and keeps its code cache", () => {
  // The package's files (package.json "files": bin, dist less dist/v8, templates), without the sources beside them.
  const pkg = path.join(tmp, "installed");
  for (const dir of ["bin", "dist", "templates"]) cpSync(path.join(REPO, dir), path.join(pkg, dir), { recursive: true, filter: (src) => !src.endsWith(`${path.sep}v8`) });
  cpSync(path.join(REPO, "package.json"), path.join(pkg, "package.json"));
  symlinkSync(path.join(REPO, "node_modules"), path.join(pkg, "node_modules"));
  // Unpacked after the bundle, as npm may: in a checkout this would mean tsc ran alone since the bundle was built.
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(pkg, "dist/cli.js"), later, later);
  const cacheDir = path.join(tmp, "installed-cache");
  const generate = () => {
    const result = spawnSync(process.execPath, [path.join(pkg, "bin/specsmith.js"), "generate", "--spec", "spec", "--out", path.join(tmp, "installed-out"), "-q"], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, SPECSMITH_CACHE: "", SPECSMITH_CACHE_DIR: cacheDir },
    });
    expect(result.status, result.stderr).toBe(0);
  };
  generate();
  // Written only by a run through the bundle that had no code cache (the package has no dist/v8)…
  const own = readdirSync(path.join(cacheDir, "v8")).filter((f) => f.startsWith("cli.bundle.cjs-"));
  expect(own).toHaveLength(1);
  const file = path.join(cacheDir, "v8", own[0]!);
  const written = statSync(file).mtimeMs;
  // …and not again by the next, which took it.
  generate();
  expect(statSync(file).mtimeMs).toBe(written);
}, 120_000);

test.skipIf(!built && !process.env["CI"])("the bundle generates what the committed generated/ holds, and imports from a module", () => {
  const out = path.join(tmp, "out");
  const generate = spawnSync(process.execPath, [BIN, "generate", "--spec", "spec", "--out", out, "-q"], { cwd: REPO, encoding: "utf8", env: { ...process.env, SPECSMITH_CACHE: "off" } });
  expect(generate.stderr).toBe("");
  expect(generate.status).toBe(0);
  const committed = path.join(REPO, "generated");
  expect(filesUnder(out)).toEqual(filesUnder(committed));
  for (const rel of filesUnder(committed)) expect(readFileSync(path.join(out, rel), "utf8"), rel).toBe(readFileSync(path.join(committed, rel), "utf8"));

  // `import` of an npm package's export: a dynamic import inside the bundle's script (vm's default loader).
  const pkg = path.join(tmp, "project", "node_modules", "tiny-api");
  mkdirSync(pkg, { recursive: true });
  const doc = {
    openapi: "3.1.0",
    info: { title: "Tiny", version: "1" },
    paths: { "/things": { get: { operationId: "listThings", responses: { 200: { description: "OK" } } } } },
  };
  writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "tiny-api", type: "module", exports: "./index.js" }));
  writeFileSync(path.join(pkg, "index.js"), `export const openapi = ${JSON.stringify(doc)};\n`);
  const imported = spawnSync(process.execPath, [BIN, "import", "tiny-api#openapi", "--out", "spec/tiny", "-q"], { cwd: path.dirname(path.dirname(pkg)), encoding: "utf8" });
  expect(imported.stderr).toBe("");
  expect(imported.status).toBe(0);
  expect(readdirSync(path.join(tmp, "project", "spec", "tiny"), { recursive: true, encoding: "utf8" })).toContain("_api.yaml");
}, 120_000);

test.skipIf(!built && !process.env["CI"])("the bundle regenerates an edited endpoint (its client types printed on the main thread) as a cold run generates it", () => {
  const spec = path.join(tmp, "edit-spec");
  cpSync(path.join(REPO, "spec"), spec, { recursive: true });
  const cache = path.join(tmp, "edit-cache");
  const run = (out: string, env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [BIN, "generate", "--spec", spec, "--out", out], { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return result.stdout;
  };
  const warm = path.join(tmp, "edit-warm");
  run(warm, { SPECSMITH_CACHE: "", SPECSMITH_CACHE_DIR: cache });
  const file = path.join(spec, "groups/api/v1/groups.yaml");
  const text = readFileSync(file, "utf8");
  expect(text).toContain("summary: List groups\n");
  writeFileSync(file, text.replace("summary: List groups\n", "summary: List every group\n"));
  // Part by part (the other endpoints' parts reused), the edited one's share of the types printed on this thread.
  expect(run(warm, { SPECSMITH_CACHE: "", SPECSMITH_CACHE_DIR: cache })).toMatch(/groups: .*endpoint renders reused/);
  const cold = path.join(tmp, "edit-cold");
  run(cold, { SPECSMITH_CACHE: "off" });
  expect(filesUnder(warm)).toEqual(filesUnder(cold));
  for (const rel of filesUnder(cold)) expect(readFileSync(path.join(warm, rel), "utf8"), rel).toBe(readFileSync(path.join(cold, rel), "utf8"));
  expect(readFileSync(path.join(warm, "groups/client/src/schema.ts"), "utf8")).toContain("* List every group\n");
}, 120_000);
