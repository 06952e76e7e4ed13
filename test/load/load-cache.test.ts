// The on-disk load cache: warm loads equal cold ones, edits re-validate dependants, damage is ignored, off means off.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../generator/errors.js";
import { findCacheDir, forgetCacheMemory, readCacheFromDisk, toCacheFile, writeCacheToDisk } from "../../generator/load/cache-store.js";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";
import { fixture } from "./fixtures.js";

let tmp = "";
let cacheDir = "";
const savedEnv = { ...process.env };

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "specsmith-cache-test-"));
  cacheDir = path.join(tmp, "cache");
  process.env["SPECSMITH_CACHE_DIR"] = cacheDir;
  delete process.env["SPECSMITH_CACHE"];
  forgetCacheMemory();
});
afterEach(async () => {
  process.env = { ...savedEnv };
  forgetCacheMemory();
  await rm(tmp, { recursive: true, force: true });
});

/** Everything a load returns that later stages read, or the full error report. */
async function loadView(dir: string): Promise<unknown> {
  try {
    const spec = await loadSpec(dir, { displayRoot: dir, examples: "warn" });
    return viewOf(spec);
  } catch (err) {
    if (err instanceof UserError) return err.report();
    throw err;
  }
}

function viewOf(spec: LoadedSpec) {
  const files = [spec.shared, ...spec.endpoints].filter((f) => f !== null);
  return { files: files.map((f) => ({ rel: f.rel, hash: f.hash, doc: f.doc, path: "path" in f ? f.path : null })), warnings: spec.warnings };
}

/** A load from the disk cache only (the in-process copy dropped). */
async function loadFromDisk(dir: string): Promise<unknown> {
  forgetCacheMemory();
  return loadView(dir);
}

async function copyFixture(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(fixture(name), dir, { recursive: true });
  return dir;
}

/** The cache as stored: the entries file with each document put back from its shard. */
async function readCacheJson(dir: string): Promise<any> {
  return readCacheFromDisk(toCacheFile(cacheDir, dir));
}

describe("warm load equals cold load", () => {
  const names = ["valid-minimal", "example-not-matching-schema", "multiple-problems", "unresolved-ref", "unsafe-name", "proto-key"];
  it.each(names)("%s", async (name) => {
    const dir = await copyFixture(name);
    process.env["SPECSMITH_CACHE"] = "off";
    const uncached = await loadView(dir);
    delete process.env["SPECSMITH_CACHE"];
    const cold = await loadView(dir);
    expect((await readdir(cacheDir)).sort()).toEqual([expect.stringMatching(/\.docs$/), expect.stringMatching(/\.json$/)]);
    const warm = await loadFromDisk(dir);
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
  });

  it("takes documents and findings from the cache when the hashes match", async () => {
    const dir = await copyFixture("example-not-matching-schema");
    await loadView(dir);
    const data = await readCacheJson(dir);
    const entry = data.files["spaces/get.yaml"];
    entry.doc.info.title = "planted";
    entry.check.examples = [{ rel: "spaces/get.yaml", pointer: "/x", message: "planted finding", line: 7, col: 3 }];
    // Forgotten first: the writer would take the shard of an unchanged hash as on disk already.
    forgetCacheMemory();
    await writeCacheToDisk(toCacheFile(cacheDir, dir), data);
    const spec = await (forgetCacheMemory(), loadSpec(dir, { displayRoot: dir, examples: "warn" }));
    expect(spec.endpoints[0]?.doc.info.title).toBe("planted");
    expect(spec.warnings.map((w) => `${w.file}:${w.line}:${w.col} ${w.message}`)).toEqual(["spaces/get.yaml:7:3 planted finding"]);
  });
});

const api = (type: string) =>
  `openapi: 3.0.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    n: { type: ${type} }\n`;
