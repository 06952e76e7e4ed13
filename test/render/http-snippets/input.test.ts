// buildHttpRequestInput: example values by location and the auth placeholder rule; layout breaking at 80 columns.
import { describe, expect, test } from "vitest";
import { buildApi } from "../../../generator/model/api.js";
import { buildHttpRequestInput, httpSnippetLanguages, toEnvName } from "../../../generator/render/http-snippets/index.js";
import type { HttpRequestInput } from "../../../generator/render/http-snippets/types.js";
import { endpointDoc, specInput } from "../../model/spec-input.js";

const SCHEMES = {
  bearerAuth: { type: "http", scheme: "bearer" },
  basicAuth: { type: "http", scheme: "basic" },
  apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
  apiKeyQuery: { type: "apiKey", in: "query", name: "api_key" },
  cookieSession: { type: "apiKey", in: "cookie", name: "PHPSESSID" },
  oauth: { type: "oauth2", flows: {} },
};

function inputFor(security: Record<string, string[]>[]): HttpRequestInput {
  const op = {
    operationId: "getItem",
    security,
    parameters: [
      { name: "id", in: "path", required: true, schema: { type: "string" }, examples: { ex: { summary: "Ex", value: "a b" } } },
      { name: "tags", in: "query", schema: { type: "array", items: { type: "string" } }, examples: { ex: { value: ["x", "y"] } } },
      { name: "limit", in: "query", schema: { type: "integer" }, examples: { ex: { value: 5 } } },
      { name: "X-Trace", in: "header", schema: { type: "string" }, examples: { ex: { value: "t1" } } },
    ],
    responses: { "200": { description: "OK" } },
  };
  const doc = { ...endpointDoc("/items/{id}", { get: op }, { securitySchemes: SCHEMES }), servers: [{ url: "https://h.test/v1/" }] };
  const api = buildApi(specInput({ endpoints: { "items/{id}.yaml": doc } }));
  const endpoint = api.endpoints[0]!;
  return buildHttpRequestInput(api, endpoint, endpoint.examples[0]);
}

describe("buildHttpRequestInput", () => {
  test("example values land by location; arrays in the query repeat the name; the server's trailing slash goes", () => {
    const input = inputFor([]);
    expect(input).toEqual({
      serverUrl: "https://h.test/v1",
      method: "GET",
      path: "/items/{id}",
      pathParams: [{ name: "id", value: "a b" }],
      query: [{ name: "tags", value: "x" }, { name: "tags", value: "y" }, { name: "limit", value: "5" }],
      headers: [{ name: "X-Trace", value: "t1" }],
      cookies: [],
      body: undefined,
      mediaType: "application/json",
    });
  });

  const cases: [string, { security: Record<string, string[]>[]; want: Partial<HttpRequestInput> }][] = [
    ["bearer → Authorization from $BEARER_AUTH", { security: [{ bearerAuth: [] }], want: { headers: [{ name: "Authorization", value: { prefix: "Bearer ", env: "BEARER_AUTH" } }] } }],
    ["basic → Authorization: Basic $BASIC_AUTH", { security: [{ basicAuth: [] }], want: { headers: [{ name: "Authorization", value: { prefix: "Basic ", env: "BASIC_AUTH" } }] } }],
    ["oauth2 → a bearer token", { security: [{ oauth: [] }], want: { headers: [{ name: "Authorization", value: { prefix: "Bearer ", env: "OAUTH" } }] } }],
    ["apiKey header → <name>", { security: [{ apiKeyHeader: [] }], want: { headers: [{ name: "X-Api-Key", value: "<X-Api-Key>" }] } }],
    ["apiKey query → <name> first in the query", { security: [{ apiKeyQuery: [] }], want: { query: [{ name: "api_key", value: "<api_key>" }] } }],
    ["apiKey cookie → <name>", { security: [{ cookieSession: [] }], want: { cookies: [{ name: "PHPSESSID", value: "<PHPSESSID>" }] } }],
    ["only the first auth method is used", { security: [{ cookieSession: [] }, { bearerAuth: [] }], want: { cookies: [{ name: "PHPSESSID", value: "<PHPSESSID>" }], headers: [] } }],
    ["every scheme of that method is used", { security: [{ cookieSession: [], apiKeyHeader: [] }], want: { cookies: [{ name: "PHPSESSID", value: "<PHPSESSID>" }], headers: [{ name: "X-Api-Key", value: "<X-Api-Key>" }] } }],
  ];
  test.each(cases)("%s", (_, { security, want }) => {
    const input = inputFor(security);
    for (const [key, value] of Object.entries(want)) {
      const got = input[key as keyof HttpRequestInput] as unknown[];
      const auth = (value as unknown[]).length;
      // Auth entries come first, example values after them.
      expect(got.slice(0, auth)).toEqual(value);
      if (auth === 0) expect(got.filter((h) => typeof (h as { value: unknown }).value !== "string")).toEqual([]);
    }
  });

  test.each([
    ["bearerAuth", "BEARER_AUTH"],
    ["api-key", "API_KEY"],
    ["2fa", "_2FA"],
    ["OAuth2Token", "O_AUTH2_TOKEN"],
  ])("toEnvName(%s) = %s", (given, want) => expect(toEnvName(given)).toBe(want));
});

describe("layout", () => {
  const base: HttpRequestInput = {
    serverUrl: "https://h.test",
    method: "POST",
    path: "/g",
    pathParams: [],
    query: [],
    headers: [],
    cookies: [],
    body: undefined,
    mediaType: "application/json",
  };
  test("a body that fits stays on the -d line, as seed 002's curl example", () => {
    expect(httpSnippetLanguages.curl.request({ ...base, body: ["device-01", "device-02"] })).toBe(
      ["curl -X POST 'https://h.test/g' \\", "  -H 'Content-Type: application/json' \\", `  -d '["device-01", "device-02"]'`, ""].join("\n"),
    );
  });
  const long = { name: "x".repeat(50), devices: ["device-01", "device-02", "device-03"], meta: { a: 1 } };
  test.each([
    ["fetch", "  body: JSON.stringify({\n    name: \"" + "x".repeat(50) + "\",\n    devices: [\"device-01\", \"device-02\", \"device-03\"],\n    meta: { a: 1 },\n  }),"],
    ["requests", "    json={\n        \"name\": \"" + "x".repeat(50) + "\",\n        \"devices\": [\"device-01\", \"device-02\", \"device-03\"],\n        \"meta\": {\"a\": 1},\n    },"],
    ["net_http", "request.body = JSON.generate({\n  \"name\" => \"" + "x".repeat(50) + "\",\n  \"devices\" => [\"device-01\", \"device-02\", \"device-03\"],\n  \"meta\" => { \"a\" => 1 }\n})"],
    ["php_curl", "    CURLOPT_POSTFIELDS => json_encode([\n        \"name\" => \"" + "x".repeat(50) + "\",\n        \"devices\" => [\"device-01\", \"device-02\", \"device-03\"],\n        \"meta\" => [\"a\" => 1],\n    ]),"],
  ] as const)("%s breaks a body wider than 80 columns one entry per line", (id, want) => {
    const code = httpSnippetLanguages[id].request({ ...base, body: long });
    expect(code).toContain(want);
    for (const line of code.split("\n").filter((l) => !l.includes("https://"))) expect(line.length).toBeLessThanOrEqual(80);
  });
});
