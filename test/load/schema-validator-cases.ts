// Given/want table for SchemaValidator: one or more cases per keyword, written by hand (the test also checks
// each `want` against the ajv oracle). `components` are reachable as `#/components/schemas/<name>`.
import type { ExampleError } from "../../generator/load/schema-validator.js";

export interface KeywordCase {
  schema: unknown;
  value: unknown;
  components?: Record<string, unknown>;
  /** The error list, or `throws: <message>` for a schema that does not compile. */
  want: ExampleError[] | string;
}

const e = (instancePath: string, message: string): ExampleError => ({ instancePath, message });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const KEYWORD_CASES: [string, KeywordCase][] = [
  ["valid value, no errors", { schema: { type: "object", properties: { a: { type: "string" } } }, value: { a: "x" }, want: [] }],
  ["type: one type", { schema: { type: "string" }, value: 5, want: [e("", "must be string")] }],
  ["type: integer rejects a fraction", { schema: { type: "integer" }, value: 1.5, want: [e("", "must be integer")] }],
  ["type: number accepts an integer", { schema: { type: "number" }, value: 3, want: [] }],
  ["type: a list", { schema: { type: ["string", "array"] }, value: {}, want: [e("", "must be string,array")] }],
  ["nullable: null passes", { schema: { type: "string", nullable: true }, value: null, want: [] }],
  ["nullable: the type lists null", { schema: { type: "string", nullable: true }, value: 1, want: [e("", "must be string,null")] }],
  ["not nullable: null fails", { schema: { type: "object" }, value: null, want: [e("", "must be object")] }],
  [
    "nullable without type wraps the schema in anyOf",
    { schema: { nullable: true, minLength: 2 }, value: "a", want: [e("", "must be null"), e("", "must NOT have fewer than 2 characters"), e("", "must match a schema in anyOf")] },
  ],
  ["nullable enum gains null", { schema: { type: "string", enum: ["a"], nullable: true }, value: null, want: [] }],
  ["type error first when the type has no keywords of its own", { schema: { type: "string", enum: ["a"] }, value: 5, want: [e("", "must be string"), e("", 'must be one of ["a"]')] }],
  [
    "type error after enum when the type has keywords of its own",
    { schema: { type: "string", enum: ["a"], maxLength: 3 }, value: 5, want: [e("", 'must be one of ["a"]'), e("", "must be string")] },
  ],
  ["const: scalars compare strictly", { schema: { const: 1 }, value: "1", want: [e("", "must be equal to constant")] }],
  ["const", { schema: { const: { a: [1] } }, value: { a: [2] }, want: [e("", "must be equal to constant")] }],
  ["enum: deep equality for objects", { schema: { enum: [{ a: 1 }, "b"] }, value: { a: 1 }, want: [] }],
  ["enum: the message lists the values", { schema: { enum: ["a", 1, null] }, value: "c", want: [e("", 'must be one of ["a",1,null]')] }],
  ["maximum and minimum", { schema: { maximum: 3, minimum: 5 }, value: 4, want: [e("", "must be <= 3"), e("", "must be >= 5")] }],
  ["exclusive bounds as OpenAPI 3.0 booleans", { schema: { minimum: 1, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true }, value: 1, want: [e("", "must be < 1"), e("", "must be > 1")] }],
  ["exclusiveMinimum: false keeps minimum", { schema: { minimum: 1, exclusiveMinimum: false }, value: 1, want: [] }],
  ["multipleOf", { schema: { multipleOf: 0.5 }, value: 1.25, want: [e("", "must be multiple of 0.5")] }],
  ["number keywords skip strings", { schema: { maximum: 1 }, value: "9", want: [] }],
  ["maxLength counts code points", { schema: { maxLength: 2 }, value: "😀😀", want: [] }],
  ["minLength", { schema: { minLength: 3 }, value: "😀😀", want: [e("", "must NOT have fewer than 3 characters")] }],
  ["maxLength", { schema: { maxLength: 1 }, value: "ab", want: [e("", "must NOT have more than 1 characters")] }],
  ["pattern uses the u flag", { schema: { pattern: "^\\p{Lu}+$" }, value: "abc", want: [e("", 'must match pattern "^\\p{Lu}+$"')] }],
  ["format: date-time", { schema: { type: "string", format: "date-time" }, value: "2020-01-01", want: [e("", 'must match format "date-time"')] }],
  ["format: int32 applies to numbers only", { schema: { format: "int32" }, value: 2 ** 31, want: [e("", 'must match format "int32"')] }],
  ["format: unknown formats pass", { schema: { format: "money" }, value: "x", want: [] }],
  ["formatMaximum compares dates", { schema: { format: "date", formatMaximum: "2020-01-31" }, value: "2020-02-01", want: [e("", "should be <= 2020-01-31")] }],
  ["formatExclusiveMinimum compares date-times as instants", { schema: { format: "date-time", formatExclusiveMinimum: "2020-01-01T10:00:00Z" }, value: "2020-01-01T11:00:00+01:00", want: [e("", "should be > 2020-01-01T10:00:00Z")] }],
  ["broken: formatMaximum without format throws", { schema: { formatMaximum: "1" }, value: "a", want: "throws: parent schema must have dependencies of formatMaximum: format" }],
  ["broken: formatMinimum on a format without an order throws", { schema: { format: "uri", formatMinimum: "a" }, value: "a", want: 'throws: "formatMinimum": format "uri" does not define "compare" function' }],
  [
    "required: every missing property, in schema order",
    { schema: { type: "object", required: ["b", "a", "c"] }, value: { a: 1 }, want: [e("", "must have required property 'b'"), e("", "must have required property 'c'")] },
  ],
  [
    "additionalProperties: false names each property",
    { schema: { properties: { a: {} }, additionalProperties: false }, value: { a: 1, b: 2, c: 3 }, want: [e("", "must NOT have additional property 'b'"), e("", "must NOT have additional property 'c'")] },
  ],
  ["additionalProperties: patternProperties count as known", { schema: { patternProperties: { "^x-": {} }, additionalProperties: false }, value: { "x-a": 1 }, want: [] }],
  ["additionalProperties: a schema", { schema: { additionalProperties: { type: "integer" } }, value: { a: 1, "b/c": "x" }, want: [e("/b~1c", "must be integer")] }],
  ["properties: paths escape ~ and /", { schema: { properties: { "a~b": { type: "string" } } }, value: { "a~b": 1 }, want: [e("/a~0b", "must be string")] }],
  ["properties: false schema", { schema: { properties: { a: false } }, value: { a: 1 }, want: [e("/a", "boolean schema is false")] }],
  ["patternProperties", { schema: { patternProperties: { "^n_": { type: "number" } } }, value: { n_a: "x", s: "y" }, want: [e("/n_a", "must be number")] }],
  ["maxProperties and minProperties", { schema: { maxProperties: 1, minProperties: 3 }, value: { a: 1, b: 2 }, want: [e("", "must NOT have more than 1 properties"), e("", "must NOT have fewer than 3 properties")] }],
  ["propertyNames", { schema: { propertyNames: { maxLength: 2 } }, value: { abc: 1 }, want: [e("", "must NOT have more than 2 characters"), e("", "property name must be valid")] }],
  [
    "dependencies: properties and schemas",
    {
      schema: { dependencies: { a: ["b", "c"], d: { required: ["e"] } } },
      value: { a: 1, d: 1 },
      want: [e("", "must have properties b, c when property a is present"), e("", "must have properties b, c when property a is present"), e("", "must have required property 'e'")],
    },
  ],
  ["object keywords in ajv's order", { schema: { type: "object", properties: { a: { type: "string" } }, required: ["b"], maxProperties: 0 }, value: { a: 1 }, want: [e("", "must NOT have more than 0 properties"), e("", "must have required property 'b'"), e("/a", "must be string")] }],
  ["items", { schema: { items: { type: "string" } }, value: ["a", 1, 2], want: [e("/1", "must be string"), e("/2", "must be string")] }],
  ["items as a tuple with additionalItems: false", { schema: { items: [{ type: "string" }], additionalItems: false }, value: [1, 2], want: [e("", "must NOT have more than 1 items"), e("/0", "must be string")] }],
  ["maxItems and minItems", { schema: { maxItems: 1, minItems: 3 }, value: [1, 2], want: [e("", "must NOT have more than 1 items"), e("", "must NOT have fewer than 3 items")] }],
  ["uniqueItems with typed items scans from the end", { schema: { items: { type: "integer" }, uniqueItems: true }, value: [1, 2, 1], want: [e("", "must NOT have duplicate items (items ## 2 and 0 are identical)")] }],
  ["uniqueItems compares objects deeply", { schema: { uniqueItems: true }, value: [{ a: 1 }, { a: 2 }, { a: 1 }], want: [e("", "must NOT have duplicate items (items ## 0 and 2 are identical)")] }],
  ["contains", { schema: { contains: { type: "string" } }, value: [1, 2], want: [e("/0", "must be string"), e("/1", "must be string"), e("", "must contain at least 1 valid item(s)")] }],
  ["contains: a passing item discards the errors", { schema: { contains: { type: "string" } }, value: [1, "a"], want: [] }],
  ["not", { schema: { not: { type: "string" } }, value: "a", want: [e("", "must NOT be valid")] }],
  ["anyOf: every branch's errors, then anyOf's", { schema: { anyOf: [{ type: "string" }, { type: "integer" }] }, value: 1.5, want: [e("", "must be string"), e("", "must be integer"), e("", "must match a schema in anyOf")] }],
  ["anyOf: a later passing branch discards earlier errors", { schema: { anyOf: [{ type: "string" }, { type: "number" }] }, value: 1.5, want: [] }],
  ["oneOf: no branch passes", { schema: { oneOf: [{ type: "string" }, { type: "boolean" }] }, value: 1, want: [e("", "must be string"), e("", "must be boolean"), e("", "must match exactly one schema in oneOf")] }],
  [
    "oneOf: evaluation stops at the second passing branch",
    { schema: { oneOf: [{ type: "string" }, { type: "number" }, { type: "integer" }, { type: "boolean" }] }, value: 1, want: [e("", "must be string"), e("", "must match exactly one schema in oneOf")] },
  ],
  ["allOf", { schema: { allOf: [{ type: "string" }, { minLength: 2 }] }, value: 1, want: [e("", "must be string")] }],
  ["if/then", { schema: { if: { type: "string" }, then: { minLength: 2 }, else: { minimum: 5 } }, value: "a", want: [e("", "must NOT have fewer than 2 characters"), e("", 'must match "then" schema')] }],
  ["if/else", { schema: { if: { type: "string" }, then: { minLength: 2 }, else: { minimum: 5 } }, value: 1, want: [e("", "must be >= 5"), e("", 'must match "else" schema')] }],
  ["$ref to a component", { schema: ref("Name"), components: { Name: { type: "string" } }, value: 1, want: [e("", "must be string")] }],
  [
    "$ref recursion",
    {
      schema: ref("Tree"),
      components: { Tree: { type: "object", properties: { children: { type: "array", items: ref("Tree") }, name: { type: "string" } } } },
      value: { children: [{ name: 1 }, { children: [{ name: 2 }] }] },
      want: [e("/children/0/name", "must be string"), e("/children/1/children/0/name", "must be string")],
    },
  ],
  ["$ref siblings are ignored", { schema: { properties: { a: { $ref: "#/components/schemas/S", maxLength: 1 } } }, components: { S: { type: "string" } }, value: { a: "abc" }, want: [] }],
  ["x- keys and unknown keywords are ignored", { schema: { type: "string", "x-max": 1, maxLen: 1, example: 5 }, value: "abc", want: [] }],
  ["a schema that is not an object validates nothing", { schema: true, value: 1, want: [] }],
  ["broken: a bad pattern throws", { schema: { pattern: "(" }, value: "a", want: "throws: Invalid regular expression: /(/u: Unterminated group" }],
  ["broken: an unknown type throws", { schema: { type: "text" }, value: "a", want: "throws: type must be JSONType or JSONType[]: text" }],
  ["broken: a keyword value of the wrong type throws", { schema: { maxLength: "5" }, value: "a", want: 'throws: maxLength value must be ["number"]' }],
  ["broken: an empty enum throws", { schema: { enum: [] }, value: "a", want: "throws: enum must have non-empty array" }],
];