// Positions counted by hand: line 13 `                one: { value: …` has "value" at column 24; line 11 "$ref" at 25.
const endpoint = (p: string, value: string, ref = "../_api.yaml#/components/schemas/n") =>
  [
    `openapi: 3.0.0`,
    `info: { title: T, version: "1" }`,
    `paths:`,
    `  /x/${p}:`,
    `    get:`,
    `      responses:`,
    `        '200':`,
    `          description: OK`,
    `          content:`,
    `            application/json:`,
    `              schema: { $ref: "${ref}" }`,
    `              examples:`,
    `                one: { value: ${value} }`,
    ``,
  ].join("\n");

async function writeSpec(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

const warningsOf = async (dir: string) =>
  ((await loadFromDisk(dir)) as { warnings: { file: string; line: number; col: number; message: string }[] }).warnings.map(
    (w) => `${w.file}:${w.line}:${w.col} ${w.message}`,
  );

describe("editing files re-validates them and their dependants", () => {
  it("an edited _api.yaml re-checks every endpoint whose $refs reach it", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": endpoint("a", "1"), "x/b.yaml": endpoint("b", "2") });
    expect(await warningsOf(dir)).toEqual([]);
    await writeSpec(dir, { "_api.yaml": api("string") });
    expect(await warningsOf(dir)).toEqual(["x/a.yaml:13:24 must be string", "x/b.yaml:13:24 must be string"]);
    await writeSpec(dir, { "_api.yaml": api("integer") });
    expect(await warningsOf(dir)).toEqual([]);
  });

  it("an edited endpoint file is re-checked, the others are not affected", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": endpoint("a", "1"), "x/b.yaml": endpoint("b", "2") });
    expect(await warningsOf(dir)).toEqual([]);
    await writeSpec(dir, { "x/b.yaml": endpoint("b", "\"two\"") });
    expect(await warningsOf(dir)).toEqual(["x/b.yaml:13:24 must be integer"]);
  });

  it("a file that goes leaves the $refs into it unresolved (its dependants are checked again)", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": endpoint("a", "1") });
    expect(await warningsOf(dir)).toEqual([]);
    await rm(path.join(dir, "_api.yaml"));
    expect(await loadFromDisk(dir)).toMatch(/x\/a\.yaml:11:25 .* unresolved \$ref "\.\.\/_api\.yaml#\/components\/schemas\/n": file _api\.yaml not found/);
  });

  it("a file that appears resolves a $ref that pointed nowhere", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "x/a.yaml": endpoint("a", "1") });
    expect(await loadFromDisk(dir)).toBe(
      `invalid spec .: 1 problem\nx/a.yaml:11:25  /paths/~1x~1a/get/responses/200/content/application~1json/schema/$ref  unresolved $ref "../_api.yaml#/components/schemas/n": file _api.yaml not found in the spec directory`,
    );
    await writeSpec(dir, { "_api.yaml": api("string") });
    expect(await warningsOf(dir)).toEqual(["x/a.yaml:13:24 must be string"]);
  });
});

describe("findings' positions are kept in their file's entry", () => {
  const shared = (lead = "") =>
    `${lead}openapi: 3.0.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    n: { type: integer }\n  examples:\n    e: { value: "bad" }\n`;
  const user = (p: string, summary: string) =>
    endpoint(p, "1").replace(`                one: { value: 1 }`, `                one: { $ref: "../_api.yaml#/components/examples/e" }`).replace("    get:", `    get:\n      summary: ${summary}`);
  const coldWarnings = async (dir: string) => {
    process.env["SPECSMITH_CACHE"] = "off";
    try {
      return await warningsOf(dir);
    } finally {
      delete process.env["SPECSMITH_CACHE"];
    }
  };

  it("an example finding in _api.yaml is located once, and again only when _api.yaml changes", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": shared(), "x/a.yaml": user("a", "A") });
    const first = await warningsOf(dir);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^_api\.yaml:8:\d+ must be integer$/);
    expect(first).toEqual(await coldWarnings(dir));
    const pointer = "/components/examples/e/value";
    expect((await readCacheJson(dir)).files["_api.yaml"].positions).toEqual({ [pointer]: [8, expect.any(Number)] });
    // The endpoint changes: its finding in _api.yaml (unchanged) takes the kept position.
    await writeSpec(dir, { "x/a.yaml": user("a", "A, edited") });
    expect(await warningsOf(dir)).toEqual(first);
    // _api.yaml changes (two lines more above): the kept position is not used; the finding moves with the text.
    await writeSpec(dir, { "_api.yaml": shared("# one\n# two\n") });
    const moved = await warningsOf(dir);
    expect(moved).toEqual(await coldWarnings(dir));
    expect(moved[0]).toMatch(/^_api\.yaml:10:\d+ must be integer$/);
    expect((await readCacheJson(dir)).files["_api.yaml"].positions).toEqual({ [pointer]: [10, expect.any(Number)] });
  });
});

