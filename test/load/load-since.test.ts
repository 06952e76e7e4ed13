// Loads told what changed since the last load (a watch session's file events): equal to a full load when told
// right, and when told wrong, loadDrift names what a full load would have seen differently.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { UserError } from "../../generator/errors.js";
import { forgetCacheMemory } from "../../generator/load/cache-store.js";
import { loadDrift, loadSpec, type LoadHint, type LoadedSpec } from "../../generator/load/index.js";
import { forgetLoads } from "../../generator/load/since.js";
import { repoRoot } from "./fixtures.js";

let tmp = "";
let dir = "";
const savedEnv = { ...process.env };

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "specsmith-since-"));
  process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache");
  delete process.env["SPECSMITH_CACHE"];
  forgetCacheMemory();
  forgetLoads();
  dir = path.join(tmp, "petstore");
  await cp(path.join(repoRoot, "test/fixtures/cli/petstore"), dir, { recursive: true });
});
afterEach(async () => {
  process.env = { ...savedEnv };
  forgetCacheMemory();
  forgetLoads();
  await rm(tmp, { recursive: true, force: true });
});

async function load(since?: LoadHint): Promise<unknown> {
  try {
    return viewOf(await loadSpec(dir, { displayRoot: dir, examples: "warn", since }));
  } catch (err) {
    if (err instanceof UserError) return err.report();
    throw err;
  }
}

function viewOf(spec: LoadedSpec) {
  const files = [spec.shared, ...spec.endpoints].filter((f) => f !== null);
  return { files: files.map((f) => ({ rel: f.rel, hash: f.hash, doc: f.doc })), warnings: spec.warnings, inputs: [...spec.inputHashes] };
}

/** A full load, with nothing held from the loads before (what a fresh process would load). */
async function fresh(): Promise<unknown> {
  forgetLoads();
  forgetCacheMemory();
  return load();
}

const told = (files: string[], listing = false): LoadHint => ({ files: new Set(files.map((rel) => path.join(dir, rel))), listing });

async function edit(rel: string, from: string, to: string): Promise<void> {
  const file = path.join(dir, rel);
  const text = await readFile(file, "utf8");
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

it("equals a full load when told what changed, including a file that refs reach", async () => {
  await load();
  await edit("pets.yaml", "summary: Two pets", "summary: Two told pets");
  const hinted = await load(told(["pets.yaml"]));
  expect(hinted).toEqual(await fresh());
  expect(JSON.stringify(hinted)).toContain("Two told pets");

  // _api.yaml is reached by every endpoint's refs: their input hashes follow it.
  await load();
  await edit("_api.yaml", "title: Petstore", "title: Told petstore");
  const shared = await load(told(["_api.yaml"]));
  expect(shared).toEqual(await fresh());
  expect(loadDrift(dir)).toEqual([]);
});

it("takes files it was not told about as they were, and loadDrift names them", async () => {
  await load();
  expect(loadDrift(dir)).toEqual([]);
  const before = await load(told([]));
  await edit("pets.yaml", "summary: Two pets", "summary: Two untold pets");
  // Not stat'ed: the hinted load still has the old text…
  expect(await load(told(["pets/{petId}.yaml"]))).toEqual(before);
  // …and the drift check finds it, as a full load does.
  expect(loadDrift(dir)).toEqual(["pets.yaml"]);
  const full = await load();
  expect(JSON.stringify(full)).toContain("Two untold pets");
  expect(full).toEqual(await fresh());
});

it("lists the directory again for an added, removed or renamed file, and loadDrift names those it was not told of", async () => {
  await load();
  const copy = (await readFile(path.join(dir, "pets.yaml"), "utf8")).replaceAll("/pets", "/cats").replace("listPets", "listCats");
  await writeFile(path.join(dir, "cats.yaml"), copy);
  // Told of a file it has never seen: listed again, whatever the listing flag says.
  const added = await load(told(["cats.yaml"]));
  expect(added).toEqual(await fresh());
  expect(JSON.stringify(added)).toContain("cats.yaml");

  await unlink(path.join(dir, "cats.yaml"));
  await load(told([]));
  expect(loadDrift(dir)).toEqual(["cats.yaml"]);
  const removed = await load(told(["cats.yaml"], true));
  expect(JSON.stringify(removed)).not.toContain("cats.yaml");
  expect(removed).toEqual(await fresh());

  await writeFile(path.join(dir, "dogs.yaml"), copy.replaceAll("/cats", "/dogs").replace("listCats", "listDogs"));
  await load(told([]));
  expect(loadDrift(dir)).toEqual(["dogs.yaml"]);
});

it("reads a file that failed to parse again, told or not, so its problem is reported each load", async () => {
  await edit("pets.yaml", "operationId: listPets", "operationId: [listPets");
  const broken = await load();
  expect(String(broken)).toMatch(/pets\.yaml:\d+:\d+ .*invalid YAML/);
  expect(await load(told([]))).toEqual(broken);
  await edit("pets.yaml", "operationId: [listPets", "operationId: listPets");
  // Not told, yet re-read: the fix is seen.
  expect(await load(told([]))).toEqual(await fresh());
});

it("a file changed just before it was read has no stamp: loadDrift compares its text", async () => {
  await edit("pets.yaml", "summary: Two pets", "summary: Two fresh pets");
  // Read within the stamp's settle time: kept without a stamp.
  await load();
  expect(loadDrift(dir)).toEqual([]);
  // The same size and time cannot hide an edit of such a file.
  const file = path.join(dir, "pets.yaml");
  await writeFile(file, (await readFile(file, "utf8")).replace("Two fresh pets", "Two fresh stabs"));
  expect(loadDrift(dir)).toEqual(["pets.yaml"]);
});
