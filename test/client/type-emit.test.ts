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
