// Deliver 3 for docs/markdown: hostile strings stay inside their heading, cell, code span or fence (read back by remark).
import { describe, expect, test } from "vitest";
import { buildApi } from "../../../generator/model/api.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsMarkdownTarget } from "../../../generator/targets/docs-markdown/index.js";
import { endpointDoc, specInput } from "../../model/spec-input.js";
import { decodeCurlArgs, runCurlAll } from "../../render/http-snippets/decoders.js";
import { parseMarkdown, plainText, sectionsOf, tableRows, type MdNode } from "./parse-markdown.js";

const TRICKY: [string, string][] = [
  ["pipes", "a | b \\| c \\\\| d"],
  ["backticks", "one ` two `` three ``` four"],
  ["emphasis and links", "*x* _y_ **z** [l](u) ![i](s) <b>html</b> &amp; &copy;"],
  ["heading marks", "# not a heading ## ### #"],
  ["dollar and interpolation", "$HOME ${x} #{y} */ EOF"],
  ["backslashes", "\\ \\\\ \\* \\`"],
  ["non-ASCII", "café ✓ 日本語 😀"],
  ["list and quote starters", "- item\n> quote\n1. one"],
];

async function renderPage(s: string): Promise<{ root: MdNode; text: string }> {
  const op = {
    summary: `Title ${s}`,
    description: "Plain description.",
    operationId: "op",
    parameters: [
      { name: `p${s}`, in: "query", description: `param ${s}`, schema: { type: "string" }, examples: { ex: { summary: `Example ${s}`, value: s } } },
      { name: "X-Note", in: "header", schema: { type: "string" }, examples: { ex: { value: headerValue(s) } } },
    ],
    requestBody: {
      required: true,
      description: `body ${s}`,
      content: { "application/json": { schema: { type: "array", items: { type: "string" } }, examples: { ex: { summary: `Example ${s}`, value: [s, "```", s] } } } },
    },
    responses: {
      "200": { description: `ok ${s}`, content: { "application/json": { schema: { type: "object", properties: { [`f${s}`]: { type: "string", description: `field ${s}` } } }, examples: { ex: { value: { [s]: s } } } } } },
      "400": { description: `bad ${s}`, content: { "application/json": { schema: { type: "string" }, examples: { ex2: { summary: "other", value: "```\n" + s } } } } },
    },
  };
  const api = buildApi(specInput({ endpoints: { "things.yaml": endpointDoc("/things", { post: op }) } }));
  const text = (await docsMarkdownTarget.render(api, createRenderEnv())).get("things.md") ?? "";
  return { root: await parseMarkdown(text), text };
}

// A raw line break inside a shell quote can put a fence-like line inside the curl block.
const headerValue = (s: string) => `line\n\`\`\`\n~~~\n${s}`;
const oneLine = (s: string) => s.replace(/\n/g, " ");

describe.each(TRICKY)("markdown with %s", (_, s) => {
  test("every section survives and plain-text slots read back exactly", async () => {
    const { root } = await renderPage(s);
    const sections = sectionsOf(root);
    expect([...sections.keys()]).toEqual(["", "Request parameters", "Request example", "cURL example", "Status codes", "Response parameters", "Response example success 200", "Response example failure 400"]);
    const intro = sections.get("") ?? [];
    expect(plainText(intro[0] as MdNode)).toBe(`Title ${oneLine(s)}`);

    const params = tableRows((sections.get("Request parameters") ?? []).find((b) => b.type === "table") as MdNode);
    expect(params.map((r) => r.length)).toEqual([3, 3, 3, 3]);
    expect(params[1]?.slice(0, 2)).toEqual([`p${oneLine(s)}`, "string (query)"]);

    const status = tableRows((sections.get("Status codes") ?? []).find((b) => b.type === "table") as MdNode);
    expect(status.map((r) => r[0])).toEqual(["Code", "200", "400"]);

    const fields = tableRows((sections.get("Response parameters") ?? []).find((b) => b.type === "table") as MdNode);
    expect(fields.map((r) => r.slice(0, 2))).toEqual([["Parameter", "Type"], [`f${oneLine(s)}`, "string"]]);
  });

  test("code blocks hold the example values exactly", async () => {
    const { root } = await renderPage(s);
    const sections = sectionsOf(root);
    const code = (name: string) => ((sections.get(name) ?? []).find((b) => b.type === "code") as MdNode).value ?? "";
    expect(JSON.parse(code("Request example"))).toEqual([s, "```", s]);
    expect(JSON.parse(code("Response example success 200"))).toEqual({ [s]: s });
    expect(JSON.parse(code("Response example failure 400"))).toBe("```\n" + s);
    const [args] = runCurlAll([code("cURL example")]);
    expect(decodeCurlArgs(args ?? []).headers).toContainEqual(["X-Note", headerValue(s)]);
  });
});

describe("descriptions are markdown, but cannot swallow the page", () => {
  test.each([
    ["an unclosed fence", "Intro\n\n```js\nconst x = 1;"],
    ["an unclosed tilde fence", "~~~~\ncode"],
    ["a table pipe and line breaks", "a | b\nc\n\nd"],
  ])("%s", async (_, description) => {
    const op = { summary: "T", description, operationId: "op", parameters: [{ name: "q", in: "query", description, schema: { type: "string" } }], responses: { "200": { description } } };
    const api = buildApi(specInput({ endpoints: { "t.yaml": endpointDoc("/t", { get: op }) } }));
    const text = (await docsMarkdownTarget.render(api, createRenderEnv())).get("t.md") ?? "";
    const sections = sectionsOf(await parseMarkdown(text));
    expect([...sections.keys()]).toEqual(["", "Request parameters", "cURL example", "Status codes"]);
    const params = tableRows((sections.get("Request parameters") ?? []).find((b) => b.type === "table") as MdNode);
    expect(params.map((r) => r.length)).toEqual([3, 3]);
  });
});
