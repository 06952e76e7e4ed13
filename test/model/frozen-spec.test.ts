// No target mutates the loaded spec: the bundled document shares every subtree without a `$ref` to rewrite with
// the loaded files (model/document.ts), and a watch session keeps those files between builds. Every target renders
// the bundled APIs with each loaded document deep-frozen (a write then throws: modules are strict) and makes the
// same files as from an unfrozen load.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import { bundleDocument } from "../../generator/model/document.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { TARGET_IDS, targets } from "../../generator/targets/index.js";
import { textOf } from "../../generator/write/text.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v, seen);
}

async function renderAll(dir: string, freeze: boolean): Promise<Map<string, string>> {
  const spec = await loadSpec(dir);
  if (freeze) for (const file of [spec.shared, ...spec.endpoints]) deepFreeze(file?.doc);
  const api = buildApi({ apiId: spec.apiId, shared: spec.shared, endpoints: spec.endpoints, resolve: spec.resolve });
  const env = createRenderEnv({});
  const out = new Map<string, string>();
  for (const id of TARGET_IDS) {
    const target = targets[id];
    if (!target.appliesTo(api)) continue;
    for (const [rel, content] of await target.render(api, env)) out.set(`${id}/${rel}`, content);
    // The cold path through the parts too (the client's prints each path item's share in process from sources).
    const all = target.parts?.renderAll ? await target.parts.renderAll(api, env) : undefined;
    for (const part of all?.parts ?? []) for (const [rel, content] of part.files) out.set(`${id} parts/${rel}`, content);
    for (const [rel, content] of all?.assembled ?? []) out.set(`${id} parts/${rel}`, textOf(content));
  }
  return out;
}

describe.each(["keyhub", "groups"])("spec/%s", (name) => {
  const dir = path.join(REPO, "spec", name);

  test("the bundled document shares the loaded subtrees that bundling leaves as they are, and copies the others", async () => {
    const spec = await loadSpec(dir);
    const doc = bundleDocument(spec);
    const pairs: [string, unknown, unknown][] = [];
    for (const file of [spec.shared, ...spec.endpoints]) {
      for (const [name, schema] of Object.entries(file?.doc?.components?.schemas ?? {})) pairs.push([`${file?.rel} ${name}`, schema, doc["components"]["schemas"][name]]);
    }
    for (const file of spec.endpoints) pairs.push([file.rel, file.doc?.paths?.[file.path], doc["paths"][file.path]]);
    let shared = 0;
    for (const [what, loaded, bundled] of pairs) {
      if (JSON.stringify(bundled) === JSON.stringify(loaded)) {
        expect(bundled, what).toBe(loaded);
        shared++;
      } else expect(bundled, what).not.toBe(loaded);
    }
    expect(shared).toBeGreaterThan(0);
  });

  test("every target renders from frozen loaded documents, and makes the same files", async () => {
    const frozen = await renderAll(dir, true);
    const plain = await renderAll(dir, false);
    expect(frozen.size).toBeGreaterThan(50);
    expect([...frozen.keys()]).toEqual([...plain.keys()]);
    for (const [rel, content] of plain) expect(frozen.get(rel), rel).toBe(content);
  }, 60_000);
});
