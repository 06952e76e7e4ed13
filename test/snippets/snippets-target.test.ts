import { execFileSync } from "node:child_process";
import ts from "typescript";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { snippetLanguageIds, snippetLanguageTargets, snippetsIndexTarget } from "../../generator/targets/snippets.js";

const env = createRenderEnv();
const apis: Record<string, Api> = {};
beforeAll(async () => {
  for (const id of ["keyhub", "groups"]) apis[id] = buildApi(await loadSpec(`spec/${id}`));
});

async function renderLanguage(api: Api, id: string): Promise<Map<string, string>> {
  const target = snippetLanguageTargets[`snippets/${id}` as keyof typeof snippetLanguageTargets];
  return target.render(api, env);
}

describe("snippets targets", () => {
  test.each(["keyhub", "groups"])("%s: one file per example in each of the API's languages; the index has them all", async (id) => {
    const api = apis[id]!;
    const examples = api.endpoints.flatMap((e) => e.examples.map((x) => ({ e, x })));
    const index = JSON.parse((await snippetsIndexTarget.render(api, env)).get("snippets.json")!);
    expect(index.languages).toEqual(api.hasSdk ? ["javascript", "curl", "python", "ruby", "php", "cli"] : ["curl", "fetch", "requests", "net_http", "php_curl"]);
    for (const lang of snippetLanguageIds(api)) {
      const files = await renderLanguage(api, lang);
      expect(files.size).toBe(examples.length);
      for (const { e, x } of examples) {
        const entry = index.endpoints[e.id].examples[x.key].languages[lang];
        const file = [...files.entries()].find(([name]) => name.endsWith(`/${x.key}${name.slice(name.lastIndexOf("."))}`) && name.startsWith(e.path.slice(1)));
        expect(file?.[1]).toBe(entry.request.endsWith("\n") ? entry.request : entry.request + "\n");
      }
    }
  });

  test("JavaScript snippet files parse (TypeScript parser) and Python files parse (python3 ast)", async () => {
    const js = [...(await renderLanguage(apis["keyhub"]!, "javascript")), ...(await renderLanguage(apis["groups"]!, "fetch"))];
    for (const [name, text] of js) {
      const source = ts.createSourceFile(name, `async function f() {\n${text}}\n`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
      expect(diagnostics, name).toEqual([]);
    }
    const py = [...(await renderLanguage(apis["keyhub"]!, "python")), ...(await renderLanguage(apis["groups"]!, "requests"))];
    const script = "import ast,json,sys\nfor name,text in json.load(sys.stdin):\n    ast.parse(text, name)\nprint('ok', len(sys.argv))";
    const out = execFileSync("python3", ["-c", script], { input: JSON.stringify([...py]) }).toString();
    expect(out.trim()).toBe("ok 1");
  });
});
