// snippets/<language>: one code file per endpoint example; snippets/index: every example's request
// and output in every language as one JSON document, for docs sites that take snippets as data.
import { exampleTabs, type SnippetTab } from "../render/endpoint-snippets.js";
import { httpSnippetLanguages } from "../render/http-snippets/index.js";
import { sdkSnippetLanguages } from "../render/snippets/index.js";
import type { Api, Endpoint } from "../model/types.js";
import { endpointFileName } from "./model-json.js";
import type { Target } from "./target.js";

/** File extension per language id (both the SDK-call and the raw-HTTP families). */
const EXTENSIONS: Record<string, string> = {
  javascript: ".js",
  curl: ".sh",
  python: ".py",
  ruby: ".rb",
  php: ".php",
  cli: ".sh",
  fetch: ".js",
  requests: ".py",
  net_http: ".rb",
  php_curl: ".php",
};

type LanguageId = keyof typeof sdkSnippetLanguages | keyof typeof httpSnippetLanguages;

/** The language ids an API's snippets come in, in tab order: SDK calls when the spec names SDK methods, raw HTTP otherwise. */
export function snippetLanguageIds(api: Api): LanguageId[] {
  return (api.hasSdk ? Object.keys(sdkSnippetLanguages) : Object.keys(httpSnippetLanguages)) as LanguageId[];
}

/** Every example's tabs, endpoint by endpoint (shared with the docs targets through exampleTabs). */
function endpointTabs(api: Api): Map<Endpoint, SnippetTab[][]> {
  return new Map(api.endpoints.map((e) => [e, e.examples.map((ex) => exampleTabs(api, e, ex))]));
}

function languageTarget(id: LanguageId): Target {
  const ext = EXTENSIONS[id] ?? ".txt";
  return {
    description: `${id} snippets: one file per endpoint example (the request code)`,
    outDir: `snippets/${id}`,
    appliesTo: (api) => snippetLanguageIds(api).includes(id),
    render(api) {
      const index = snippetLanguageIds(api).indexOf(id);
      const files = new Map<string, string>();
      for (const [endpoint, examples] of endpointTabs(api)) {
        const base = endpointFileName(endpoint, "");
        examples.forEach((tabs, i) => {
          const request = tabs[index]?.request ?? "";
          files.set(`${base}/${endpoint.examples[i]?.key}${ext}`, request.endsWith("\n") ? request : request + "\n");
        });
      }
      return files;
    },
  };
}

export const snippetsIndexTarget: Target = {
  description: "snippets.json: endpoint → example → language → {title, fence, request, output}",
  outDir: "snippets/index",
  appliesTo: (api) => api.endpoints.some((e) => e.examples.length > 0),
  render(api) {
    const ids = snippetLanguageIds(api);
    const endpoints: Record<string, unknown> = {};
    for (const [endpoint, examples] of endpointTabs(api)) {
      if (examples.length === 0) continue;
      endpoints[endpoint.id] = {
        method: endpoint.preferredMethod.toUpperCase(),
        path: endpoint.path,
        title: endpoint.title,
        examples: Object.fromEntries(
          examples.map((tabs, i) => {
            const example = endpoint.examples[i]!;
            const languages = Object.fromEntries(tabs.map((tab, j) => [ids[j], tab]));
            return [example.key, { title: example.title, description: example.description, languages }];
          }),
        ),
      };
    }
    return new Map([["snippets.json", JSON.stringify({ api: api.id, languages: ids, endpoints }, null, 2) + "\n"]]);
  },
};

export const snippetLanguageTargets = {
  "snippets/javascript": languageTarget("javascript"),
  "snippets/curl": languageTarget("curl"),
  "snippets/python": languageTarget("python"),
  "snippets/ruby": languageTarget("ruby"),
  "snippets/php": languageTarget("php"),
  "snippets/cli": languageTarget("cli"),
  "snippets/fetch": languageTarget("fetch"),
  "snippets/requests": languageTarget("requests"),
  "snippets/net_http": languageTarget("net_http"),
  "snippets/php_curl": languageTarget("php_curl"),
} satisfies Record<string, Target>;