describe("a damaged cache is ignored", () => {
  const cases: [string, { damage: (data: any) => string }][] = [
    ["not JSON", { damage: () => "{ nope" }],
    ["another loader version", { damage: (d) => JSON.stringify({ ...d, version: "other", files: plant(d.files) }) }],
    ["another format", { damage: (d) => JSON.stringify({ ...d, format: "x/9", files: plant(d.files) }) }],
    ["entries of the wrong shape", { damage: (d) => JSON.stringify({ ...d, files: mangle(d.files) }) }],
    ["null files", { damage: (d) => JSON.stringify({ ...d, files: null }) }],
  ];
  it.each(cases)("%s", async (_, { damage }) => {
    const dir = await copyFixture("example-not-matching-schema");
    const cold = await loadView(dir);
    await writeFile(toCacheFile(cacheDir, dir), damage(await readCacheJson(dir)));
    expect(await loadFromDisk(dir)).toEqual(cold);
    // The next load rewrote a usable cache.
    expect((await readCacheJson(dir)).files["spaces/get.yaml"].doc.info.title).toBe((cold as any).files[0].doc.info.title);
  });
});

function plant(files: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(files).map(([rel, e]) => [rel, { ...e, doc: { planted: true } }]));
}

function mangle(files: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(files).map(([rel, e]) => [rel, { ...e, refs: 3, check: { deps: {}, findings: "x" } }]));
}

describe("SPECSMITH_CACHE=off", () => {
  it("writes nothing", async () => {
    process.env["SPECSMITH_CACHE"] = "off";
    const dir = await copyFixture("valid-minimal");
    await loadView(dir);
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/);
  });
});

describe("findCacheDir", () => {
  const cwd = path.resolve(import.meta.dirname, "../..");
  const cases: [string, { env: Record<string, string>; cwd: string; want: string | null }][] = [
    ["node_modules under the cwd", { env: {}, cwd, want: path.join(cwd, "node_modules/.cache/specsmith") }],
    ["no node_modules", { env: {}, cwd: path.join(os.tmpdir(), "no-such-dir"), want: path.join(os.tmpdir(), "specsmith-cache") }],
    ["explicit dir (relative to the cwd)", { env: { SPECSMITH_CACHE_DIR: "c" }, cwd, want: path.join(cwd, "c") }],
    ["off wins", { env: { SPECSMITH_CACHE: "off", SPECSMITH_CACHE_DIR: "c" }, cwd, want: null }],
  ];
  it.each(cases)("%s", (_, { env, cwd, want }) => expect(findCacheDir(env, cwd)).toBe(want));
});

describe("examples: off", () => {
  it("skips example validation, and a later load that needs examples validates them despite the cache", async () => {
    const dir = path.join(tmp, "spec");
    await cp(fixture("example-not-matching-schema"), dir, { recursive: true });
    const off = await loadSpec(dir, { displayRoot: dir, examples: "off" });
    expect(off.warnings).toEqual([]);
    forgetCacheMemory();
    const warn = await loadSpec(dir, { displayRoot: dir, examples: "warn" });
    expect(warn.warnings.length).toBeGreaterThan(0);
    forgetCacheMemory();
    await expect(loadSpec(dir, { displayRoot: dir, examples: "off" })).resolves.toMatchObject({ warnings: [] });
  });
});

