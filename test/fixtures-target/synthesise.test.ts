// synthesiseValue: given a JSON schema, want the documented value; every want also validates against its schema (ajv).
import { describe, expect, test } from "vitest";
import { SchemaValidator } from "../../generator/load/schema-validator.js";
import { SchemaFlattener } from "../../generator/model/schema.js";
import { synthesiseValue, type SynthesiseOptions } from "../../generator/targets/fixtures/synthesise.js";
import { endpointDoc, specInput } from "../model/spec-input.js";

const components = {
  schemas: {
    Base: { type: "object", properties: { id: { type: "string", format: "uuid" }, note: { type: "string" } }, required: ["id"] },
    Tree: { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Tree" } } }, required: ["name", "children"] },
    Linked: { type: "object", properties: { next: { $ref: "#/components/schemas/Linked", nullable: true }, label: { type: "string" } }, required: ["label"] },
    Nullable: { type: "object", nullable: true, properties: { a: { type: "string" } }, required: ["a"] },
    Holder: { type: "object", properties: { child: { $ref: "#/components/schemas/Nullable" } }, required: ["child"] },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const table: [string, { given: Record<string, unknown>; opts?: SynthesiseOptions; want: unknown }][] = [
  ["const wins over default", { given: { type: "integer", const: 5, default: 3 }, want: 5 }],
  ["first enum value", { given: { type: "string", enum: ["b", "a"] }, want: "b" }],
  ["enum before default", { given: { type: "string", enum: ["b", "a"], default: "a" }, want: "b" }],
  ["default", { given: { type: "integer", default: 7 }, want: 7 }],
  ["nullable (3.0) is null", { given: { type: "string", nullable: true }, want: null }],
  ["null in a 3.1 type list is null", { given: { type: ["string", "null"] }, want: null }],
  ["anyOf with a null branch is null", { given: { anyOf: [{ type: "null" }, { type: "integer" }] }, want: null }],
  ["uuid", { given: { type: "string", format: "uuid" }, want: "00000000-0000-4000-8000-000000000000" }],
  ["date-time", { given: { type: "string", format: "date-time" }, want: "2025-01-01T00:00:00.000Z" }],
  ["date", { given: { type: "string", format: "date" }, want: "2025-01-01" }],
  ["email", { given: { type: "string", format: "email" }, want: "user@example.com" }],
  ["uri", { given: { type: "string", format: "uri" }, want: "https://example.com/" }],
  ["unknown format: the text", { given: { type: "string", format: "device-name" }, opts: { name: "device" }, want: "device" }],
  ["plain string: its name", { given: { type: "string" }, opts: { name: "space_id" }, want: "space_id" }],
  ["plain string, no name", { given: { type: "string" }, want: "string" }],
  ["text option wins over the name", { given: { type: "string" }, opts: { name: "error", text: "Not found" }, want: "Not found" }],
  ["padded to minLength", { given: { type: "string", minLength: 8 }, opts: { name: "pin" }, want: "pinxxxxx" }],
  ["cut to maxLength", { given: { type: "string", maxLength: 3 }, opts: { name: "code" }, want: "cod" }],
  ["integer 0", { given: { type: "integer" }, want: 0 }],
  ["integer raised to minimum", { given: { type: "integer", minimum: 5 }, want: 5 }],
  ["3.0 exclusiveMinimum: true", { given: { type: "integer", minimum: 5, exclusiveMinimum: true }, want: 6 }],
  ["3.1 numeric exclusiveMinimum", { given: { type: "number", exclusiveMinimum: 0 }, want: 1 }],
  ["number lowered to maximum", { given: { type: "number", maximum: -3.5 }, want: -3.5 }],
  ["integer under a fractional maximum", { given: { type: "integer", maximum: -2.5 }, want: -3 }],
  ["boolean", { given: { type: "boolean" }, want: true }],
  ["array without minItems is empty", { given: { type: "array", items: { type: "string" } }, want: [] }],
  ["minItems, unique strings", { given: { type: "array", items: { type: "string" }, minItems: 2, uniqueItems: true }, opts: { name: "tag" }, want: ["tag", "tag-2"] }],
  ["object: required properties only, spec order", { given: { type: "object", properties: { a: { type: "string" }, c: { type: "integer" }, b: { type: "boolean" } }, required: ["b", "c"] }, want: { c: 0, b: true } }],
  ["nested names", { given: { type: "object", properties: { owner: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } }, required: ["owner"] }, want: { owner: { name: "name" } } }],
  ["oneOf: the first variant", { given: { oneOf: [{ type: "object", properties: { kind: { type: "string", enum: ["lock"] } }, required: ["kind"] }, { type: "object", properties: { kind: { type: "string", enum: ["door"] } }, required: ["kind"] }] }, want: { kind: "lock" } }],
  ["allOf: merged", { given: { allOf: [ref("Base"), { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] }] }, want: { id: "00000000-0000-4000-8000-000000000000", ok: true } }],
  ["$ref cycle through an array closes with []", { given: ref("Tree"), want: { name: "name", children: [] } }],
  ["$ref cycle through an optional property stops", { given: ref("Linked"), want: { label: "label" } }],
  ["nullable $ref target is null", { given: ref("Holder"), want: { child: null } }],
  ["no type: {}", { given: { description: "anything" }, want: {} }],
];

describe("synthesiseValue", () => {
  const spec = specInput({ endpoints: { "a.yaml": endpointDoc("/a", {}, components) } });
  const flattener = new SchemaFlattener(spec);
  const validator = new SchemaValidator(spec.resolve as never);

  test.each(table)("%s", (_, { given, opts, want }) => {
    expect(synthesiseValue(flattener.flatten(given, "a.yaml"), opts)).toEqual(want);
    expect(validator.validate(given, "a.yaml", want)).toEqual([]);
  });

  test("the same schema twice gives equal values (no hidden state)", () => {
    const schema = flattener.flatten(ref("Tree"), "a.yaml");
    expect(synthesiseValue(schema)).toEqual(synthesiseValue(schema));
  });
});
