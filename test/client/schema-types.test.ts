// openapi-typescript in the shared worker thread prints exactly what openapi-typescript prints when called
// directly (the oracle), answers concurrent requests each with its own document, and reports failures.
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { printSchemaTypes } from "../../generator/targets/client/schema-types.js";

function doc(name: string): Record<string, unknown> {
  return {
    openapi: "3.0.0",
    info: { title: name, version: "1" },
    paths: {
      [`/${name}/get`]: {
        post: {
          operationId: `${name}Get`,
          responses: {
            "200": {
              description: "OK",
              content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } },
            },
          },
        },
      },
    },
    components: {
      schemas: { [name]: { type: "object", properties: { id: { type: "string", nullable: true } }, required: ["id"] } },
    },
  };
}

async function direct(document: Record<string, unknown>): Promise<string> {
  return astToString(await openapiTS(structuredClone(document) as never, { silent: true }));
}

describe("printSchemaTypes", () => {
  test("worker and in-process output equal openapi-typescript's own, for concurrent requests", async () => {
    const docs = [doc("thing"), doc("other"), doc("third")];
    const want = await Promise.all(docs.map(direct));
    const got = await Promise.all(docs.map((d) => printSchemaTypes(d, "worker")));
    expect(got).toEqual(want);
    expect(await printSchemaTypes(docs[0] as Record<string, unknown>, "here")).toBe(want[0]);
    expect(got[1]).toContain("other: {");
  }, 60_000);

  test("the caller's document is left as it was", async () => {
    const d = doc("thing");
    const before = JSON.stringify(d);
    await printSchemaTypes(d, "worker");
    expect(JSON.stringify(d)).toBe(before);
  }, 60_000);

  test("a document openapi-typescript rejects fails the request, and the worker keeps serving", async () => {
    const bad = { ...doc("bad"), openapi: "1.0" };
    await expect(direct(bad)).rejects.toThrow();
    await expect(printSchemaTypes(bad, "worker")).rejects.toThrow(/openapi-typescript failed/);
    expect(await printSchemaTypes(doc("after"), "worker")).toBe(await direct(doc("after")));
  }, 60_000);
});
