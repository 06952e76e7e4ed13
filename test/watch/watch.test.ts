import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { forgetCacheMemory } from "../../generator/load/cache-store.js";
import { forgetPartMemory } from "../../generator/parts-cache.js";
import { runGenerate } from "../../generator/pipeline.js";
import { runWatch, type WatchOptions } from "../../generator/watch.js";
import { listFiles } from "../../generator/write/index.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "specsmith-watch-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Resolves when a logged line matches, failing after a timeout. */
function waitFor(lines: string[], pattern: RegExp, from: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (lines.slice(from).some((l) => pattern.test(l))) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        reject(new Error(`no line matching ${pattern} in:\n${lines.join("\n")}`));
      }
    }, 20);
  });
}

/** The cache on, in tmp, for one test: returns what puts the environment back. */
function useTmpCache(): () => void {
  const saved = { ...process.env };
  process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache");
  delete process.env["SPECSMITH_CACHE"];
  return () => void (process.env = saved);
}

/** Watches the petstore fixture (copied into tmp, model/json only): the lines it logs, and how to stop it. */
async function watchPetstore(extra: Partial<WatchOptions> = {}) {
  const spec = path.join(tmp, "spec/petstore");
  const out = path.join(tmp, "out");
  await cp("test/fixtures/cli/petstore", spec, { recursive: true });
  const lines: string[] = [];
  const controller = new AbortController();
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const watching = runWatch({ spec: path.join(tmp, "spec"), out, targets: ["model/json"], io, signal: controller.signal, debounceMs: 50, ...extra });
  const stop = async () => {
    controller.abort();
    await watching;
  };
  return { spec, out, lines, stop };
}

/**
 * Watches the petstore fixture (copied into tmp) with every target and the cache on in tmp: the lines it logs, how
 * to compare its tree with a cold run's, and how to stop it (which puts the environment back).
 */
async function watchPetstoreCached() {
  const spec = path.join(tmp, "spec/petstore");
  const out = path.join(tmp, "out");
  const fresh = path.join(tmp, "fresh");
  await cp("test/fixtures/cli/petstore", spec, { recursive: true });
  const restoreEnv = useTmpCache();
  const lines: string[] = [];
  const controller = new AbortController();
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const watching = runWatch({ spec: path.join(tmp, "spec"), out, io, signal: controller.signal, debounceMs: 50 });
  /** Every file of a cold run (cache off) of the spec as it is now is in `out` with its bytes; `out` holds `extra` besides. */
  const expectSameAsFresh = async (label: string, extra: string[] = []): Promise<string[]> => {
    const saved = process.env["SPECSMITH_CACHE"];
    process.env["SPECSMITH_CACHE"] = "off";
    await rm(fresh, { recursive: true, force: true });
    try {
      await runGenerate({ spec: path.join(tmp, "spec"), out: fresh });
    } finally {
      if (saved === undefined) delete process.env["SPECSMITH_CACHE"];
      else process.env["SPECSMITH_CACHE"] = saved;
    }
    const want = await listFiles(fresh);
    expect(await listFiles(out), label).toEqual([...want, ...extra].sort());
    for (const rel of want) expect(await readFile(path.join(out, rel), "utf8"), `${label}: ${rel}`).toBe(await readFile(path.join(fresh, rel), "utf8"));
    return want;
  };
  const stop = async () => {
    controller.abort();
    await watching;
    restoreEnv();
  };
  return { spec, out, lines, expectSameAsFresh, stop };
}

test("regenerates on change, survives a broken file and recovers when it is fixed", async () => {
  const { spec, out, lines, stop } = await watchPetstore();
  await waitFor(lines, /^watching /, 0);
  expect(lines[0]).toMatch(/^start: regenerated in \d+ ms \(3 files changed\)$/);

  const file = path.join(spec, "pets.yaml");
  const good = await readFile(file, "utf8");
  let mark = lines.length;
  await writeFile(file, good.replace("operationId: listPets", "operationId: [listPets"));
  await waitFor(lines, /watching for a fix/, mark);
  expect(lines.slice(mark).join("\n")).toMatch(/pets\.yaml:\d+:\d+ .*invalid YAML/);

  mark = lines.length;
  await writeFile(file, good.replace("summary: Two pets", "summary: Two good pets"));
  await waitFor(lines, /^changed .*pets\.yaml: regenerated in \d+ ms \(1 files changed\)$/, mark);
  const model = JSON.parse(await readFile(path.join(out, "petstore/model/pets.json"), "utf8"));
  expect(model.examples[0].title).toBe("Two good pets");

  await stop();
}, 60_000);

