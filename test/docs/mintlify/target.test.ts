// docs/mintlify on small APIs: strings from the spec stay inside their JSON/YAML/markdown/code context,
// checked with real parsers (JSON, yaml, TypeScript, sh-syntax) and CommonMark's fence rules.
import { parse as parseShell } from "sh-syntax";
import ts from "typescript";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { bundleDocument } from "../../../generator/model/document.js";
import { sliceEndpointDocument } from "../../../generator/targets/docs-mintlify/endpoint-page.js";
import { renderMintlify } from "../../../generator/targets/docs-mintlify/index.js";
import { endpointDoc, specInput } from "../../model/spec-input.js";
import { extractFence } from "./fence.js";

const NASTY = 'say "hi" it\'s `x` ${HOME} #{y} */ -- \\ \u00e9\n---\n````\nEOF\n# not a heading';

function nastyApi(settings: Record<string, string> = {}) {
  const op = {
    tags: ["things"],
    summary: "/things/create",
    description: `Creates a thing.\n\n${NASTY}`,
    operationId: "thingsCreatePost",
    requestBody: {
      content: {
        "application/json": {
          schema: { type: "object", properties: { name: { type: "string", description: NASTY } } },
          examples: { make_it: { summary: "Make it", description: NASTY, value: { name: NASTY } } },
        },
      },
    },
    responses: {
      "200": {
        description: "OK",
        content: {
          "application/json": {
            schema: { type: "object", properties: { thing: { $ref: "../_api.yaml#/components/schemas/thing" } } },
            examples: { make_it: { summary: "Make it", value: { thing: { name: NASTY, id: "t1" } } } },
          },
        },
      },
    },
    security: [{ api_key: [] }],
    "x-title": `Create a "thing" \`now\`\n# twice`,
    "x-fern-sdk-group-name": ["things"],
    "x-fern-sdk-method-name": "create",
    "x-response-key": "thing",
  };
  const shared = {
    openapi: "3.0.0",
    info: { title: `API ${NASTY}`, version: "1" },
    servers: [{ url: "https://example.com" }],
    tags: [{ name: "things", description: NASTY }],
    paths: {},
    components: {
      securitySchemes: { api_key: { type: "http", scheme: "bearer" }, unused: { type: "http", scheme: "basic" } },
      schemas: {
        thing: { type: "object", description: NASTY, properties: { name: { type: "string" }, id: { type: "string" } } },
      },
    },
    "x-client-name": "acme",
    ...settings,
  };
  const endpoint = {
    openapi: "3.0.0",
    info: shared.info,
    servers: shared.servers,
    security: [],
    tags: shared.tags,
    paths: { "/things/create": { post: op } },
  };
  const spec = specInput({ shared, endpoints: { "things/create.yaml": endpoint } });
  return { api: buildApi(spec), document: bundleDocument(spec) };
}

describe("docs/mintlify with hostile strings", () => {
  const { api, document } = nastyApi();
  const files = renderMintlify({ api, env: createRenderEnv(), document });
  const published = JSON.parse(files.get("openapi.json") as string);
  const op = published.paths["/things/create"].post;
  const sample = (label: string) =>
    op["x-codeSamples"].find((s: { label: string }) => s.label === label).source as string;

  test("openapi.json: strings intact, operation decorated, examples and SDK extensions gone", () => {
    expect(published.info.title).toBe(`API ${NASTY}`);
    expect(op.summary).toBe(`Create a "thing" \`now\`\n# twice`);
    expect(op["x-mint"]).toEqual({ href: "/api/things/create" });
    expect(Object.keys(op).filter((k) => k.startsWith("x-"))).toEqual([
      "x-title",
      "x-response-key",
      "x-mint",
      "x-codeSamples",
    ]);
    expect(op.requestBody.content["application/json"].examples).toBeUndefined();
    expect(op["x-codeSamples"].map((s: { lang: string; label: string }) => `${s.lang}:${s.label}`)).toEqual([
      "javascript:Acme SDK",
      "bash:cURL",
      "python:Acme SDK",
      "ruby:Acme SDK",
      "php:Acme SDK",
      "bash:Acme CLI",
    ]);
  });

  test("JavaScript: parses, and the result comment holds the returned value", () => {
    const source = sample("Acme SDK");
    const file = ts.createSourceFile("s.ts", source, ts.ScriptTarget.ES2022, true);
    expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(file.statements).toHaveLength(1);
    const comment = /\n\/\*\n([\s\S]*)\n\*\/$/.exec(source)?.[1] as string;
    expect(JSON.parse(comment)).toEqual({ name: NASTY, id: "t1" });
  });

  test.each([
    ["cURL", { thing: { name: NASTY, id: "t1" } }],
    ["Acme CLI", { name: NASTY, id: "t1" }],
  ])("%s: one shell command, the response entirely in comments", async (label, want) => {
    const file = await parseShell(sample(label));
    expect(file.Stmts).toHaveLength(1);
    // Comments after the last statement (sh-syntax types leave `Last` out).
    const last = (file as unknown as { Last?: { Text: string }[] }).Last ?? [];
    const comments = last.map((c) => c.Text.replace(/^ /, ""));
    const json = comments[0] === "Response:" ? comments.slice(1) : comments;
    expect(JSON.parse(json.join("\n"))).toEqual(want);
  });

  test("page: one-line title, quoted description, YAML block that parses back to the endpoint's slice", () => {
    const page = files.get("api/things/create.md") as string;
    const lines = page.split("\n");
    expect(lines[0]).toBe('# Create a "thing" `now` # twice');
    const quoted = lines.slice(2, lines.indexOf("## OpenAPI")).filter((l) => l !== "");
    expect(quoted.every((l) => l === ">" || l.startsWith("> "))).toBe(true);
    const block = extractFence(page);
    expect(block.info).toBe("yaml /openapi.json post /things/create");
    const slice = YAML.parse(block.content);
    expect(slice).toEqual(sliceEndpointDocument(published, "/things/create", "post"));
    expect(Object.keys(slice.components.securitySchemes)).toEqual(["api_key"]);
    expect(Object.keys(slice.components.schemas)).toEqual(["thing"]);
    expect(Object.keys(slice.paths["/things/create"].post)).toEqual([
      "tags",
      "summary",
      "description",
      "operationId",
      "requestBody",
      "responses",
      "security",
      "x-codeSamples",
    ]);
  });
});

