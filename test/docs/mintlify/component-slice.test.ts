// Which components a Mintlify page's YAML block carries: direct references always, then a breadth-first
// prefix of the closure within a character budget; what is left out stays a $ref into the document.
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import type { JsonRecord } from "../../../generator/model/document.js";
import {
  componentYaml,
  createComponentIndex,
  selectPageComponents,
} from "../../../generator/targets/docs-mintlify/component-slice.js";
import { dumpSlice, sliceEndpointDocument } from "../../../generator/targets/docs-mintlify/endpoint-page.js";

const ref = (name: string, section = "schemas") => ({
  $ref: `#/components/${section}/${name}`,
});
const big = (n: number) => ({ description: "x".repeat(n) });

// op → A, B (and a missing one); A → C; B → D, A; C → E; D → F (a parameter); E, F are leaves.
const document: JsonRecord = {
  openapi: "3.0.0",
  paths: {
    "/p": {
      post: {
        requestBody: { content: { "application/json": { schema: ref("A") } } },
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { oneOf: [ref("B"), ref("Missing")] },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      A: { properties: { c: ref("C"), self: ref("A") } },
      B: { items: [ref("D"), { $ref: "#/components/schemas/A/properties/c" }] },
      C: { allOf: [ref("E")], ...big(3000) },
      D: { properties: { f: ref("F", "parameters") } },
      E: big(10),
      "a/b": { type: "string" },
    },
    parameters: { F: { name: "f", in: "query" } },
  },
};
const op = (document["paths"] as JsonRecord)["/p"].post;

function keysOf(selected: Record<string, JsonRecord>): string[] {
  return Object.entries(selected).flatMap(([section, entries]) => Object.keys(entries).map((n) => `${section}/${n}`));
}

describe("selectPageComponents", () => {
  const index = createComponentIndex(document);
  const len = (...keys: string[]) => keys.reduce((sum, k) => sum + componentYaml(index, k).length, 0);

  test.each([
    [
      "unbounded: the whole closure, nearest first, sections by first use",
      Infinity,
      ["schemas/A", "schemas/B", "schemas/C", "schemas/D", "schemas/E", "parameters/F"],
    ],
    [
      "budget fits A–D: E is the first that does not fit, so F is left out too",
      len("schemas/A", "schemas/B", "schemas/C", "schemas/D") + 1,
      ["schemas/A", "schemas/B", "schemas/C", "schemas/D"],
    ],
    ["budget below the direct references: they are carried anyway, nothing more", 1, ["schemas/A", "schemas/B"]],
  ])("%s", (_name, budget, want) => {
    expect(keysOf(selectPageComponents(index, op, budget))).toEqual(want);
  });

  test("C's size is what stops the walk when the budget only fits the direct references plus a little", () => {
    const budget = len("schemas/A", "schemas/B") + 100;
    expect(len("schemas/C")).toBeGreaterThan(100);
    expect(keysOf(selectPageComponents(index, op, budget))).toEqual(["schemas/A", "schemas/B"]);
  });

  test("`~1` in a reference names a component with a slash", () => {
    const doc = { ...document, paths: {} };
    const found = selectPageComponents(createComponentIndex(doc), {
      schema: { $ref: "#/components/schemas/a~1b" },
    });
    expect(found).toEqual({ schemas: { "a/b": { type: "string" } } });
  });

  test("every $ref left in a cut page's block resolves in the whole document", () => {
    const slice = sliceEndpointDocument(document, "/p", "post", createComponentIndex(document));
    const cut = {
      ...slice,
      components: selectPageComponents(createComponentIndex(document), op, 1),
    };
    const parsed = YAML.parse(dumpSlice(cut, new Map()));
    const refs = JSON.stringify(parsed).match(/#\/components\/[^"]+/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    // `Missing` dangles in the source document itself; every other reference must resolve.
    for (const r of refs.filter((x) => !x.endsWith("/Missing"))) {
      const [, , section, name] = r.split("/");
      expect(document["components"][section as string][name as string], r).toBeDefined();
    }
    expect(Object.keys(parsed.components.schemas)).toEqual(["A", "B"]);
  });
});
