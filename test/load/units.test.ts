// Given/want tables for the loader's small units: parse errors, JSON error offsets, file names, names.
import { describe, expect, it } from "vitest";
import { describeBadIdentifier, describeBadPath, toEndpointFileStem } from "../../generator/load/file-names.js";
import { findJsonErrorOffset, parseSpecText } from "../../generator/load/parse.js";
import { collectRefClosure, scanDocument } from "../../generator/load/scan.js";

describe("parseSpecText", () => {
  const cases: [string, { given: [string, string]; want: unknown }][] = [
    ["yaml", { given: ["a: 1\nb: [x]\n", "f.yaml"], want: { ok: true, doc: { a: 1, b: ["x"] } } }],
    ["json", { given: ['{"a": [1]}', "f.json"], want: { ok: true, doc: { a: [1] } } }],
    ["yaml tab indent", { given: ["a:\n\tb: 1\n", "f.yml"], want: { ok: false, message: "invalid YAML: Tabs are not allowed as indentation", line: 2, col: 1 } }],
    ["json without V8 position", { given: ['{\n  "a": }', "f.json"], want: { ok: false, message: "invalid JSON: Unexpected token '}'", line: 2, col: 8 } }],
    ["json truncated", { given: ['{"a": [1,', "f.json"], want: { ok: false, message: "invalid JSON: Unexpected end of JSON input", line: 1, col: 9 } }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(parseSpecText(...given)).toEqual(want));
});

describe("findJsonErrorOffset", () => {
  // Offsets checked by hand: the first character no JSON text can continue with.
  const cases: [string, { given: string; want: number }][] = [
    ["unexpected token", { given: '{"a": }', want: 6 }],
    ["trailing comma", { given: '[1,]', want: 3 }],
    ["garbage after value", { given: '{"a":1} x', want: 8 }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(findJsonErrorOffset(given)).toBe(want));
});

describe("toEndpointFileStem (docs/spec-format.md)", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["rpc path", { given: "/spaces/remove_devices", want: "spaces/remove_devices" }],
    ["braces kept", { given: "/api/v1/groups/{groupDisplayName}/removeDevices", want: "api/v1/groups/{groupDisplayName}/removeDevices" }],
    ["root", { given: "/", want: "_root" }],
    ["colon encoded", { given: "/v1/things:batchGet", want: "v1/things%3AbatchGet" }],
    ["utf-8 bytes", { given: "/café", want: "caf%C3%A9" }],
    ["safe punctuation", { given: "/a.b~c@d-e", want: "a.b~c@d-e" }],
    ["leading underscore encoded, inner kept", { given: "/_internal/x_y", want: "%5Finternal/x_y" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(toEndpointFileStem(given)).toBe(want));
});

describe("describeBadPath", () => {
  const cases: [string, { given: string; want: string | null }][] = [
    ["fine", { given: "/a/{id}", want: null }],
    ["root", { given: "/", want: null }],
    ["well-known", { given: "/.well-known/x", want: null }],
    ["relative", { given: "a/b", want: 'path must start with "/"' }],
    ["dot-dot", { given: "/a/../b", want: 'path segment ".." is not allowed' }],
    ["empty segment", { given: "/a//b", want: "path has an empty segment" }],
    ["leading underscore (its file name is encoded)", { given: "/_api", want: null }],
    ["proto param", { given: "/a/{__proto__}", want: 'path segment "{__proto__}" is a reserved name' }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(describeBadPath(given)).toBe(want));
});

describe("describeBadIdentifier", () => {
  const cases: [string, { given: unknown; want: string | null }][] = [
    ["snake", { given: "access_codes", want: null }],
    ["kebab (Seam's validate-config)", { given: "validate-config", want: null }],
    ["leading digit", { given: "1x", want: '"1x" is not an identifier (/^[A-Za-z_][A-Za-z0-9_-]*$/)' }],
    ["path", { given: "a/b", want: '"a/b" is not an identifier (/^[A-Za-z_][A-Za-z0-9_-]*$/)' }],
    ["reserved", { given: "prototype", want: '"prototype" is a reserved name' }],
    ["not a string", { given: 3, want: "must be string" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(describeBadIdentifier(given)).toBe(want));
});

describe("scanDocument", () => {
  const cases: [string, { given: [unknown, string]; want: { refs: string[]; jsonSafe: boolean } }][] = [
    ["local ref only", { given: [{ a: { $ref: "#/x" } }, "a/b.yaml"], want: { refs: [], jsonSafe: true } }],
    ["relative file refs", { given: [[{ $ref: "../_api.yaml#/c" }, { $ref: "c.yaml" }], "a/b.yaml"], want: { refs: ["_api.yaml", "a/c.yaml"], jsonSafe: true } }],
    ["encoded name: both spellings", { given: [{ $ref: "c%20d.yaml#/x" }, "b.yaml"], want: { refs: ["c d.yaml", "c%20d.yaml"], jsonSafe: true } }],
    ["remote, absolute, outside", { given: [[{ $ref: "https://x/y.yaml" }, { $ref: "/abs.yaml" }, { $ref: "../../o.yaml" }], "a/b.yaml"], want: { refs: [], jsonSafe: true } }],
    ["ref inside example data still counts", { given: [{ example: { $ref: "e.yaml" } }, "b.yaml"], want: { refs: ["e.yaml"], jsonSafe: true } }],
    ["NaN", { given: [{ a: Number.NaN }, "b.yaml"], want: { refs: [], jsonSafe: false } }],
    ["-Infinity", { given: [[Number.NEGATIVE_INFINITY], "b.yaml"], want: { refs: [], jsonSafe: false } }],
    ["-0", { given: [{ a: -0 }, "b.yaml"], want: { refs: [], jsonSafe: false } }],
    ["Date", { given: [{ a: new Date(0) }, "b.yaml"], want: { refs: [], jsonSafe: false } }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(scanDocument(...given)).toEqual(want));
});

describe("collectRefClosure", () => {
  const graph: Record<string, string[]> = { a: ["b"], b: ["c", "a"], c: [], d: ["d"] };
  const cases: [string, { given: string; want: string[] }][] = [
    ["transitive", { given: "a", want: ["b", "c"] }],
    ["cycle back to itself excluded", { given: "b", want: ["a", "c"] }],
    ["self ref", { given: "d", want: [] }],
    ["unknown file", { given: "z", want: [] }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(collectRefClosure(given, (rel) => graph[rel] ?? [])).toEqual(want));
});
