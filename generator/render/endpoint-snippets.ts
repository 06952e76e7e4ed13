// What generate prints for one endpoint + example in each language: SDK-call tabs when the spec
// names SDK methods, raw-HTTP tabs otherwise. Shared by the docs targets and verify.
import type { Api, Endpoint, Example } from "../model/types.js";
import { buildHttpRequestInput, httpSnippetLanguages } from "./http-snippets/index.js";
import { sdkSnippetLanguages } from "./snippets/index.js";
import type { CurlInput, OutputInput, SdkCallInput } from "./snippets/types.js";

export interface SnippetTab {
  title: string;
  fence: string;
  request: string;
  output: string;
}

/** What one tab needs to print one example. */
export interface SnippetInputs {
  api: Api;
  endpoint: Endpoint;
  example: Example;
  clientName: string;
  sdk: SdkCallInput;
  curl: CurlInput;
  output: OutputInput;
}

export interface SnippetPrinter {
  title(clientName: string): string;
  fence(clientName: string): string;
  print(inputs: SnippetInputs): { request: string; output: string };
}

/** SDK-call tabs (JavaScript, cURL, Python, Ruby, PHP, CLI) when the spec names SDK methods, else raw HTTP tabs. */
export function defaultSnippetPrinters(api: Api): SnippetPrinter[] {
  if (!api.hasSdk) {
    return Object.values(httpSnippetLanguages).map((lang) => ({
      title: () => lang.title,
      fence: () => lang.fence,
      print: (i) => ({
        request: lang.request(buildHttpRequestInput(i.api, i.endpoint, i.example)),
        output: i.output.kind === "void" ? "" : JSON.stringify(i.example.response.body, null, 2),
      }),
    }));
  }
  return Object.values(sdkSnippetLanguages).map((lang) => ({
    title: (client) => lang.title(client),
    fence: (client) => lang.fence(client),
    print: (i) => ({
      // cURL is the one SDK-style tab that prints the HTTP call instead of an SDK call
      request: lang.id === "curl" ? sdkSnippetLanguages.curl.request(i.curl) : (lang as typeof sdkSnippetLanguages.javascript).request(i.sdk),
      output: (lang.output as (out: OutputInput, client?: string) => string)(i.output, i.clientName),
    }),
  }));
}

export function buildSnippetTabs(inputs: SnippetInputs, printers: readonly SnippetPrinter[]): SnippetTab[] {
  return printers.map((p) => ({ title: p.title(inputs.clientName), fence: p.fence(inputs.clientName), ...p.print(inputs) }));
}

export function buildSnippetInputs(api: Api, endpoint: Endpoint, example: Example): SnippetInputs {
  const params = example.request.parameters.map((p): [string, unknown] => [p.name, p.value]);
  const response = endpoint.successResponse;
  const clientName = api.clientName.original;
  return {
    api,
    endpoint,
    example,
    clientName,
    sdk: {
      clientName,
      namespace: endpoint.sdk.namespace.map((n) => n.snake),
      method: endpoint.sdk.method.snake,
      params,
      trailingComma: readSnippetSettings(api).phpTrailingComma,
    },
    curl: {
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

export interface SnippetSettings {
  /** `x-snippets.phpTrailingComma` (default true): older PHP snippet pipelines printed none. */
  phpTrailingComma: boolean;
}

/** API-level snippet settings from the `x-snippets` extension of `_api.yaml`. */
export function readSnippetSettings(api: Api): SnippetSettings {
  const raw = api.extensions["x-snippets"];
  const settings = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return { phpTrailingComma: settings["phpTrailingComma"] !== false };
}

// Printed once per model: the docs pages, the snippet files and the index all show the same tabs.
const defaultTabs = new WeakMap<Api, { printers: SnippetPrinter[]; byExample: Map<Example, SnippetTab[]> }>();

/** The default tabs (every language of the API) of one example, computed once per model. */
export function exampleTabs(api: Api, endpoint: Endpoint, example: Example): SnippetTab[] {
  let entry = defaultTabs.get(api);
  if (!entry) {
    entry = { printers: defaultSnippetPrinters(api), byExample: new Map() };
    defaultTabs.set(api, entry);
  }
  let tabs = entry.byExample.get(example);
  if (!tabs) {
    tabs = buildSnippetTabs(buildSnippetInputs(api, endpoint, example), entry.printers);
    entry.byExample.set(example, tabs);
  }
  return tabs;
}
