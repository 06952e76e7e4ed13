import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { listTree, type Tree } from "../../generator/write/file-ops.js";
import { createTreeWriter, listFiles, type TreeWriterOptions } from "../../generator/write/index.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "specsmith-tree-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

/** Where run() writes: Infinity, on the main thread; 0, every prefix in the write worker. */
let offloadMinFiles = Infinity;

/** One writer run: each [prefix, files] added in order, then finished. */
async function run(adds: [string, Map<string, string>][], opts: Partial<TreeWriterOptions> = {}) {
  const writer = createTreeWriter({ root, offloadMinFiles, ...opts });
  for (const [prefix, map] of adds) writer.add(prefix, map);
  return writer.finish();
}

/** A Map whose iteration calls `onEntry` before yielding each entry (to look at the disk mid-write, or fail). */
class WatchedMap extends Map<string, string> {
  constructor(entries: Record<string, string>, private readonly onEntry: (index: number) => void) {
    super(Object.entries(entries));
  }
  override *[Symbol.iterator](): MapIterator<[string, string]> {
    let i = 0;
    for (const entry of super.entries()) {
      this.onEntry(i++);
      yield entry;
    }
  }
}

describe("createTreeWriter: absent prefix dir (built aside, renamed in)", () => {
  test("the complete tree appears, nothing else is left in the parent", async () => {
    const want = files({ "x.md": "1", "d/e/y.md": "2", "d/z.md": "héllo" });
    const result = await run([["api/docs/gitbook", want]]);
    expect(result.written).toEqual(["api/docs/gitbook/d/e/y.md", "api/docs/gitbook/d/z.md", "api/docs/gitbook/x.md"]);
    expect(await listFiles(path.join(root, "api/docs/gitbook"))).toEqual(["d/e/y.md", "d/z.md", "x.md"]);
    for (const [rel, content] of want) expect(await readFile(path.join(root, "api/docs/gitbook", rel), "utf8")).toBe(content);
    expect(await readdir(path.join(root, "api/docs"))).toEqual(["gitbook"]);
  });

  test("the target dir does not exist while its files are being written", async () => {
    const target = path.join(root, "api/model");
    const seen: boolean[] = [];
    const map = new WatchedMap({ "a.json": "1", "b/c.json": "2", "b/d.json": "3" }, () => seen.push(existsSync(target)));
    createTreeWriter({ root }).add("api/model", map);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((exists) => !exists)).toBe(true);
    expect(await listFiles(target)).toEqual(["a.json", "b/c.json", "b/d.json"]);
  });

  test("a failure mid-way (file vs dir clash) leaves no partial tree and no staging dir", async () => {
    const writer = createTreeWriter({ root });
    expect(() => writer.add("api/model", files({ "a.json": "1", x: "file", "x/y.json": "under it" }))).toThrow();
    expect(existsSync(path.join(root, "api/model"))).toBe(false);
    expect(await readdir(path.join(root, "api"))).toEqual([]);
  });

  test("a failure after some files are written removes them with the staging dir", async () => {
    const map = new WatchedMap({ "a.json": "1", "b.json": "2", "c.json": "3" }, (i) => {
      if (i === 2 && existsSync(path.join(root, "api"))) throw new Error("render failed");
    });
    const writer = createTreeWriter({ root });
    expect(() => writer.add("api/model", map)).toThrow("render failed");
    expect(await readdir(path.join(root, "api"))).toEqual([]);
  });

  test('prefix "" builds an absent root aside too', async () => {
    const out = path.join(root, "new-out");
    const writer = createTreeWriter({ root: out });
    writer.add("", files({ "p/q.txt": "q", "r.txt": "r" }));
    expect((await writer.finish()).written).toEqual(["p/q.txt", "r.txt"]);
    expect(await listFiles(out)).toEqual(["p/q.txt", "r.txt"]);
    expect(await readdir(root)).toEqual(["new-out"]);
  });
});

const MODES = [
  ["main thread", Infinity],
  ["write worker", 0],
] as const;

