// The part store on disk (parts-disk.ts): shards round-trip, a save rewrites only the shards whose parts changed,
// and damaged or foreign files are ignored rather than trusted.
import { isAscii } from "node:buffer";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { UNREADABLE, forgetDiskState, readStoreDir, readStoreMeta, writeStoreDir, type StoreData } from "../generator/parts-disk.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-parts-disk-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dir = "";
let n = 0;
beforeEach(() => {
  dir = path.join(tmp, "parts", `api-${n++}`);
  forgetDiskState();
});

const part = (i: number) => ({ rels: [`p${i}.md`], fragment: { i, text: "é\u2028" }, hash: `h${i}` });
const key = (i: number) => `${(i % 16).toString(16)}${"0".repeat(10)}${i}`;

function storeWith(count: number, extra: Partial<StoreData> = {}): StoreData {
  const parts = Object.fromEntries(Array.from({ length: count }, (_, i) => [key(i), part(i)]));
  return {
    format: "f/1",
    version: "v1",
    parts: { "docs/gitbook": parts, "client/typescript": { [key(1)]: part(1) } },
    prepared: { "client/typescript": ["pk", { middle: "types" }] },
    memos: { "client/typescript": ["mk", { paths: [], replace: [["a", "b"]], changed: [] }] },
    assembled: { "docs/gitbook": ["ak", ["SUMMARY.md"]] },
    outputs: { "api/docs/gitbook/p0.md": [12, 1234.5] },
    ...extra,
  };
}

const mtimes = () => new Map(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));

test("a store round-trips through its shards", async () => {
  const data = storeWith(40);
  await writeStoreDir(dir, data);
  expect(readdirSync(dir)).toContain("meta.json");
  expect(readdirSync(dir).filter((f) => f.startsWith("parts.docs~gitbook.")).length).toBe(16);
  forgetDiskState();
  expect(await readStoreDir(dir, "f/1", "v1")).toEqual(data);
});

test("every shard is ASCII (non-ASCII text escaped in the JSON), long texts included, and reads back the same", async () => {
  const long = "ünïcödé 😀 line\n".repeat(8000); // raw after the JSON: its UTF-8 stays
  const data = storeWith(20, {
    prepared: { "client/typescript": ["pk", { middle: "tÿpes", head: long }] },
    outputs: { "api/docs/gitbook/é.md": [12, 1234.5] },
  });
  await writeStoreDir(dir, data);
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, name));
    const json = name.startsWith("prepared.") ? bytes.subarray(0, bytes.indexOf(0x0a)) : bytes;
    expect(isAscii(json), name).toBe(true);
  }
  forgetDiskState();
  const read = await readStoreDir(dir, "f/1", "v1");
  expect(read).toEqual(data);
  expect((read?.prepared["client/typescript"]?.[1] as { head: string }).head).toBe(long);
});

test("after one part changes, only its old and new buckets and meta.json are rewritten; unused shards go", async () => {
  const data = storeWith(40);
  await writeStoreDir(dir, data);
  const before = mtimes();
  await new Promise((r) => setTimeout(r, 20));
  const parts = { ...data.parts["docs/gitbook"] };
  delete parts[key(3)];
  parts[`7${"f".repeat(12)}`] = part(99);
  const next: StoreData = { ...data, parts: { "docs/gitbook": parts }, prepared: {} };
  await writeStoreDir(dir, next);
  const after = mtimes();
  const rewritten = [...after].filter(([name, t]) => before.get(name) !== t).map(([name]) => name).sort();
  expect(rewritten).toEqual(["meta.json", "parts.docs~gitbook.3.json", "parts.docs~gitbook.7.json"]);
  expect([...before.keys()].filter((name) => !after.has(name)).sort()).toEqual(["parts.client~typescript.1.json", "prepared.client~typescript.json"]);
  forgetDiskState();
  expect(await readStoreDir(dir, "f/1", "v1")).toEqual(next);
});

test("another version, a missing meta.json or a damaged shard: not trusted", async () => {
  const data = storeWith(20);
  await writeStoreDir(dir, data);
  expect(await readStoreDir(dir, "f/1", "v2")).toBeNull();
  expect(await readStoreDir(dir, "f/2", "v1")).toBeNull();
  writeFileSync(path.join(dir, "parts.docs~gitbook.5.json"), "{ not json");
  const read = await readStoreDir(dir, "f/1", "v1");
  expect(read?.parts["docs/gitbook"]?.[key(5)]).toBeUndefined();
  expect(read?.parts["docs/gitbook"]?.[key(4)]).toEqual(part(4));
  rmSync(path.join(dir, "meta.json"));
  expect(await readStoreDir(dir, "f/1", "v1")).toBeNull();
  expect(await readStoreDir(path.join(tmp, "absent"), "f/1", "v1")).toBeNull();
});

