// The YAML dumper (seed 003's style; every string survives a real YAML parse) and the per-endpoint-files bundler.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { bundleDocument } from "../../../generator/model/document.js";
import { dumpSlice } from "../../../generator/targets/docs-mintlify/endpoint-page.js";
import { dumpYaml } from "../../../generator/targets/docs-mintlify/yaml-dump.js";
import { specInput } from "../../model/spec-input.js";

const SEEDS = path.resolve(import.meta.dirname, "../../../../shared/seeds");

export const NASTY_STRINGS = [
  `it's "quoted" and \`ticked\``,
  "---",
  "...",
  "````",
  "line one\nline two\n",
  "\nleading newline and trailing spaces  ",
  "  leading spaces, then a long enough text to be folded by the dumper at eighty columns wide",
  "a long line with # a hash, a colon: and 'quotes' that goes past the eighty column limit for sure",
  "tab\there and a very long tail so that the line would be folded if tabs were allowed there ok",
  "EOF\n*/\n${x} #{y} \\ backslash \u00e9 \u2028 sep",
  "true",
  "123",
  "- not a list",
  "key: value",
  "@at `code` ```` fence",
  "\r\ncrlf\r\n",
  "trailing newlines\n\n\n",
];

describe("dumpYaml keeps every string", () => {
  test.each(NASTY_STRINGS.map((s) => [JSON.stringify(s), s]))("%s", (_name, s) => {
    const given = { info: { description: s }, list: [s, { deep: { deeper: { description: s.repeat(3) } } }], [s]: s };
    expect(YAML.parse(dumpYaml(given))).toEqual(given);
  });
});

describe("seed 003's YAML block", () => {
  const seed = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith("003_")) : undefined;
  // Skipped without ../shared, except under CI where a missing seed fails the test.
  test.skipIf(!seed && process.env["CI"] !== "true")(
    "is reproduced byte for byte by dumping its parsed value (the style: quotes, >- folding, 80 columns)",
    () => {
      const text = readFileSync(path.join(SEEDS, seed as string), "utf8");
      const block = /^````yaml [^\n]*\n([\s\S]*?)\n````/m.exec(text)?.[1] as string;
      expect(dumpYaml(YAML.parse(block))).toBe(block.replace(/\n*$/, "\n"));
    },
  );
});

describe("dumpSlice", () => {
  test("equals one whole dump, with components dumped once and reused", () => {
    const long = "a description long enough to need folding when it sits this deep in the components tree";
    const slice = {
      openapi: "3.0.0",
      info: { title: long, version: "1" },
      security: undefined,
      tags: [{ name: "t", description: long }],
      paths: { "/a": { post: { description: long } } },
      components: {
        securitySchemes: { k: { type: "http" } },
        schemas: { "odd name": { description: long }, x: { type: "string" } },
      },
    };
    const cache = new Map<string, string>();
    expect(dumpSlice(slice, cache)).toBe(dumpYaml(slice));
    const componentKeys = [...cache.keys()].filter((k) => !k.startsWith("#"));
    expect(componentKeys).toEqual(["securitySchemes/k", "schemas/odd name", "schemas/x"]);
    // openapi, info and tags (the keys every page repeats) are cached too; paths never.
    expect(cache.size).toBe(6);
    expect(dumpSlice(slice, cache)).toBe(dumpYaml(slice));
  });

  test.each([
    ["no components", { openapi: "3.0.0", paths: { "/a": {} } }],
    ["nothing at all", {}],
    ["components only", { components: { schemas: { x: { type: "string" } } } }],
  ])("%s: equals one whole dump", (_name, slice) => {
    expect(dumpSlice(slice, new Map())).toBe(dumpYaml(slice));
  });
});

describe("bundleDocument", () => {
  const shared = {
    openapi: "3.0.0",
    info: { title: "T", version: "1" },
    servers: [{ url: "https://x" }],
    tags: [{ name: "t" }],
    paths: {},
    components: {
      schemas: {
        Thing: { type: "object", properties: { sub: { $ref: "#/components/schemas/Sub" } } },
        Sub: { type: "string" },
      },
    },
    "x-routes": { "/a": { title: "A" } },
  };
  const endpoint = (path: string, local: unknown) => ({
    openapi: "3.0.0",
    info: { title: "T", version: "1" },
    security: [],
    paths: {
      [path]: {
        post: {
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Local" } } } },
          responses: {
            "200": { content: { "application/json": { schema: { $ref: "../_api.yaml#/components/schemas/Thing" } } } },
          },
        },
      },
    },
    components: { schemas: { Local: local } },
  });
  const spec = specInput({
    shared,
    endpoints: {
      "a/one.yaml": endpoint("/a/one", { type: "integer" }),
      "a/two.yaml": endpoint("/a/two", { type: "boolean" }),
    },
  });
  const doc = bundleDocument(spec);

  test("one document: head of _api.yaml, every path, the API-level x- keys", () => {
    expect(Object.keys(doc)).toEqual(["openapi", "info", "servers", "tags", "security", "paths", "components", "x-routes"]);
    expect(Object.keys(doc["paths"])).toEqual(["/a/one", "/a/two"]);
  });
  test("shared refs point inside the document; same-named local schemas are told apart", () => {
    const op = (p: string) => doc["paths"][p].post;
    expect(op("/a/one").responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Thing",
    });
    expect(op("/a/one").requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Local" });
    expect(op("/a/two").requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Local_2",
    });
    expect(doc["components"].schemas).toEqual({
      Thing: shared.components.schemas.Thing,
      Sub: { type: "string" },
      Local: { type: "integer" },
      Local_2: { type: "boolean" },
    });
  });
});
