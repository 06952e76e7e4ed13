// Seam's spec (@seamapi/types@1.885.0, imported into a temp dir): strict compile, pack + install, speed,
// method-name parity with @seamapi/http, and calls against @seamapi/fake-seam-connect.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openapi } from "@seamapi/types/connect";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { Api } from "../../generator/model/types.js";
import type { Database } from "@seamapi/fake-seam-connect";
import { startFakeSeam, type FakeSeam } from "./fake-seam.js";
import { buildClientApi, compilePackage, importPackage, makeTempDir, REPO, typecheckUsage, writeClient } from "./harness.js";
import { readSeamHttpMethodPaths } from "./seam-oracle.js";

let api: Api;
let dir: string;
let diagnostics: string[];
let pkg: Record<string, any>;
let fake: FakeSeam;

beforeAll(async () => {
  const specDir = path.join(makeTempDir("seam-spec"), "seam");
  await importSpec({ source: "@seamapi/types/connect#openapi", out: specDir });
  api = buildClientApi(await loadSpec(specDir));
  dir = makeTempDir("seam-client");
  await writeClient(api, dir);
  diagnostics = compilePackage(dir, { emit: true });
  pkg = await importPackage(dir);
  fake = await startFakeSeam();
}, 240_000);

afterAll(async () => {
  await fake?.stop();
});

describe("seam client: package", () => {
  test("is named after the API dir and compiles under tsc --strict", () => {
    expect(typeof pkg["SeamClient"]).toBe("function");
    expect(diagnostics).toEqual([]);
  });

  test("npm pack → install offline into a scratch project → import by package name", async () => {
    const pack = (from: string) =>
      path.join(dir, execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], { cwd: from, encoding: "utf8" }).trim().split("\n").pop()!);
    const tarball = pack(dir);
    // Its dependency (and that one's) go in as tarballs of the copies `npm ci` installed here: offline, a version
    // range needs the registry's metadata in npm's cache, which a fresh machine's `npm ci` does not put there.
    const deps = ["openapi-fetch", "openapi-typescript-helpers"].map((name) => pack(path.join(REPO, "node_modules", name)));
    const scratch = makeTempDir("seam-scratch");
    writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
    execFileSync("npm", ["install", tarball, ...deps, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: scratch, stdio: "pipe" });
    mkdirSync(path.join(scratch, "src"));
    writeFileSync(path.join(scratch, "src/main.js"), `export { SeamClient, SeamError, AuthError } from "seam-client";\n`);
    const mod = await import(pathToFileURL(path.join(scratch, "src/main.js")).href);
    expect(typeof mod.SeamClient).toBe("function");
    expect(() => new mod.SeamClient({ apiKey: "" })).toThrow(mod.AuthError);
  }, 120_000);

  test("results, params and pagination are typed", () => {
    const source = `import { SeamClient } from "./index.js";
const seam = new SeamClient({ apiKey: "seam_x" });
export async function f() {
  const devices: { device_id: string }[] = await seam.devices.list({ limit: 10 });
  const attempt: { action_attempt_id: string; action_type: string } = await seam.locks.unlockDoor({ device_id: "d" });
  const removed: void = await seam.acs.users.removeFromAccessGroup({ acs_user_id: "u", acs_access_group_id: "g" });
  const code: string | null = (await seam.accessCodes.create({ device_id: "d", code: "1234" })).code;
  for await (const d of seam.paginate("/devices/list", { limit: 1 })) { const id: string = d.device_id; }
  // @ts-expect-error device_id is required
  await seam.locks.unlockDoor({});
  // @ts-expect-error device_ids is a list of strings
  await seam.spaces.removeDevices({ space_id: "s", device_ids: [1] });
  // @ts-expect-error the result of unlock_door is an action attempt, not a device
  const wrong: { device_id: string } = await seam.locks.unlockDoor({ device_id: "d" });
  // @ts-expect-error spaces.get is not paginated
  seam.paginate("/spaces/get", {});
  return [devices, attempt, removed, code, wrong];
}
`;
    expect(typecheckUsage(dir, source)).toEqual([]);
  }, 120_000);
});

