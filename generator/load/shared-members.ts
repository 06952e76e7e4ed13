// Top-level members that many documents of a spec repeat word for word (every endpoint file of GitHub's spec, as
// imported, carries the API's full `tags` list: 3.3 of the 10.9 MB of documents the load cache holds, and 40 of the
// 90 ms it took to parse them). The load cache keeps each such value once; the documents read back share it.
import { hash } from "node:crypto";

/** The key of the object that stands for a shared value in a stored document: `{ [SHARED_KEY]: <its hash> }`. */
export const SHARED_KEY = "\u0000specsmith-shared";

/** Values shorter than this (as JSON) are kept in each document: sharing them saves nothing worth a lookup. */
const MIN_SHARED_LENGTH = 256;
/** Distinct values compared per member name (a member that differs in every document costs a few compares). */
const MAX_CANDIDATES = 4;

export interface SharedMembers {
  /** Hash → value, for every value stored once. */
  values: Map<string, unknown>;
  /** The document as stored: its shared members replaced by their markers (the document itself when none is). */
  stored(doc: unknown): unknown;
  /** The hashes of the values the document shares (what its stored form names). */
  keysOf(doc: unknown): string[];
}

/**
 * The top-level members (objects and arrays, no `$ref` inside: a reference means something relative to its file)
 * that two or more of `docs` hold equal, each found by comparing against the first few distinct values of the same
 * member name. Nothing is shared when a document has a member of the marker's own shape.
 */
export function findSharedMembers(docs: Iterable<unknown>): SharedMembers {
  const candidates = new Map<string, { value: unknown; users: object[] }[]>();
  const none: SharedMembers = { values: new Map(), stored: (doc) => doc, keysOf: () => [] };
  for (const doc of docs) {
    if (!isPlainObject(doc)) continue;
    for (const [name, value] of Object.entries(doc)) {
      if (typeof value !== "object" || value === null) continue;
      if (!Array.isArray(value) && Object.hasOwn(value, SHARED_KEY)) return none;
      const list = candidates.get(name) ?? [];
      candidates.set(name, list);
      const same = list.find((c) => sameJson(c.value, value));
      if (same) same.users.push(doc);
      else if (list.length < MAX_CANDIDATES && !holdsRef(value)) list.push({ value, users: [doc] });
    }
  }
  const values = new Map<string, unknown>();
  // Document → member name → the hash it is stored under.
  const markers = new Map<object, Map<string, string>>();
  for (const [name, list] of candidates) {
    for (const { value, users } of list) {
      if (users.length < 2) continue;
      const text = JSON.stringify(value);
      if (text.length < MIN_SHARED_LENGTH) continue;
      const key = hash("sha256", text);
      values.set(key, value);
      for (const doc of users) (markers.get(doc) ?? markers.set(doc, new Map()).get(doc))?.set(name, key);
    }
  }
  if (values.size === 0) return none;
  return {
    values,
    keysOf: (doc) => [...((isPlainObject(doc) && markers.get(doc)?.values()) || [])],
    stored(doc) {
      const shared = isPlainObject(doc) ? markers.get(doc) : undefined;
      if (!shared) return doc;
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(doc as Record<string, unknown>)) {
        const key = shared.get(name);
        out[name] = key === undefined ? value : { [SHARED_KEY]: key };
      }
      return out;
    },
  };
}

/**
 * The stored document with its shared members put back (the very values in `values`: documents are read-only);
 * null when one it names is not there (its entry is then dropped, and the file read again). `named` gets the hash of
 * every value the stored document names.
 */
export function restoreSharedMembers(doc: unknown, values: ReadonlyMap<string, unknown>, named: string[] = []): unknown {
  if (!isPlainObject(doc)) return doc;
  let whole = true;
  for (const [name, value] of Object.entries(doc)) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, SHARED_KEY)) continue;
    const key = (value as Record<string, unknown>)[SHARED_KEY];
    if (typeof key === "string") named.push(key);
    if (typeof key !== "string" || !values.has(key)) whole = false;
    else doc[name] = values.get(key);
  }
  return whole ? doc : null;
}

/** Whether two JSON values print the same (same keys in the same order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function holdsRef(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsRef);
  for (const [k, v] of Object.entries(value)) if (k === "$ref" || holdsRef(v)) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