describe.each(MODES)("createTreeWriter: existing prefix dir (updated in place), %s", (_mode, offload) => {
  beforeEach(() => {
    offloadMinFiles = offload;
  });
  afterEach(() => {
    offloadMinFiles = Infinity;
  });

  test("unchanged files keep their mtime; only the changed one is rewritten; the dir is not replaced", async () => {
    await run([["a", files({ "x.txt": "1", "d/y.txt": "2" })]]);
    const dirIno = (await stat(path.join(root, "a"))).ino;
    const mtimeY = (await stat(path.join(root, "a/d/y.txt"))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const result = await run([["a", files({ "x.txt": "changed", "d/y.txt": "2", "n/e/w.txt": "new" })]]);
    expect(result).toMatchObject({ written: ["a/n/e/w.txt", "a/x.txt"], unchanged: ["a/d/y.txt"], removed: [] });
    expect((await stat(path.join(root, "a/d/y.txt"))).mtimeMs).toBe(mtimeY);
    expect((await stat(path.join(root, "a"))).ino).toBe(dirIno);
    expect(await readFile(path.join(root, "a/x.txt"), "utf8")).toBe("changed");
    expect(await listFiles(path.join(root, "a"))).toEqual(["d/y.txt", "n/e/w.txt", "x.txt"]);
  });

  test("stale files are removed across several prefixes, with the dirs they empty; others are untouched", async () => {
    await run([
      ["a", files({ "x.txt": "1", "old/deep/z.txt": "z" })],
      ["b", files({ "y.txt": "2", "gone.txt": "g" })],
      ["c", files({ "c.txt": "3" })],
    ]);
    await mkdir(path.join(root, "other"));
    await writeFile(path.join(root, "other/o.txt"), "o");
    const result = await run([
      ["a", files({ "x.txt": "1" })],
      ["b", files({ "y.txt": "2" })],
    ]);
    expect(result).toMatchObject({ removed: ["a/old/deep/z.txt", "b/gone.txt"], unchanged: ["a/x.txt", "b/y.txt"], written: [] });
    expect(await listFiles(root)).toEqual(["a/x.txt", "b/y.txt", "c/c.txt", "other/o.txt"]);
    expect(await readdir(path.join(root, "a"))).toEqual(["x.txt"]);
  });

  test("an owned prefix with no files loses all its files but stays", async () => {
    await run([["a", files({ "x.txt": "1", "d/y.txt": "2" })]]);
    const result = await run([["a", new Map()]]);
    expect(result.removed).toEqual(["a/d/y.txt", "a/x.txt"]);
    expect(await readdir(path.join(root, "a"))).toEqual([]);
  });

  test("a nested prefix's files are not stale for the outer prefix, in either add order", async () => {
    for (const order of [0, 1]) {
      await run([["s", files({ "js/old.js": "o", "i.json": "{}" })]]);
      const adds: [string, Map<string, string>][] = [
        ["s", files({ "i.json": "{}" })],
        ["s/js", files({ "new.js": "n" })],
      ];
      const result = await run(order === 0 ? adds : [...adds].reverse());
      expect(result).toMatchObject({ written: ["s/js/new.js"], removed: ["s/js/old.js"], unchanged: ["s/i.json"] });
      expect(await listFiles(path.join(root, "s"))).toEqual(["i.json", "js/new.js"]);
      await rm(path.join(root, "s"), { recursive: true });
    }
  });

  test("keep protects files from removal and from the extra list", async () => {
    await mkdir(path.join(root, "a"));
    await writeFile(path.join(root, "a/.gitkeep"), "");
    await writeFile(path.join(root, "a/stale.txt"), "s");
    const keep = (rel: string) => rel.endsWith("/.gitkeep");
    expect(await run([["a", files({ "x.txt": "1" })]], { keep, check: true })).toMatchObject({ extra: ["a/stale.txt"] });
    expect(await run([["a", files({ "x.txt": "1" })]], { keep })).toMatchObject({ removed: ["a/stale.txt"] });
    expect(await listFiles(path.join(root, "a"))).toEqual([".gitkeep", "x.txt"]);
  });
});

describe("createTreeWriter: check mode", () => {
  test("stale, missing and extra across prefixes (one absent); nothing is written or removed", async () => {
    await run([
      ["a", files({ "same.txt": "s", "changed.txt": "old", "extra.txt": "e" })],
      ["b", files({ "b.txt": "b", "sub/extra.txt": "e" })],
    ]);
    const before = await listFiles(root);
    const result = await run(
      [
        ["a", files({ "same.txt": "s", "changed.txt": "new!", "new.txt": "n" })],
        ["b", files({ "b.txt": "B" })],
        ["c", files({ "c.txt": "c" })],
      ],
      { check: true },
    );
    expect(result).toEqual({
      written: [],
      unchanged: ["a/same.txt"],
      removed: [],
      stale: ["a/changed.txt", "b/b.txt"],
      missing: ["a/new.txt", "c/c.txt"],
      extra: ["a/extra.txt", "b/sub/extra.txt"],
    });
    expect(await listFiles(root)).toEqual(before);
    expect(await readFile(path.join(root, "a/changed.txt"), "utf8")).toBe("old");
  });
});

describe("createTreeWriter: misuse", () => {
  test("an unsafe path is refused before anything is written", async () => {
    const writer = createTreeWriter({ root });
    expect(() => writer.add("a", files({ "ok.txt": "1", "../escape.txt": "2" }))).toThrow(/unsafe path/);
    expect(() => writer.add("../a", files({ "ok.txt": "1" }))).toThrow(/unsafe path/);
    expect(await readdir(root)).toEqual([]);
  });

  test("a path produced twice, and add after finish, are errors", async () => {
    const writer = createTreeWriter({ root });
    writer.add("s", files({ "js/x.js": "1" }));
    expect(() => writer.add("s/js", files({ "x.js": "2" }))).toThrow(/produced twice/);
    await writer.finish();
    expect(() => writer.add("t", files({ "y.txt": "1" }))).toThrow(/after finish/);
  });
});

describe("createTreeWriter: the write worker", () => {
  const worker = { offloadMinFiles: 0 };
  const tricky = {
    "x.md": "héllo wörld — ✓ 𝄞\n",
    "empty.txt": "",
    "d/e/big.json": JSON.stringify({ s: "ä".repeat(100_000), n: [1, 2, 3] }),
    "d/ascii.txt": "plain",
  };

  test("an absent dir: every file lands byte for byte (multi-byte text, an empty file), as the main thread writes it", async () => {
    const viaWorker = await run([["api/docs", files(tricky)]], worker);
    const here = await run([["main/docs", files(tricky)]]);
    expect(viaWorker.written).toEqual(here.written.map((rel) => rel.replace(/^main/, "api")));
    for (const [rel, content] of Object.entries(tricky)) {
      expect(await readFile(path.join(root, "api/docs", rel))).toEqual(Buffer.from(content, "utf8"));
    }
    expect(await readdir(path.join(root, "api"))).toEqual(["docs"]);
  });

  test("add returns before the files are written; finish waits for them before removing stale files", async () => {
    await run([["a", files({ "old.txt": "o", "keep.txt": "k" })]]);
    const writer = createTreeWriter({ root, ...worker });
    writer.add("a", files({ "keep.txt": "k", "new.txt": "n" }));
    const result = await writer.finish();
    expect(result).toMatchObject({ written: ["a/new.txt"], unchanged: ["a/keep.txt"], removed: ["a/old.txt"] });
    expect(await listFiles(path.join(root, "a"))).toEqual(["keep.txt", "new.txt"]);
  });

  test("a failure in the worker (file vs dir clash) is thrown by finish: no partial tree, no staging dir, nothing removed", async () => {
    await mkdir(path.join(root, "api"));
    await writeFile(path.join(root, "api/stale-elsewhere.txt"), "s");
    const writer = createTreeWriter({ root, ...worker });
    expect(() => writer.add("api/model", files({ "a.json": "1", x: "file", "x/y.json": "under it" }))).not.toThrow();
    writer.add("api", files({ "other.txt": "o" }));
    await expect(writer.finish()).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/), message: expect.stringContaining("model") });
    expect(await readdir(path.join(root, "api")).then((names) => names.sort())).toEqual(["other.txt", "stale-elsewhere.txt"]);
  });
});

