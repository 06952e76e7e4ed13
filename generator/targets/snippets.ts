// snippets/<language>: one code file per endpoint example; snippets/index: every example's request
// and output in every language as one JSON document, for docs sites that take snippets as data.
import { exampleTabs, type SnippetTab } from "../render/endpoint-snippets.js";
import { httpSnippetLanguages } from "../render/http-snippets/index.js";
import { sdkSnippetLanguages } from "../render/snippets/index.js";
import { hasExamples } from "../model/endpoint.js";
import type { Api, Endpoint } from "../model/types.js";
import { endpointFileName } from "./model-json.js";
import { renderByParts, type EndpointFragment, type Target, type TargetParts } from "./target.js";
import { TextPieces, type FileText } from "../write/text.js";

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

/** One endpoint's tabs, example by example (shared with the docs targets through exampleTabs). */
function endpointTabs(api: Api, endpoint: Endpoint): SnippetTab[][] {
  return endpoint.examples.map((ex) => exampleTabs(api, endpoint, ex));
}

function languageTarget(id: LanguageId): Target {
  const ext = EXTENSIONS[id] ?? ".txt";
  const parts: TargetParts = {
    endpoint(api, endpoint) {
      const index = snippetLanguageIds(api).indexOf(id);
      const files = new Map<string, string>();
      const base = endpointFileName(endpoint, "");
      endpointTabs(api, endpoint).forEach((tabs, i) => {
        const request = tabs[index]?.request ?? "";
        files.set(`${base}/${endpoint.examples[i]?.key}${ext}`, request.endsWith("\n") ? request : request + "\n");
      });
      // Every file belongs to one endpoint: nothing is shared.
      return { files, fragment: null };
    },
    assemble: () => new Map(),
  };
  return {
    description: `${id} snippets: one file per endpoint example (the request code)`,
    outDir: `snippets/${id}`,
    appliesTo: (api) => snippetLanguageIds(api).includes(id),
    render: (api, env, sink) => renderByParts(parts, api, env, sink),
    parts,
    writeBound: true,
  };
}

/** An endpoint's entry in snippets.json (null when it has no examples, so the index leaves it out). */
function buildIndexEntry(api: Api, endpoint: Endpoint): Record<string, unknown> | null {
  const examples = endpointTabs(api, endpoint);
  if (examples.length === 0) return null;
  const ids = snippetLanguageIds(api);
  return {
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

/**
 * An endpoint's fragment is its entry as snippets.json prints it (JSON at depth 2; null: no entry): a run that
 * assembles the index from fragments kept in the part store (a fresh CLI run after an edit) reads strings and joins
 * them, instead of parsing 1.2k objects and printing them again (2.5 MB of them on GitHub's spec).
 */
const snippetsIndexParts: TargetParts = {
  endpoint(api, endpoint) {
    const entry = buildIndexEntry(api, endpoint);
    return { files: new Map(), fragment: entry && printEntry(entry) };
  },
  assemble(api, fragments) {
    return new Map([["snippets.json", printSnippetsIndex(api.id, snippetLanguageIds(api), fragments)]]);
  },
};

/**
 * `JSON.stringify({ api, languages, endpoints }, null, 2) + "\n"`, endpoints by id in fragment order (each fragment
 * its entry printed, see snippetsIndexParts), as pieces: never joined (see TextPieces). Ids an object would order
 * or treat apart (integer-like, `__proto__`) print through JSON.stringify.
 */
export function printSnippetsIndex(apiId: string, languages: readonly string[], fragments: readonly EndpointFragment[]): FileText {
  const entries = fragments.filter((f): f is { id: string; fragment: string } => typeof f.fragment === "string");
  if (entries.some(({ id }) => id === "__proto__" || /^(0|[1-9][0-9]*)$/.test(id))) {
    const endpoints: Record<string, unknown> = {};
    for (const { id, fragment } of entries) endpoints[id] = JSON.parse(fragment);
    return JSON.stringify({ api: apiId, languages, endpoints }, null, 2) + "\n";
  }
  const pieces = [`{\n  "api": ${JSON.stringify(apiId)},\n  "languages": ${JSON.stringify(languages, null, 2).replace(/\n/g, "\n  ")},\n  "endpoints": `];
  if (entries.length === 0) pieces.push("{}");
  else {
    // A later fragment of the same id replaces the earlier one's value in its place, as an object's key does.
    const last = new Map(entries.map((f) => [f.id, f.fragment]));
    pieces.push("{\n");
    let first = true;
    for (const [id, text] of last) {
      pieces.push(`${first ? "" : ",\n"}    ${JSON.stringify(id)}: `, text);
      first = false;
    }
    pieces.push("\n  }");
  }
  pieces.push("\n}\n");
  return new TextPieces(pieces);
}

/** An entry's JSON at depth 2 (strings hold no raw line breaks, so indenting each line is exact). */
function printEntry(entry: object): string {
  return JSON.stringify(entry, null, 2).replace(/\n/g, "\n    ");
}

export const snippetsIndexTarget: Target = {
  description: "snippets.json: endpoint → example → language → {title, fence, request, output}",
  outDir: "snippets/index",
  appliesTo: (api) => api.endpoints.some(hasExamples),
  render: (api, env, sink) => renderByParts(snippetsIndexParts, api, env, sink),
  parts: snippetsIndexParts,
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
