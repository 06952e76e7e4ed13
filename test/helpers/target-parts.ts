// Checks a target's `parts` contract (generator/targets/target.ts): each endpoint's part is made without seeing
// other endpoints, the shared files from fragments alone, fragments survive a JSON round trip (they are cached
// on disk), and together they make exactly what `render` makes with the whole API in view.
import { expect } from "vitest";
import type { Api } from "../../generator/model/types.js";
import type { RenderEnv } from "../../generator/render/env.js";
import type { AssembleMemo, EndpointFragment, Target } from "../../generator/targets/target.js";
import { textOf } from "../../generator/write/text.js";

/** The API with every way to reach other endpoints replaced by a throwing getter. */
export function isolateApi(api: Api): Api {
  const trap = (what: string) => () => {
    throw new Error(`parts contract: ${what} read while rendering one endpoint or assembling`);
  };
  const isolated = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(api)) isolated[key] = (api as unknown as Record<string, unknown>)[key];
  isolated["findResources"] = api.findResources;
  Object.defineProperty(isolated, "endpoints", { get: trap("api.endpoints") });
  isolated["routes"] = api.routes.map((route) => {
    const copy = { ...route } as Record<string, unknown>;
    Object.defineProperty(copy, "endpointIds", { get: trap(`route ${route.path} endpointIds`) });
    return copy;
  });
  Object.defineProperty(isolated, "document", {
    get: () => {
      const doc = { ...api.document } as Record<string, unknown>;
      Object.defineProperty(doc, "paths", { get: trap("api.document.paths"), enumerable: true });
      return doc;
    },
  });
  return isolated as unknown as Api;
}

/** An assemble memo that counts what it is asked, holding at most one value like the store. */
class RecordingMemo implements AssembleMemo {
  hits = 0;
  sets = 0;
  constructor(public kept?: [string, unknown]) {}
  get(key: string): { value: unknown } | undefined {
    if (this.kept?.[0] !== key) return undefined;
    this.hits++;
    return { value: this.kept[1] };
  }
  set(key: string, value: unknown): void {
    this.sets++;
    this.kept = [key, value];
  }
}

/** Renders through the parts with an isolated API and asserts the contract; returns the number of files compared. */
export async function expectPartsMatchRender(target: Target, api: Api, env: RenderEnv): Promise<number> {
  const parts = target.parts;
  expect(parts, "target has parts").toBeDefined();
  if (!parts) return 0;
  const want = await target.render(api, env);
  const isolated = isolateApi(api);
  const got = new Map<string, string>();
  const fragments: EndpointFragment[] = [];
  for (const endpoint of api.endpoints) {
    const part = parts.endpoint(isolated, endpoint, env);
    for (const [rel, content] of part.files) {
      expect(got.has(rel), `${rel} produced twice`).toBe(false);
      got.set(rel, content);
    }
    const roundTripped = JSON.parse(JSON.stringify(part.fragment ?? null)) as unknown;
    expect(roundTripped, `fragment of ${endpoint.id} survives JSON`).toEqual(part.fragment ?? null);
    fragments.push({ id: endpoint.id, fragment: roundTripped });
  }
  const prepared = parts.prepare ? JSON.parse(JSON.stringify((await parts.prepare(isolated, env)) ?? null)) : undefined;
  const memo = new RecordingMemo();
  const assembled = await parts.assemble(isolated, fragments, env, prepared, memo);
  for (const [rel, content] of assembled) {
    expect(got.has(rel), `${rel} produced by a part and by assemble`).toBe(false);
    got.set(rel, textOf(content));
  }
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [rel, content] of want) expect(got.get(rel), rel).toBe(content);
  if (memo.kept) {
    // What assemble kept (as the store would: through JSON) is found by the next assemble of the same fragments,
    // which then makes the same files without keeping anything new.
    const next = new RecordingMemo(JSON.parse(JSON.stringify(memo.kept)) as [string, unknown]);
    const again = await parts.assemble(isolated, fragments, env, prepared, next);
    expect(next.hits).toBe(1);
    expect(next.sets).toBe(0);
    for (const [rel, content] of again) expect(textOf(content), `${rel} from the memo`).toBe(got.get(rel));
  }
  if (parts.renderAll) {
    // The cold path's parts, prepared value and assembled files are the ones made part by part.
    const all = await parts.renderAll(api, env);
    expect(all.parts.length).toBe(fragments.length);
    all.parts.forEach((part, i) => {
      expect(JSON.parse(JSON.stringify(part.fragment ?? null)), `renderAll fragment ${i}`).toEqual(fragments[i]?.fragment);
      for (const [rel, content] of part.files) expect(content, `renderAll ${rel}`).toBe(got.get(rel));
    });
    expect(JSON.parse(JSON.stringify(all.prepared ?? null))).toEqual(prepared ?? null);
    for (const [rel, content] of all.assembled) expect(textOf(content), `renderAll ${rel}`).toBe(got.get(rel));
    // The memo it hands on is the one assemble keeps for the same parts.
    expect(JSON.parse(JSON.stringify(all.memo ?? null))).toEqual(JSON.parse(JSON.stringify(memo.kept ?? null)));
  }
  return want.size;
}
