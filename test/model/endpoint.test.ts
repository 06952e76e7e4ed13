import { describe, expect, test } from "vitest";
import { buildApi } from "../../generator/model/api.js";
import { apiContextKey } from "../../generator/render-parts.js";
import { groupMethods } from "../../generator/model/endpoint.js";
import type { ResponseKind } from "../../generator/model/types.js";
import { endpointDoc, specInput } from "./spec-input.js";

const ok = (schema: unknown) => ({ "200": { description: "OK", content: { "application/json": { schema } } } });
const rpcOp = (extra: Record<string, unknown>) => ({
  operationId: "op",
  "x-fern-sdk-group-name": ["spaces"],
  "x-fern-sdk-method-name": "get",
  ...extra,
});
const shared = {
  openapi: "3.0.0",
  info: { title: "T", version: "1" },
  paths: {},
  components: {
    schemas: {
      space: { type: "object", properties: { space_id: { type: "string", format: "uuid" } }, required: ["space_id"] },
      action_attempt: { type: "object", properties: { status: { type: "string", enum: ["pending", "success"] } } },
    },
  },
};

describe("groupMethods", () => {
  const cases: [string, { given: Record<string, unknown>; want: string[][] }][] = [
    ["RPC aliases share the SDK method", { given: { post: rpcOp({}), get: rpcOp({}) }, want: [["post", "get"]] }],
    ["REST operations stand alone", { given: { get: { operationId: "list" }, post: { operationId: "create" } }, want: [["get"], ["post"]] }],
    ["different SDK methods on one path", { given: { post: rpcOp({}), delete: rpcOp({ "x-fern-sdk-method-name": "delete" }) }, want: [["post"], ["delete"]] }],
    ["path-level keys are not methods", { given: { parameters: [], summary: "x", get: { operationId: "a" } }, want: [["get"]] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(groupMethods(given)).toEqual(want));
});

describe("response kind", () => {
  const cases: [string, { op: Record<string, unknown>; want: { kind: ResponseKind; resourceType: string | null } }][] = [
    ["x-response-key null is void", { op: rpcOp({ "x-response-key": null, responses: ok({ type: "object", properties: { ok: { type: "boolean" } } }) }), want: { kind: "void", resourceType: null } }],
    ["resource by key", { op: rpcOp({ "x-response-key": "space", responses: ok({ type: "object", properties: { space: { $ref: "../_api.yaml#/components/schemas/space" } } }) }), want: { kind: "resource", resourceType: "space" } }],
    ["resource list by key", { op: rpcOp({ "x-response-key": "spaces", responses: ok({ type: "object", properties: { spaces: { type: "array", items: { $ref: "../_api.yaml#/components/schemas/space" } } } }) }), want: { kind: "resource_list", resourceType: "space" } }],
    ["action attempt", { op: rpcOp({ "x-response-key": "action_attempt", "x-action-attempt-type": "UNLOCK_DOOR", responses: ok({ type: "object", properties: { action_attempt: { $ref: "../_api.yaml#/components/schemas/action_attempt" } } }) }), want: { kind: "action_attempt", resourceType: "action_attempt" } }],
    ["REST array of refs", { op: { operationId: "listSpaces", tags: ["spaces"], responses: ok({ type: "array", items: { $ref: "../_api.yaml#/components/schemas/space" } }) }, want: { kind: "resource_list", resourceType: "space" } }],
    ["REST plain string", { op: { operationId: "ping", responses: ok({ type: "string" }) }, want: { kind: "other", resourceType: null } }],
    ["204 is void", { op: { operationId: "del", responses: { "204": { description: "gone" } } }, want: { kind: "void", resourceType: null } }],
  ];
  test.each(cases)("%s", (_, { op, want }) => {
    const api = buildApi(specInput({ shared, endpoints: { "spaces/x.yaml": endpointDoc("/spaces/x", { post: op }) } }));
    const success = api.endpoints[0]?.successResponse;
    expect({ kind: success?.kind, resourceType: success?.resourceType }).toEqual(want);
    expect(api.endpoints[0]?.isVoid).toBe(want.kind === "void");
  });
});

describe("parameters and examples", () => {
  const op = rpcOp({
    "x-title": "Get a space",
    "x-alpha": "Spaces are in alpha.",
    requestBody: {
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: { space_id: { type: "string", format: "uuid" }, name: { type: "string", nullable: true } },
            required: ["space_id"],
          },
          examples: { get_a_space: { summary: "Get a space", description: "Gets one.", value: { name: null, space_id: "a" } } },
        },
      },
    },
    "x-response-key": "space",
    responses: {
      "200": {
        description: "OK",
        content: {
          "application/json": {
            schema: { type: "object", properties: { space: { $ref: "../_api.yaml#/components/schemas/space" } } },
            examples: { get_a_space: { summary: "Get a space", value: { space: { space_id: "a" } } } },
          },
        },
      },
      "400": { description: "Bad Request" },
    },
  });
  const api = buildApi(specInput({ shared, endpoints: { "spaces/get.yaml": endpointDoc("/spaces/get", { post: op, get: rpcOp({ responses: {} }) }) } }));
  const endpoint = api.endpoints[0]!;

  test("one endpoint for the aliases, preferred method first, id is the path", () => {
    expect(api.endpoints).toHaveLength(1);
    expect(endpoint).toMatchObject({ id: "/spaces/get", methods: ["post", "get"], preferredMethod: "post", title: "Get a space", routePath: "/spaces" });
    expect(endpoint.flags).toMatchObject({ alpha: true, alphaMessage: "Spaces are in alpha.", draft: false });
  });
  test("body properties become body parameters with flattened schemas", () => {
    expect(endpoint.parameters.map((p) => [p.name, p.location, p.required, p.schema.type, p.schema.format, p.schema.nullable])).toEqual([
      ["space_id", "body", true, "string", "uuid", false],
      ["name", "body", false, "string", null, true],
    ]);
    expect(endpoint.hasRequiredParameters).toBe(true);
  });
  test("examples link request and response by key and keep the example's parameter order", () => {
    expect(endpoint.examples).toHaveLength(1);
    const ex = endpoint.examples[0]!;
    expect(ex).toMatchObject({ key: "get_a_space", title: "Get a space", description: "Gets one." });
    expect(ex.request.parameters.map((p) => p.name)).toEqual(["name", "space_id"]);
    expect(ex.response).toEqual({ status: "200", body: { space: { space_id: "a" } } });
  });
  test("responses keep their status, success and error flags", () => {
    expect(endpoint.responses.map((r) => [r.status, r.isSuccess, r.isError, r.kind])).toEqual([
      ["200", true, false, "resource"],
      ["400", false, true, "void"],
    ]);
  });
  test("routes and resources", () => {
    expect(api.routes.map((r) => [r.path, r.title, r.endpointIds])).toEqual([["/spaces", "Spaces", ["/spaces/get"]]]);
    expect(api.resources.map((r) => r.name)).toEqual(["space", "action_attempt"]);
    expect(api.hasSdk).toBe(true);
  });
});

