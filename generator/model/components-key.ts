// What bundling reads from every file: its components. One hash over them, cheap to recompute after an edit.
import { createHash } from "node:crypto";

interface FileWithComponents {
  rel: string;
  doc: unknown;
  /** The file's content hash (the loader's): its components' hash is then computed once per content. */
  hash?: string;
}

/** Hash of every endpoint file's own `components` (by content): an edit elsewhere in a file leaves it as it was. */
export function componentsKey(spec: { endpoints: readonly FileWithComponents[] }): string {
  // The model and the part keys both ask, of the same loaded spec.
  const known = keys.get(spec.endpoints);
  if (known !== undefined) return known;
  const key = computeKey(spec.endpoints);
  keys.set(spec.endpoints, key);
  return key;
}

const keys = new WeakMap<readonly FileWithComponents[], string>();

function computeKey(endpoints: readonly FileWithComponents[]): string {
  const hash = createHash("sha256");
  for (const file of endpoints) {
    const components = (file.doc as { components?: unknown } | null)?.components;
    if (typeof components === "object" && components !== null) hash.update(`\0${file.rel}\0${componentsHash(file.hash, components)}`);
  }
  return hash.digest("hex");
}

// By file hash: only a changed file's components are serialised again.
const componentsHashes = new Map<string, string>();

function componentsHash(fileHash: string | undefined, components: object): string {
  let value = fileHash === undefined ? undefined : componentsHashes.get(fileHash);
  if (value === undefined) {
    value = createHash("sha256").update(JSON.stringify(components)).digest("hex");
    if (componentsHashes.size > 50_000) componentsHashes.clear();
    if (fileHash !== undefined) componentsHashes.set(fileHash, value);
  }
  return value;
}
