// client/typescript per endpoint: its facade entries, README usage and its path item's share of src/schema.ts
// (printed in the worker, asked synchronously); the API-level share of the types (components) is `prepare`d in the
// worker, and `assemble` joins them, splicing in what entangled path items change. A cold run (`renderAll`) gets
// every share from one worker call instead.
import type { Api, Endpoint } from "../../model/types.js";
import type { RenderEnv } from "../../render/env.js";
import { hash } from "node:crypto";
import type { AllParts, AssembleMemo, EndpointFragment, EndpointPart, TargetParts } from "../target.js";
import type { AllTypes, EndpointShare } from "./schema-all.js";
import type { EntangledRequest, EntangledShare } from "./schema-entangled.js";
import { buildUsageView, type UsageView } from "./package-view.js";
import { joinSchemaPieces, type ApiTypes, type PathTypes } from "./schema-join.js";
import { TextPieces, type FileText } from "../../write/text.js";
import { printAllSchemaTypes, printApiSchemaTypes, printEntangledShare, printPathShare, warmPathShares } from "./schema-types.js";
import { buildClientEndpointView, type ClientEndpointView } from "./view.js";

/** One endpoint's fragment. */
export interface ClientFragment {
  view: ClientEndpointView;
  usage: UsageView;
  /** Its path item's types, held by the path's first endpoint in openapi-typescript's method order (else null). */
  types: PathTypes | null;
  /** Why its path item's types depend on other path items (see findEntanglement); null when they do not. */
  entangled: string | null;
  /** With `types`, when not empty: the component refs its allOfs name (entangled path items may patch them). */
  reads?: string[];
  /** Entangled, held by this endpoint: its bundled path item, for assemble (see schema-entangled.ts). */
  entangledItem?: { url: string; item: unknown };
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
    async assemble(api, fragments, env, prepared, memo) {
      const parts = fragments.map((f) => f.fragment as ClientFragment);
      const out: Map<string, FileText> = files.renderShared(api, parts.map((p) => p.view), parts.map((p) => p.usage), env);
      out.set("src/schema.ts", await assembleSchema(api, fragments, prepared as ApiTypes, files, memo));
      return out;
    },
    renderAll: (api, env) => renderAllParts(api, env, files),
    warm: (api) => warmPathShares(documentWithoutPaths(api)),
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
  const assembled: Map<string, FileText> = files.renderShared(api, views, usages, env);
  const all = await pending;
  const shares = new Map(all.paths.map((p) => [p.url, p]));
  const fragments = api.endpoints.map((e, i) => {
    const share = shares.get(e.path);
    // A path item the document lacks (never, with the model's bundler) is printed as `endpoint` would.
    if (!share) return buildEndpointPart(api, e).fragment as ClientFragment;
    return toFragment(api, e, views[i]!, usages[i]!, holdsTypes(api, e) ? share : { types: null, entangled: share.entangled, reads: [] });
  });
  // The entangled share assemble would ask for, so that the first edit after a cold run need not print it again.
  const tangled = all.entangled && entangledRequest(api, fragments);
  const kept: Entangled | null = all.entangled && { share: all.entangled, middle: spliceMiddle(all.api.middle, all.entangled.replace) };
  assembled.set("src/schema.ts", await joinAllTypes(api, fragments, all, kept, files));
  const parts = fragments.map((fragment) => ({ files: new Map(), fragment }));
  return { parts, prepared: all.api, assembled, ...(tangled ? { memo: [entangledKey(tangled), kept] } : {}) };
}

async function joinAllTypes(api: Api, parts: readonly ClientFragment[], all: AllTypes, entangled: Entangled | null, files: ClientFiles): Promise<FileText> {
  if (!parts.some((p) => p.entangled)) return new TextPieces([files.banner, ...joinSchemaPieces(parts.flatMap((p) => (p.types ? [p.types] : [])), all.api)]);
  if (all.whole !== null) return files.banner + all.whole;
  const spliced = entangled ? spliceEntangled(parts, all.api, entangled) : null;
  return spliced === null ? files.renderSchema(api.document) : new TextPieces([files.banner, ...spliced]);
}

/** Whether the endpoint holds its path item's types: the path's first endpoint in openapi-typescript's method order. */
function holdsTypes(api: Api, e: Endpoint): boolean {
  const item = pathItemOf(api, e);
  const first = TYPE_METHODS.find((m) => item[m] !== undefined);
  return first !== undefined && e.methods.includes(first as never);
}

