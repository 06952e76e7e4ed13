// Adapter between the page view and the snippet printers: one tab per language for one example.
import type { Api, Endpoint, Example } from "../../model/types.js";

export interface SnippetTab {
  title: string;
  fence: string;
  request: string;
  output: string;
}

/** What the snippet printers need from one example (both the SDK-call and the HTTP inputs). */
export interface SnippetInputs {
  clientName: string;
  sdk: { clientName: string; namespace: string[]; method: string; params: Array<[string, unknown]> };
  http: { serverUrl: string; method: string; path: string; params: Array<[string, unknown]>; authHeader: string };
  output: { kind: string; responseKey: string | null; resourceType: string | null; body: unknown };
}

export interface SnippetPrinter {
  id: string;
  title(clientName: string): string;
  fence(clientName: string): string;
  print(inputs: SnippetInputs): { request: string; output: string };
}

let printers: readonly SnippetPrinter[] = [];

/** Lets the target (or a test) plug in the snippet printers. */
export function useSnippetPrinters(list: readonly SnippetPrinter[]): void {
  printers = list;
}

export function buildSnippetTabs(api: Api, endpoint: Endpoint, example: Example): SnippetTab[] {
  const inputs = buildSnippetInputs(api, endpoint, example);
  return printers.map((p) => ({ title: p.title(inputs.clientName), fence: p.fence(inputs.clientName), ...p.print(inputs) }));
}

export function buildSnippetInputs(api: Api, endpoint: Endpoint, example: Example): SnippetInputs {
  const params = example.request.parameters.map((p): [string, unknown] => [p.name, p.value]);
  const response = endpoint.successResponse;
  const clientName = api.clientName.original;
  return {
    clientName,
    sdk: {
      clientName,
      namespace: endpoint.sdk.namespace.map((n) => n.snake),
      method: endpoint.sdk.method.snake,
      params,
    },
    http: {
      serverUrl: api.servers[0]?.url ?? "",
      method: endpoint.preferredMethod.toUpperCase(),
      path: endpoint.path,
      params,
      authHeader: `Authorization: Bearer $${api.clientName.snake.toUpperCase()}_API_KEY`,
    },
    output: {
      kind: response?.kind ?? "void",
      responseKey: response?.responseKey ?? null,
      resourceType: response?.resourceType ?? null,
      body: example.response.body,
    },
  };
}
