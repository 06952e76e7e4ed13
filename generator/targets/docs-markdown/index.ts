// docs/markdown: one plain REST reference page per endpoint (seed 002's sections) plus an index page.
import type { Api } from "../../model/types.js";
import { endpointFileName } from "../model-json.js";
import type { Target } from "../target.js";
import { codeSpan, escapeText, toBlock } from "./markdown.js";
import { buildMarkdownPage } from "./page.js";

export const docsMarkdownTarget: Target = {
  description: "plain REST reference pages in markdown (method, parameters, curl, status codes, examples)",
  outDir: "docs/markdown",
  appliesTo: () => true,
  render(api, env) {
    const files = new Map<string, string>();
    for (const endpoint of api.endpoints) {
      files.set(endpointFileName(endpoint, ".md"), env.render("docs/markdown", "endpoint", buildMarkdownPage(api, endpoint)));
    }
    files.set("README.md", env.render("docs/markdown", "index", buildIndexContext(api)));
    return files;
  },
};

/** The index: the API's title and description, then one linked line per endpoint. */
export function buildIndexContext(api: Api): { title: string; description: string; entries: string[] } {
  const entries = api.endpoints.map((e) => {
    const label = `${codeSpan(e.preferredMethod.toUpperCase())} ${codeSpan(e.path)}`;
    return `[${escapeText(e.title)}](<${endpointFileName(e, ".md").replace(/[<>\s]/g, encodeURIComponent)}>): ${label}`;
  });
  return { title: escapeText(api.title), description: toBlock(api.description), entries };
}
