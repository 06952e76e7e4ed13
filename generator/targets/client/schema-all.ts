// The worker's tasks on a document of its own: the whole text, the API-level share, or everything a cold run of
// the parts needs in one call (each path item's share, the API-level share, and the whole text when a path item
// is entangled), made by the same functions the parts call, so it is what they would make.
import { printOpenapiTypes } from "./openapi-types.js";
import { componentState, findAllOfRefs, findEntanglement, printApiTypes, printPathTypes, type ApiTypes, type PathTypes } from "./schema-parts.js";
import { printEntangledShare, type EntangledRequest, type EntangledShare } from "./schema-entangled.js";
import type { SchemaTask } from "./schema-types.js";

type Document = Record<string, any>;

/** One path item's share in a cold run: its types, or why they depend on other path items. */
export interface PathShare {
  url: string;
  types: PathTypes | null;
  entangled: string | null;
  /** The component refs its allOfs name (see findAllOfRefs); empty when entangled. */
  reads: string[];
}

/** Everything the parts' types need, from one worker call. */
export interface AllTypes {
  /** Every path item, in document order. */
  paths: PathShare[];
  api: ApiTypes;
  /** With entangled path items: their share (schema-entangled.ts), which is spliced in as assemble does; else null. */
  entangled: EntangledShare | null;
  /** The whole document's text (no banner) when entangled path items' share cannot be spliced, else null. */
  whole: string | null;
}

/** What `printPathShare` is asked: a path item (bundled) and whether its endpoint holds the path item's types. */
export interface PathRequest {
  url: string;
  item: unknown;
  holds: boolean;
}

/** One path item's share for one endpoint: its types (if the endpoint holds them) or why they are entangled. */
export interface EndpointShare {
  types: PathTypes | null;
  entangled: string | null;
  /** With `types`: the component refs its allOfs name (see findAllOfRefs); else empty. */
  reads: string[];
}

/** One path item's share against the API-level document `rest` (no paths; left as it is). */
export function printPathShare(rest: Document, req: PathRequest): EndpointShare {
  const state = componentState(rest);
  const entangled = findEntanglement(req.item, state.discriminators);
  const holds = req.holds && !entangled;
  return { types: holds ? printPathTypes(req.url, req.item, state) : null, entangled, reads: holds ? findAllOfRefs(req.item) : [] };
}

/** A synchronous task against an API-level document (no paths), which it leaves as it is. */
export type SyncTask = { kind: "path"; req: PathRequest } | { kind: "entangled"; req: EntangledRequest };

/** What a path share needs of the API-level document, computed ahead of the first request (see warmPathContext). */
export function warmPathContext(rest: Document): void {
  componentState(rest);
}

export function runSyncTask(rest: Document, task: SyncTask): unknown {
  return task.kind === "path" ? printPathShare(rest, task.req) : printEntangledShare(rest, task.req);
}

/** Runs a task on `document`, which it may mutate. */
export function runSchemaTaskOn(task: SchemaTask, document: Document): unknown {
  if (task === "api") return printApiTypes(document);
  if (task === "all") return printAllTypes(document);
  return printOpenapiTypes(document);
}

/** Each path item's share, the API-level share and, if entangled, their share or the whole text. Mutates `document`. */
export function printAllTypes(document: Document): AllTypes {
  const items = Object.entries((document["paths"] ?? {}) as Record<string, unknown>);
  // Scanned before anything patches the components (the scan works on its own copy when it patches).
  const state = componentState(document);
  const entangled = items.map(([, item]) => findEntanglement(item, state.discriminators));
  const rest = Object.fromEntries(Object.entries(document).filter(([k]) => k !== "paths"));
  // Before the API-level print, whose scan patches the document's own components.
  const share = printTangledShare(document, rest, items, entangled);
  const whole = entangled.some(Boolean) && !share ? printOpenapiTypes(structuredClone(document)) : null;
  const paths = items.map(([url, item], i): PathShare => {
    const why = entangled[i] ?? null;
    return { url, types: why ? null : printPathTypes(url, item, state), entangled: why, reads: why ? [] : findAllOfRefs(item) };
  });
  // Last: the same input `prepare` sends (the document without paths).
  return { paths, api: printApiTypes(rest), entangled: share, whole };
}

/** The entangled path items' share as assemble asks for it, null without any or when a ref leaves the components. */
function printTangledShare(document: Document, rest: Document, items: [string, unknown][], why: (string | null)[]): EntangledShare | null {
  if (!why.some(Boolean) || why.some((w) => w?.startsWith("ref "))) return null;
  const tangled = items.filter((_, i) => why[i]).map(([url, item]) => ({ url, item }));
  return printEntangledShare(rest, { keys: Object.keys(document), items: tangled });
}
