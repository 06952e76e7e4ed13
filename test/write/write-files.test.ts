import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { assertSafeRelPath, listFiles, writeFiles } from "../../generator/write/index.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "specsmith-write-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("writeFiles", () => {
  test("writes new files, then rewrites nothing when unchanged", async () => {
    const first = await writeFiles({ root, files: files({ "a/x.txt": "1", "a/b/y.txt": "2" }), owned: ["a"] });
    expect(first.written).toEqual(["a/b/y.txt", "a/x.txt"]);
    const before = (await stat(path.join(root, "a/x.txt"))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const second = await writeFiles({ root, files: files({ "a/x.txt": "1", "a/b/y.txt": "2" }), owned: ["a"] });
    expect(second).toMatchObject({ written: [], unchanged: ["a/b/y.txt", "a/x.txt"], removed: [] });
    expect((await stat(path.join(root, "a/x.txt"))).mtimeMs).toBe(before);
  });

  test("removes stale files in owned dirs only, and empty dirs they leave", async () => {
    await writeFiles({ root, files: files({ "a/old/z.txt": "z", "a/x.txt": "1" }), owned: ["a"] });
    await mkdir(path.join(root, "other"), { recursive: true });
    await writeFile(path.join(root, "other/keep.txt"), "k");
    const result = await writeFiles({ root, files: files({ "a/x.txt": "1" }), owned: ["a"] });
    expect(result.removed).toEqual(["a/old/z.txt"]);
    expect(await readdir(path.join(root, "a"))).toEqual(["x.txt"]);
    expect(await readFile(path.join(root, "other/keep.txt"), "utf8")).toBe("k");
  });

  test("check mode reports stale, missing and extra and writes nothing", async () => {
    await writeFiles({ root, files: files({ "a/same.txt": "s", "a/changed.txt": "old", "a/extra.txt": "e" }), owned: ["a"] });
    const result = await writeFiles({
      root,
      files: files({ "a/same.txt": "s", "a/changed.txt": "new", "a/new.txt": "n" }),
      owned: ["a"],
      check: true,
    });
    expect(result).toMatchObject({ stale: ["a/changed.txt"], missing: ["a/new.txt"], extra: ["a/extra.txt"], written: [], removed: [] });
    expect(await readFile(path.join(root, "a/changed.txt"), "utf8")).toBe("old");
    expect(await listFiles(path.join(root, "a"))).toEqual(["changed.txt", "extra.txt", "same.txt"]);
  });

  // Given what is on disk and what is produced, want the file rewritten or left alone (sizes are compared first).
  test.each([
    ["same bytes", "héllo", "héllo", false],
    ["same length, other text", "abc", "abd", true],
    ["same UTF-8 size, characters swapped", "éa", "aé", true],
    ["same character count, other UTF-8 size", "e", "é", true],
    ["empty to text", "", "x", true],
  ])("%s: rewritten %s", async (_name, onDisk, produced, rewritten) => {
    await writeFiles({ root, files: files({ "a/f.txt": onDisk }), owned: ["a"] });
    const result = await writeFiles({ root, files: files({ "a/f.txt": produced }), owned: ["a"] });
    expect(result.written).toEqual(rewritten ? ["a/f.txt"] : []);
    expect(result.unchanged).toEqual(rewritten ? [] : ["a/f.txt"]);
    expect(await readFile(path.join(root, "a/f.txt"), "utf8")).toBe(produced);
  });

  test("files outside the owned dirs are compared on disk too (not assumed missing)", async () => {
    await mkdir(path.join(root, "b"), { recursive: true });
    await writeFile(path.join(root, "b/y.txt"), "same");
    const result = await writeFiles({ root, files: files({ "a/x.txt": "1", "b/y.txt": "same" }), owned: ["a"] });
    expect(result).toMatchObject({ written: ["a/x.txt"], unchanged: ["b/y.txt"] });
    const check = await writeFiles({ root, files: files({ "b/y.txt": "other", "a/n.txt": "n" }), owned: ["a"], check: true });
    expect(check).toMatchObject({ stale: ["b/y.txt"], missing: ["a/n.txt"], extra: ["a/x.txt"] });
  });

  test("many files in new nested directories", async () => {
    const many = new Map(Array.from({ length: 300 }, (_, i) => [`a/d${i % 7}/e${i % 3}/f${i}.txt`, `content ${i}`]));
    const result = await writeFiles({ root, files: many, owned: ["a"] });
    expect(result.written).toHaveLength(300);
    expect(await listFiles(path.join(root, "a"))).toEqual([...many.keys()].map((k) => k.slice(2)).sort());
    expect(await readFile(path.join(root, "a/d5/e2/f299.txt"), "utf8")).toBe("content 299");
  });

  test("leaves no temp files behind", async () => {
    await writeFiles({ root, files: files({ "a/x.txt": "1".repeat(100_000) }), owned: ["a"] });
    expect(await listFiles(root)).toEqual(["a/x.txt"]);
  });
});

describe("assertSafeRelPath", () => {
  const cases: [string, boolean][] = [
    ["a/b.txt", true],
    ["a/{id}.yaml", true],
    ["../x", false],
    ["a/../../x", false],
    ["/etc/passwd", false],
    ["a//b", false],
    ["a\\b", false],
    ["", false],
  ];
  test.each(cases)("%s → safe %s", (given, want) => {
    if (want) expect(() => assertSafeRelPath(given)).not.toThrow();
    else expect(() => assertSafeRelPath(given)).toThrow(/unsafe path/);
  });
});
