import { describe, expect, test } from "vitest";
import YAML from "yaml";
import { toYaml, toYamlViaDocument } from "../../generator/import/yaml.js";
import { componentOfRef, rewriteRefs, splitComponents } from "../../generator/import/components.js";
import { apiFileRef, toEndpointFileName } from "../../generator/import/file-names.js";
import { orderMethods, orderPathItem } from "../../generator/import/methods.js";
import { parseModuleSource } from "../../generator/import/module.js";
import { exampleKey, uniqueKey } from "../../generator/import/samples.js";
import { renameUnsafeExampleKeys, toSafeExampleKey } from "../../generator/import/example-keys.js";

describe("toEndpointFileName", () => {
  const cases: [string, { given: string; want: { file: string } | { error: string } }][] = [
    ["rpc path", { given: "/acs/users/remove_from_access_group", want: { file: "acs/users/remove_from_access_group.yaml" } }],
    ["root", { given: "/", want: { file: "_root.yaml" } }],
    ["braces kept", { given: "/api/v1/groups/{groupDisplayName}/removeDevices", want: { file: "api/v1/groups/{groupDisplayName}/removeDevices.yaml" } }],
    ["colon encoded", { given: "/v1/things:batchGet", want: { file: "v1/things%3AbatchGet.yaml" } }],
    ["space and percent encoded", { given: "/a b/100%", want: { file: "a%20b/100%25.yaml" } }],
    ["non-ascii as utf-8 bytes", { given: "/café", want: { file: "caf%C3%A9.yaml" } }],
    ["leading underscore encoded (reserved names)", { given: "/_internal/x_y", want: { file: "%5Finternal/x_y.yaml" } }],
    ["safe punctuation kept", { given: "/a.b/c~d/e@f-g", want: { file: "a.b/c~d/e@f-g.yaml" } }],
    ["dot-dot rejected", { given: "/a/../b", want: { error: 'path has a ".." segment' } }],
    ["dot rejected", { given: "/a/./b", want: { error: 'path has a "." segment' } }],
    ["trailing slash rejected", { given: "/a/", want: { error: "path has an empty segment" } }],
    ["relative rejected", { given: "a/b", want: { error: "path does not start with /" } }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(toEndpointFileName(given)).toEqual(want));

  test.each([
    ["health.yaml", "_api.yaml"],
    ["spaces/remove_devices.yaml", "../_api.yaml"],
    ["acs/users/remove_from_access_group.yaml", "../../_api.yaml"],
  ])("apiFileRef(%s) = %s", (given, want) => expect(apiFileRef(given)).toBe(want));
});

describe("exampleKey", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["format doc example", { given: "Remove devices from a space", want: "remove_devices_from_a_space" }],
    ["punctuation runs", { given: "Get a device -- by name (v2)!", want: "get_a_device_by_name_v2" }],
    ["trimmed", { given: "  List ACS users ", want: "list_acs_users" }],
    ["non-ascii is a separator", { given: "Créer un espace", want: "cr_er_un_espace" }],
    ["nothing left", { given: "!!!", want: "example" }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(exampleKey(given)).toBe(want));

  test.each([
    ["free", { given: ["a", []], want: "a" }],
    ["second", { given: ["a", ["a"]], want: "a_2" }],
    ["third", { given: ["a", ["a", "a_2"]], want: "a_3" }],
  ] as [string, { given: [string, string[]]; want: string }][])("uniqueKey %s", (_, { given, want }) =>
    expect(uniqueKey(given[0], new Set(given[1]))).toBe(want),
  );
});

