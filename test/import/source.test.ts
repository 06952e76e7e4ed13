import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { UserError } from "../../generator/errors.js";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { toYaml } from "../../generator/import/yaml.js";
import { corpusDir } from "../helpers/seam.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "specsmith-import-src-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<string> {
  const abs = path.join(dir, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, text);
  return abs;
}

async function reportOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).report().replaceAll(dir + path.sep, "").replaceAll(dir, "");
}

const out = () => path.join(dir, "out");

describe("source errors are UserErrors with locations", () => {
  test.each([
    ["missing file", { files: {}, source: "nope.yaml", want: "spec file not found: nope.yaml" }],
    ["bad YAML with line:col", { files: { "s.yaml": "openapi: 3.0.0\npaths:\n  /a: [\n" }, source: "s.yaml", want: "s.yaml: invalid YAML\ns.yaml:4:1" }],
    ["bad JSON with line:col", { files: { "s.json": '{\n  "openapi": "3.0.0",\n}' }, source: "s.json", want: "s.json: invalid JSON\ns.json:3:1  Expected double-quoted property name" }],
    ["not OpenAPI", { files: { "s.yaml": "title: x\n" }, source: "s.yaml", want: 's.yaml: not an OpenAPI 3.x document (openapi: null)' }],
    ["swagger 2", { files: { "s.yaml": "swagger: '2.0'\n" }, source: "s.yaml", want: "Swagger/OpenAPI 2.0 is not supported" }],
    ["unresolvable module", { files: {}, source: "@nope/not-installed#openapi", want: "cannot resolve module @nope/not-installed" }],
    ["missing export", { files: {}, source: "yaml#noSuchExport", want: 'module yaml has no export "noSuchExport"' }],
    ["dangling external ref", { files: { "s.yaml": "openapi: 3.0.0\npaths:\n  /a:\n    $ref: ./p.yaml#/nope\n", "p.yaml": "x: 1\n" }, source: "s.yaml", want: "cannot resolve $ref ./p.yaml#/nope" }],
  ] as [string, { files: Record<string, string>; source: string; want: string }][])("%s", async (_, { files, source, want }) => {
    for (const [rel, text] of Object.entries(files)) await put(rel, text);
    const cwd = process.cwd();
    const abs = source.includes("#") ? source : path.join(dir, source);
    process.chdir(source.includes("#") ? cwd : dir);
    try {
      expect(await reportOf(importSpec({ source: abs, out: out() }))).toContain(want);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("multi-file specs are bundled", () => {
  test("external refs are inlined; internal component refs stay refs", async () => {
    await put("schemas/pet.yaml", "Pet:\n  type: object\n  properties:\n    owner:\n      $ref: '#/Owner'\n    tag:\n      $ref: ../common.yaml#/Tag\nOwner:\n  type: string\n");
    await put("common.yaml", "Tag:\n  type: string\n  format: slug\n");
    const spec = await put(
      "openapi.yaml",
      [
        "openapi: 3.1.0",
        "info: { title: Pets, version: '1' }",
        "paths:",
        "  /pets/{id}:",
        "    get:",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema: { $ref: ./schemas/pet.yaml#/Pet }",
        "    put:",
        "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Local' } } } }",
        "      responses: { '204': { description: done } }",
        "components:",
        "  schemas:",
        "    Local: { type: object }",
      ].join("\n"),
    );
    const result = await importSpec({ source: spec, out: out() });
    expect(result.counts).toMatchObject({ paths: 1, operations: 2, files: 2 });
    const doc = parse(await readFile(path.join(out(), "pets/{id}.yaml"), "utf8"));
    const item = doc.paths["/pets/{id}"];
    expect(item.get.responses["200"].content["application/json"].schema).toEqual({
      type: "object",
      properties: { owner: { type: "string" }, tag: { type: "string", format: "slug" } },
    });
    expect(item.put.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Local" });
    expect(doc.components.schemas).toEqual({ Local: { type: "object" } });
    expect(doc.security).toEqual([]);
  });
});

describe("code samples on a small spec", () => {
  test("path params, body values in sample order, response by key; unknown path warns", async () => {
    const spec = await put(
      "s.json",
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "T", version: "1" },
        paths: {
          "/things/{id}": {
            post: {
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
              requestBody: { content: { "application/json": { schema: { type: "object" } } } },
              responses: { "201": { description: "c", content: { "application/json": { schema: { type: "object" } } } } },
            },
          },
        },
      }),
    );
    const samples = [
      "- title: Update a thing",
      "  description: Changes it.",
      "  request: { path: '/things/{id}', parameters: { z: 1, id: t1, a: [2] } }",
      "  response: { body: { thing: { id: t1 } } }",
      "- title: Update a thing",
      "  request: { path: '/things/{id}' }",
      "  response: { body: null }",
      "- title: Elsewhere",
      "  request: { path: /missing }",
      "  response: { body: null }",
    ].join("\n");
    await put("samples/things.yaml", samples);
    const result = await importSpec({ source: spec, out: out(), codeSamples: path.join(dir, "samples") });
    expect(result.warnings).toEqual([expect.stringContaining('code sample "Elsewhere": path /missing is not in the spec')]);
    const op = parse(await readFile(path.join(out(), "things/{id}.yaml"), "utf8")).paths["/things/{id}"].post;
    const body = op.requestBody.content["application/json"].examples;
    expect(Object.keys(body)).toEqual(["update_a_thing", "update_a_thing_2"]);
    expect(body.update_a_thing).toEqual({ summary: "Update a thing", description: "Changes it.", value: { z: 1, a: [2] } });
    expect(Object.keys(body.update_a_thing.value)).toEqual(["z", "a"]);
    expect(body.update_a_thing_2).toEqual({ summary: "Update a thing", value: {} });
    expect(op.parameters[0].examples).toEqual({ update_a_thing: { summary: "Update a thing", value: "t1" } });
    expect(op.responses["201"].content["application/json"].examples).toEqual({
      update_a_thing: { summary: "Update a thing", value: { thing: { id: "t1" } } },
    });
  });
});

describe("YAML style", () => {
  test.skipIf(corpusDir() === null)("re-emitting seed 003's YAML block gives its bytes", async () => {
    const seedDir = path.resolve(corpusDir() as string, "../../seeds");
    const names = (await import("node:fs")).readdirSync(seedDir).filter((n) => n.startsWith("003_"));
    const text = await readFile(path.join(seedDir, names[0] as string), "utf8");
    const block = /````yaml[^\n]*\n([\s\S]*?)````/.exec(text)?.[1] as string;
    // The page ends the block with one blank line before the fence.
    expect(toYaml(parse(block))).toBe(block.replace(/\n\n$/, "\n"));
  });

  test.each([
    ["status keys single-quoted, empty collections in flow", { given: { responses: { "200": { description: "OK" } }, security: [], paths: {} }, want: "responses:\n  '200':\n    description: OK\nsecurity: []\npaths: {}\n" }],
    ["sequences indented under their key", { given: { required: ["a", "b"] }, want: "required:\n  - a\n  - b\n" }],
    ["reserved-looking strings quoted", { given: { a: "true", b: "1.5", c: "null", d: "3.0.0", e: "x: y" }, want: "a: 'true'\nb: '1.5'\nc: 'null'\nd: 3.0.0\ne: 'x: y'\n" }],
    ["long string folded at 80 columns", { given: { description: "word ".repeat(20).trim() }, want: `description: >-\n  ${"word ".repeat(15).trim()}\n  ${"word ".repeat(5).trim()}\n` }],
  ] as [string, { given: unknown; want: string }][])("%s", (_, { given, want }) => expect(toYaml(given)).toBe(want));
});

describe("import and load agree on file names", () => {
  test("a path with a leading underscore and a colon imports to files the loader accepts", async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), "specsmith-names-"));
    try {
      const op = (id: string) => ({ operationId: id, responses: { "200": { description: "OK" } } });
      const doc = { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/_health": { get: op("health") }, "/v1/things:batchGet": { get: op("batchGet") } } };
      await writeFile(path.join(tmp, "openapi.json"), JSON.stringify(doc));
      const result = await importSpec({ source: path.join(tmp, "openapi.json"), out: path.join(tmp, "api") });
      expect(result.changed).toEqual(["%5Fhealth.yaml", "_api.yaml", "v1/things%3AbatchGet.yaml"]);
      const spec = await loadSpec(path.join(tmp, "api"));
      expect(spec.endpoints.map((e) => e.path).sort()).toEqual(["/_health", "/v1/things:batchGet"]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
