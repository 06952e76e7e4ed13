// Client view units: credential options, implied auth schemes, pagination detection, namespaces.
import { describe, expect, test } from "vitest";
import { buildApi } from "../../generator/model/index.js";
import { buildCredentials, expandAuthMethod } from "../../generator/targets/client/auth.js";
import { buildClientView, paginationOf } from "../../generator/targets/client/view.js";
import { endpointDoc, specInput } from "../model/spec-input.js";

const schemes = {
  api_key: { type: "http", scheme: "bearer", bearerFormat: "API Key" },
  pat_with_workspace: { type: "http", scheme: "bearer" },
  seam_workspace: { type: "apiKey", in: "header", name: "seam-workspace" },
  client_session_with_customer: { type: "http", scheme: "bearer" },
  session: { type: "apiKey", in: "cookie", name: "PHPSESSID", description: "Session cookie." },
  headers: { type: "apiKey", in: "query", name: "key" },
  basic: { type: "http", scheme: "basic" },
};
const rpc = (group: string[], method: string, extra: Record<string, unknown> = {}) => ({
  post: { operationId: method, "x-fern-sdk-group-name": group, "x-fern-sdk-method-name": method, security: [{ api_key: [] }], ...extra },
});
const api = (endpoints: Record<string, any>) =>
  buildApi(specInput({ shared: { openapi: "3.0.0", info: { title: "T", version: "1" }, paths: {}, components: { securitySchemes: schemes } }, endpoints }));

describe("credentials", () => {
  const a = api({ "x.yaml": endpointDoc("/x", rpc(["x"], "get")) });
  test("one option per scheme, camel-cased; reserved names get a suffix", () => {
    expect(buildCredentials(a).map((c) => [c.option, c.kind, c.name])).toEqual([
      ["apiKey", "bearer", ""],
      ["patWithWorkspace", "bearer", ""],
      ["seamWorkspace", "header", "seam-workspace"],
      ["clientSessionWithCustomer", "bearer", ""],
      ["session", "cookie", "PHPSESSID"],
      ["headersCredential", "query", "key"],
      ["basic", "basic", ""],
    ]);
  });

  const implied: [string, { given: string[]; want: string[] }][] = [
    ["`<x>_with_workspace` needs the workspace header scheme", { given: ["pat_with_workspace"], want: ["pat_with_workspace", "seam_workspace"] }],
    ["no scheme named like the suffix: nothing implied", { given: ["client_session_with_customer"], want: ["client_session_with_customer"] }],
    ["already listed: not repeated", { given: ["pat_with_workspace", "seam_workspace"], want: ["pat_with_workspace", "seam_workspace"] }],
    ["plain schemes stay as they are", { given: ["api_key"], want: ["api_key"] }],
  ];
  test.each(implied)("%s", (_, { given, want }) => expect(expandAuthMethod({ schemeIds: given }, a)).toEqual(want));
});

describe("pagination and namespaces", () => {
  const listBody = (withCursor: boolean) => ({
    "x-response-key": "devices",
    requestBody: { content: { "application/json": { schema: { type: "object", properties: { limit: { type: "integer" }, ...(withCursor ? { page_cursor: { type: "string" } } : {}) } } } } },
    responses: {
      "200": {
        description: "OK",
        content: { "application/json": { schema: { type: "object", properties: { devices: { type: "array", items: { type: "object" } }, pagination: { type: "object", properties: { next_page_cursor: { type: "string", nullable: true } } } } } } },
      },
    },
  });
  const a = api({
    "devices/list.yaml": endpointDoc("/devices/list", rpc(["devices"], "list", listBody(true))),
    "devices/list_all.yaml": endpointDoc("/devices/list_all", rpc(["devices"], "list_all", listBody(false))),
    "devices/simulate/connect.yaml": endpointDoc("/devices/simulate/connect", rpc(["devices", "simulate"], "connect")),
  });
  const find = (path: string) => a.endpoints.find((e) => e.path === path)!;

  test("cursor pagination needs next_page_cursor in the result and page_cursor in the request", () => {
    expect(paginationOf(find("/devices/list"))).toEqual({ cursorParam: "page_cursor", nextCursor: ["pagination", "next_page_cursor"] });
    expect(paginationOf(find("/devices/list_all"))).toBeNull();
    expect(paginationOf(find("/devices/simulate/connect"))).toBeNull();
  });

  test("namespaces become nested resource classes; methods camel-cased", () => {
    const view = buildClientView(a);
    expect(view.className).toBe("TestClient");
    expect(view.root.children).toEqual([{ prop: "devices", className: "DevicesResource" }]);
    const devices = view.namespaces.find((n) => n.className === "DevicesResource")!;
    expect(devices.methods.map((m) => m.name)).toEqual(["list", "listAll"]);
    expect(devices.children).toEqual([{ prop: "simulate", className: "DevicesSimulateResource" }]);
    expect(view.paginated.map((p) => p.key)).toEqual(['"/devices/list"']);
    expect(devices.methods[0]!.resultType).toBe('ResultOf<paths["/devices/list"]["post"], 200>["devices"]');
  });

  test("a method and a namespace with the same name are a user error", () => {
    const clash = api({
      "a/b.yaml": endpointDoc("/a/b", rpc(["a"], "b")),
      "a/b/c.yaml": endpointDoc("/a/b/c", rpc(["a", "b"], "c")),
    });
    expect(() => buildClientView(clash)).toThrow(/"b" is defined twice in namespace "a"/);
  });
});
