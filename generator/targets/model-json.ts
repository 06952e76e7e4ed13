// The model as JSON, one file per endpoint: what every template sees, for debugging templates and diffing model changes.
import type { Api, Endpoint, FlatSchema, Route } from "../model/types.js";
import { encodeSegment } from "../load/file-names.js";
import type { RenderEnv } from "../render/env.js";
import { TextPieces, type FileText } from "../write/text.js";
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
    return new Map([["api.json", renderApiJson(api, fragments, env)]]);
  },
  // api.json: the API's own members, its resources and routes, each endpoint by id and route only.
  assembledFromApiLevel: true,
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
  let stem = fileStems.get(endpoint);
  if (stem === undefined) {
    const base = endpoint.path.replace(/^\//, "") || "_root";
    const safe = base === "_root" ? base : base.split("/").map(encodeSegment).join("/");
    fileStems.set(endpoint, (stem = endpoint.id === endpoint.path ? safe : `${safe}.${endpoint.preferredMethod}`));
  }
  return stem + ext;
}

/** Each endpoint's file name without extension: every target names files after it, some several per endpoint. */
const fileStems = new WeakMap<Endpoint, string>();

// A string no API holds: it stands where the resources go in api.json's text.
const RESOURCES_MARK = "\u0000specsmith:resources\u0000";
const PRINTED_MARK = JSON.stringify(RESOURCES_MARK);
// What precedes the mark when the template prints the API as `JSON.stringify(api, null, 2)` does (`{{{json api}}}`).
const MEMBER_KEY = `\n  "resources": `;
// JSON.stringify([[value]], null, 2) is the value printed two levels deep between these.
const NESTED_HEAD = "[\n  [\n    ";
const NESTED_TAIL = "\n  ]\n]";

/**
 * api.json: the template's text, with the resources (most of it: 27 of GitHub's 30 MB) printed one by one as pieces
 * of it, each from its own plain copy, rather than one copy of them all printed as one string; the same text.
 * A template that prints them otherwise (another indent, another shape, more than once) is given them as they are.
 */
function renderApiJson(api: Api, fragments: readonly EndpointFragment[], env: RenderEnv): FileText {
  const text = env.render("model", "api.json", { api: plainApi(api, fragments, RESOURCES_MARK) });
  const at = text.indexOf(PRINTED_MARK);
  const once = at >= 0 && text.indexOf(PRINTED_MARK, at + 1) < 0 && !text.includes(RESOURCES_MARK);
  if (!once || text.slice(at - MEMBER_KEY.length, at) !== MEMBER_KEY) return env.render("model", "api.json", { api: plainApi(api, fragments) });
  const head = text.slice(0, at);
  const tail = text.slice(at + PRINTED_MARK.length);
  if (api.resources.length === 0) return head + "[]" + tail;
  const pieces = [head, "[\n    "];
  api.resources.forEach((resource, i) => {
    if (i > 0) pieces.push(",\n    ");
    // Printed two levels deep, as in the whole text; the wrapper's own text is cut off (no copy: a slice).
    const nested = JSON.stringify([[plainResource(resource)]], null, 2);
    pieces.push(nested.slice(NESTED_HEAD.length, nested.length - NESTED_TAIL.length));
  });
  pieces.push("\n  ]", tail);
  // An endpoint edit leaves api.json as it is (its resources, routes and endpoint ids are API-level): a watch session
  // need not keep its 30 MB of bytes (GitHub's spec) for a next write.
  return new TextPieces(pieces, { retain: false });
}

/** The API's own keys in their order; endpoints as ids and each route's endpointIds rebuilt from the fragments. */
function plainApi(api: Api, fragments: readonly EndpointFragment[], resources?: string): unknown {
  const idsByRoute = groupIdsByRoute(fragments);
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(api)) {
    if (key === "endpoints") plain[key] = fragments.map((f) => f.id);
    else if (key === "routes") plain[key] = api.routes.map((r) => plainRoute(r, idsByRoute.get(r.path) ?? []));
    else if (key === "resources") plain[key] = resources ?? api.resources.map(plainResource);
    else plain[key] = (api as unknown as Record<string, unknown>)[key];
  }
  return plain;
}

function plainResource(resource: Api["resources"][number]): unknown {
  return { ...resource, schema: plainSchema(resource.schema, 0) };
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