describe("stamps: a file whose stat is unchanged since it was read is not read again", () => {
  const stampedFiles = async (dir: string) => {
    const files = (await readCacheJson(dir)).files as Record<string, { stamp?: unknown }>;
    return Object.keys(files).filter((rel) => files[rel]?.stamp !== undefined).sort();
  };

  it("only files settled for 2 s get stamps; an unread file still has its text, and its new findings are located", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": endpoint("a", "1"), "x/b.yaml": endpoint("b", "2") });
    expect(await warningsOf(dir)).toEqual([]);
    // Written just now: a change within the clock's tick could still come, so no stamp yet.
    expect(await stampedFiles(dir)).toEqual([]);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await warningsOf(dir)).toEqual([]);
    expect(await stampedFiles(dir)).toEqual(["_api.yaml", "x/a.yaml", "x/b.yaml"]);

    forgetCacheMemory();
    const spec = await loadSpec(dir, { displayRoot: dir, examples: "warn" });
    const a = spec.endpoints.find((f) => f.rel === "x/a.yaml");
    expect(a?.stamp).toBeDefined();
    expect(a?.text).toBe(await readFile(path.join(dir, "x/a.yaml"), "utf8"));
    expect(a?.doc.paths["/x/a"].get.responses["200"].content["application/json"].examples.one.value).toBe(1);

    // _api.yaml changes: the stamped endpoint files are re-checked, their findings located from their text.
    await writeSpec(dir, { "_api.yaml": api("string") });
    expect(await warningsOf(dir)).toEqual(["x/a.yaml:13:24 must be string", "x/b.yaml:13:24 must be string"]);
  }, 20_000);

  it("an edit that keeps the size and puts the mtime back is still seen (the ctime moves)", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": endpoint("a", "1") });
    const file = path.join(dir, "x/a.yaml");
    // A whole second, so that putting it back below is exact.
    const mtime = Math.floor(Date.now() / 1000) - 10;
    await utimes(file, mtime, mtime);
    await new Promise((r) => setTimeout(r, 2100));
    await loadFromDisk(dir);
    expect(await stampedFiles(dir)).toContain("x/a.yaml");
    const before = await stat(file);
    const edited = endpoint("a", "7");
    expect(Buffer.byteLength(edited)).toBe(before.size);
    await writeFile(file, edited);
    await utimes(file, mtime, mtime);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    const view = (await loadFromDisk(dir)) as { files: { rel: string; doc: any }[] };
    const doc = view.files.find((f) => f.rel === "x/a.yaml")?.doc;
    expect(doc.paths["/x/a"].get.responses["200"].content["application/json"].examples.one.value).toBe(7);
  }, 20_000);
});

describe("documents are stored in shards by content hash", () => {
  it("an edit rewrites the entries file and the shards of the old and new document only; a lost shard drops its entries", async () => {
    const dir = path.join(tmp, "api");
    const files: Record<string, string> = { "_api.yaml": api("integer") };
    for (let i = 0; i < 24; i++) files[`x/e${i}.yaml`] = endpoint(`e${i}`, String(i));
    await writeSpec(dir, files);
    expect(await warningsOf(dir)).toEqual([]);
    const docsDir = toCacheFile(cacheDir, dir).replace(/\.json$/, ".docs");
    const mtimes = async () => new Map(await Promise.all((await readdir(docsDir)).map(async (n) => [n, (await stat(path.join(docsDir, n))).mtimeMs] as const)));
    const before = await mtimes();
    expect(before.size).toBeGreaterThan(4);
    const oldHash = (await readCacheJson(dir)).files["x/e3.yaml"].hash as string;
    await new Promise((r) => setTimeout(r, 20));
    await writeSpec(dir, { "x/e3.yaml": endpoint("e3", "33") });
    expect(await warningsOf(dir)).toEqual([]);
    const newHash = (await readCacheJson(dir)).files["x/e3.yaml"].hash as string;
    const after = await mtimes();
    const changed = [...after].filter(([n, t]) => before.get(n) !== t).map(([n]) => n);
    const expected = [...new Set([`${oldHash[0]}.json`, `${newHash[0]}.json`])].filter((n) => after.has(n));
    expect(changed.sort()).toEqual(expected.sort());

    // A lost shard: its files are read and parsed again, the load is the same.
    const cold = await loadFromDisk(dir);
    await rm(path.join(docsDir, `${newHash[0]}.json`));
    forgetCacheMemory();
    const data = await readCacheJson(dir);
    expect(data.files["x/e3.yaml"]).toBeUndefined();
    expect(await loadFromDisk(dir)).toEqual(cold);
    expect((await readCacheJson(dir)).files["x/e3.yaml"].doc).toBeDefined();
  });
});