describe("docs/mintlify on the bundled specs", () => {
  test.each(["groups", "keyhub"])(
    "spec/%s: every page's block parses back to its slice of openapi.json",
    async (id) => {
      const spec = await loadSpec(`spec/${id}`, { examples: "warn" });
      const api = buildApi(spec);
      const files = renderMintlify({ api, env: createRenderEnv(), document: bundleDocument(spec) });
      const published = JSON.parse(files.get("openapi.json") as string);
      const documented = api.endpoints.filter((e) => !e.flags.undocumented);
      expect(files.size).toBe(documented.length + 1);
      let withSamples = 0;
      for (const e of documented) {
        const block = extractFence(
          files.get(
            [...files.keys()].find(
              (k) => k.endsWith(`${e.path.slice(1)}.md`) || k.endsWith(`${e.path.slice(1)}/${e.preferredMethod}.md`),
            ) as string,
          ) as string,
        );
        expect(YAML.parse(block.content)).toEqual(sliceEndpointDocument(published, e.path, e.preferredMethod));
        if (published.paths[e.path][e.preferredMethod]["x-codeSamples"]) withSamples++;
      }
      // Every endpoint with an example gets samples: SDK calls for keyhub, raw HTTP for groups.
      expect(withSamples).toBe(documented.filter((e) => e.examples.length > 0).length);
      expect(withSamples).toBeGreaterThan(0);
    },
  );
});

describe("page settings", () => {
  test("x-docs-index-url adds the Documentation Index preamble of seed 003; x-mintlify-href-prefix moves pages", () => {
    const { api, document } = nastyApi({
      "x-docs-index-url": "https://docs.seam.co/llms.txt",
      "x-mintlify-href-prefix": "/reference/",
    });
    const files = renderMintlify({ api, env: createRenderEnv(), document });
    const page = files.get("reference/things/create.md") as string;
    expect(page.split("\n").slice(0, 5)).toEqual([
      "> ## Documentation Index",
      "> Fetch the complete documentation index at: https://docs.seam.co/llms.txt",
      "> Use this file to discover all available pages before exploring further.",
      "",
      '# Create a "thing" `now` # twice',
    ]);
    expect(JSON.parse(files.get("openapi.json") as string).paths["/things/create"].post["x-mint"]).toEqual({
      href: "/reference/things/create",
    });
  });

  test("the API's root (`/`) is the prefix's own page: no page file without a name, no href ending in a slash", () => {
    const ok = { description: "OK", content: { "application/json": { schema: { type: "object" } } } };
    for (const [prefix, page, href] of [
      ["/api", "api.md", "/api"],
      ["/", "_root.md", "/"],
    ] as const) {
      const spec = specInput({
        shared: { openapi: "3.0.0", info: { title: "T", version: "1" }, servers: [{ url: "https://example.com" }], paths: {}, "x-mintlify-href-prefix": prefix },
        endpoints: {
          "_root.yaml": endpointDoc("/", { get: { summary: "Root", responses: { "200": ok } } }),
          "things.yaml": endpointDoc("/things", { get: { summary: "Things", responses: { "200": ok } } }),
        },
      });
      const files = renderMintlify({ api: buildApi(spec), env: createRenderEnv(), document: bundleDocument(spec) });
      expect([...files.keys()].filter((rel) => rel.split("/").some((name) => name === "" || name.startsWith(".")))).toEqual([]);
      expect(files.has(page), `${prefix}: ${[...files.keys()].join(", ")}`).toBe(true);
      expect(JSON.parse(files.get("openapi.json") as string).paths["/"].get["x-mint"]).toEqual({ href });
    }
  });
});