describe("createTreeWriter: a prefix streamed in batches", () => {
  const opts = { offloadMinFiles: 0, streamBatchFiles: 2 };
  const batches = [files({ "a.json": "1", "b/c.json": "2" }), files({ "b/d.json": "3" }), files({ "e/f/g.json": "é ✓" })];
  const last = files({ "index.json": "[]" });
  const staging = async (dir: string) => (await readdir(dir)).filter((name) => name.includes("staging"));
  /** Lets the write worker take what was sent (its jobs are not awaited until finish). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  test("into an absent dir: batches are written aside as they come; the dir appears whole when closed", async () => {
    const writer = createTreeWriter({ root, ...opts });
    const stream = writer.stream("api/model");
    for (const batch of batches) stream.write(batch);
    await settle();
    // Sent (two batches of two files) and written into a staging dir; the dir itself is not there yet.
    expect(existsSync(path.join(root, "api/model"))).toBe(false);
    expect(await staging(path.join(root, "api"))).toHaveLength(1);
    stream.close(last);
    const result = await writer.finish();
    expect(result.written).toEqual(["api/model/a.json", "api/model/b/c.json", "api/model/b/d.json", "api/model/e/f/g.json", "api/model/index.json"]);
    expect(await listFiles(path.join(root, "api/model"))).toEqual(["a.json", "b/c.json", "b/d.json", "e/f/g.json", "index.json"]);
    expect(await readFile(path.join(root, "api/model/e/f/g.json"), "utf8")).toBe("é ✓");
    expect(await readdir(path.join(root, "api"))).toEqual(["model"]);
  });

  test("into an existing dir: held and written when closed, as add writes (unchanged files keep their mtime)", async () => {
    await run([["api/model", files({ "a.json": "1", "old.json": "o" })]]);
    const before = (await stat(path.join(root, "api/model/a.json"))).mtimeMs;
    const writer = createTreeWriter({ root, ...opts });
    const stream = writer.stream("api/model");
    for (const batch of batches) stream.write(batch);
    await settle();
    expect(await listFiles(path.join(root, "api/model"))).toEqual(["a.json", "old.json"]);
    stream.close(last);
    const result = await writer.finish();
    expect(result).toMatchObject({ unchanged: ["api/model/a.json"], removed: ["api/model/old.json"] });
    expect((await stat(path.join(root, "api/model/a.json"))).mtimeMs).toBe(before);
    expect(await listFiles(path.join(root, "api/model"))).toEqual(["a.json", "b/c.json", "b/d.json", "e/f/g.json", "index.json"]);
  });

  test("abort drops an unclosed stream: no dir, no staging dir; what was added before stays", async () => {
    const writer = createTreeWriter({ root, ...opts });
    writer.add("api/docs", files({ "x.md": "x" }));
    const stream = writer.stream("api/model");
    for (const batch of batches) stream.write(batch);
    await writer.abort();
    expect(await readdir(path.join(root, "api"))).toEqual(["docs"]);
    await expect(writer.finish()).resolves.toMatchObject({ written: ["api/docs/x.md"] });
  });

  test("a batch that fails (file vs dir clash) is thrown by finish; nothing of the stream is left", async () => {
    const writer = createTreeWriter({ root, ...opts });
    const stream = writer.stream("api/model");
    stream.write(files({ "a.json": "1", x: "file" }));
    stream.write(files({ "x/y.json": "under it", "z.json": "2" }));
    stream.close(last);
    await expect(writer.finish()).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) });
    expect(await readdir(path.join(root, "api"))).toEqual([]);
  });

  test("a dir that appears while streaming gets the files moved in; its other files are stale", async () => {
    const writer = createTreeWriter({ root, ...opts });
    const stream = writer.stream("api/model");
    stream.write(batches[0] as Map<string, string>);
    await mkdir(path.join(root, "api/model/b"), { recursive: true });
    await writeFile(path.join(root, "api/model/b/other.json"), "theirs");
    stream.close(last);
    const result = await writer.finish();
    expect(result).toMatchObject({ written: ["api/model/a.json", "api/model/b/c.json", "api/model/index.json"], removed: ["api/model/b/other.json"] });
    expect(await listFiles(path.join(root, "api/model"))).toEqual(["a.json", "b/c.json", "index.json"]);
    expect(await staging(path.join(root, "api"))).toEqual([]);
  });

  test("a file produced twice across batches is an error; finish refuses an unclosed stream", async () => {
    const writer = createTreeWriter({ root, ...opts });
    const stream = writer.stream("api/model");
    stream.write(files({ "a.json": "1", "b.json": "2" }));
    // Found when the batch holding it is sent (here, at close).
    stream.write(files({ "a.json": "again" }));
    expect(() => stream.close(last)).toThrow("api/model/a.json produced twice");
    await expect(writer.finish()).rejects.toThrow("stream not closed");
    await writer.abort();
  });

  test("a staging dir left by a process that died is removed; one of a running process stays", async () => {
    const api = path.join(root, "api");
    const dead = path.join(api, ".model.2147483646.abcd1234.0.staging");
    const alive = path.join(api, `.model.${process.pid}.abcd1234.0.staging`);
    await mkdir(dead, { recursive: true });
    await writeFile(path.join(dead, "half.json"), "{");
    await mkdir(alive, { recursive: true });
    const writer = createTreeWriter({ root, ...opts });
    const stream = writer.stream("api/model");
    for (const batch of batches) stream.write(batch);
    stream.close(last);
    await writer.finish();
    expect((await readdir(api)).sort()).toEqual([path.basename(alive), "model"]);
  });

  test("check mode compares a stream when closed, writing nothing", async () => {
    const writer = createTreeWriter({ root, ...opts, check: true });
    const stream = writer.stream("api/model");
    for (const batch of batches) stream.write(batch);
    stream.close(last);
    expect((await writer.finish()).missing).toHaveLength(5);
    expect(await readdir(root)).toEqual([]);
  });
});

describe("createTreeWriter: when a prefix goes to the write worker", () => {
  const clash = () => files({ "a.json": "1", x: "file", "x/y.json": "under it" });
  test("a few files holding offloadMinChars characters go (a failure is then thrown by finish); fewer stay here", async () => {
    const big = createTreeWriter({ root, offloadMinFiles: Infinity, offloadMinChars: 8 });
    expect(() => big.add("api/big", clash())).not.toThrow();
    await expect(big.finish()).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) });
    const small = createTreeWriter({ root, offloadMinFiles: Infinity, offloadMinChars: 1000 });
    expect(() => small.add("api/small", clash())).toThrow();
  });
});

describe("createTreeWriter: listings given as a promise", () => {
  test("a prefix added before they come is written once they have; finish waits, and removes what they list", async () => {
    await run([["a", files({ "old.txt": "o", "keep.txt": "k" })]]);
    let give: (found: Map<string, Tree | null> | undefined) => void = () => undefined;
    const listings = new Promise<Map<string, Tree | null> | undefined>((resolve) => (give = resolve));
    const writer = createTreeWriter({ root, offloadMinFiles: Infinity, listings });
    writer.add("a", files({ "keep.txt": "k", "new.txt": "n" }));
    expect(existsSync(path.join(root, "a/new.txt"))).toBe(false);
    give(new Map([[path.join(root, "a"), listTree(path.join(root, "a"))]]));
    const result = await writer.finish();
    expect(result).toMatchObject({ written: ["a/new.txt"], unchanged: ["a/keep.txt"], removed: ["a/old.txt"] });
    expect(await listFiles(path.join(root, "a"))).toEqual(["keep.txt", "new.txt"]);
  });

  test("in the write worker, told only what the listing says of its files: new and nested dirs, unchanged, stale", async () => {
    await run([["a", files({ "old.txt": "o", "keep.txt": "k", "d/same.txt": "s", "d/e/edit.txt": "1", "x/y/gone.txt": "g" })]]);
    const listing = listTree(path.join(root, "a"));
    const writer = createTreeWriter({ root, offloadMinFiles: 0, listings: new Map([[path.join(root, "a"), listing]]) });
    writer.add("a", files({ "keep.txt": "k", "d/same.txt": "s", "d/e/edit.txt": "2", "d/f/g/new.txt": "n", "x/y/z/deep.txt": "z" }));
    const result = await writer.finish();
    expect({ ...result, written: [...result.written].sort(), unchanged: [...result.unchanged].sort() }).toMatchObject({
      written: ["a/d/e/edit.txt", "a/d/f/g/new.txt", "a/x/y/z/deep.txt"],
      unchanged: ["a/d/same.txt", "a/keep.txt"],
      removed: expect.arrayContaining(["a/old.txt", "a/x/y/gone.txt"]),
    });
    expect(await listFiles(path.join(root, "a"))).toEqual(["d/e/edit.txt", "d/f/g/new.txt", "d/same.txt", "keep.txt", "x/y/z/deep.txt"]);
    expect(await readFile(path.join(root, "a/d/e/edit.txt"), "utf8")).toBe("2");
  });

  test.each([
    ["here", Infinity],
    ["in the write worker", 0],
  ])("%s, a listing taken before a directory was removed: the directory is made again", async (_, offload) => {
    await run([["a", files({ "d/e/one.txt": "1", "keep.txt": "k" })]]);
    const listing = listTree(path.join(root, "a"));
    await rm(path.join(root, "a/d"), { recursive: true });
    const writer = createTreeWriter({ root, offloadMinFiles: offload, listings: new Map([[path.join(root, "a"), listing]]) });
    writer.add("a", files({ "d/e/one.txt": "2", "keep.txt": "k" }));
    expect(await writer.finish()).toMatchObject({ written: ["a/d/e/one.txt"], unchanged: ["a/keep.txt"] });
    expect(await readFile(path.join(root, "a/d/e/one.txt"), "utf8")).toBe("2");
  });

  test("in the write worker, a listing that says the directory is absent: it is built", async () => {
    const writer = createTreeWriter({ root, offloadMinFiles: 0, listings: new Map([[path.join(root, "b"), null]]) });
    writer.add("b", files({ "n/one.txt": "1" }));
    expect(await writer.finish()).toMatchObject({ written: ["b/n/one.txt"], removed: [] });
    expect(await readFile(path.join(root, "b/n/one.txt"), "utf8")).toBe("1");
  });

  test("a promise that gives nothing (a failed probe): each prefix is listed as it is written", async () => {
    await run([["a", files({ "old.txt": "o" })]]);
    const writer = createTreeWriter({ root, offloadMinFiles: Infinity, listings: Promise.resolve(undefined) });
    writer.add("a", files({ "new.txt": "n" }));
    expect(await writer.finish()).toMatchObject({ written: ["a/new.txt"], removed: ["a/old.txt"] });
  });
});

describe("the write worker under flags a worker may not take", () => {
  test("a parent started with --max-semi-space-size (not allowed in a worker) still writes through the worker", async () => {
    const saved = [...process.execArgv];
    process.execArgv.push("--max-semi-space-size=16");
    try {
      const { closeWriteWorker } = await import("../../generator/write/write-offload.js");
      await closeWriteWorker(); // the next job starts a new worker, with these flags
      const result = await run([["w", files({ "a.txt": "a" })]], { offloadMinFiles: 0 });
      expect(result.written).toEqual(["w/a.txt"]);
      expect(await readFile(path.join(root, "w/a.txt"), "utf8")).toBe("a");
    } finally {
      process.execArgv.splice(0, process.execArgv.length, ...saved);
    }
  });
});
