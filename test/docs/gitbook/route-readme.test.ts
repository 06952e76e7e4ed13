// A route README's "Endpoints" list names each endpoint once and unmistakably: by its path on an RPC-style spec
// (keyhub; Seam's pages, which the conformance tests match byte for byte), by method and path on a REST spec
// (groups), where several methods share a path.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsGitbookTarget } from "../../../generator/targets/docs-gitbook/index.js";
import { textOf } from "../../../generator/write/text.js";

/** Each route README's endpoint entries: the bold link text and the page it links to. */
async function routeEntries(name: string): Promise<Map<string, { text: string; link: string }[]>> {
  const api = buildApi(await loadSpec(path.resolve("spec", name)));
  const files = await docsGitbookTarget.render(api, createRenderEnv());
  const byReadme = new Map<string, { text: string; link: string }[]>();
  for (const [rel, content] of files) {
    if (!rel.endsWith("README.md")) continue;
    const entries = [...textOf(content).matchAll(/^\[\*\*`([^`]+)`\*\*\]\(([^)]+)\)$/gm)].map((m) => ({ text: m[1] as string, link: m[2] as string }));
    if (entries.length > 0) byReadme.set(rel, entries);
  }
  return byReadme;
}

describe("route README endpoint entries", () => {
  test("spec/groups (REST): each entry is its method and path, and no two entries read the same", async () => {
    const readmes = await routeEntries("groups");
    const entries = [...readmes.values()].flat();
    expect(entries.length).toBeGreaterThan(4);
    for (const list of readmes.values()) expect(new Set(list.map((e) => e.text)).size).toBe(list.length);
    for (const { text, link } of entries) {
      const [method, route] = text.split(" ");
      expect(method).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
      expect(route).toMatch(/^\/api\/v1\//);
      // A page named for its method (methods sharing a path) is the one its entry names.
      const named = /-(get|post|put|patch|delete)\.md$/.exec(link)?.[1];
      if (named) expect(named.toUpperCase()).toBe(method);
    }
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(["GET /api/v1/groups", "POST /api/v1/groups"]));
  });

  test("spec/keyhub (RPC): each entry is its path alone, as Seam's pages print it", async () => {
    const entries = [...(await routeEntries("keyhub")).values()].flat();
    expect(entries.length).toBeGreaterThan(4);
    for (const { text } of entries) expect(text).toMatch(/^\/[^ ]+$/);
    expect(new Set(entries.map((e) => e.text)).size).toBe(entries.length);
  });
});
