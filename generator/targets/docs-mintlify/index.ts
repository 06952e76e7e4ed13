// docs/mintlify: `openapi.json` (the published OpenAPI document with `x-codeSamples`) and one markdown page per
// documented endpoint, like seed 003.
import type { Api, Endpoint } from "../../model/types.js";
import type { RenderEnv } from "../../render/env.js";
import type { Target } from "../target.js";
import type { JsonRecord } from "../../model/document.js";
import { createComponentIndex } from "./component-slice.js";
import { buildEndpointPage } from "./endpoint-page.js";
import { buildMintlifyDocument, pageHref } from "./mintlify-document.js";
import { buildCodeSamples } from "./samples.js";

const FOLDER = "docs/mintlify";

/** API-level settings (top-level `x-` keys of `_api.yaml`). */
export interface MintlifyOptions {
  /** Site path of the endpoint pages (`x-mintlify-href-prefix`, default `/api`). */
  hrefPrefix: string;
  /** Site path of the OpenAPI file the pages point at (`x-mintlify-openapi-file`, default `/openapi.json`). */
  openapiFile: string;
  /** URL of the site's llms.txt for the "Documentation Index" preamble (`x-docs-index-url`; none by default). */
  indexUrl: string;
}

export const docsMintlifyTarget: Target = {
  description: "Mintlify docs: openapi.json with x-codeSamples, and one markdown page per endpoint",
  outDir: FOLDER,
  appliesTo: (api) => api.endpoints.length > 0,
  render: (api, env) => renderMintlify({ api, env, document: api.document }),
};

export function renderMintlify(input: { api: Api; env: RenderEnv; document: JsonRecord }): Map<string, string> {
  const { api, env } = input;
  const options = readOptions(api);
  const document = buildMintlifyDocument({
    document: input.document,
    api,
    samplesFor: (endpoint) => buildCodeSamples(api, endpoint),
    hrefPrefix: options.hrefPrefix,
  });
  const files = new Map<string, string>();
  const components = createComponentIndex(document);
  files.set(
    "openapi.json",
    env.render(FOLDER, "openapi.json", {
      documentJson: JSON.stringify(document, null, 2),
    }),
  );
  for (const endpoint of api.endpoints) {
    if (endpoint.flags.undocumented || !document["paths"]?.[endpoint.path]?.[endpoint.preferredMethod]) continue;
    const page = buildEndpointPage({
      document,
      path: endpoint.path,
      method: endpoint.preferredMethod,
      title: endpoint.title,
      description: endpoint.description,
      openapiFile: options.openapiFile,
      indexUrl: options.indexUrl,
      components,
    });
    files.set(pageFileName(options.hrefPrefix, endpoint), env.render(FOLDER, "endpoint.md", { page, endpoint }));
  }
  return files;
}

/** The page file mirrors its `x-mint.href`: `/api/spaces/create` → `api/spaces/create.md`. */
export function pageFileName(hrefPrefix: string, endpoint: Endpoint): string {
  const href = pageHref(hrefPrefix, endpoint).replace(/^\/+/, "") || "_root";
  const safe = href
    .split("/")
    .map((s) => (s === "." || s === ".." ? encodeURIComponent(s).replace(/\./g, "%2E") : s))
    .map((s) =>
      s.replace(/[^A-Za-z0-9._~{}@-]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")),
    )
    .join("/");
  return `${safe}.md`;
}

export function readOptions(api: Api): MintlifyOptions {
  const text = (key: string, fallback: string) => {
    const value = api.extensions[key];
    return typeof value === "string" ? value : fallback;
  };
  return {
    hrefPrefix: text("x-mintlify-href-prefix", "/api"),
    openapiFile: text("x-mintlify-openapi-file", "/openapi.json"),
    indexUrl: text("x-docs-index-url", ""),
  };
}