describe("top-level members that documents repeat are stored once", () => {
  // Every endpoint file carries the API's tag list (as an import writes them), long enough to be worth sharing.
  const tags = Array.from({ length: 12 }, (_, i) => `  - name: tag${i}\n    description: The tag number ${i} of this API, described at some length.`).join("\n");
  const withTags = (p: string, value: string) => endpoint(p, value).replace("paths:", `tags:\n${tags}\npaths:`);

  it("a warm load equals a cold one, the documents share one value, and a bucket is rewritten when its sharing changes", async () => {
    const dir = path.join(tmp, "api");
    const files: Record<string, string> = { "_api.yaml": api("integer") };
    for (let i = 0; i < 6; i++) files[`x/e${i}.yaml`] = withTags(`e${i}`, String(i));
    await writeSpec(dir, files);
    process.env["SPECSMITH_CACHE"] = "off";
    const uncached = await loadView(dir);
    delete process.env["SPECSMITH_CACHE"];
    expect(await loadView(dir)).toEqual(uncached);
    const docsDir = toCacheFile(cacheDir, dir).replace(/\.json$/, ".docs");
    const sharedShard = JSON.parse(await readFile(path.join(docsDir, "shared.json"), "utf8")) as { values: Record<string, unknown> };
    expect(Object.values(sharedShard.values)).toEqual([(uncached as any).files[1].doc.tags]);
    // The tag list's text is in the shared shard alone.
    for (const name of await readdir(docsDir)) {
      if (name !== "shared.json") expect(await readFile(path.join(docsDir, name), "utf8"), name).not.toContain("tag number 3");
    }
    forgetCacheMemory();
    const spec = await loadSpec(dir, { displayRoot: dir, examples: "warn" });
    expect(viewOf(spec)).toEqual(uncached);
    expect(JSON.stringify(viewOf(spec))).toBe(JSON.stringify(uncached));
    expect(new Set(spec.endpoints.map((e) => e.doc.tags)).size).toBe(1);

    // One file's tags change: it no longer shares them; the others still do. The next warm load equals a cold one.
    await new Promise((r) => setTimeout(r, 20));
    await writeSpec(dir, { "x/e2.yaml": withTags("e2", "2").replace("tag number 3", "tag number three") });
    process.env["SPECSMITH_CACHE"] = "off";
    const edited = await loadView(dir);
    delete process.env["SPECSMITH_CACHE"];
    expect(await loadFromDisk(dir)).toEqual(edited);
    expect(await loadFromDisk(dir)).toEqual(edited);
    // The shared shard lost: the documents naming its values (all but the edited one) are read again, and the load
    // is the same.
    await rm(path.join(docsDir, "shared.json"));
    forgetCacheMemory();
    expect(Object.keys((await readCacheJson(dir)).files).filter((rel) => rel.startsWith("x/"))).toEqual(["x/e2.yaml"]);
    expect(await loadFromDisk(dir)).toEqual(edited);
    expect(await readFile(path.join(docsDir, "shared.json"), "utf8")).toContain("tag number 3");
    expect(await loadFromDisk(dir)).toEqual(edited);
  });

  it("a document whose member is no longer shared is stored whole again (its bucket is rewritten, its hash unchanged)", async () => {
    const dir = path.join(tmp, "two");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": withTags("a", "1"), "x/b.yaml": withTags("b", "2") });
    await loadView(dir);
    const docsDir = toCacheFile(cacheDir, dir).replace(/\.json$/, ".docs");
    expect(await readdir(docsDir)).toContain("shared.json");
    await new Promise((r) => setTimeout(r, 20));
    await writeSpec(dir, { "x/b.yaml": withTags("b", "2").replace("tag number 3", "tag number three") });
    await loadFromDisk(dir);
    // Nothing is shared now; a.yaml's document (same hash) is in the cache, whole, not lost to a stale marker.
    expect(await readdir(docsDir)).not.toContain("shared.json");
    forgetCacheMemory();
    const files = (await readCacheJson(dir)).files;
    expect(files["x/a.yaml"]?.doc?.tags?.length).toBe(12);
    expect(files["x/b.yaml"]?.doc?.tags?.length).toBe(12);
  });

  it("members holding a $ref, short ones, and ones no other document has are kept in each document", async () => {
    const { findSharedMembers, restoreSharedMembers, SHARED_KEY } = await import("../../generator/load/shared-members.js");
    const long = "x".repeat(300);
    const docs = [
      { a: { text: long }, r: { $ref: "#/x", text: long }, s: { v: 1 }, u: { text: long + "1" } },
      { a: { text: long }, r: { $ref: "#/x", text: long }, s: { v: 1 }, u: { text: long + "2" } },
      { s: { v: 1 }, a: { text: long } },
    ];
    const shared = findSharedMembers(docs);
    expect([...shared.values.values()]).toEqual([{ text: long }]);
    const stored = docs.map((d) => JSON.parse(JSON.stringify(shared.stored(d))));
    expect(stored.map((d) => Object.keys(d).filter((k) => typeof d[k] === "object" && SHARED_KEY in d[k]))).toEqual([["a"], ["a"], ["a"]]);
    const restored = stored.map((d) => restoreSharedMembers(d, shared.values));
    expect(restored.map((d) => JSON.stringify(d))).toEqual(docs.map((d) => JSON.stringify(d)));
    // A document with a member of the marker's own shape: nothing is shared.
    expect(findSharedMembers([...docs, { a: { [SHARED_KEY]: "x" } }]).values.size).toBe(0);
    // A marker naming a value that is not there: the document is lost (its file is read again).
    expect(restoreSharedMembers({ a: { [SHARED_KEY]: "missing" } }, shared.values)).toBeNull();
  });
});