describe("resources", () => {
  const sharedDoc = {
    ...shared,
    components: {
      schemas: {
        space: { type: "object", "x-route-path": "/spaces", properties: { id: { type: "string" } } },
        name: { type: "string" },
        // Flattening this one fails: only a caller that asks for it may meet that.
        broken: {
          type: "object",
          get properties(): never {
            throw new Error("broken was flattened");
          },
        },
        lock: { type: "object", "x-route-path": "/locks", properties: { id: { type: "string" } } },
      },
    },
  };
  const build = () => buildApi(specInput({ shared: sharedDoc, endpoints: { "a.yaml": endpointDoc("/a", { get: { operationId: "a", responses: {} } }) } }));

  test("findResources flattens only the schemas its test passes, and answers as a filter of resources", () => {
    const api = build();
    expect(api.findResources((name) => name === "lock").map((r) => [r.name, r.routePath])).toEqual([["lock", "/locks"]]);
    expect(api.findResources((_name, routePath) => routePath !== null).map((r) => r.name)).toEqual(["space", "lock"]);
    // Not an object schema: not a resource, whichever way it is asked for.
    expect(api.findResources((name) => name === "name")).toEqual([]);
    expect(() => api.resources).toThrow(/broken was flattened/);
    expect(() => build().findResources(() => true)).toThrow(/broken was flattened/);
  });

  test("the parts' context key does not read the resources", () => {
    const api = build();
    expect(apiContextKey({ shared: null, endpoints: [] } as never, api, undefined)).toMatch(/^[0-9a-f]{64}$/);
    const healthy = buildApi(specInput({ shared: { ...sharedDoc, components: { schemas: { space: sharedDoc.components.schemas.space } } }, endpoints: { "a.yaml": endpointDoc("/a", { get: { operationId: "a", responses: {} } }) } }));
    expect(healthy.findResources(() => true)).toEqual(healthy.resources);
  });
});

describe("schema flattening", () => {
  test("cyclic refs close on the same node; allOf merges properties and required", () => {
    const sharedDoc = {
      ...shared,
      components: {
        schemas: {
          node: { type: "object", properties: { id: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/node" } } } },
          named: { allOf: [{ $ref: "#/components/schemas/node" }, { type: "object", properties: { name: { type: "string" } }, required: ["name"] }] },
        },
      },
    };
    const api = buildApi(specInput({ shared: sharedDoc, endpoints: { "a.yaml": endpointDoc("/a", { get: { operationId: "a", responses: {} } }) } }));
    const node = api.resources.find((r) => r.name === "node")!.schema;
    expect(node.properties[1]?.schema.items).toBe(node);
    const named = api.resources.find((r) => r.name === "named")!.schema;
    expect(named.properties.map((p) => [p.name, p.required])).toEqual([["id", false], ["children", false], ["name", true]]);
  });
  test("3.1 type arrays with null are nullable", () => {
    const doc = endpointDoc("/a", { get: { operationId: "a", parameters: [{ name: "q", in: "query", schema: { type: ["string", "null"] } }], responses: {} } });
    const api = buildApi(specInput({ endpoints: { "a.yaml": doc } }));
    expect(api.endpoints[0]?.parameters[0]?.schema).toMatchObject({ type: "string", nullable: true });
  });
});
