// specsmith's own type emitter (type-transform.ts + type-nodes.ts) against openapi-typescript's transforms printed by
// TypeScript (the oracle: the "openapi-typescript" engine runs its code as is): the same text for documents made to
// reach every branch the transforms have, with strings that stress the printer's escaping and comment layout, for
// the whole document and for each piece the client's parts print. The real specs are compared with openapiTS
// itself in schema-types.test.ts.
import { describe, expect, test } from "vitest";
import { scanDiscriminators } from "../../generator/targets/client/discriminators.js";
import { engineFallbacks, printOpenapiTypes, withTypesEngine, type EngineName } from "../../generator/targets/client/openapi-types.js";
import { childRef, createRef } from "../../generator/targets/client/pointer.js";
import { componentState, printApiTypes, printComponentMember, printScannedPathTypes } from "../../generator/targets/client/schema-parts.js";
import { quoteString } from "../../generator/targets/client/type-nodes.js";
import { createRng } from "../helpers/random.js";

type Doc = Record<string, any>;
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown) => ({ "application/json": { schema: s } });

/** Text a printer has to get right: comment terminators, every kind of line break, tabs, odd spaces, non-ASCII. */
const HOSTILE =
  "Ends */ early\r\nCRLF\rlone CR\u2028line separator\u2029paragraph\n\ttab\n  \u00a0nbsp start\n\n(blank above) trailing   \n\u0085next-line é ✓ 😀" +
  // Line breaks openapi-typescript does not indent, so TypeScript counts the whitespace that starts the next line.
  "\u2028\ttab-indented\u2028 \t\tspace then tabs\r  \u3000ideographic\u2029   \u2029\t";