test("caches stay in memory while the session is busy and reach the disk when it ends; a later run reuses them", async () => {
  const spec = path.join(tmp, "spec/petstore");
  const out = path.join(tmp, "out");
  const cacheDir = path.join(tmp, "cache");
  await cp("test/fixtures/cli/petstore", spec, { recursive: true });
  const saved = process.env["SPECSMITH_CACHE_DIR"];
  process.env["SPECSMITH_CACHE_DIR"] = cacheDir;
  try {
    const lines: string[] = [];
    const controller = new AbortController();
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const opts = { spec: path.join(tmp, "spec"), out, io, signal: controller.signal, debounceMs: 50, cacheFlushMs: 600_000 };
    const watching = runWatch(opts);
    await waitFor(lines, /^watching /, 0);
    const file = path.join(spec, "pets.yaml");
    const mark = lines.length;
    await writeFile(file, (await readFile(file, "utf8")).replace("summary: Two pets", "summary: Two edited pets"));
    await waitFor(lines, /^changed .*pets\.yaml: regenerated/, mark);
    // Two regenerations, and no cache file yet: the writes wait for the session to be idle (here: its end).
    expect(await listFiles(cacheDir)).toEqual([]);
    controller.abort();
    await watching;
    const cached = await listFiles(cacheDir);
    expect(cached.some((f) => f.startsWith("parts/"))).toBe(true);
    expect(cached.filter((f) => !f.startsWith("parts/")).length).toBeGreaterThan(0);

    // A new process would read them from disk: forget the in-memory copies, then generate again.
    forgetPartMemory();
    forgetCacheMemory();
    const [report] = await runGenerate({ spec: opts.spec, out });
    expect(report?.reused).toBeGreaterThan(0);
    expect(report?.result.written).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env["SPECSMITH_CACHE_DIR"];
    else process.env["SPECSMITH_CACHE_DIR"] = saved;
  }
}, 60_000);

test("an output changed or removed by hand is restored; a run after an idle spell takes the outputs probed meanwhile", async () => {
  const { spec, out, lines, expectSameAsFresh, stop } = await watchPetstoreCached();
  try {
    await waitFor(lines, /^watching /, 0);
    // Idle: the outputs were probed after the start. A page is edited and another removed by hand, then the spec.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Another endpoint's files (the edit below re-renders pets.yaml's anyway).
    const page = path.join(out, "petstore/docs/markdown/pets/{petId}.md");
    const removed = path.join(out, "petstore/model/pets/{petId}.json");
    await writeFile(page, "edited by hand\n");
    await rm(removed);
    const file = path.join(spec, "pets.yaml");
    const mark = lines.length;
    await writeFile(file, (await readFile(file, "utf8")).replace("summary: Two pets", "summary: Two watched pets"));
    await waitFor(lines, /^changed .*pets\.yaml: regenerated/, mark);
    // The run took the probe made before the hand edits; the probe after it finds them and a run restores them.
    await waitFor(lines, /^outputs changed .*: regenerated in \d+ ms \(\d+ files changed\)$/, mark);
    await expectSameAsFresh("restored");
  } finally {
    await stop();
  }
}, 60_000);

