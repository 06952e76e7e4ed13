// The model as JSON, one file per endpoint: what every template sees, for debugging templates and diffing model changes.
import type { Api, Endpoint, FlatSchema, Route } from "../model/types.js";
import { encodeSegment } from "../load/file-names.js";
import { renderByParts, type EndpointFragment, type Target, type TargetParts } from "./target.js";

/** What api.json needs from an endpoint: its route (its id comes with the fragment), to list the route's endpoints. */
interface ModelFragment {
  routePath: string;
}

const modelParts: TargetParts = {
  endpoint(_api, endpoint, env) {
    const context = { endpoint: plainEndpoint(endpoint) };
    const files = new Map([[endpointFileName(endpoint, ".json"), env.render("model", "endpoint.json", context)]]);
    const fragment: ModelFragment = { routePath: endpoint.routePath };
    return { files, fragment };
  },
  assemble(api, fragments, env) {
    return new Map([["api.json", env.render("model", "api.json", { api: plainApi(api, fragments) })]]);
  },
};

export const modelJsonTarget: Target = {
  description: "the endpoint model as JSON, one file per endpoint (what templates see)",
  outDir: "model",
  appliesTo: () => true,
  render: (api, env, sink) => renderByParts(modelParts, api, env, sink),
  parts: modelParts,
};

/** `/acs/users/remove_from_access_group` → `acs/users/remove_from_access_group.json`; REST aliases get the method appended. */
export function endpointFileName(endpoint: Endpoint, ext: string): string {
  const base = endpoint.path.replace(/^\//, "") || "_root";
  const safe = base === "_root" ? base : base.split("/").map(encodeSegment).join("/");
  return endpoint.id === endpoint.path ? `${safe}${ext}` : `${safe}.${endpoint.preferredMethod}${ext}`;
}

/** The API's own keys in their order; endpoints as ids and each route's endpointIds rebuilt from the fragments. */
function plainApi(api: Api, fragments: readonly EndpointFragment[]): unknown {
  const idsByRoute = groupIdsByRoute(fragments);
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(api)) {
    if (key === "endpoints") plain[key] = fragments.map((f) => f.id);
    else if (key === "routes") plain[key] = api.routes.map((r) => plainRoute(r, idsByRoute.get(r.path) ?? []));
    else if (key === "resources") plain[key] = api.resources.map((r) => ({ ...r, schema: plainSchema(r.schema, 0) }));
    else plain[key] = (api as unknown as Record<string, unknown>)[key];
  }
  return plain;
}

/** Route path → ids of its endpoints in `api.endpoints` order (the fragments' order), as buildRoutes lists them. */
function groupIdsByRoute(fragments: readonly EndpointFragment[]): Map<string, string[]> {
  const byRoute = new Map<string, string[]>();
  for (const f of fragments) {
    const routePath = (f.fragment as ModelFragment).routePath;
    const ids = byRoute.get(routePath) ?? [];
    ids.push(f.id);
    byRoute.set(routePath, ids);
  }
  return byRoute;
}

/** The route's own keys in their order, `endpointIds` taken from the fragments. */
function plainRoute(route: Route, ids: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.keys(route).map((key) => [key, key === "endpointIds" ? ids : route[key as keyof Route]]));
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
