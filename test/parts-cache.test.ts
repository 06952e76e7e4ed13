// The part store across runs (parts-cache.ts): a run that keeps a target's assembled files keeps its prepared value
// too, and a run that changed nothing leaves the store in memory for the next run of the process (a watch session).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { PartStore, forgetPartMemory } from "../generator/parts-cache.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-parts-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cacheDir = path.join(tmp, "cache");
let n = 0;
let spec = "";
beforeEach(() => {
  spec = path.join(tmp, `spec-${n++}`);
  forgetPartMemory();
});

const part = { rels: ["a.md"], fragment: { a: 1 }, hash: "h" };

/** A run of one target: its single part reused or made; its assembled files kept under `assembleKey`. */
async function run(opts: { made: boolean; prepare?: [string, unknown] }) {
  const store = await PartStore.open(cacheDir, spec, path.join(tmp, "out"));
  store.beginTarget("t");
  store.setPart("t", "k", part);
  if (opts.made) store.touch();
  if (opts.prepare) store.setPrepared("t", ...opts.prepare);
  store.setAssembled("t", "ak", ["index.md"]);
  await store.save();
  return store;
}

test("a run that kept the assembled files (prepare not called) keeps the prepared value, in memory and on disk", async () => {
  await run({ made: true, prepare: ["pk", { middle: "types" }] });
  // Another part is made, the assembled files are kept: prepare is not called.
  await run({ made: true });
  const inMemory = await PartStore.open(cacheDir, spec, path.join(tmp, "out"));
  expect(inMemory.getPrepared("t", "pk")).toEqual({ value: { middle: "types" } });
  forgetPartMemory();
  const fromDisk = await PartStore.open(cacheDir, spec, path.join(tmp, "out"));
  expect(fromDisk.getPrepared("t", "pk")).toEqual({ value: { middle: "types" } });
});

test("a run that changed nothing is not written, but the next run of the process takes the store from memory", async () => {
  await run({ made: true });
  forgetPartMemory();
  await run({ made: false });
  // The disk copy goes; the process still has the store.
  rmSync(path.join(cacheDir, "parts"), { recursive: true, force: true });
  const next = await PartStore.open(cacheDir, spec, path.join(tmp, "out"));
  expect(next.getPart("t", "k")).toEqual(part);
  forgetPartMemory();
  const fromDisk = await PartStore.open(cacheDir, spec, path.join(tmp, "out"));
  expect(fromDisk.getPart("t", "k")).toBeUndefined();
});

test("peekOutputs lists the outputs the last run recorded, from memory or from disk alone, before the store is opened", async () => {
  const out = path.join(tmp, "out-peek");
  mkdirSync(path.join(out, "api"), { recursive: true });
  for (const name of ["a.md", "b.md"]) writeFileSync(path.join(out, "api", name), name);
  expect(await PartStore.peekOutputs(cacheDir, spec, out)).toEqual([]);
  const store = await PartStore.open(cacheDir, spec, out);
  store.beginTarget("t");
  store.setPart("t", "k", part);
  store.updateOutputs(out, { fresh: ["api/a.md", "api/b.md"], produced: new Set(["api/a.md", "api/b.md"]), owned: ["api"] });
  await store.save();
  expect((await PartStore.peekOutputs(cacheDir, spec, out)).sort()).toEqual(["api/a.md", "api/b.md"]);
  forgetPartMemory();
  expect((await PartStore.peekOutputs(cacheDir, spec, out)).sort()).toEqual(["api/a.md", "api/b.md"]);
  // Another out root is another store; the cache off keeps nothing.
  expect(await PartStore.peekOutputs(cacheDir, spec, path.join(tmp, "elsewhere"))).toEqual([]);
  expect(await PartStore.peekOutputs(null, spec, out)).toEqual([]);
});

test("readKept reads the prepared values still on disk now, so the process's next run finds them in memory", async () => {
  await run({ made: true, prepare: ["pk", { middle: "types" }] });
  for (const read of [false, true]) {
    forgetPartMemory();
    const store = await PartStore.open(cacheDir, spec, path.join(tmp, "out"));
    if (read) store.readKept();
    // The shards go before anything asked for the value: only a value already read survives.
    const own = readdirSync(path.join(cacheDir, "parts")).find((name) => name.startsWith(`${path.basename(spec)}-`));
    const dir = path.join(cacheDir, "parts", own as string);
    const shards = readdirSync(dir).filter((name) => name.startsWith("prepared."));
    const saved = shards.map((name) => [name, readFileSync(path.join(dir, name))] as const);
    for (const name of shards) rmSync(path.join(dir, name));
    expect(store.getPrepared("t", "pk"), `readKept ${read}`).toEqual(read ? { value: { middle: "types" } } : undefined);
    for (const [name, bytes] of saved) writeFileSync(path.join(dir, name), bytes);
  }
});