function kitchenSink(): Doc {
  return {
    openapi: "3.1.0",
    info: { title: "Sink", version: "1" },
    paths: {
      "/things/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { $ref: "#/components/parameters/Trace" }],
        get: {
          operationId: "get#thing",
          summary: "Get\na thing",
          description: HOSTILE,
          deprecated: true,
          parameters: [
            { name: "q", in: "query", schema: { type: "array", items: { type: "array", items: { type: "integer" } } }, example: [1, 2] },
            { name: "h", in: "header", required: true },
            { name: "c", in: "cookie", schema: { type: ["string", "null"] } },
            { name: "id", in: "path", required: true, schema: { type: "integer" }, description: "overrides the path item's" },
          ],
          responses: {
            "200": {
              description: "ok",
              headers: {
                "X-Rate": { schema: { type: "integer" }, required: true },
                "X-Ref": { $ref: "#/components/headers/Rate" },
                "X-Content": { content: { "text/plain": { schema: { type: "string" } }, "": { schema: { type: "number" } } } },
                "X-None": {},
              },
              content: { ...json(schema("Pet")), "text/plain": {} },
            },
            "4XX": { $ref: "#/components/responses/Error" },
            default: { description: "" },
          },
        },
        post: {
          summary: "No operationId: the operation is printed in place",
          requestBody: {
            required: true,
            content: json({ allOf: [schema("Base"), { type: "object", required: ["name"], properties: { name: { type: "string", default: "x" } } }], required: ["id", "missing"] }),
          },
          responses: {},
        },
        put: { operationId: "putThing", requestBody: { $ref: "#/components/requestBodies/Body" }, responses: { "204": { description: "none" } } },
        patch: { operationId: "patchThing", requestBody: { content: {} }, responses: { "200": { description: "é unicode ✓" } } },
        delete: { $ref: "#/components/pathItems/Shared/get" },
      },
      "/ref-item": { $ref: "#/components/pathItems/Shared", description: "a ref'd path item" },
      "/param-ref": {
        // A parameter ref deeper than the components: its type indexes the parameter's location and name.
        get: { operationId: "paramRef", parameters: [{ $ref: "#/paths/~1things~1{id}/get/parameters/0" }], responses: { "200": { description: "ok" } } },
      },
      "/odd/%7Bx%7D/a#b": {
        get: {
          operationId: "odd",
          responses: {
            "200": {
              description: "ok",
              content: json({ type: "object", properties: { "a/b": { type: "string" }, "%2541": { type: "object", properties: { deep: { oneOf: [{ type: "string" }, { type: "object", properties: { "x#/y": { type: "string", default: "d" } } }] } } } } }),
            },
          },
        },
      },
      "/skipped": null,
    },
    webhooks: {
      ping: { post: { operationId: "ping", requestBody: { content: json({ type: "object" }) }, responses: { "200": { description: "ok" } } } },
    },
    components: {
      schemas: {
        Pet: { oneOf: [schema("Cat"), schema("Dog"), schema("Bird")], discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat", doggo: "Dog" } } },
        Cat: { type: "object", properties: { kind: { type: "string", description: "replaced" }, lives: { type: "integer", minimum: 0, default: 9 } } },
        Dog: { allOf: [schema("Base"), { type: "object", properties: { bark: { type: "boolean", readOnly: true } } }] },
        Bird: { type: "string" },
        Base: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string", format: "uuid", title: "  Identifier\n of it  " },
            "0": { type: "string" },
            "1.5": {},
            "-1": {},
            "007": { type: "boolean" },
            "with space": { nullable: true },
            "naïve\"quote\\back": { type: "string" },
            "new\nline\u0000\u00001": { type: "string" },
            "emoji😀": { type: "number" },
            $dollar_ok: { const: { a: [1, -2, 0.5, "x\u2028y", null, true, false, []], b: {}, "c d": "e" } },
            negative: { const: -3 },
            neverConst: { const: null, type: "string" },
          },
          additionalProperties: false,
        },
        Mixed: { type: ["string", "integer", "boolean", "null"], oneOf: [{ type: "string", enum: ["a", "b"] }, { type: "integer" }] },
        Multi: { type: ["string", "object", "null"], properties: { a: { type: "string" } } },
        Enum: { type: "string", enum: ["a", 'b"c', 1, -1, null, true], nullable: true, title: "An enum" },
        EnumTyped: { type: ["string", "null"], enum: ["x"] },
        ObjEnum: { type: "object", enum: [{ type: "string" }, { type: "number" }] },
        Tuple: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false },
        OldTuple: { type: "array", items: [{ type: "string" }] },
        ConstTupleItems: { type: "array", items: { const: [1, 2] } },
        ArrUnion: { type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } },
        ArrInter: { type: "array", items: { allOf: [schema("Base"), schema("Cat")] } },
        ArrNullable: { type: "array", items: { type: "string", nullable: true } },
        ArrAny: { type: "array" },
        Dict: { type: "object", additionalProperties: { type: "string" }, patternProperties: { "^x-": { type: "number" }, "^y-": { type: "number" } } },
        Open: { type: "object", additionalProperties: true },
        OpenEmpty: { type: "object", additionalProperties: {}, properties: { a: { type: "string" } } },
        OnlyPatterns: { patternProperties: { "^a": { type: "string" } } },
        Empty: { type: "object" },
        Nothing: {},
        Bool: true,
        Never: false,
        Defs: { type: "object", $defs: { inner: { type: "string", readOnly: true, description: "inner def" } }, properties: { x: { $ref: "#/components/schemas/Defs/$defs/inner" } } },
        Examples: { type: "string", examples: ["a", { b: 1 }, 3], example: "", default: "", description: "" },
        Documented: { type: "object", description: HOSTILE, example: { nested: { list: [1, 2] } }, default: null, deprecated: true, properties: { p: { type: "string", description: HOSTILE } } },
        NullableAny: { nullable: true },
        NullableRef: { allOf: [schema("Cat")], nullable: true },
        AnyOfWithCore: { type: "object", properties: { a: { type: "string" } }, anyOf: [{ required: ["a"] }, { type: "null" }] },
        OneOfPrimitives: { oneOf: [{ type: "string" }, { type: "string" }, { type: "null" }, { type: "number" }, { type: "null" }] },
        OneOfMixed: { type: "object", properties: { a: { type: "string" } }, oneOf: [{ type: "object", properties: { b: { type: "number" } } }, schema("Cat")] },
        Inherit: { allOf: [schema("Pet")], type: "object", properties: { extra: { type: "string" } } },
        WithRequired: { allOf: [schema("Cat")], required: ["lives", "absent"] },
        NestedAllOf: { allOf: [{ allOf: [schema("Base"), { properties: { z: { type: "string" } } }] }], required: ["z"] },
        Tabbed: { description: "\tstarts with tab\n\t\ttwo tabs\n  \u00a0nbsp\n \u3000ideographic", type: "string" },
        Circular: { type: "object", properties: { self: schema("Circular"), list: { type: "array", items: schema("Circular") } } },
      },
      responses: { Error: { description: "error", content: { "application/problem+json": { schema: { type: "object", properties: { title: { type: "string" } } } } } } },
      parameters: { Trace: { name: "trace", in: "header", schema: { type: "string" }, description: "trace id" }, Bare: { name: "bare", in: "query" } },
      requestBodies: { Body: { content: json(schema("Cat")), required: true } },
      headers: { Rate: { schema: { type: "integer" }, description: "rate" } },
      pathItems: { Shared: { get: { responses: { "200": { description: "ok" } } } } },
    },
    $defs: { type: "object", properties: { top: { type: "string" } } },
  };
}