describe("seam client: method-name parity with @seamapi/http", () => {
  test("every endpoint of @seamapi/types@1.885.0 has the method path @seamapi/http gives it", () => {
    const oracle = readSeamHttpMethodPaths();
    const client = new pkg["SeamClient"]({ apiKey: "seam_test_key" });
    const typesPaths = Object.keys(openapi.paths as object);
    const compared: string[] = [];
    const mismatches: string[] = [];
    for (const endpointPath of typesPaths) {
      const want = oracle.get(endpointPath);
      if (!want) continue;
      compared.push(endpointPath);
      const endpoint = api.endpoints.find((e) => e.path === endpointPath);
      const got = endpoint ? [...endpoint.sdk.namespace.map((n) => n.camel), endpoint.sdk.method.camel] : [];
      const fn = want.reduce<any>((obj, key) => obj?.[key], client);
      if (got.join(".") !== want.join(".") || typeof fn !== "function") mismatches.push(`${endpointPath}: ${got.join(".")} ≠ ${want.join(".")}`);
    }
    const notInOracle = typesPaths.filter((p) => !oracle.has(p));
    console.log(`parity: ${compared.length - mismatches.length}/${compared.length} equal; ${notInOracle.length} of ${typesPaths.length} paths are not in @seamapi/http@1.102.0: ${notInOracle.join(", ")}`);
    expect(mismatches).toEqual([]);
    expect(compared.length).toBe(249);
    // @seamapi/http@1.102.0 has one route that @seamapi/types@1.885.0's spec does not.
    expect([...oracle.keys()].filter((p) => !typesPaths.includes(p))).toEqual(["/seam/v1/customers/push_data"]);
  });
});

