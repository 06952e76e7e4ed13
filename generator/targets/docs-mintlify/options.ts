// docs/mintlify's API-level settings and where each endpoint's page goes.
import type { Api, Endpoint } from "../../model/types.js";
import { pageHref } from "./mintlify-document.js";

/** API-level settings (top-level `x-` keys of `_api.yaml`). */
export interface MintlifyOptions {
  /** Site path of the endpoint pages (`x-mintlify-href-prefix`, default `/api`). */
  hrefPrefix: string;
  /** Site path of the OpenAPI file the pages point at (`x-mintlify-openapi-file`, default `/openapi.json`). */
  openapiFile: string;
  /** URL of the site's llms.txt for the "Documentation Index" preamble (`x-docs-index-url`; none by default). */
  indexUrl: string;
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
