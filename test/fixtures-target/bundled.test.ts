// fixtures/json on the bundled specs: every pair validates against its operation's schemas; pairs per endpoint as the spec documents them.
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadSpec, type LoadedSpec } from "../../generator/load/index.js";
import { buildApi } from "../../generator/model/index.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { fixturesJsonTarget, type EndpointFixtures, type FixtureIndex } from "../../generator/targets/fixtures/index.js";
import { createFixtureChecker } from "./check-fixture.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const loaded: Record<string, { spec: LoadedSpec; api: Api; files: Map<string, string> }> = {};

beforeAll(async () => {
  for (const id of ["groups", "keyhub"]) {
    const spec = await loadSpec(path.join(REPO, "spec", id));
    const api = buildApi(spec);
    loaded[id] = { spec, api, files: await fixturesJsonTarget.render(api, createRenderEnv()) };
  }
});

const index = (id: string) => JSON.parse(loaded[id]!.files.get("fixtures.json")!) as FixtureIndex;

describe.each(["groups", "keyhub"])("fixtures of spec/%s", (id) => {
  test("every pair validates against the operation's parameters, request body and response schema", () => {
    const { spec, api } = loaded[id]!;
    const checker = createFixtureChecker(spec);
    const fixtures = index(id).fixtures;
    const problems = fixtures.flatMap((f) => checker.check(api.endpoints.find((e) => e.id === f.endpoint)!, f).map((p) => `${f.endpoint} ${f.id}: ${p.part} ${p.message}`));
    expect(problems).toEqual([]);
    expect(fixtures.length).toBeGreaterThan(api.endpoints.length);
  });

  test("one pair per example, and each documented error status answered exactly once", () => {
    const { api } = loaded[id]!;
    for (const e of api.endpoints) {
      const mine = index(id).fixtures.filter((f) => f.endpoint === e.id);
      expect(mine.filter((f) => f.kind === "example").map((f) => f.id)).toEqual(e.examples.map((x) => x.key));
      expect(new Set(mine.map((f) => f.id)).size).toBe(mine.length);
      for (const r of e.responses.filter((r) => r.isError)) {
        expect(mine.filter((f) => f.response.status === Number(r.status)).length, `${e.id} ${r.status}`).toBe(1);
      }
    }
  });

  test("the per-endpoint files hold the index's pairs, in endpoint order; output is byte-stable", async () => {
    const { files, api } = loaded[id]!;
    const perFile = [...files].filter(([name]) => name !== "fixtures.json").flatMap(([, text]) => (JSON.parse(text) as EndpointFixtures).fixtures);
    expect(perFile).toEqual(index(id).fixtures);
    const again = await fixturesJsonTarget.render(buildApi(await loadSpec(path.join(REPO, "spec", id))), createRenderEnv());
    expect([...again]).toEqual([...files]);
    expect(files.size).toBe(api.endpoints.length + 1);
  });
});

describe("spec/groups, pair by pair", () => {
  // Read off the spec: examples first (in key order), then the error statuses no example answers.
  const table: [string, string[]][] = [
    ["get /api/v1/groups", ["find_groups_by_name 200", "list_all_groups 200", "error-401 401", "error-403 403", "error-429 429", "error-500 500", "error-503 503"]],
    ["post /api/v1/groups", ["create_a_group 201", "group_without_devices 400", "error-401 401", "error-403 403", "error-409 409", "error-429 429", "error-500 500", "error-503 503"]],
    ["get /api/v1/groups/{groupDisplayName}", ["get_a_group 200", "unknown_group 404", "error-401 401", "error-403 403", "error-429 429", "error-500 500", "error-503 503"]],
    ["delete /api/v1/groups/{groupDisplayName}", ["delete_a_group 204", "error-401 401", "error-403 403", "error-404 404", "error-423 423", "error-429 429", "error-500 500", "error-503 503"]],
    ["/api/v1/groups/{groupDisplayName}/addDevices", ["add_two_devices 200", "invalid_device_names 400", "error-401 401", "error-403 403", "error-404 404", "error-423 423", "error-429 429", "error-500 500", "error-503 503"]],
    ["/api/v1/groups/{groupDisplayName}/removeDevices", ["remove_two_devices 200", "invalid_device_names 400", "error-401 401", "error-403 403", "error-404 404", "error-423 423", "error-429 429", "error-500 500", "error-503 503"]],
  ];
  test.each(table)("%s", (endpoint, want) => {
    const got = index("groups").fixtures.filter((f) => f.endpoint === endpoint).map((f) => `${f.id} ${f.response.status}`);
    expect(got).toEqual(want);
  });

  test("removeDevices 400: the example's request as sent (cookie placeholder, path filled) and its error body", () => {
    const f = index("groups").fixtures.find((f) => f.endpoint.endsWith("/removeDevices") && f.id === "invalid_device_names")!;
    expect(f.request).toEqual({
      method: "DELETE",
      pathTemplate: "/api/v1/groups/{groupDisplayName}/removeDevices",
      path: "/api/v1/groups/MyGroup/removeDevices",
      query: {},
      headers: { Cookie: "PHPSESSID=<PHPSESSID>", "Content-Type": "application/json" },
      body: ["device-xyz"],
    });
    expect(f.response).toEqual({
      status: 400,
      headers: { "Content-Type": "application/json" },
      body: { error: "Invalid device names", description: "These devices do not exist: [device-xyz]", fieldErrors: [{ field: "deviceNames", error: "device-xyz is not a known device" }] },
    });
    expect(f.synthesised).toEqual([]);
  });

  test("a synthesised error: the first example's request, Error with its required property only, text from the response description", () => {
    const f = index("groups").fixtures.find((f) => f.endpoint === "get /api/v1/groups" && f.id === "error-401")!;
    expect(f.kind).toBe("error");
    expect(f.request.query).toEqual({ search: "Ware" });
    expect(f.response).toEqual({ status: 401, headers: { "Content-Type": "application/json" }, body: { error: "No valid session cookie was sent." } });
    expect(f.synthesised).toEqual(["response.body"]);
  });

  test("204 delete: no body, no Content-Type; list without query matches the response-only example", () => {
    const fixtures = index("groups").fixtures;
    expect(fixtures.find((f) => f.id === "delete_a_group")!.response).toEqual({ status: 204, headers: {}, body: null });
    const all = fixtures.find((f) => f.id === "list_all_groups")!;
    expect([all.request.path, all.request.query, "body" in all.request]).toEqual(["/api/v1/groups", {}, false]);
  });
});

