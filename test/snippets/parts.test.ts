// The snippet targets' parts: each endpoint's snippet files alone, snippets.json from the endpoints' fragments
// (checked by expectPartsMatchRender with an API whose other endpoints are unreachable).
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { printSnippetsIndex, snippetLanguageIds, snippetLanguageTargets, snippetsIndexTarget } from "../../generator/targets/snippets.js";
import type { EndpointFragment, Target } from "../../generator/targets/target.js";
import { textOf } from "../../generator/write/text.js";
import { requireCorpus, useImportedSeamApi } from "../helpers/seam.js";
import { expectPartsMatchRender } from "../helpers/target-parts.js";

const REPO = path.resolve(import.meta.dirname, "../..");

/** The snippet targets that apply to the API, by id. */
function snippetTargets(api: Api): [string, Target][] {
  const languages = snippetLanguageIds(api).map((id): [string, Target] => [id, snippetLanguageTargets[`snippets/${id}`]]);
  return [...languages, ["index", snippetsIndexTarget]];
}

/** Compares every snippet target's parts with its render; returns the files compared per target. */
async function compareAll(api: Api): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [id, target] of snippetTargets(api)) counts[id] = await expectPartsMatchRender(target, api, createRenderEnv());
  return counts;
}

describe.each(["keyhub", "groups"])("snippet parts on spec/%s", (id) => {
  test("parts make the same files as render, each endpoint alone", async () => {
    const api = buildApi(await loadSpec(path.join(REPO, "spec", id)));
    const counts = await compareAll(api);
    const examples = api.endpoints.reduce((n, e) => n + e.examples.length, 0);
    for (const language of snippetLanguageIds(api)) expect(counts[language]).toBe(examples);
    expect(counts["index"]).toBe(1);
  });
});

describe.skipIf(requireCorpus() === null)("snippet parts on Seam's imported spec", () => {
  let api: Api;
  const seamApi = useImportedSeamApi();
  beforeAll(() => {
    api = seamApi();
  });

  test("parts make the same files as render, each endpoint alone", async () => {
    const counts = await compareAll(api);
    console.log(`snippet parts on Seam: files compared ${JSON.stringify(counts)}`);
    for (const language of snippetLanguageIds(api)) expect(counts[language]).toBeGreaterThan(0);
    expect(counts["index"]).toBe(1);
  }, 120_000);
});

describe("printSnippetsIndex (snippets.json in pieces) prints what JSON.stringify prints", () => {
  // A fragment is its entry as the index prints it, two levels deep; the oracle prints the parsed entries whole.
  const stringify = (api: string, languages: string[], fragments: EndpointFragment[]) => {
    const endpoints: Record<string, unknown> = {};
    for (const { id, fragment } of fragments) if (fragment !== null && fragment !== undefined) endpoints[id] = JSON.parse(fragment as string);
    return JSON.stringify({ api, languages, endpoints }, null, 2) + "\n";
  };
  const entry = (title: string) =>
    JSON.stringify({ method: "GET", title, examples: { a: { title: "ä \u2028 😀", languages: { curl: { request: "curl 'x'\n" } } } } }, null, 2).replace(/\n/g, "\n    ");
  test.each([
    ["no entries", [] as string[], [{ id: "/a", fragment: null }]],
    ["entries and gaps", ["curl", "fetch"], [{ id: "/a", fragment: entry("A") }, { id: "/b", fragment: null }, { id: "get /c", fragment: entry('"C"') }]],
    ["an id twice (the later value, in the first place)", ["curl"], [{ id: "/a", fragment: entry("1") }, { id: "/b", fragment: entry("2") }, { id: "/a", fragment: entry("3") }]],
    ["an integer-like id (objects order those first)", ["curl"], [{ id: "/a", fragment: entry("1") }, { id: "42", fragment: entry("2") }]],
    ["__proto__", ["curl"], [{ id: "__proto__", fragment: entry("1") }]],
  ] as [string, string[], EndpointFragment[]][])("%s", (_name, languages, fragments) => {
    expect(textOf(printSnippetsIndex("api", languages, fragments))).toBe(stringify("api", languages, fragments));
  });

  test.each(["keyhub", "groups"])("spec/%s", async (id) => {
    const api = buildApi(await loadSpec(path.join(REPO, "spec", id)));
    const parts = snippetsIndexTarget.parts!;
    const fragments = api.endpoints.map((e) => ({ id: e.id, fragment: parts.endpoint(api, e, createRenderEnv()).fragment }));
    expect(fragments.filter((f) => f.fragment !== null).length).toBeGreaterThan(0);
    expect(textOf(printSnippetsIndex(api.id, snippetLanguageIds(api), fragments))).toBe(stringify(api.id, snippetLanguageIds(api), fragments));
  });
});