test("the recorded outputs are read from meta.json alone, and only from this format and version; one read serves the whole store", async () => {
  const outputs = { "api/docs/gitbook/p0.md": [12, 1234.5], "api/model/a b.json": [3, 1] } as StoreData["outputs"];
  const data = storeWith(20, { outputs });
  await writeStoreDir(dir, data);
  const outputsOf = async (read: Promise<Record<string, unknown> | null>) => {
    const meta = await read;
    return meta && Object.keys(meta["outputs"] as object);
  };
  // The store read with the meta shard read beforehand (the probe's) is the store read whole.
  const meta = readStoreMeta(dir, "f/1", "v1");
  expect(await outputsOf(meta)).toEqual(Object.keys(outputs));
  expect(JSON.stringify(await readStoreDir(dir, "f/1", "v1", meta))).toBe(JSON.stringify(await readStoreDir(dir, "f/1", "v1")));
  // The parts need not be readable for it: the probe starts before they are read.
  for (const name of readdirSync(dir)) if (name !== "meta.json") writeFileSync(path.join(dir, name), "{ not json");
  expect(await outputsOf(readStoreMeta(dir, "f/1", "v1"))).toEqual(Object.keys(outputs));
  expect(await readStoreMeta(dir, "f/1", "v2")).toBeNull();
  expect(await readStoreMeta(dir, "f/2", "v1")).toBeNull();
  writeFileSync(path.join(dir, "meta.json"), "{ not json");
  expect(await readStoreMeta(dir, "f/1", "v1")).toBeNull();
  // Without a readable meta shard there is no store.
  expect(await readStoreDir(dir, "f/1", "v1")).toBeNull();
  expect(await readStoreMeta(path.join(tmp, "absent"), "f/1", "v1")).toBeNull();
});

test("a shard deleted behind the writer's back is written again", async () => {
  const data = storeWith(20);
  await writeStoreDir(dir, data);
  rmSync(path.join(dir, "parts.docs~gitbook.2.json"));
  await writeStoreDir(dir, data);
  forgetDiskState();
  expect(await readStoreDir(dir, "f/1", "v1")).toEqual(data);
});

test("prepared and memo values are read when first asked for; a shard damaged or gone by then is no value", async () => {
  const data = storeWith(10);
  await writeStoreDir(dir, data);
  forgetDiskState();
  const read = (await readStoreDir(dir, "f/1", "v1")) as StoreData;
  // Read after readStoreDir returned: damage the prepared shard, leave the memo's intact.
  writeFileSync(path.join(dir, "prepared.client~typescript.json"), "{ not json");
  expect(read.prepared["client/typescript"]?.[0]).toBe("pk");
  expect(read.prepared["client/typescript"]?.[1]).toBe(UNREADABLE);
  expect(read.memos["client/typescript"]).toEqual(data.memos["client/typescript"]);
  // A shard that holds another key than meta.json names (another process wrote it meanwhile) is no value either.
  forgetDiskState();
  await writeStoreDir(dir, data);
  forgetDiskState();
  const again = (await readStoreDir(dir, "f/1", "v1")) as StoreData;
  writeFileSync(path.join(dir, "memo.client~typescript.json"), JSON.stringify({ format: "f/1", version: "v1", target: "client/typescript", memo: ["other", 1] }));
  expect(again.memos["client/typescript"]?.[1]).toBe(UNREADABLE);
  expect(again.prepared["client/typescript"]?.[1]).toEqual({ middle: "types" });
});

test("a save keeps unread prepared and memo shards as they are, and drops one deleted behind its back", async () => {
  const data = storeWith(10);
  await writeStoreDir(dir, data);
  forgetDiskState();
  const read = (await readStoreDir(dir, "f/1", "v1")) as StoreData;
  const before = mtimes();
  await new Promise((r) => setTimeout(r, 20));
  rmSync(path.join(dir, "memo.client~typescript.json"));
  await writeStoreDir(dir, { ...read, outputs: { ...read.outputs, "api/x.md": [1, 2] } });
  const after = mtimes();
  expect(after.get("prepared.client~typescript.json")).toBe(before.get("prepared.client~typescript.json"));
  expect(after.has("memo.client~typescript.json")).toBe(false);
  forgetDiskState();
  const next = (await readStoreDir(dir, "f/1", "v1")) as StoreData;
  expect(next.prepared).toEqual(data.prepared);
  expect(next.memos).toEqual({});
});

test("a bucket's fragments are parsed when first asked for: a damaged line reads as UNREADABLE, a cut one drops its parts", async () => {
  const data = storeWith(40);
  await writeStoreDir(dir, data);
  const bucket = (b: string) => path.join(dir, `parts.docs~gitbook.${b}.json`);
  const secondLine = (b: string) => {
    const text = readFileSync(bucket(b), "utf8");
    return [text, text.indexOf("\n")] as const;
  };
  // Bucket 3: its fragments line damaged, the same length. Bucket 5: cut short by one character.
  const [three, at3] = secondLine("3");
  writeFileSync(bucket("3"), three.slice(0, at3 + 1) + "{" + " ".repeat(three.length - at3 - 2));
  const [five] = secondLine("5");
  writeFileSync(bucket("5"), five.slice(0, -1));
  forgetDiskState();
  const read = (await readStoreDir(dir, "f/1", "v1")) as StoreData;
  const parts = read.parts["docs/gitbook"] as StoreData["parts"][string];
  expect(parts[key(3)]?.rels).toEqual(["p3.md"]);
  expect(parts[key(3)]?.hash).toBe("h3");
  expect(parts[key(3)]?.fragment).toBe(UNREADABLE);
  expect(parts[key(5)]).toBeUndefined();
  expect(parts[key(4)]).toEqual(part(4));
  // A save leaves out what could not be read.
  forgetDiskState();
  await writeStoreDir(dir, read);
  forgetDiskState();
  const again = (await readStoreDir(dir, "f/1", "v1")) as StoreData;
  expect(again.parts["docs/gitbook"]?.[key(3)]).toBeUndefined();
  expect(again.parts["docs/gitbook"]?.[key(20)]).toEqual(part(20));
  expect(Object.keys(again.parts["docs/gitbook"] ?? {}).length).toBe(40 - 3 - 3); // buckets 3 and 5 held 3 parts each
});
