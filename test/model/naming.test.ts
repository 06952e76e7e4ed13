import { describe, expect, test } from "vitest";
import { toCasings } from "../../generator/model/casing.js";
import { buildSdkNaming, deriveRestNames } from "../../generator/model/naming.js";

describe("toCasings", () => {
  const cases: [string, { given: string; want: Partial<ReturnType<typeof toCasings>> }][] = [
    ["snake", { given: "remove_devices", want: { snake: "remove_devices", camel: "removeDevices", pascal: "RemoveDevices", kebab: "remove-devices" } }],
    ["camel", { given: "removeDevices", want: { snake: "remove_devices", camel: "removeDevices" } }],
    ["kebab", { given: "list-for-org", want: { snake: "list_for_org", camel: "listForOrg", kebab: "list-for-org" } }],
    ["acronym run", { given: "HTTPServerURL", want: { snake: "http_server_url", pascal: "HttpServerUrl" } }],
    ["digits", { given: "v1_list2", want: { camel: "v1List2", kebab: "v1-list2" } }],
    ["single word", { given: "acs", want: { camel: "acs", pascal: "Acs", snake: "acs" } }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(toCasings(given)).toMatchObject({ original: given, ...want });
  });
});

describe("buildSdkNaming", () => {
  test("x-fern names win and keep every namespace segment", () => {
    const naming = buildSdkNaming({
      path: "/acs/users/remove_from_access_group",
      method: "post",
      operationId: "acsUsersRemoveFromAccessGroupPost",
      tags: ["/acs"],
      groupName: ["acs", "users"],
      methodName: "remove_from_access_group",
    });
    expect(naming.fromExtensions).toBe(true);
    expect(naming.namespace.map((n) => n.camel)).toEqual(["acs", "users"]);
    expect(naming.method.camel).toBe("removeFromAccessGroup");
  });
});

describe("deriveRestNames", () => {
  const cases: [string, { given: Parameters<typeof deriveRestNames>[0]; want: ReturnType<typeof deriveRestNames> }][] = [
    ["tag + operationId ending in the tag's word", { given: { path: "/api/v1/groups/{groupDisplayName}/removeDevices", method: "delete", operationId: "removeDevicesFromGroup", tags: ["groups"] }, want: { namespace: ["groups"], method: "removeDevices" } }],
    ["plural tag word dropped", { given: { path: "/api/v1/groups", method: "get", operationId: "listGroups", tags: ["groups"] }, want: { namespace: ["groups"], method: "list" } }],
    ["leading tag word dropped", { given: { path: "/pets", method: "get", operationId: "petsList", tags: ["pets"] }, want: { namespace: ["pets"], method: "list" } }],
    ["GitHub-style namespace/method ids", { given: { path: "/orgs/{org}/repos", method: "get", operationId: "repos/list-for-org", tags: ["repos"] }, want: { namespace: ["repos"], method: "list-for-org" } }],
    ["no tags: first meaningful path segment", { given: { path: "/v1/customers/{customer}", method: "get", operationId: "GetCustomersCustomer", tags: [] }, want: { namespace: ["customers"], method: "getCustomersCustomer" } }],
    ["no operationId: method + static segments", { given: { path: "/v1/customers/{id}/balance", method: "get", operationId: "", tags: [] }, want: { namespace: ["customers"], method: "get_balance" } }],
    ["operationId that is only the tag word", { given: { path: "/groups", method: "get", operationId: "groups", tags: ["groups"] }, want: { namespace: ["groups"], method: "groups" } }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(deriveRestNames(given)).toEqual(want);
  });
});
