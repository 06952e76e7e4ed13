// spec/groups' fixtures, generated through the CLI pipeline into a temp dir, served by a node:http server via
// matchFixture, and called with real fetch round trips.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runGenerate } from "../../generator/pipeline.js";
import { matchFixture } from "../../generator/targets/fixtures/serve.js";
import type { FixtureIndex } from "../../generator/targets/fixtures/types.js";

const REPO = path.resolve(import.meta.dirname, "../..");
let tmp = "";
let server: Server;
let base = "";

/** The whole server: parse the JSON body, match, answer with the fixture's status, headers and body (501 when none). */
function serveFixtures(index: FixtureIndex): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const fixture = matchFixture(index.fixtures, { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: text ? JSON.parse(text) : undefined });
      if (!fixture) {
        res.writeHead(501, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "no fixture" }));
        return;
      }
      const { status, headers, body } = fixture.response;
      res.writeHead(status, headers).end(body === null ? undefined : JSON.stringify(body));
    });
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "specsmith-fixture-server-"));
  await runGenerate({ spec: path.join(REPO, "spec/groups"), out: tmp, targets: ["fixtures/json"] });
  const index = JSON.parse(await readFile(path.join(tmp, "groups/fixtures/fixtures.json"), "utf8")) as FixtureIndex;
  server = serveFixtures(index);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await rm(tmp, { recursive: true, force: true });
});

const cookie = { Cookie: "PHPSESSID=5f1a3je95qqrn5fj0k3hhv7foc" };
const json = (body: unknown) => ({ headers: { ...cookie, "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("a node:http server answering from spec/groups' fixtures.json", () => {
  test("200: get a group (real cookie, not the placeholder)", async () => {
    const res = await fetch(`${base}/api/v1/groups/MyGroup`, { headers: cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toMatchObject({ displayName: "MyGroup", devices: ["device-01", "device-02", "device-03"] });
  });

  test("200 with a query parameter", async () => {
    const res = await fetch(`${base}/api/v1/groups?search=Ware`, { headers: cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).map((g: { displayName: string }) => g.displayName)).toEqual(["Warehouse"]);
  });

  test("400 with fieldErrors: removeDevices with an unknown device name", async () => {
    const res = await fetch(`${base}/api/v1/groups/MyGroup/removeDevices`, { method: "DELETE", ...json(["device-xyz"]) });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual([{ field: "deviceNames", error: "device-xyz is not a known device" }]);
  });

  test("404: the documented unknown group", async () => {
    const res = await fetch(`${base}/api/v1/groups/Lobby-Old`, { headers: cookie });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Group not found", description: "There is no group called Lobby-Old.", fieldErrors: [] });
  });

  test("404 on request (Prefer: code=404): the synthesised error pair of delete", async () => {
    const res = await fetch(`${base}/api/v1/groups/Anything`, { method: "DELETE", headers: { ...cookie, Prefer: "code=404" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "No group has that display name." });
  });

  test("204: delete has no body", async () => {
    const res = await fetch(`${base}/api/v1/groups/MyGroup`, { method: "DELETE", headers: cookie });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  test("201 create by body; an undocumented body gets no fixture", async () => {
    const created = await fetch(`${base}/api/v1/groups`, { method: "POST", ...json({ devices: ["device-01", "device-02"], displayName: "Lobby", description: "Kiosks by the entrance" }) });
    expect(created.status).toBe(201);
    expect((await created.json()).createdBy).toBe("admin");
    const other = await fetch(`${base}/api/v1/groups`, { method: "POST", ...json({ displayName: "Other", devices: ["device-01"] }) });
    expect(other.status).toBe(501);
  });
});
