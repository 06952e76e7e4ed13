// A node:http server answering from the generated fixtures (fixtures/json target, matched by matchFixture).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { fixturesJsonTarget, INDEX_FILE, matchFixture, type Fixture, type FixtureIndex } from "../../generator/targets/fixtures/index.js";

export interface ServedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

/** Extra behaviour a test layers over the examples: return a response to short-circuit, or undefined. */
export type Override = (req: ServedRequest) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;

export interface ExampleServer {
  url: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** The API's fixtures.json, as the fixtures/json target generates it: the server answers from it. */
export async function loadFixtures(api: Api): Promise<Fixture[]> {
  const files = await fixturesJsonTarget.render(api, createRenderEnv());
  return (JSON.parse(files.get(INDEX_FILE) ?? "{}") as FixtureIndex).fixtures;
}

export async function startExampleServer(fixtures: readonly Fixture[], override: Override): Promise<ExampleServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const served: ServedRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(served);
      const answer = override(served) ?? answerFromFixtures(fixtures, served);
      const payload = answer.body === null || answer.body === undefined ? "" : JSON.stringify(answer.body);
      res.writeHead(answer.status, { ...(payload ? { "content-type": "application/json" } : {}), ...answer.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answerFromFixtures(fixtures: readonly Fixture[], req: ServedRequest): { status: number; body: unknown; headers?: Record<string, string> } {
  const fixture = matchFixture(fixtures, { method: req.method, url: req.url, headers: req.headers, body: req.body });
  if (fixture) return { status: fixture.response.status, body: fixture.response.body };
  return { status: 501, body: { error: "no fixture", description: `${req.method} ${req.url} ${JSON.stringify(req.body)}`, fieldErrors: [] } };
}
