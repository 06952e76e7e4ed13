// The shares of openapi-typescript's output (see schema-parts.ts) as plain text, and their join: no
// openapi-typescript here, so the main thread can join shares printed in the worker without loading it.

/** One path item's share of the output. */
export interface PathTypes {
  url: string;
  /** Its member of `export interface paths { … }`, as printed inside it. */
  member: string;
  /** Its members of `export interface operations { … }` (operations with an operationId), in order. */
  operations: string;
  /** Declarations it adds after the interfaces, in order of first use: OPERATIONS or a helper's text. */
  footer: string[];
}

/** The API-level share: everything but the path items. */
export interface ApiTypes {
  emptyPaths: string;
  /** webhooks, components and $defs, as printed between `paths` and the footer. */
  middle: string;
  operations: string;
  footer: string[];
  emptyOperations: string;
}

export const OPERATIONS = "operations";
export const PATHS_HEAD = "export interface paths {\n";
export const OPERATIONS_HEAD = "export interface operations {\n";

/** The whole-document text from the path items' shares (any order) and the API-level share. */
export function joinSchemaTypes(paths: readonly PathTypes[], api: ApiTypes): string {
  return joinSchemaPieces(paths, api).join("");
}

/**
 * joinSchemaTypes' text in pieces, the shares' own strings among them (a watch session's next run hands over the
 * same ones, and the writer then copies their bytes; see TextPieces).
 */
export function joinSchemaPieces(paths: readonly PathTypes[], api: ApiTypes): string[] {
  // Paths in the bundled document's order (bundleDocument sorts by code unit).
  const sorted = [...paths].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const out: string[] = sorted.length > 0 ? [PATHS_HEAD, ...sorted.map((p) => p.member), "}\n", api.middle] : [api.emptyPaths, api.middle];
  const seen = new Set<string>();
  for (const entry of [...sorted.flatMap((p) => p.footer), ...api.footer]) {
    if (seen.has(entry)) continue;
    seen.add(entry);
    if (entry === OPERATIONS) out.push(OPERATIONS_HEAD, ...sorted.map((p) => p.operations), api.operations, "}\n");
    else out.push(entry);
  }
  if (!seen.has(OPERATIONS)) out.push(api.emptyOperations);
  return out;
}
