// buildApi reuses the previous build's endpoints of files whose text, $ref targets and _api.yaml are unchanged
// (what a watch session relies on), and rebuilds the rest; the reused model equals a fresh build's.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import { bundleDocument } from "../../generator/model/document.js";
import { isBodyBuilt } from "../../generator/model/endpoint.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-memo-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("an edit rebuilds only the edited file's endpoints; a shared edit rebuilds all", async () => {
  const dir = path.join(tmp, "keyhub");
  cpSync(path.join(REPO, "spec/keyhub"), dir, { recursive: true });
  const first = buildApi(await loadSpec(dir));
  // Bodies are built on first read, as a render reads them; only built endpoints are reused.
  expect(first.endpoints.filter(isBodyBuilt)).toEqual([]);
  JSON.stringify(first.endpoints);
  expect(first.endpoints.every(isBodyBuilt)).toBe(true);
  const file = path.join(dir, "spaces/get.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("Looks up one space by its ID and returns it.", "Looks up one space."));
  const spec = await loadSpec(dir);
  const second = buildApi(spec);
  const byId = new Map(first.endpoints.map((e) => [e.id, e]));
  const reused = second.endpoints.filter((e) => byId.get(e.id) === e);
  expect(reused.length).toBe(first.endpoints.length - 1);
  const edited = second.endpoints.find((e) => e.id === "/spaces/get");
  expect(edited).not.toBe(byId.get("/spaces/get"));
  expect(edited?.description).toBe("Looks up one space.");
  // Reused endpoints give the same model and path items as a build from scratch (no input hashes: no memo).
  const fresh = buildApi({ apiId: spec.apiId, shared: spec.shared, endpoints: spec.endpoints, resolve: spec.resolve });
  expect(JSON.parse(JSON.stringify(second.endpoints))).toEqual(JSON.parse(JSON.stringify(fresh.endpoints)));
  const document = bundleDocument(spec);
  for (const e of second.endpoints) expect(e.pathItem, e.id).toEqual(document["paths"][e.path]);

  const shared = path.join(dir, "_api.yaml");
  writeFileSync(shared, readFileSync(shared, "utf8") + "x-memo-test: 1\n");
  const third = buildApi(await loadSpec(dir));
  expect(third.endpoints.filter((e) => second.endpoints.includes(e))).toEqual([]);
});

test("endpoints whose body was never read are reused too, and build against the new spec when read", async () => {
  const dir = path.join(tmp, "keyhub-unread");
  cpSync(path.join(REPO, "spec/keyhub"), dir, { recursive: true });
  const first = buildApi(await loadSpec(dir));
  const read = first.endpoints[0]!;
  void read.parameters;
  const spec = await loadSpec(dir);
  // The second spec is another object with other documents: a body built against the first would keep them.
  const resolved: string[] = [];
  const second = buildApi({ ...spec, resolve: (fromRel, ref) => (resolved.push(ref), spec.resolve(fromRel, ref)) });
  expect(second.endpoints.length).toBe(first.endpoints.length);
  expect(second.endpoints.every((e, i) => e === first.endpoints[i])).toBe(true);
  expect(second.endpoints.filter(isBodyBuilt)).toEqual([read]);
  // Read now, the unread ones equal those of an eager build (the body is the same whenever it is built), and
  // resolve their refs through the second build's spec.
  const fresh = buildApi({ apiId: spec.apiId, shared: spec.shared, endpoints: spec.endpoints, resolve: spec.resolve });
  expect(JSON.parse(JSON.stringify(second.endpoints))).toEqual(JSON.parse(JSON.stringify(fresh.endpoints)));
  expect(resolved.length).toBeGreaterThan(0);
  expect(Object.keys(second.endpoints[1]!)).toEqual(Object.keys(JSON.parse(JSON.stringify(fresh.endpoints[1]))));
});

test("documentFrame is the document with empty paths; the next build hands over the same frame until components or the head change", async () => {
  const dir = path.join(tmp, "groups-frame");
  cpSync(path.join(REPO, "spec/groups"), dir, { recursive: true });
  const first = buildApi(await loadSpec(dir));
  const { paths, ...rest } = first.document;
  expect(Object.keys(paths).length).toBeGreaterThan(0);
  expect(first.documentFrame).toEqual({ ...rest, paths: {} });
  expect(Object.keys(first.documentFrame ?? {})).toEqual(Object.keys(first.document));

  // An endpoint's operation changes: same frame object (a worker keeps its context for it).
  const endpointFile = path.join(dir, "api/v1/groups.yaml");
  writeFileSync(endpointFile, readFileSync(endpointFile, "utf8").replace(/summary: .*/, "summary: Edited summary"));
  const second = buildApi(await loadSpec(dir));
  expect(second.document["paths"]).not.toEqual(paths);
  expect(second.documentFrame).toBe(first.documentFrame);

  // A component changes: a new frame, equal to the new document's.
  const shared = path.join(dir, "_api.yaml");
  writeFileSync(shared, readFileSync(shared, "utf8").replace("Session cookie that", "Edited session cookie that"));
  const third = buildApi(await loadSpec(dir));
  expect(third.documentFrame).not.toBe(second.documentFrame);
  const { paths: _p, ...thirdRest } = third.document;
  expect(third.documentFrame).toEqual({ ...thirdRest, paths: {} });
  expect(third.documentFrame).not.toEqual(first.documentFrame);
});