/** Its share of the types comes from the worker when compiled (the main thread never loads the type printing). */
function buildEndpointPart(api: Api, e: Endpoint): EndpointPart {
  const item = pathItemOf(api, e);
  const share = printPathShare(documentWithoutPaths(api), { url: e.path, item, holds: holdsTypes(api, e) });
  return { files: new Map(), fragment: toFragment(api, e, buildClientEndpointView(api, e), buildUsageView(e, api.hasSdk), share) };
}

function toFragment(api: Api, e: Endpoint, view: ClientEndpointView, usage: UsageView, share: EndpointShare): ClientFragment {
  const fragment: ClientFragment = { view, usage, types: share.types, entangled: share.entangled };
  if (share.reads.length > 0) fragment.reads = share.reads;
  if (share.entangled && holdsTypes(api, e)) fragment.entangledItem = { url: e.path, item: pathItemOf(api, e) };
  return fragment;
}

async function assembleSchema(
  api: Api,
  fragments: readonly EndpointFragment[],
  prepared: ApiTypes,
  files: ClientFiles,
  memo: AssembleMemo | undefined,
): Promise<FileText> {
  const parts = fragments.map((f) => f.fragment as ClientFragment);
  if (!parts.some((p) => p.entangled)) return new TextPieces([files.banner, ...joinSchemaPieces(parts.flatMap((p) => (p.types ? [p.types] : [])), prepared)]);
  // openapi-typescript patches components from an inline discriminator in document order: spliced when it can be.
  const entangled = askEntangled(api, parts, prepared, memo);
  const spliced = entangled ? spliceEntangled(parts, prepared, entangled) : null;
  return spliced === null ? files.renderSchema(api.document) : new TextPieces([files.banner, ...spliced]);
}

/** The entangled path items' share and the API-level share's middle with its replacements made (null: cannot be). */
interface Entangled {
  share: EntangledShare;
  middle: string | null;
}

/**
 * The entangled path items' share from the worker (their path items ride in their fragments), and the middle it
 * makes; null if none. They depend on the API-level document (prepare's inputs) and those path items only: kept in
 * the memo, an edit elsewhere reuses them.
 */
function askEntangled(api: Api, parts: readonly ClientFragment[], prepared: ApiTypes, memo: AssembleMemo | undefined): Entangled | null {
  const req = entangledRequest(api, parts);
  if (!req) return null;
  const key = entangledKey(req);
  const kept = memo?.get(key);
  if (kept) return kept.value as Entangled | null;
  const share = printEntangledShare(documentWithoutPaths(api), req);
  const entangled = share && { share, middle: spliceMiddle(prepared.middle, share.replace) };
  memo?.set(key, entangled);
  return entangled;
}

/** What the worker is asked for the entangled path items' share; null when it cannot be printed apart. */
function entangledRequest(api: Api, parts: readonly ClientFragment[]): EntangledRequest | null {
  if (parts.some((p) => p.entangled?.startsWith("ref "))) return null;
  const items = parts.flatMap((p) => (p.entangledItem ? [p.entangledItem] : []));
  return { keys: Object.keys(api.documentFrame ?? api.document), items };
}

/** The request's memo key: the share does not depend on the order of the items (the worker sorts them). */
function entangledKey(req: EntangledRequest): string {
  const items = [...req.items].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return hash("sha256", JSON.stringify({ keys: req.keys, items }));
}

/**
 * The text with entangled path items: their shares and the component members they change, printed in the worker
 * from the API-level document and those path items; null when that is not the whole document's text (then the
 * whole document is printed).
 */
function spliceEntangled(parts: readonly ClientFragment[], prepared: ApiTypes, { share, middle }: Entangled): string[] | null {
  // A path item printed without the patches whose allOf reads a patched component would print differently.
  const changed = new Set(share.changed);
  if (middle === null || parts.some((p) => p.reads?.some((ref) => changed.has(ref)))) return null;
  return joinSchemaPieces([...parts.flatMap((p) => (p.types ? [p.types] : [])), ...share.paths], { ...prepared, middle });
}

/** The API-level share's middle with each member text replaced; null when one is not found exactly once. */
function spliceMiddle(middle: string, replace: readonly [string, string][]): string | null {
  for (const [before, after] of replace) {
    const at = middle.indexOf(before);
    if (at < 0 || middle.indexOf(before, at + 1) >= 0) return null;
    middle = middle.slice(0, at) + after + middle.slice(at + before.length);
  }
  return middle;
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
  // The frame, not the whole document: nothing here reads the paths, and a watch session's next build hands over the
  // same frame while the components are unchanged, so the worker keeps its context for them.
  const doc = api.documentFrame ?? api.document;
  return Object.fromEntries(Object.keys(doc).filter((k) => k !== "paths").map((k) => [k, doc[k]]));
}
