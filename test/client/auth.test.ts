// Credentials on the wire: API key in a header or the query, basic auth, per-endpoint auth methods, bad values.
import { beforeAll, describe, expect, test } from "vitest";
import { endpointDoc, specInput } from "../model/spec-input.js";
import { buildClientApi, compilePackage, importPackage, makeTempDir, writeClient } from "./harness.js";

const ok = { responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { n: { type: "integer" } } } } } } } };
const shared = {
  openapi: "3.0.0",
  info: { title: "Auth test", version: "1.0.0" },
  servers: [{ url: "https://api.example" }],
  paths: {},
  components: {
    securitySchemes: {
      header_key: { type: "apiKey", in: "header", name: "X-Api-Key" },
      query_key: { type: "apiKey", in: "query", name: "api_key" },
      basic: { type: "http", scheme: "basic" },
    },
  },
};
const op = (operationId: string, security: unknown[]) => ({ operationId, tags: ["things"], security, ...ok });

let pkg: Record<string, any>;
let seen: Request[] = [];
const capture = async (request: Request) => {
  seen.push(request);
  return Response.json({ n: 1 });
};

beforeAll(async () => {
  const spec = specInput({
    shared,
    endpoints: {
      "header.yaml": endpointDoc("/header", { get: op("getHeader", [{ header_key: [] }]) }),
      "query.yaml": endpointDoc("/query", { get: op("getQuery", [{ query_key: [] }]) }),
      "basic.yaml": endpointDoc("/basic", { get: op("getBasic", [{ basic: [] }, { header_key: [] }]) }),
      "public.yaml": endpointDoc("/public", { get: op("getPublic", []) }),
    },
  });
  const dir = makeTempDir("auth-client");
  await writeClient(buildClientApi(spec), dir);
  expect(compilePackage(dir, { emit: true })).toEqual([]);
  pkg = await importPackage(dir);
}, 60_000);

const client = (options: Record<string, unknown>) => new pkg["TestClient"]({ fetch: capture, ...options });
const call = async (c: any, name: string) => {
  seen = [];
  const method = Object.values(c).find((ns: any) => typeof ns?.[name] === "function") as any;
  const result = await method[name]();
  return { result, request: seen[0]! };
};

describe("auth on the wire", () => {
  test("API key in a header", async () => {
    const { request, result } = await call(client({ headerKey: "k1" }), "getHeader");
    expect(result).toEqual({ n: 1 });
    expect(request.headers.get("x-api-key")).toBe("k1");
    expect(request.headers.get("authorization")).toBeNull();
  });

  test("API key in the query", async () => {
    const { request } = await call(client({ queryKey: "k2" }), "getQuery");
    expect(new URL(request.url).searchParams.get("api_key")).toBe("k2");
    expect(new URL(request.url).pathname).toBe("/query");
  });

  test("basic auth is base64 of user:password; the first satisfied method wins", async () => {
    expect((await call(client({ basic: "ann:secret" }), "getBasic")).request.headers.get("authorization")).toBe(`Basic ${btoa("ann:secret")}`);
    expect((await call(client({ headerKey: "k1" }), "getBasic")).request.headers.get("x-api-key")).toBe("k1");
  });

  test("an endpoint without security needs no credentials", async () => {
    expect((await call(client({}), "getPublic")).request.headers.get("x-api-key")).toBeNull();
  });

  test("a credential the endpoint does not accept fails before the request", async () => {
    seen = [];
    await expect(client({ queryKey: "k2" }).things.getHeader()).rejects.toThrow("GET /header accepts headerKey; configured: queryKey");
    expect(seen).toEqual([]);
  });

  const bad: [string, { given: Record<string, unknown>; want: string }][] = [
    ["Bearer prefix", { given: { headerKey: "Bearer abc" }, want: 'TestClient: pass "headerKey" without the "Bearer" prefix' }],
    ["not a string", { given: { headerKey: 42 }, want: 'TestClient: "headerKey" must be a non-empty string' }],
    ["newline", { given: { headerKey: "abc\n" }, want: 'TestClient: "headerKey" contains whitespace or characters not allowed in a credential' }],
    ["typo in the option name", { given: { headerkey: "abc" }, want: 'TestClient: unknown option "headerkey"' }],
  ];
  test.each(bad)("%s is rejected when the client is built", (_, { given, want }) => {
    expect(() => client(given)).toThrow(want);
  });
});
