// The entangled path items' effect on openapi-typescript's output (worker side): their inline discriminators patch
// component schemas, so their own types and those components print differently than without them. Printed here
// from the API-level document and those path items only: their shares, and each changed component member's text
// without and with their patches, for assemble to splice into the API-level share (prepare's, cached).
import { scanDiscriminators, someObject } from "./discriminators.js";
import type { Discriminators } from "./openapi-types.js";
import { printComponentMember, printScannedPathTypes } from "./schema-parts.js";
import type { PathTypes } from "./schema-join.js";

type Document = Record<string, any>;

export interface EntangledRequest {
  /** The whole document's keys in order ("paths" among them): the discriminator scan walks in that order. */
  keys: string[];
  /** The entangled path items (bundled), any order. */
  items: { url: string; item: unknown }[];
}

export interface EntangledShare {
  /** The entangled path items' shares, as printed within the whole document. */
  paths: PathTypes[];
  /** Component members of the API-level share's text: [text without the path items, text with them]. */
  replace: [string, string][];
  /** Component refs the path items patch or change the handling of (a path item whose allOf reads one is affected). */
  changed: string[];
}

/** The entangled share, or null when it cannot be spliced (a member's helpers change, a ref outside components). */
export function printEntangledShare(rest: Document, req: EntangledRequest): EntangledShare | null {
  const sorted = [...req.items].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const before = scannedDocument(rest, req.keys, {});
  const after = scannedDocument(rest, req.keys, Object.fromEntries(sorted.map((p) => [p.url, structuredClone(p.item)])));
  const changed = changedRefs(before, after);
  if (changed === null) return null;
  const replace: [string, string][] = [];
  for (const [section, name] of affectedMembers(after.document, changed)) {
    const old = printComponentMember(before.document, section, name, before.discriminators);
    const now = printComponentMember(after.document, section, name, after.discriminators);
    if (JSON.stringify(old.footer) !== JSON.stringify(now.footer)) return null;
    if (old.text !== now.text) replace.push([old.text, now.text]);
  }
  const paths = sorted.map((p) => printScannedPathTypes(p.url, after.document["paths"][p.url], after.document, after.discriminators));
  return { paths, replace, changed: [...changed] };
}

interface Scanned {
  document: Document;
  discriminators: Discriminators;
}

/** The API-level document with these path items, keys in the whole document's order, scanned (which patches it). */
function scannedDocument(rest: Document, keys: readonly string[], paths: Document): Scanned {
  const document: Document = {};
  for (const key of keys) document[key] = key === "paths" ? paths : structuredClone(rest[key]);
  return { document, discriminators: scanDiscriminators(document) };
}

/** Component refs whose patched value or handled flag differs; null if a patched ref is outside the components. */
function changedRefs(before: Scanned, after: Scanned): Set<string> | null {
  const changed = new Set<string>();
  const handled = [...before.discriminators.refsHandled, ...after.discriminators.refsHandled];
  for (const ref of new Set(handled)) {
    if (!ref.startsWith("#/components/")) {
      if (ref.startsWith("#/paths/")) continue;
      return null;
    }
    const was = before.discriminators.refsHandled.includes(ref);
    const is = after.discriminators.refsHandled.includes(ref);
    if (was !== is || JSON.stringify(resolve(before.document, ref)) !== JSON.stringify(resolve(after.document, ref))) changed.add(ref);
  }
  return changed;
}

/** The components changed refs are in, and those whose allOf names one. */
function affectedMembers(document: Document, changed: ReadonlySet<string>): [string, string][] {
  const members = new Map<string, [string, string]>();
  for (const ref of changed) {
    const [section, name] = ref.split("/").slice(2, 4).map(unescapePointer);
    members.set(`${section}\0${name}`, [section!, name!]);
  }
  for (const [section, entries] of Object.entries((document["components"] ?? {}) as Document)) {
    for (const [name, value] of Object.entries((entries ?? {}) as Document)) {
      const reads = someObject(value, (obj) => Array.isArray(obj["allOf"]) && obj["allOf"].some((x: Document) => changed.has(x?.["$ref"])));
      if (reads) members.set(`${section}\0${name}`, [section, name]);
    }
  }
  return [...members.values()];
}

function resolve(document: Document, ref: string): unknown {
  let node: unknown = document;
  for (const part of ref.slice(2).split("/").map(unescapePointer)) node = (node as Document | undefined)?.[part];
  return node;
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}