describe("spec/keyhub: bearer placeholder, void results", () => {
  test("auth header placeholder from the first auth method; a void result gets the documented { ok } body", () => {
    const f = index("keyhub").fixtures.find((f) => f.endpoint === "/spaces/delete" && f.kind === "example")!;
    expect(f.request.headers).toEqual({ Authorization: "Bearer <API_KEY>", "Content-Type": "application/json" });
    expect(f.response.body).toEqual({ ok: true });
    expect(f.synthesised).toEqual(["response.body"]);
  });

  test("400/401 document no body: their pairs have none", () => {
    const errors = index("keyhub").fixtures.filter((f) => f.kind === "error");
    expect(errors.length).toBe(2 * loaded["keyhub"]!.api.endpoints.length);
    expect(errors.every((f) => f.response.body === null && Object.keys(f.response.headers).length === 0)).toBe(true);
  });
});

describe("the checker itself fails on broken pairs", () => {
  type Mutate = (f: any) => void;
  const table: [string, { endpoint: string; id: string; mutate: Mutate; want: RegExp }][] = [
    ["error body without its required property", { endpoint: "/api/v1/groups/{groupDisplayName}/removeDevices", id: "invalid_device_names", mutate: (f) => (f.response.body = { description: "x" }), want: /response\.body .*required property 'error'/ }],
    ["request body below minItems", { endpoint: "/api/v1/groups/{groupDisplayName}/removeDevices", id: "remove_two_devices", mutate: (f) => (f.request.body = []), want: /request\.body .*fewer than 1 items/ }],
    ["undocumented status", { endpoint: "get /api/v1/groups", id: "list_all_groups", mutate: (f) => (f.response.status = 418), want: /status 418 is not documented/ }],
    ["query value below minLength", { endpoint: "get /api/v1/groups", id: "find_groups_by_name", mutate: (f) => (f.request.query = { search: "" }), want: /query search: .*fewer than 1 characters/ }],
    ["missing path parameter", { endpoint: "get /api/v1/groups/{groupDisplayName}", id: "get_a_group", mutate: (f) => (f.request.path = "/api/v1/groups"), want: /missing required path parameter groupDisplayName/ }],
    ["body without Content-Type", { endpoint: "get /api/v1/groups/{groupDisplayName}", id: "get_a_group", mutate: (f) => (f.response.headers = {}), want: /Content-Type undefined is not documented/ }],
    ["missing body where one is documented", { endpoint: "get /api/v1/groups/{groupDisplayName}", id: "get_a_group", mutate: (f) => (f.response.body = null), want: /documents a body, the fixture has none/ }],
    ["missing required request body", { endpoint: "post /api/v1/groups", id: "create_a_group", mutate: (f) => delete f.request.body, want: /required request body missing/ }],
  ];
  test.each(table)("%s", (_, { endpoint, id, mutate, want }) => {
    const { spec, api } = loaded["groups"]!;
    const fixture = structuredClone(index("groups").fixtures.find((f) => f.endpoint === endpoint && f.id === id)!);
    mutate(fixture);
    const problems = createFixtureChecker(spec).check(api.endpoints.find((e) => e.id === endpoint)!, fixture);
    expect(problems.map((p) => `${p.part} ${p.message}`).join("\n")).toMatch(want);
  });
});