describe("a cache of another loader version", () => {
  it("is replaced whole: its document shards are rewritten, so the next load finds every document", async () => {
    const dir = await copyFixture("valid-minimal");
    const cold = await loadView(dir);
    const file = toCacheFile(cacheDir, dir);
    const data = await readCacheJson(dir);
    // What an older specsmith left: the same entries and documents under another version.
    forgetCacheMemory();
    await writeCacheToDisk(file, { ...data, version: "older" });
    // This process read the old shards (as a new run would), then loads and saves.
    expect(await loadFromDisk(dir)).toEqual(cold);
    forgetCacheMemory();
    const again = await readCacheJson(dir);
    expect(Object.keys(again.files).sort()).toEqual(Object.keys(data.files).sort());
    for (const [rel, entry] of Object.entries(data.files as Record<string, { doc?: unknown }>)) expect(again.files[rel].doc, rel).toEqual(entry.doc);
    expect(Object.values(again.files).some((e: any) => e.doc !== undefined)).toBe(true);
  });
});

describe("crash leftovers among the document shards", () => {
  it("a temp file over a minute old is removed by the next write; a fresh one (another process's) is left", async () => {
    const dir = path.join(tmp, "api");
    await writeSpec(dir, { "_api.yaml": api("integer"), "x/a.yaml": endpoint("a", "1") });
    await loadFromDisk(dir);
    const docsDir = toCacheFile(cacheDir, dir).replace(/\.json$/, ".docs");
    const old = path.join(docsDir, "3.json.123.abc.tmp");
    const fresh = path.join(docsDir, "4.json.456.def.tmp");
    await writeFile(old, "partial");
    await writeFile(fresh, "partial");
    const past = (Date.now() - 120_000) / 1000;
    await utimes(old, past, past);
    await writeSpec(dir, { "x/a.yaml": endpoint("a", "2") });
    await loadFromDisk(dir);
    const names = await readdir(docsDir);
    expect(names).not.toContain(path.basename(old));
    expect(names).toContain(path.basename(fresh));
  });
});
