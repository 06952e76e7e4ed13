// docs/mintlify: `openapi.json` (the published OpenAPI document with `x-codeSamples`) and one markdown page per
// documented endpoint, like seed 003. Rendered through its parts (parts.ts): a page and path-item members per
// endpoint, openapi.json assembled from them.
import type { JsonRecord } from "../../model/document.js";
import type { Api } from "../../model/types.js";
import type { RenderEnv } from "../../render/env.js";
import { type EndpointFragment, renderByParts, type Target } from "../target.js";
import { textOf } from "../../write/text.js";
import { createMintlifyParts, FOLDER } from "./parts.js";

export { type MintlifyOptions, pageFileName, readOptions } from "./options.js";
export { apiDocumentSource, createMintlifyParts, type MintlifyFragment, type MintlifySource } from "./parts.js";

const parts = createMintlifyParts();

export const docsMintlifyTarget: Target = {
  description: "Mintlify docs: openapi.json with x-codeSamples, and one markdown page per endpoint",
  outDir: FOLDER,
  appliesTo: (api) => api.endpoints.length > 0,
  render: (api, env, sink) => renderByParts(parts, api, env, sink),
  parts,
};

/** Every file, from a given whole-API document instead of `api.document` (same parts, run synchronously). */
export function renderMintlify(input: { api: Api; env: RenderEnv; document: JsonRecord }): Map<string, string> {
  const { api, env, document } = input;
  const own = createMintlifyParts({ document: () => document, pathItem: (_, e) => document["paths"]?.[e.path] });
  const files = new Map<string, string>();
  const fragments: EndpointFragment[] = [];
  for (const endpoint of api.endpoints) {
    const part = own.endpoint(api, endpoint, env);
    for (const [rel, content] of part.files) files.set(rel, content);
    fragments.push({ id: endpoint.id, fragment: part.fragment });
  }
  const assembled = own.assemble(api, fragments, env, own.prepare?.(api, env));
  if (assembled instanceof Promise) throw new Error("docs/mintlify assembles synchronously");
  for (const [rel, content] of assembled) files.set(rel, textOf(content));
  return files;
}
