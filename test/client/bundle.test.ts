// bundleDocument: per-endpoint files → one OpenAPI document with local refs only.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { bundleDocument } from "../../generator/model/document.js";
import { endpointDoc, specInput } from "../model/spec-input.js";
import { REPO } from "./harness.js";

const shared = {
  openapi: "3.0.0",
  info: { title: "T", version: "1" },
  security: [{ key: [] }],
  paths: {},
  "x-client-name": "t",
  components: { securitySchemes: { key: { type: "http", scheme: "bearer" } }, schemas: { space: { type: "object" } } },
};
const ok = (schema: unknown) => ({ responses: { "200": { description: "OK", content: { "application/json": { schema } } } } });

describe("bundleDocument", () => {
  const cases: [string, { endpoints: Record<string, any>; want: (doc: any) => unknown; equals: unknown }][] = [
    [
      "a shared ref becomes local",
      { endpoints: { "a/get.yaml": endpointDoc("/a/get", { post: ok({ $ref: "../_api.yaml#/components/schemas/space" }) }) }, want: (d) => d.paths["/a/get"].post.responses["200"].content["application/json"].schema, equals: { $ref: "#/components/schemas/space" } },
    ],
    [
      "a single-use schema moves into components",
      { endpoints: { "a.yaml": endpointDoc("/a", { get: ok({ $ref: "#/components/schemas/only" }) }, { schemas: { only: { type: "string" } } }) }, want: (d) => [d.components.schemas.only, d.paths["/a"].get.responses["200"].content["application/json"].schema], equals: [{ type: "string" }, { $ref: "#/components/schemas/only" }] },
    ],
    [
      "clashing local names get a suffix and their refs follow",
      {
        endpoints: {
          "a.yaml": endpointDoc("/a", { get: ok({ $ref: "#/components/schemas/item" }) }, { schemas: { item: { type: "string" } } }),
          "b.yaml": endpointDoc("/b", { get: ok({ $ref: "#/components/schemas/item" }) }, { schemas: { item: { type: "integer" } } }),
        },
        want: (d) => [d.components.schemas, d.paths["/b"].get.responses["200"].content["application/json"].schema],
        equals: [{ space: { type: "object" }, item: { type: "string" }, item_2: { type: "integer" } }, { $ref: "#/components/schemas/item_2" }],
      },
    ],
    [
      "identical local schemas are kept once",
      {
        endpoints: {
          "a.yaml": endpointDoc("/a", { get: ok({}) }, { schemas: { item: { type: "string" } } }),
          "b.yaml": endpointDoc("/b", { get: ok({}) }, { schemas: { item: { type: "string" } } }),
        },
        want: (d) => Object.keys(d.components.schemas),
        equals: ["space", "item"],
      },
    ],
    [
      "a file whose security differs from the API's keeps it on its operations",
      { endpoints: { "a.yaml": { ...endpointDoc("/a", { get: ok({}), post: { ...ok({}), security: [{ key: [] }] } }), security: [] } }, want: (d) => [d.security, d.paths["/a"].get.security, d.paths["/a"].post.security], equals: [[{ key: [] }], [], [{ key: [] }]] },
    ],
    [
      "paths are sorted; API-level x- keys and security schemes are kept",
      { endpoints: { "b.yaml": endpointDoc("/b", { get: ok({}) }), "a.yaml": endpointDoc("/a", { get: ok({}) }) }, want: (d) => [Object.keys(d.paths), d["x-client-name"], Object.keys(d.components.securitySchemes)], equals: [["/a", "/b"], "t", ["key"]] },
    ],
  ];
  test.each(cases)("%s", (_, { endpoints, want, equals }) => {
    expect(want(bundleDocument(specInput({ shared, endpoints })))).toEqual(equals);
  });

  test("on spec/keyhub: one path per endpoint file, every $ref local and resolvable", async () => {
    const spec = await loadSpec(path.join(REPO, "spec/keyhub"));
    const doc = bundleDocument(spec);
    expect(Object.keys(doc["paths"]).sort()).toEqual(spec.endpoints.map((e) => e.path).sort());
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter((ref) => !ref.startsWith("#/") || resolvePointer(doc, ref) === undefined);
    expect(unresolved).toEqual([]);
  });
});

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<any>((v, k) => v?.[k], doc);
}
