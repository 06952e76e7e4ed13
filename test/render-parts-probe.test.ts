// A warm run renders what changed and assembles the shared files before its outputs' stamps are in
// (renderTargetParts); once they are, `complete` keeps the reused parts still on disk as written and renders again
// those that are not.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Api } from "../generator/model/types.js";
import { PartStore, forgetPartMemory } from "../generator/parts-cache.js";
import { renderTargetParts, type PartsContext } from "../generator/render-parts.js";
import type { RenderEnv } from "../generator/render/env.js";
import type { TargetParts } from "../generator/targets/target.js";
import { textOf, type FileText } from "../generator/write/text.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-probe-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cacheDir = path.join(tmp, "cache");
const spec = path.join(tmp, "spec");
const out = path.join(tmp, "out");
const PREFIX = "api/t";

const ids = ["a", "b", "c"];
const api = { endpoints: ids.map((id) => ({ id, source: { file: `${id}.yaml` } })) } as unknown as Api;
const env = {} as RenderEnv;
/** The inputs' text: each endpoint's page shows it; the index lists every endpoint's fragment. */
const texts = new Map(ids.map((id) => [id, `text of ${id}`]));
const calls: string[] = [];
const parts: TargetParts = {
  endpoint(_api, endpoint) {
    calls.push(`endpoint ${endpoint.id}`);
    const text = texts.get(endpoint.id) as string;
    return { files: new Map([[`${endpoint.id}.md`, `${text}\n`]]), fragment: { id: endpoint.id, text } };
  },
  assemble(_api, fragments) {
    calls.push("assemble");
    return new Map([["index.md", fragments.map((f) => JSON.stringify(f.fragment)).join("\n")]]);
  },
};

function context(store: PartStore): PartsContext {
  return { store, contextKey: "ctx", componentsKey: "comp", inputHashes: new Map([...texts].map(([id, text]) => [`${id}.yaml`, text])), outRoot: out };
}

/** What the write worker's probe hands over: size and mtime of each recorded output. */
function stampsOf(rels: readonly string[]) {
  return new Map(
    rels.map((rel) => {
      const info = statSync(path.join(out, rel), { throwIfNoEntry: false });
      return [rel, info ? ([info.size, info.mtimeMs] as [number, number]) : null];
    }),
  );
}

async function writeRun(store: PartStore, files: ReadonlyMap<string, FileText>, intact: readonly string[]) {
  for (const [rel, content] of files) {
    mkdirSync(path.join(out, PREFIX), { recursive: true });
    writeFileSync(path.join(out, PREFIX, rel), textOf(content));
  }
  const fresh = [...files.keys()].map((rel) => `${PREFIX}/${rel}`);
  const produced = new Set([...fresh, ...intact.map((rel) => `${PREFIX}/${rel}`)]);
  store.updateOutputs(out, { fresh, produced, owned: [PREFIX] });
  await store.save();
}

