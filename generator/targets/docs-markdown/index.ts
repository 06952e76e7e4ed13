// docs/markdown: one plain REST reference page per endpoint (seed 002's sections) plus an index page.
import type { Api, Endpoint } from "../../model/types.js";
import { endpointFileName } from "../model-json.js";
import { renderByParts, type Target, type TargetParts } from "../target.js";
import { codeSpan, escapeText, toBlock } from "./markdown.js";
import { buildMarkdownPage } from "./page.js";

/** Each endpoint makes its page and its index line (the fragment, a string); README.md lists the lines. */
const markdownParts: TargetParts = {
  endpoint(api, endpoint, env) {
    const files = new Map([[endpointFileName(endpoint, ".md"), env.render("docs/markdown", "endpoint", buildMarkdownPage(api, endpoint))]]);
    return { files, fragment: buildIndexEntry(endpoint) };
  },
  assemble(api, fragments, env) {
    const entries = fragments.map((f) => String(f.fragment));
    return new Map([["README.md", env.render("docs/markdown", "index", buildIndexContext(api, entries))]]);
  },
};

export const docsMarkdownTarget: Target = {
  description: "plain REST reference pages in markdown (method, parameters, curl, status codes, examples)",
  outDir: "docs/markdown",
  appliesTo: () => true,
  render: (api, env, sink) => renderByParts(markdownParts, api, env, sink),
  parts: markdownParts,
};

/** The index: the API's title and description, then one linked line per endpoint (`api.endpoints` order). */
export function buildIndexContext(api: Api, entries: string[] = api.endpoints.map(buildIndexEntry)): { title: string; description: string; entries: string[] } {
  return { title: escapeText(api.title), description: toBlock(api.description), entries };
}

/** The endpoint's line of the index: its linked title, method and path. */
export function buildIndexEntry(endpoint: Endpoint): string {
  const label = `${codeSpan(endpoint.preferredMethod.toUpperCase())} ${codeSpan(endpoint.path)}`;
  return `[${escapeText(endpoint.title)}](<${endpointFileName(endpoint, ".md").replace(/[<>\s]/g, encodeURIComponent)}>): ${label}`;
}
