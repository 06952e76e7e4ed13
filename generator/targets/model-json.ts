// The model as JSON, one file per endpoint: what every template sees, for debugging templates and diffing model changes.
import type { Api, Endpoint, FlatSchema } from "../model/types.js";
import { encodeSegment } from "../load/file-names.js";
import type { Target } from "./target.js";

export const modelJsonTarget: Target = {
  description: "the endpoint model as JSON, one file per endpoint (what templates see)",
  outDir: "model",
  appliesTo: () => true,
  render(api, env) {
    const files = new Map<string, string>();
    for (const endpoint of api.endpoints) {
      const context = { endpoint: plainEndpoint(endpoint) };
      files.set(endpointFileName(endpoint, ".json"), env.render("model", "endpoint.json", context));
    }
    files.set("api.json", env.render("model", "api.json", { api: plainApi(api) }));
    return files;
  },
};

/** `/acs/users/remove_from_access_group` → `acs/users/remove_from_access_group.json`; REST aliases get the method appended. */
export function endpointFileName(endpoint: Endpoint, ext: string): string {
  const base = endpoint.path.replace(/^\//, "") || "_root";
  const safe = base === "_root" ? base : base.split("/").map(encodeSegment).join("/");
  return endpoint.id === endpoint.path ? `${safe}${ext}` : `${safe}.${endpoint.preferredMethod}${ext}`;
}

function plainApi(api: Api): unknown {
  return {
    ...api,
    endpoints: api.endpoints.map((e) => e.id),
    resources: api.resources.map((r) => ({ ...r, schema: plainSchema(r.schema, 0) })),
  };
}

function plainEndpoint(e: Endpoint): unknown {
  return {
    ...e,
    parameters: e.parameters.map((p) => ({ ...p, schema: plainSchema(p.schema, 0) })),
    requestBody: e.requestBody && { ...e.requestBody, schema: plainSchema(e.requestBody.schema, 0) },
    responses: e.responses.map((r) => ({ ...r, schema: r.schema && plainSchema(r.schema, 0) })),
    successResponse: e.successResponse?.status ?? null,
  };
}

/** Drops `raw` and prints named schemas below the top as a reference only (schemas may be cyclic). */
export function plainSchema(s: FlatSchema, depth: number): unknown {
  if (depth > 0 && s.refName) return { ref: s.refName, type: s.type, nullable: s.nullable };
  const { raw: _raw, ...rest } = s;
  return {
    ...rest,
    items: s.items && plainSchema(s.items, depth + 1),
    properties: s.properties.map((p) => ({ ...p, schema: plainSchema(p.schema, depth + 1) })),
    variants: s.variants.map((v) => plainSchema(v, depth + 1)),
  };
}