test("reused parts are checked once the stamps are in; a tampered one renders again, an edited one before", async () => {
  forgetPartMemory();
  const first = await PartStore.open(cacheDir, spec, out);
  const cold = await (await renderTargetParts("t", PREFIX, parts, api, env, context(first))).complete();
  expect([...cold.files.keys()].sort()).toEqual(["a.md", "b.md", "c.md", "index.md"]);
  await writeRun(first, cold.files, cold.intact);
  const recorded = ["a.md", "b.md", "c.md", "index.md"].map((rel) => `${PREFIX}/${rel}`);

  // b's page is edited by hand; c's input changes.
  writeFileSync(path.join(out, PREFIX, "b.md"), "edited by hand, longer than before\n");
  texts.set("c", "new text of c");
  calls.length = 0;
  const store = await PartStore.open(cacheDir, spec, out);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  store.useProbe(held.then(() => stampsOf(recorded)));
  const progress = await renderTargetParts("t", PREFIX, parts, api, env, context(store));
  // c rendered and the index assembled (c's fragment changed) without the stamps; b not yet looked at.
  expect(progress.ready).toBe(false);
  expect(calls).toEqual(["endpoint c", "assemble"]);
  release();
  const warm = await progress.complete();
  expect(calls).toEqual(["endpoint c", "assemble", "endpoint b"]);
  expect([...warm.files.keys()].sort()).toEqual(["b.md", "c.md", "index.md"]);
  expect(warm.files.get("b.md")).toBe("text of b\n");
  expect(warm.files.get("index.md")).toContain("new text of c");
  expect(warm.intact).toEqual(["a.md"]);
  expect([warm.rendered, warm.reused]).toEqual([2, 1]);
  await writeRun(store, warm.files, warm.intact);

  // Nothing changed, the index removed by hand: assembled again once the stamps show it gone.
  rmSync(path.join(out, PREFIX, "index.md"));
  calls.length = 0;
  const again = await PartStore.open(cacheDir, spec, out);
  again.useProbe(Promise.resolve(stampsOf(recorded)));
  await Promise.resolve();
  const next = await renderTargetParts("t", PREFIX, parts, api, env, context(again));
  expect(next.ready).toBe(true);
  expect(calls).toEqual([]);
  const kept = await next.complete();
  expect(calls).toEqual(["assemble"]);
  expect([...kept.files.keys()]).toEqual(["index.md"]);
  expect(kept.intact.sort()).toEqual(["a.md", "b.md", "c.md"]);
});

test("the assemble key, hashed in blocks of endpoints and kept between runs of a process, follows an edit in any block and equals a fresh process's", async () => {
  forgetPartMemory();
  const prefix = "api/many";
  const manyIds = Array.from({ length: 150 }, (_, i) => `e${i}`);
  const manyApi = { endpoints: manyIds.map((id) => ({ id, source: { file: `${id}.yaml` } })) } as unknown as Api;
  const manyTexts = new Map(manyIds.map((id) => [id, `text of ${id}`]));
  let assembled = 0;
  const manyParts: TargetParts = {
    endpoint: (_api, endpoint) => ({ files: new Map([[`${endpoint.id}.md`, "page\n"]]), fragment: manyTexts.get(endpoint.id) }),
    assemble(_api, fragments) {
      assembled++;
      return new Map([["index.md", fragments.map((f) => String(f.fragment)).join("\n")]]);
    },
  };
  const manyContext = (store: PartStore): PartsContext => ({ ...context(store), inputHashes: new Map([...manyTexts].map(([id, text]) => [`${id}.yaml`, text])) });
  const run = async (fromDisk = false) => {
    if (fromDisk) forgetPartMemory();
    const store = await PartStore.open(cacheDir, spec, out);
    const rendered = await (await renderTargetParts("many", prefix, manyParts, manyApi, env, manyContext(store))).complete();
    mkdirSync(path.join(out, prefix), { recursive: true });
    for (const [rel, content] of rendered.files) writeFileSync(path.join(out, prefix, rel), textOf(content));
    const written = [...rendered.files.keys()].map((rel) => `${prefix}/${rel}`);
    store.updateOutputs(out, { fresh: written, produced: new Set([...written, ...rendered.intact.map((rel) => `${prefix}/${rel}`)]), owned: [prefix] });
    await store.save();
    return rendered;
  };
  await run();
  // The first endpoint, one in the middle of the second block, and the last one (in a short third block).
  for (const id of ["e0", "e100", "e149"]) {
    manyTexts.set(id, `edited ${id}`);
    assembled = 0;
    const edited = await run();
    expect(assembled, id).toBe(1);
    expect(textOf(edited.files.get("index.md") as FileText).split("\n")).toEqual(manyIds.map((e) => manyTexts.get(e)));
    // Nothing changed since: kept, in this process and in a fresh one (whose key is made without the last run).
    assembled = 0;
    await run();
    await run(true);
    expect(assembled, id).toBe(0);
  }
});