/** The smallest documents: no paths, no components, empty roots. */
const SMALL: Doc[] = [
  { openapi: "3.0.3", info: { title: "empty", version: "1" } },
  { openapi: "3.0.3", info: { title: "empty roots", version: "1" }, paths: {}, components: {}, webhooks: {}, $defs: {} },
  { openapi: "3.0.3", info: { title: "no operation ids", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } } },
];

function both<T>(run: (engine: EngineName) => T): [T, T] {
  return [run("specsmith"), run("openapi-typescript")];
}

describe("own engine against openapi-typescript's transforms", () => {
  test("the whole document", () => {
    const fallbacks = engineFallbacks.count;
    const [own, ots] = both((engine) => printOpenapiTypes(kitchenSink(), engine));
    expect(own).toBe(ots);
    // The document reaches what it was made for.
    for (const fragment of ["WithRequired<", "Omit<", "\\u00EF", "\\x00", "[\n", "(string | number)[]", '["parameters"]["query"]["q"]', "*\\/", "@enum", "export interface webhooks", "export interface $defs"]) {
      expect(ots).toContain(fragment);
    }
    expect(printOpenapiTypes(kitchenSink())).toBe(ots);
    expect(engineFallbacks.count).toBe(fallbacks);
  });

  test.each(SMALL.map((d) => [d["info"].title, d]))("%s", (_, document) => {
    const [own, ots] = both((engine) => printOpenapiTypes(structuredClone(document), engine));
    expect(own).toBe(ots);
  });

  test("the pieces the parts print: path items, components, the API-level share", () => {
    const document = kitchenSink();
    const [ownApi, otsApi] = both((engine) => printApiTypes(structuredClone(document), engine));
    expect(ownApi).toEqual(otsApi);
    const scanned = structuredClone(document);
    const discriminators = scanDiscriminators(scanned);
    for (const url of Object.keys(document["paths"])) {
      const [own, ots] = both((engine) => printScannedPathTypes(url, scanned["paths"][url], scanned, discriminators, engine));
      expect(own).toEqual(ots);
    }
    for (const [section, members] of Object.entries(scanned["components"] as Doc)) {
      for (const name of Object.keys(members)) {
        const [own, ots] = both((engine) => printComponentMember(scanned, section, name, discriminators, engine));
        expect(own).toEqual(ots);
      }
    }
    expect(Object.keys(componentState(document).discriminators.objects).length).toBeGreaterThan(0);
  });

  test("a call the own engine cannot make is made again by openapi-typescript", () => {
    const before = engineFallbacks.count;
    expect(withTypesEngine((e) => (e.name === "specsmith" ? (() => { throw new Error("not this one"); })() : e.name))).toBe("openapi-typescript");
    expect(engineFallbacks).toEqual({ count: before + 1, last: "not this one" });
    // Where openapi-typescript fails too, its error is the one reported.
    const bad = kitchenSink();
    bad["components"]["schemas"]["Bird"] = { type: "object", properties: { p: "not a schema" } };
    expect(() => printOpenapiTypes(bad)).toThrow("#/components/schemas/Bird: invalid property p. Expected Schema Object or boolean, got string");
  });
});

describe("pointers as openapi-typescript builds them", () => {
  test.each([
    [["#/paths/~1a", "get"]],
    [["#/paths/~1a", "x~y/z", "0"]],
    [["#/a%2541", "b"]],
    [["#/a", "%2541"]],
    [["#/a", "", "b"]],
    [["#/a", "x#/y"]],
    [["#/a#", "b"]],
    [["#/a", 3]],
    [["#/a/", "b"]],
  ])("childRef(%j) is createRef of the same parts", (parts) => {
    const [prefix, ...keys] = parts as [string, ...unknown[]];
    expect(childRef(prefix, ...keys)).toBe(createRef(parts));
  });

  test("createRef re-parses what it is given: percent-decoded, empty segments dropped", () => {
    expect(createRef(["#/a%2541", "b"])).toBe("#/a%41/b");
    expect(createRef(["paths", "/x/{id}"])).toBe("#/paths/~1x~1{id}");
    expect(createRef(["#/a//b", ""])).toBe("#/a/b");
  });

  test("string literals are escaped as TypeScript escapes them", () => {
    expect(quoteString('a"b\\c\n\u0000x\u00001é\u2028😀')).toBe('"a\\"b\\\\c\\n\\0x\\x001\\u00E9\\u2028\\uD83D\\uDE00"');
  });
});