describe("seam client: against @seamapi/fake-seam-connect", () => {
  const seam = () => new pkg["SeamClient"]({ apiKey: fake.seed.seam_apikey1_token, baseUrl: fake.url, retry: false });

  test("devices, locks and action attempts", async () => {
    const { seed } = fake;
    const devices = await seam().devices.list();
    expect(devices.map((d: { device_id: string }) => d.device_id)).toContain(seed.august_device_1);
    expect((await seam().devices.get({ device_id: seed.august_device_1 })).device_id).toBe(seed.august_device_1);
    expect(await seam().devices.update({ device_id: seed.august_device_1, name: "Front door" })).toBeUndefined();
    expect((await seam().devices.listDeviceProviders()).some((p: { device_provider_name: string }) => p.device_provider_name === "august")).toBe(true);
    expect((await seam().locks.list()).every((d: { device_id: string }) => typeof d.device_id === "string")).toBe(true);
    expect((await seam().locks.get({ device_id: seed.august_device_1 })).device_id).toBe(seed.august_device_1);
    const unlock = await seam().locks.unlockDoor({ device_id: seed.august_device_1 });
    expect(unlock).toMatchObject({ action_type: "UNLOCK_DOOR", status: "pending" });
    expect((await seam().locks.lockDoor({ device_id: seed.august_device_1 })).action_type).toBe("LOCK_DOOR");
    expect((await seam().actionAttempts.get({ action_attempt_id: unlock.action_attempt_id })).action_attempt_id).toBe(unlock.action_attempt_id);
  });

  test("access codes: create, get, update, list, delete", async () => {
    const device_id = fake.seed.august_device_1;
    const code = await seam().accessCodes.create({ device_id, code: "4321", name: "Guest" });
    expect(code).toMatchObject({ device_id, code: "4321", name: "Guest" });
    expect((await seam().accessCodes.get({ access_code_id: code.access_code_id })).access_code_id).toBe(code.access_code_id);
    expect(await seam().accessCodes.update({ access_code_id: code.access_code_id, name: "Cleaner" })).toBeUndefined();
    const listed = await seam().accessCodes.list({ device_id });
    expect(listed.find((c: { access_code_id: string }) => c.access_code_id === code.access_code_id)?.name).toBe("Cleaner");
    expect(await seam().accessCodes.delete({ access_code_id: code.access_code_id })).toBeUndefined();
  });

  test("acs users: create, list, add to and remove from an access group", async () => {
    const acs_system_id = fake.seed.visionline_acs_system_1;
    expect((await seam().acs.systems.list()).map((s: { acs_system_id: string }) => s.acs_system_id)).toContain(acs_system_id);
    const user = await seam().acs.users.create({ acs_system_id, full_name: "Jane Doe", email_address: "jane@example.com" });
    expect(user).toMatchObject({ acs_system_id, full_name: "Jane Doe" });
    expect((await seam().acs.users.list({ acs_system_id })).map((u: { acs_user_id: string }) => u.acs_user_id)).toContain(user.acs_user_id);
    // The seed has no access group and the fake lacks acs/access_groups/create: add one to its database.
    // Fake.database is typed as the state but is the zustand store at runtime.
    const store = fake.fake.database as unknown as { getState(): Database };
    const { acs_access_group_id } = store
      .getState()
      .addAcsAccessGroup({ acs_system_id, name: "Staff", workspace_id: fake.seed.seed_workspace_1, external_type: "visionline_access_group" as never });
    expect(await seam().acs.users.addToAccessGroup({ acs_user_id: user.acs_user_id, acs_access_group_id })).toBeUndefined();
    expect(await seam().acs.users.removeFromAccessGroup({ acs_user_id: user.acs_user_id, acs_access_group_id })).toBeUndefined();
  });

  test("workspace, connected accounts, webviews, client sessions, events, webhooks", async () => {
    expect((await seam().workspaces.get()).workspace_id).toBe(fake.seed.seed_workspace_1);
    expect((await seam().connectedAccounts.list()).map((a: { connected_account_id: string }) => a.connected_account_id)).toContain(fake.seed.john_connected_account_id);
    const webview = await seam().connectWebviews.create({ accepted_providers: ["august"] });
    expect(webview.url).toMatch(/^https:\/\//);
    expect((await seam().connectWebviews.list()).map((w: { connect_webview_id: string }) => w.connect_webview_id)).toContain(webview.connect_webview_id);
    expect((await seam().clientSessions.create({ user_identifier_key: "user-1" })).user_identifier_key).toBe("user-1");
    expect(Array.isArray(await seam().events.list({ since: "2020-01-01T00:00:00Z" }))).toBe(true);
    expect(await seam().webhooks.list()).toEqual([]);
  });

  test("paginate walks every page of devices/list", async () => {
    const all = (await seam().devices.list()).map((d: { device_id: string }) => d.device_id);
    const paged: string[] = [];
    for await (const device of seam().paginate("/devices/list", { limit: 1 })) paged.push(device.device_id);
    expect(paged).toEqual(all);
  });

  test("a client session token authenticates as a bearer token", async () => {
    const client = new pkg["SeamClient"]({ clientSession: fake.seed.seam_cst1_token, baseUrl: fake.url });
    expect((await client.workspaces.get()).workspace_id).toBe(fake.seed.seed_workspace_1);
  });

  test("a personal access token goes with the workspace header; alone it fails before any request", async () => {
    const seen: Headers[] = [];
    const capture = async (request: Request) => {
      seen.push(request.headers);
      return Response.json({ workspace: { workspace_id: "ws_1" }, ok: true });
    };
    const client = new pkg["SeamClient"]({ patWithWorkspace: "seam_at1_token", seamWorkspace: "ws_1", fetch: capture });
    expect((await client.workspaces.get()).workspace_id).toBe("ws_1");
    expect(seen[0]?.get("authorization")).toBe("Bearer seam_at1_token");
    expect(seen[0]?.get("seam-workspace")).toBe("ws_1");
    expect(() => new pkg["SeamClient"]({ patWithWorkspace: "seam_at1_token", fetch: capture })).toThrow(/patWithWorkspace is not enough to authenticate/);
    const cst = new pkg["SeamClient"]({ clientSession: "seam_cst1_token", fetch: capture });
    await expect(cst.workspaces.create({ name: "W", company_name: "C" })).rejects.toThrow(/POST \/workspaces\/create accepts .*; configured: clientSession/);
    expect(seen.length).toBe(1);
  });

  test("a wrong API key is a 401 SeamError with the request id", async () => {
    const client = new pkg["SeamClient"]({ apiKey: "seam_wrong_key", baseUrl: fake.url, retry: false });
    const error = await client.devices.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg["SeamError"]);
    expect(error).toMatchObject({ status: 401, body: { error: { type: "unauthorized" } } });
    expect(error.requestId).toMatch(/^request\d+$/);
  });

  test("record the endpoints the fake lacks (404 without a request id)", async () => {
    const missing: string[] = [];
    for (const endpointPath of Object.keys(openapi.paths as object)) {
      const response = await fetch(fake.url + endpointPath, {
        method: "POST",
        headers: { authorization: `Bearer ${fake.seed.seam_apikey1_token}`, "content-type": "application/json" },
        body: "{}",
      });
      await response.arrayBuffer();
      if (response.status === 404 && !response.headers.has("seam-request-id")) missing.push(endpointPath);
    }
    console.log(`fake-seam-connect lacks ${missing.length} of ${Object.keys(openapi.paths as object).length} endpoints: ${missing.join(", ")}`);
    // Everything exercised above exists in the fake.
    for (const used of ["/acs/users/remove_from_access_group", "/access_codes/create", "/devices/list", "/locks/unlock_door"]) expect(missing).not.toContain(used);
  }, 60_000);
});
