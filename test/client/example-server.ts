// A node:http server answering with a spec's documented examples (request matched on method, path, query and body).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Api } from "../../generator/model/types.js";

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

interface Route {
  method: string;
  url: string;
  body: string;
  status: number;
  response: unknown;
}

/** One route per documented example of every endpoint. */
export function collectRoutes(api: Api): Route[] {
  const routes: Route[] = [];
  for (const e of api.endpoints) {
    for (const x of e.examples) {
      let path = e.path;
      const query = new URLSearchParams();
      for (const p of x.request.parameters) {
        if (p.location === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.value)));
        if (p.location === "query") query.set(p.name, String(p.value));
      }
      const search = query.toString();
      routes.push({
        method: e.preferredMethod.toUpperCase(),
        url: search ? `${path}?${search}` : path,
        body: x.request.body === undefined ? "" : JSON.stringify(x.request.body),
        status: Number(x.response.status),
        response: x.response.body,
      });
    }
  }
  return routes;
}

export async function startExampleServer(routes: Route[], override: Override): Promise<ExampleServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const served: ServedRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(served);
      const answer = override(served) ?? matchRoute(routes, served, text);
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

function matchRoute(routes: Route[], req: ServedRequest, text: string): { status: number; body: unknown; headers?: Record<string, string> } {
  const body = text ? JSON.stringify(JSON.parse(text)) : "";
  const route = routes.find((r) => r.method === req.method && r.url === req.url && r.body === body);
  if (route) return { status: route.status, body: route.response };
  return { status: 501, body: { error: "no example", description: `${req.method} ${req.url} ${body}`, fieldErrors: [] } };
}
