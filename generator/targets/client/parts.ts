// client/typescript per endpoint: its facade entries, README usage and its path item's share of src/schema.ts;
// the API-level share of the types (components) is `prepare`d in the worker, and `assemble` joins them. A cold
// run (`renderAll`) gets every share from one worker call instead.
import type { Api, Endpoint } from "../../model/types.js";
import type { RenderEnv } from "../../render/env.js";
import type { AllParts, EndpointFragment, EndpointPart, TargetParts } from "../target.js";
import type { AllTypes } from "./schema-all.js";
import { buildUsageView, type UsageView } from "./package-view.js";
import { joinSchemaTypes, type ApiTypes, type PathTypes } from "./schema-join.js";
import { printAllSchemaTypes, printApiSchemaTypes, printPathShare } from "./schema-types.js";
import { buildClientEndpointView, type ClientEndpointView } from "./view.js";

/** One endpoint's fragment. */
export interface ClientFragment {
  view: ClientEndpointView;
  usage: UsageView;
  /** Its path item's types, held by the path's first endpoint in openapi-typescript's method order (else null). */
  types: PathTypes | null;
  /** Why its path item's types depend on other path items (see findEntanglement); null when they do not. */
  entangled: string | null;
}

/** openapi-typescript's method order within a path item. */
const TYPE_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface ClientFiles {
  /** Every file but src/schema.ts, from API-level data and the endpoints' views. */
  renderShared(api: Api, views: readonly ClientEndpointView[], usages: readonly UsageView[], env: RenderEnv): Map<string, string>;
  /** src/schema.ts of the whole document (for path items that depend on each other). */
  renderSchema(document: Record<string, unknown>): Promise<string>;
  banner: string;
}

export function createClientParts(files: ClientFiles): TargetParts {
  return {
    endpoint: (api, e) => buildEndpointPart(api, e),
    prepare: (api) => printApiSchemaTypes(documentWithoutPaths(api)),
    async assemble(api, fragments, env, prepared) {
      const parts = fragments.map((f) => f.fragment as ClientFragment);
      const out = files.renderShared(api, parts.map((p) => p.view), parts.map((p) => p.usage), env);
      out.set("src/schema.ts", await assembleSchema(api, fragments, prepared as ApiTypes, files));
      return out;
    },
    renderAll: (api, env) => renderAllParts(api, env, files),
  };
}

/**
 * A cold run: every path item's share, the API-level share and (if entangled) the whole text from one worker call,
 * made by the functions `endpoint`/`prepare` call; the views are built here meanwhile.
 */
async function renderAllParts(api: Api, env: RenderEnv, files: ClientFiles): Promise<AllParts> {
  const pending = printAllSchemaTypes(api.document);
  pending.catch(() => undefined);
  const views = api.endpoints.map((e) => buildClientEndpointView(api, e));
  const usages = api.endpoints.map((e) => buildUsageView(e, api.hasSdk));
  const assembled = files.renderShared(api, views, usages, env);
  const all = await pending;
  const shares = new Map(all.paths.map((p) => [p.url, p]));
  const fragments = api.endpoints.map((e, i) => {
    const share = shares.get(e.path);
    // A path item the document lacks (never, with the model's bundler) is printed as `endpoint` would.
    if (!share) return buildEndpointPart(api, e).fragment as ClientFragment;
    const fragment: ClientFragment = { view: views[i]!, usage: usages[i]!, types: holdsTypes(api, e) ? share.types : null, entangled: share.entangled };
    return fragment;
  });
  assembled.set("src/schema.ts", joinAllTypes(fragments, all, files.banner));
  return { parts: fragments.map((fragment) => ({ files: new Map(), fragment })), prepared: all.api, assembled };
}

function joinAllTypes(parts: readonly ClientFragment[], all: AllTypes, banner: string): string {
  if (parts.some((p) => p.entangled)) {
    if (all.whole === null) throw new Error("client types: an entangled path item without the whole text");
    return banner + all.whole;
  }
  return banner + joinSchemaTypes(parts.flatMap((p) => (p.types ? [p.types] : [])), all.api);
}

/** Whether the endpoint holds its path item's types: the path's first endpoint in openapi-typescript's method order. */
function holdsTypes(api: Api, e: Endpoint): boolean {
  const item = pathItemOf(api, e);
  const first = TYPE_METHODS.find((m) => item[m] !== undefined);
  return first !== undefined && e.methods.includes(first as never);
}

/** Its share of the types comes from the worker when compiled (the main thread never loads openapi-typescript). */
function buildEndpointPart(api: Api, e: Endpoint): EndpointPart {
  const item = pathItemOf(api, e);
  const { types, entangled } = printPathShare(documentWithoutPaths(api), { url: e.path, item, holds: holdsTypes(api, e) });
  const fragment: ClientFragment = { view: buildClientEndpointView(api, e), usage: buildUsageView(e, api.hasSdk), types, entangled };
  return { files: new Map(), fragment };
}

async function assembleSchema(api: Api, fragments: readonly EndpointFragment[], prepared: ApiTypes, files: ClientFiles): Promise<string> {
  const parts = fragments.map((f) => f.fragment as ClientFragment);
  // openapi-typescript patches components from an inline discriminator in document order: only the whole document says how.
  if (parts.some((p) => p.entangled)) return files.renderSchema(api.document);
  return files.banner + joinSchemaTypes(parts.flatMap((p) => (p.types ? [p.types] : [])), prepared);
}

/**
 * The endpoint's path item as bundled into `api.document` (refs rewritten to `#/components/...`): the model's
 * `pathItem` when it provides one, else looked up in the document (which reads `api.document.paths`).
 */
export function pathItemOf(api: Api, e: Endpoint): Record<string, unknown> {
  const own = (e as { pathItem?: Record<string, unknown> }).pathItem;
  return own ?? (api.document["paths"][e.path] as Record<string, unknown>);
}

/** The document's API-level part (without reading its paths). */
function documentWithoutPaths(api: Api): Record<string, unknown> {
  const doc = api.document;
  return Object.fromEntries(Object.keys(doc).filter((k) => k !== "paths").map((k) => [k, doc[k]]));
}
