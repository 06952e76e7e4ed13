// spec/groups (REST, cookie auth, seed 002): generate, compile strict, then call a local server serving the generated fixtures.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import type { Api } from "../../generator/model/types.js";
import { loadFixtures, startExampleServer, type ExampleServer, type ServedRequest } from "./example-server.js";
import { REPO, buildClientApi, compilePackage, importPackage, makeTempDir, typecheckUsage, writeClient } from "./harness.js";

let api: Api;
let dir: string;
let diagnostics: string[];
let pkg: Record<string, any>;
let server: ExampleServer;
/** Per-test behaviour layered over the examples. */
let override: (req: ServedRequest) => { status: number; body: unknown; headers?: Record<string, string> } | undefined = () => undefined;

beforeAll(async () => {
  api = buildClientApi(await loadSpec(path.join(REPO, "spec/groups")));
  dir = makeTempDir("groups-client");
  await writeClient(api, dir);
  diagnostics = compilePackage(dir, { emit: true });
  pkg = await importPackage(dir);
  server = await startExampleServer(await loadFixtures(api), (req) => override(req));
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const client = (extra: Record<string, unknown> = {}) =>
  new pkg["GroupsClient"]({ cookieSession: "5f1a3je95qqrn5fj0k3hhv7foc", baseUrl: server.url, retry: { minDelayMs: 1 }, ...extra });

async function caught(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const errorBody = (error: string) => ({ error, description: `${error}.`, fieldErrors: [] });

describe("groups client: package", () => {
  test("tsc --strict compiles it without diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  const usage: [string, { given: string; ok: true | RegExp }][] = [
    ["REST call with path param and array body", { given: `const r: string = await c.groups.removeDevices({ groupDisplayName: "MyGroup", body: ["device-01"] });`, ok: true }],
    ["query param is typed", { given: `const gs = await c.groups.list({ search: "Ware" }); const n: string = gs[0]!.displayName;`, ok: true }],
    ["void result", { given: `const r: void = await c.groups.delete({ groupDisplayName: "MyGroup" });`, ok: true }],
    ["error body typed per the documented schema", { given: `try {} catch (e) { if (e instanceof GroupsError) { const f: string | undefined = e.body.fieldErrors?.[0]?.field; } }`, ok: true }],
    ["missing body is an error", { given: `await c.groups.removeDevices({ groupDisplayName: "MyGroup" });`, ok: /Property 'body' is missing/ }],
    ["wrong body type is an error", { given: `await c.groups.removeDevices({ groupDisplayName: "MyGroup", body: [1] });`, ok: /Type 'number' is not assignable to type 'string'/ }],
    ["missing path param is an error", { given: `await c.groups.get({});`, ok: /Property 'groupDisplayName' is missing/ }],
    ["unknown credential option is an error", { given: `new GroupsClient({ apiKey: "x" });`, ok: /'apiKey' does not exist in type 'GroupsClientOptions'/ }],
  ];
  test.each(usage)("types: %s", (_, { given, ok }) => {
    const source = `import { GroupsClient, GroupsError } from "./index.js";\nconst c = new GroupsClient({ cookieSession: "s" });\nexport async function f() {\n${given}\n}\n`;
    const errors = typecheckUsage(dir, source);
    if (ok === true) expect(errors).toEqual([]);
    else expect(errors.join("\n")).toMatch(ok);
  }, 30_000);
});

describe("groups client: against the examples server", () => {
  test("200: removeDevices sends the cookie, the path param and the array body", async () => {
    override = () => undefined;
    const before = server.requests.length;
    const result = await client().groups.removeDevices({ groupDisplayName: "MyGroup", body: ["device-01", "device-02"] });
    expect(result).toBe("Devices removed successfully");
    const req = server.requests[before]!;
    expect(req.method).toBe("DELETE");
    expect(req.url).toBe("/api/v1/groups/MyGroup/removeDevices");
    expect(req.headers.cookie).toBe("PHPSESSID=5f1a3je95qqrn5fj0k3hhv7foc");
    expect(req.body).toEqual(["device-01", "device-02"]);
  });

  test("200 with a query param, 201 create, 204 delete", async () => {
    override = () => undefined;
    const found = await client().groups.list({ search: "Ware" });
    expect(found.map((g: { displayName: string }) => g.displayName)).toEqual(["Warehouse"]);
    const created = await client().groups.create({ body: { displayName: "Lobby", description: "Kiosks by the entrance", devices: ["device-01", "device-02"] } });
    expect(created.displayName).toBe("Lobby");
    expect(await client().groups.delete({ groupDisplayName: "MyGroup" })).toBeUndefined();
  });

  test("400 carries the parsed body with fieldErrors", async () => {
    override = () => undefined;
    const error = await caught(client().groups.removeDevices({ groupDisplayName: "MyGroup", body: ["device-xyz"] }));
    expect(error).toBeInstanceOf(pkg["GroupsError"]);
    expect(error).toBeInstanceOf(pkg["ApiError"]);
    expect(error.status).toBe(400);
    expect(error.body.fieldErrors).toEqual([{ field: "deviceNames", error: "device-xyz is not a known device" }]);
    expect(error.message).toContain("failed with 400");
  });

  test("404 for an unknown group, with the request id header", async () => {
    override = () => undefined;
    const error = await caught(client().groups.get({ groupDisplayName: "Lobby-Old" }));
    expect(error.status).toBe(404);
    expect(error.body.error).toBe("Group not found");
    override = (req) => (req.url.endsWith("/Lobby-Old") ? { status: 404, body: errorBody("Group not found"), headers: { "x-request-id": "req_42" } } : undefined);
    expect((await caught(client().groups.get({ groupDisplayName: "Lobby-Old" }))).requestId).toBe("req_42");
  });

  test("423 is not retried", async () => {
    override = (req) => (req.url.startsWith("/api/v1/groups/Locked") ? { status: 423, body: errorBody("Locked") } : undefined);
    const before = server.requests.length;
    const error = await caught(client().groups.addDevices({ groupDisplayName: "Locked", body: ["device-04"] }));
    expect(error.status).toBe(423);
    expect(error.body.error).toBe("Locked");
    expect(server.requests.length - before).toBe(1);
  });

  test("429 then success: retried, honouring Retry-After", async () => {
    let calls = 0;
    override = (req) => (req.url === "/api/v1/groups/MyGroup" && calls++ === 0 ? { status: 429, body: errorBody("Too Many Requests"), headers: { "retry-after": "1" } } : undefined);
    const before = server.requests.length;
    const started = performance.now();
    const group = await client().groups.get({ groupDisplayName: "MyGroup" });
    expect(group.displayName).toBe("MyGroup");
    expect(server.requests.length - before).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  test("retry: false surfaces the 429; 503 is retried up to the limit", async () => {
    override = (req) => (req.url === "/api/v1/groups/MyGroup" ? { status: 429, body: errorBody("Too Many Requests") } : undefined);
    let before = server.requests.length;
    expect((await caught(client({ retry: false }).groups.get({ groupDisplayName: "MyGroup" }))).status).toBe(429);
    expect(server.requests.length - before).toBe(1);
    override = (req) => (req.url === "/api/v1/groups/MyGroup" ? { status: 503, body: errorBody("Unavailable") } : undefined);
    before = server.requests.length;
    expect((await caught(client({ retry: { retries: 3, minDelayMs: 1 } }).groups.get({ groupDisplayName: "MyGroup" }))).status).toBe(503);
    expect(server.requests.length - before).toBe(4);
  });

  const badCredentials: [string, { given: Record<string, unknown>; want: RegExp }][] = [
    ["missing", { given: {}, want: /no credentials given; pass one of: cookieSession/ }],
    ["empty", { given: { cookieSession: "" }, want: /"cookieSession" must be a non-empty string/ }],
    ["with whitespace", { given: { cookieSession: "abc def" }, want: /contains whitespace/ }],
    ["a whole cookie header", { given: { cookieSession: "PHPSESSID=a; other=b" }, want: /contains whitespace|bare PHPSESSID cookie value/ }],
  ];
  test.each(badCredentials)("credentials %s: AuthError before any request", (_, { given, want }) => {
    const before = server.requests.length;
    expect(() => new pkg["GroupsClient"]({ baseUrl: server.url, ...given })).toThrow(pkg["AuthError"]);
    expect(() => new pkg["GroupsClient"]({ baseUrl: server.url, ...given })).toThrow(want);
    expect(server.requests.length).toBe(before);
  });

  test("timeout aborts via AbortSignal and throws TimeoutError", async () => {
    const hang = (req: Request) =>
      new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    const error = await caught(client({ fetch: hang, timeoutMs: 50 }).groups.get({ groupDisplayName: "MyGroup" }));
    expect(error).toBeInstanceOf(pkg["TimeoutError"]);
    expect(error.message).toBe("GET /api/v1/groups/{groupDisplayName} timed out after 50 ms");
  });
});