test("an edit that drops an endpoint's pages removes them, one that brings them back writes them, and a stray file in an owned directory is removed", async () => {
  // After the first run of a session, an edit's run takes its files for the last run's but for the changed parts and
  // the shared files (PartsRender.since): the files to remove are the ones those no longer make, and a directory that
  // holds more files than that run left (the stray file) is read whole instead. The listing a run reads is the one
  // taken while the session waited: a file put there after it is seen by the run after next.
  const { spec, out, lines, expectSameAsFresh, stop } = await watchPetstoreCached();
  const edit = async (change: (text: string) => string) => {
    const file = path.join(spec, "pets.yaml");
    const mark = lines.length;
    await writeFile(file, change(await readFile(file, "utf8")));
    await waitFor(lines, /^changed .*pets\.yaml: regenerated/, mark);
    // The session's preparation for the next change (the outputs probed) is done before it waits again.
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  try {
    await waitFor(lines, /^watching /, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const documented = await expectSameAsFresh("start");
    await edit((text) => text.replace("      operationId: listPets\n", "      operationId: listPets\n      x-undocumented: true\n"));
    const undocumented = await expectSameAsFresh("undocumented");
    const dropped = documented.filter((rel) => !undocumented.includes(rel));
    expect(dropped.length).toBeGreaterThan(0);
    const stray = "petstore/docs/gitbook/stray.md";
    await writeFile(path.join(out, stray), "not generated\n");
    await edit((text) => text.replace("      x-undocumented: true\n", "").replace("summary: Two pets", "summary: Two documented pets"));
    const back = await expectSameAsFresh("documented again", [stray]);
    for (const rel of dropped) expect(back).toContain(rel);
    await edit((text) => text.replace("summary: Two documented pets", "summary: Two pets again"));
    await expectSameAsFresh("the edit after");
  } finally {
    await stop();
  }
}, 60_000);

test("a run told what changed loads only that; what it was not told of is found after it (Drift.inputs) and a run without hints sees it", async () => {
  const spec = path.join(tmp, "spec/petstore");
  const out = path.join(tmp, "out");
  await cp("test/fixtures/cli/petstore", spec, { recursive: true });
  const restoreEnv = useTmpCache();
  try {
    const opts = { spec: path.join(tmp, "spec"), out, targets: ["model/json"] };
    const [first] = await runGenerate(opts);
    expect((await first!.prime()).inputs).toEqual([]);
    const file = path.join(spec, "pets.yaml");
    const page = path.join(out, "petstore/model/pets.json");
    await writeFile(file, (await readFile(file, "utf8")).replace("summary: Two pets", "summary: Two missed pets"));
    // The watcher "missed" it: told of nothing, the run keeps what it loaded before.
    const [missed] = await runGenerate({ ...opts, since: { files: new Set<string>(), listing: false } });
    expect(missed!.result.written).toEqual([]);
    expect(await readFile(page, "utf8")).not.toContain("Two missed pets");
    expect((await missed!.prime()).inputs).toEqual([file]);
    await runGenerate(opts);
    expect(JSON.parse(await readFile(page, "utf8")).examples[0].title).toBe("Two missed pets");
    // Told of it, a run loads it.
    await writeFile(file, (await readFile(file, "utf8")).replace("Two missed pets", "Two told pets"));
    const [told] = await runGenerate({ ...opts, since: { files: new Set([file]), listing: false } });
    expect(told!.result.written).toEqual(["petstore/model/pets.json"]);
    expect(JSON.parse(await readFile(page, "utf8")).examples[0].title).toBe("Two told pets");
    expect((await told!.prime()).inputs).toEqual([]);
  } finally {
    restoreEnv();
  }
}, 60_000);

test("changes that come while a run for changes waits in the queue are taken by that run, not by one more", async () => {
  // Runs for changes wait at this gate while it is closed (as behind a long run).
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const { spec, out, lines, stop } = await watchPetstore({ beforeChangeRun: () => gate });
  await waitFor(lines, /^watching /, 0);
  gate = new Promise((resolve) => (open = resolve));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const mark = lines.length;
  // Two files edited well apart (each past the debounce): the first queues a run, held at the gate.
  const pets = path.join(spec, "pets.yaml");
  await writeFile(pets, (await readFile(pets, "utf8")).replace("summary: Two pets", "summary: Two held pets"));
  await settle();
  const pet = path.join(spec, "pets/{petId}.yaml");
  await writeFile(pet, (await readFile(pet, "utf8")).replaceAll("summary: Get Rex", "summary: Get held Rex"));
  await settle();
  expect(lines.slice(mark)).toEqual([]);
  open();
  await waitFor(lines, /^changed /, mark);
  await settle();
  const runs = lines.slice(mark).filter((l) => l.startsWith("changed "));
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatch(/^changed .*pets\.yaml.*\{petId\}\.yaml.*: regenerated in \d+ ms \(2 files changed\)$|^changed .*\{petId\}\.yaml.*pets\.yaml.*: regenerated in \d+ ms \(2 files changed\)$/);
  expect(JSON.parse(await readFile(path.join(out, "petstore/model/pets.json"), "utf8")).examples[0].title).toBe("Two held pets");
  await stop();
}, 60_000);