/** A small seeded generator (mulberry32): the same documents on every run. */
function random(seed: number) {
  const next = createRng(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const NAMES = ["id", "name", "0", "12", "-3", "a b", "kind", "x-y", "$ok", "_u", "ü", "a/b", "q\"", "new\nline", "tab\t", "%25", "x#/y", ""];
const TEXTS = ["plain", "two\nlines", " padded ", "ends */ here", "a\u2028b\tc", "\r\n  indented\n\tmore", "", "é ✓"];
const VALUES: unknown[] = ["s", "", 0, 1.5, -2, true, false, null, [1, "a"], [], { k: "v" }, {}];

/** A random schema of the shapes openapi-typescript's schema transform branches on; refs name `refs`. */
function randomSchema(r: ReturnType<typeof random>, refs: readonly string[], depth: number): unknown {
  if (depth > 3 || r.chance(0.15)) {
    if (refs.length > 0 && r.chance(0.5)) return { $ref: `#/components/schemas/${r.pick(refs)}` };
    return r.pick([{ type: "string" }, { type: "integer", format: "int32" }, { type: "boolean" }, { type: "null" }, {}, { nullable: true }]);
  }
  const s: Record<string, unknown> = {};
  const kind = r.int(10);
  if (kind === 0) s["type"] = r.pick(["string", "number", "integer", "boolean", "null"]);
  if (kind === 1) {
    s["type"] = "array";
    if (r.chance(0.8)) s["items"] = r.chance(0.2) ? [randomSchema(r, refs, depth + 1)] : randomSchema(r, refs, depth + 1);
    if (r.chance(0.1)) s["prefixItems"] = [randomSchema(r, refs, depth + 1), randomSchema(r, refs, depth + 1)];
  }
  if (kind === 2) s["type"] = r.pick([["string", "null"], ["integer", "string"], ["object", "null"], ["array", "boolean"]]);
  if (kind >= 3 && kind <= 6) {
    if (r.chance(0.8)) s["type"] = "object";
    const properties: Record<string, unknown> = {};
    // A boolean schema is allowed as a property (openapi-typescript fails on one in a composition).
    for (let i = 0, n = r.int(4); i < n; i++) properties[r.pick(NAMES)] = r.chance(0.05) ? r.chance(0.5) : randomSchema(r, refs, depth + 1);
    if (r.chance(0.85)) s["properties"] = properties;
    if (r.chance(0.5)) s["required"] = Object.keys(properties).filter(() => r.chance(0.5)).concat(r.chance(0.2) ? ["absent"] : []);
    if (r.chance(0.25)) s["additionalProperties"] = r.pick([true, false, {}, randomSchema(r, refs, depth + 1)]);
    if (r.chance(0.1)) s["patternProperties"] = { "^a": randomSchema(r, refs, depth + 1) };
    if (r.chance(0.05)) s["$defs"] = { d: randomSchema(r, refs, depth + 1) };
  }
  if (kind === 7) s["enum"] = VALUES.filter(() => r.chance(0.4));
  if (kind === 8) s["const"] = r.pick(VALUES);
  if (kind === 9 || r.chance(0.2)) {
    const key = r.pick(["allOf", "anyOf", "oneOf"]);
    s[key] = Array.from({ length: 1 + r.int(3) }, () => randomSchema(r, refs, depth + 1));
    if (key === "oneOf" && refs.length > 1 && r.chance(0.3)) {
      s[key] = [{ $ref: `#/components/schemas/${refs[0]}` }, { $ref: `#/components/schemas/${refs[1]}` }];
      s["discriminator"] = { propertyName: r.pick(["kind", "type"]), ...(r.chance(0.5) ? { mapping: { one: `#/components/schemas/${refs[0]}`, two: refs[1] } } : {}) };
    }
  }
  for (const field of ["title", "description", "default", "example", "format"]) if (r.chance(0.12)) s[field] = field === "default" || field === "example" ? r.pick(VALUES) : r.pick(TEXTS);
  if (r.chance(0.05)) s["examples"] = [r.pick(VALUES), r.pick(TEXTS)];
  if (r.chance(0.1)) s["nullable"] = true;
  if (r.chance(0.08)) s["readOnly"] = true;
  if (r.chance(0.05)) s["deprecated"] = true;
  return s;
}

function randomDocument(seed: number): Doc {
  const r = random(seed);
  const names = Array.from({ length: 2 + r.int(5) }, (_, i) => `S${i}`);
  const schemas: Doc = {};
  for (const name of names) schemas[name] = randomSchema(r, names, 0);
  const paths: Doc = {};
  for (let p = 0, n = 1 + r.int(3); p < n; p++) {
    const item: Doc = {};
    if (r.chance(0.3)) item["parameters"] = [{ name: "id", in: "path", required: true, schema: randomSchema(r, names, 2) }];
    for (const method of ["get", "post", "delete"].filter(() => r.chance(0.6))) {
      item[method] = {
        ...(r.chance(0.7) ? { operationId: `${method}${p}` } : {}),
        ...(r.chance(0.3) ? { summary: r.pick(TEXTS), description: r.pick(TEXTS) } : {}),
        parameters: r.chance(0.5) ? [{ name: r.pick(NAMES), in: r.pick(["query", "header", "cookie"]), required: r.chance(0.5), schema: randomSchema(r, names, 2), description: r.pick(TEXTS) }] : [],
        ...(method !== "get" && r.chance(0.7) ? { requestBody: { required: r.chance(0.5), content: { "application/json": { schema: randomSchema(r, names, 1) } } } } : {}),
        responses: { [r.pick(["200", "201", "default", "4XX"])]: { description: r.pick(TEXTS), content: { "application/json": { schema: randomSchema(r, names, 1) } } } },
      };
    }
    paths[`/p${p}/{id}`] = item;
  }
  return { openapi: "3.1.0", info: { title: `random ${seed}`, version: "1" }, paths, components: { schemas } };
}

test("random documents: the same text as openapi-typescript's transforms, or an error where they fail too", () => {
  let printed = 0;
  const errors: Record<string, number> = {};
  for (let seed = 1; seed <= 300; seed++) {
    const document = randomDocument(seed);
    let want: string | Error;
    try {
      want = printOpenapiTypes(structuredClone(document), "openapi-typescript");
    } catch (error) {
      want = error as Error;
      errors[(want as Error).message.slice(0, 60)] = (errors[(want as Error).message.slice(0, 60)] ?? 0) + 1;
    }
    if (want instanceof Error) {
      expect(() => printOpenapiTypes(structuredClone(document), "specsmith"), `seed ${seed}`).toThrow();
      continue;
    }
    expect(printOpenapiTypes(structuredClone(document), "specsmith"), `seed ${seed}`).toBe(want);
    printed++;
  }
  // Most documents print (the generator is meant to make valid ones, with a few odd corners).
  expect(printed, `errors: ${JSON.stringify(errors)}`).toBeGreaterThan(250);
});

test("a run whose types fell back to openapi-typescript says so, and writes the same files", async () => {
  const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { runGenerate } = await import("../../generator/pipeline.js");
  const { ENGINES } = await import("../../generator/targets/client/openapi-types.js");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-fallback-"));
  const saved = { ...process.env };
  process.env["SPECSMITH_CACHE"] = "off";
  const own = ENGINES.specsmith;
  const spec = path.join(import.meta.dirname, "../../spec/keyhub");
  try {
    const warnings: string[] = [];
    await runGenerate({ spec, out: path.join(tmp, "own"), targets: ["client/typescript"], warn: (line) => warnings.push(line) });
    expect(warnings).toEqual([]);
    const planted = () => {
      throw new Error("planted");
    };
    ENGINES.specsmith = { ...own, transformSchema: planted, transformPaths: planted, transformComponents: planted };
    await runGenerate({ spec, out: path.join(tmp, "fallback"), targets: ["client/typescript"], warn: (line) => warnings.push(line) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: client types: specsmith's emitter could not print \d+ part\(s\), openapi-typescript printed them \(planted\)$/);
    const schema = (dir: string) => readFileSync(path.join(tmp, dir, "keyhub/client/src/schema.ts"), "utf8");
    expect(schema("fallback")).toBe(schema("own"));
  } finally {
    ENGINES.specsmith = own;
    process.env = saved;
    rmSync(tmp, { recursive: true, force: true });
  }
});