describe("orderMethods (alias grouping)", () => {
  const op = (group: string[] | null, name: string | null) =>
    name ? { "x-fern-sdk-group-name": group, "x-fern-sdk-method-name": name } : { operationId: "x" };
  const cases: [string, { given: Record<string, unknown>; want: string[] }][] = [
    ["rpc aliases: post first", { given: { delete: op(["acs", "users"], "remove"), post: op(["acs", "users"], "remove") }, want: ["post", "delete"] }],
    ["three aliases", { given: { patch: op(["a"], "update"), post: op(["a"], "update"), put: op(["a"], "update") }, want: ["post", "patch", "put"] }],
    ["rest: source order kept", { given: { get: op(null, null), delete: op(null, null), post: op(null, null) }, want: ["get", "delete", "post"] }],
    ["different sdk methods are separate", { given: { get: op(["a"], "get"), post: op(["a"], "create") }, want: ["get", "post"] }],
    ["same method name, other group", { given: { get: op(["a"], "list"), post: op(["b"], "list") }, want: ["get", "post"] }],
    ["alias group without post keeps order", { given: { put: op(["a"], "set"), patch: op(["a"], "set") }, want: ["put", "patch"] }],
    ["non-method keys ignored", { given: { parameters: [], get: op(null, null) }, want: ["get"] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(orderMethods(given)).toEqual(want));

  test("orderPathItem writes methods at the first method's place, other keys in place", () => {
    const given = { summary: "s", get: op(["a"], "x"), parameters: [], post: op(["a"], "x") };
    expect(Object.keys(orderPathItem(given))).toEqual(["summary", "post", "get", "parameters"]);
  });
});

describe("ref rewriting", () => {
  test.each([
    ["schema", { given: "#/components/schemas/acs_user", want: "/components/schemas/acs_user" }],
    ["deep pointer", { given: "#/components/schemas/a/properties/b", want: "/components/schemas/a" }],
    ["escaped name", { given: "#/components/schemas/a~1b", want: "/components/schemas/a~1b" }],
    ["not a component", { given: "#/paths/~1a/get", want: null }],
    ["external", { given: "other.yaml#/components/schemas/a", want: null }],
  ] as [string, { given: string; want: string | null }][])("componentOfRef %s", (_, { given, want }) =>
    expect(componentOfRef(given)).toBe(want),
  );

  test("shared refs point at _api.yaml, local refs stay, input untouched", () => {
    const given = {
      a: { $ref: "#/components/schemas/shared" },
      b: [{ $ref: "#/components/schemas/local" }, { $ref: "#/components/schemas/shared/properties/x" }],
    };
    const want = {
      a: { $ref: "../../_api.yaml#/components/schemas/shared" },
      b: [{ $ref: "#/components/schemas/local" }, { $ref: "../../_api.yaml#/components/schemas/shared/properties/x" }],
    };
    const before = JSON.stringify(given);
    expect(rewriteRefs(given, new Set(["/components/schemas/shared"]), "../../_api.yaml")).toEqual(want);
    expect(JSON.stringify(given)).toBe(before);
  });
});

describe("splitComponents (shared vs local)", () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const get = (schema: unknown) => ({ get: { responses: { "200": { content: { "application/json": { schema } } } } } });
  const components = {
    schemas: {
      device: { properties: { location: ref("location") } },
      location: { type: "object" },
      only_a: { items: ref("device") },
      only_b: { type: "string" },
      unused: { properties: { x: ref("only_via_unused") } },
      only_via_unused: { type: "string" },
    },
    parameters: { page: { name: "page", in: "query", schema: ref("only_b") } },
  };
  const paths = {
    "/a": get(ref("only_a")),
    "/b": { get: { parameters: [{ $ref: "#/components/parameters/page" }], responses: get(ref("device")).get.responses } },
  };
  const split = splitComponents(paths, components);
  const cases: [string, { given: unknown; want: unknown }][] = [
    [
      "shared: used by 2 paths (device, transitively location), unused ones and what they reference",
      { given: split.shared, want: ["/components/schemas/device", "/components/schemas/location", "/components/schemas/unused", "/components/schemas/only_via_unused"] },
    ],
    ["local to /a", { given: split.local.get("/a"), want: ["/components/schemas/only_a"] }],
    ["local to /b (schema through a local parameter)", { given: split.local.get("/b"), want: ["/components/schemas/only_b", "/components/parameters/page"] }],
    ["nothing unresolved", { given: split.unresolved, want: [] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(given).toEqual(want));

  test("a missing component is reported", () => {
    expect(splitComponents({ "/x": get(ref("nope")) }, { schemas: {} }).unresolved).toEqual(["/components/schemas/nope"]);
  });
});

describe("parseModuleSource", () => {
  test.each([
    ["scoped with subpath", { given: "@seamapi/types/connect#openapi", want: { specifier: "@seamapi/types/connect", exportName: "openapi" } }],
    ["default export", { given: "my-spec", want: { specifier: "my-spec", exportName: "default" } }],
  ] as [string, { given: string; want: unknown }][])("%s", (_, { given, want }) => expect(parseModuleSource(given)).toEqual(want));
});

describe("unsafe example keys are renamed on import", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["media type key", { given: "application/json", want: "application_json" }],
    ["backslash and control", { given: "a\\b\tc", want: "a_b_c" }],
    ["dot-dot", { given: "..", want: "example__" }],
    ["safe key unchanged", { given: "list_all_groups", want: "list_all_groups" }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(toSafeExampleKey(given)).toBe(want));

  test("request and response sides keep their link", () => {
    const item = {
      put: {
        requestBody: { content: { "application/json": { examples: { "application/json": { value: 1 } } } } },
        responses: { "200": { content: { "application/json": { examples: { "application/json": { value: 2 } } } } } },
      },
    };
    renameUnsafeExampleKeys(item);
    expect(Object.keys(item.put.requestBody.content["application/json"].examples)).toEqual(["application_json"]);
    expect(Object.keys(item.put.responses["200"].content["application/json"].examples)).toEqual(["application_json"]);
  });
});

// Long strings are folded (`>-`); a folded block cannot keep leading whitespace, so those stay quoted. The yaml
// package's parser is the oracle: every value must read back as written.
describe("toYaml keeps long strings with edge whitespace", () => {
  const long = "word ".repeat(20).trim();
  test.each([
    ["only spaces", " ".repeat(100)],
    ["leading spaces", `  ${long}`],
    ["one leading space", ` ${long}`],
    ["leading tab", `\t${long}`],
    ["trailing spaces", `${long}  `],
    ["double spaces", long.replace(/ /g, "  ")],
    ["tab inside", long.replace("word word", "word\t word")],
    ["plain", long],
  ])("%s", (_name, s) => {
    const text = toYaml({ k: s });
    expect((YAML.parse(text) as { k: string }).k).toBe(s);
    expect(toYamlViaDocument({ k: s })).toBe(text);
  });
});
