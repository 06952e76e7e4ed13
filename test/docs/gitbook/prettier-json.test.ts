// The JSON layout of resource samples: given/want cases, and prettier itself as the oracle on many values.
import { readFileSync } from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { formatJsonLikePrettier } from "../../../generator/targets/docs-gitbook/prettier-json.js";
import { corpusDir } from "../../helpers/seam.js";

describe("formatJsonLikePrettier", () => {
  const cases: [string, { given: unknown; want: string }][] = [
    ["a small object stays on one line", { given: { a: 1 }, want: '{ "a": 1 }' }],
    ["empty containers", { given: { a: {}, b: [] }, want: '{ "a": {}, "b": [] }' }],
    [
      "nested object that fits stays inline",
      {
        given: { result: { was_confirmed_by_device: false }, status: "success", action_type: "UNLOCK_DOOR", error: null, x: 1 },
        want: '{\n  "result": { "was_confirmed_by_device": false },\n  "status": "success",\n  "action_type": "UNLOCK_DOOR",\n  "error": null,\n  "x": 1\n}',
      },
    ],
    [
      "two objects with two keys each always break",
      { given: [{ a: 1, b: 2 }, { a: 3, b: 4 }], want: '[\n  { "a": 1, "b": 2 },\n  { "a": 3, "b": 4 }\n]' },
    ],
    ["a string array that fits", { given: { ids: ["x", "y"] }, want: '{ "ids": ["x", "y"] }' }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(formatJsonLikePrettier(given)).toBe(want));

  const oracleValues: unknown[] = [
    { long: "x".repeat(70), n: [1, 2, 3] },
    { numbers: Array.from({ length: 40 }, (_, i) => i * 1000) },
    { deep: { deeper: { deepest: { key: "value value value value value value value value" } } } },
    [[1, 2], [3, 4]],
    { exact: "y".repeat(66) },
    { exact: "y".repeat(67) },
    { s: 'quote " and \\ backslash and \u00e9 and \n newline' },
  ];
  it.each(oracleValues.map((v, i) => [i, v] as const))("agrees with prettier on value %i", async (_, value) => {
    const want = (await prettier.format(JSON.stringify(value), { parser: "json" })).trimEnd();
    expect(formatJsonLikePrettier(value)).toBe(want);
  });

  const corpus = corpusDir();
  it.skipIf(corpus === null)("agrees with prettier on every resource sample of the corpus", async () => {
    const samples = parse(readFileSync(path.join(corpus as string, "resource-sample-definitions/all-resources.yaml"), "utf8")) as {
      properties: unknown;
    }[];
    expect(samples.length).toBeGreaterThan(50);
    for (const s of samples) {
      const want = (await prettier.format(JSON.stringify(s.properties), { parser: "json" })).trimEnd();
      expect(formatJsonLikePrettier(s.properties)).toBe(want);
    }
  });
});
