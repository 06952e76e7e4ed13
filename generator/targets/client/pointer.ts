// JSON pointers the way openapi-typescript 7.x builds and reads them (through @redocly/openapi-core's ref utils),
// quirks included, since its output depends on them: a segment is percent-decoded each time a pointer is parsed
// again, empty segments vanish, and a "#/" inside a segment cuts the pointer there. Specsmith's own type emitter and
// discriminator scan use these so that their pointers, and the lookups keyed by them, are the same strings.

/** `~` and `/` escaped; numbers pass through. */
export function escapePointer(segment: string | number): string | number {
  if (typeof segment === "number") return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The segments of a ref's fragment (what follows the first "#/", up to a second one). */
export function refSegments(ref: string): string[] {
  const pointer = ref.split("#/")[1] ?? "";
  return pointer
    .split("/")
    .map(unescapePointer)
    .filter((s) => s !== "");
}

/** A "#/…" pointer from parts, each either a pointer (its segments are taken) or one segment. */
export function createRef(parts: readonly unknown[]): string {
  let pointer = "#";
  for (const part of parts) {
    if (part === undefined || part === null || part === "") continue;
    const segments = refSegments(String(part));
    if (segments.length > 0) for (const s of segments) pointer += `/${escapePointer(s)}`;
    else pointer += `/${escapePointer(part as string | number)}`;
  }
  return pointer;
}

/**
 * createRef([prefix, ...keys]) for a prefix createRef made, without parsing the prefix again where that changes
 * nothing: it has no "%" (decoded again on each parse), no empty segment (dropped) and no second "#/", and no key is
 * empty or a pointer itself.
 */
export function childRef(prefix: string, ...keys: unknown[]): string {
  let fast = prefix.startsWith("#/") && !prefix.includes("%") && prefix.indexOf("#/", 1) < 0 && !prefix.includes("//") && !prefix.endsWith("/");
  for (const key of keys) {
    if (typeof key === "number") continue;
    if (typeof key !== "string" || key === "" || key.includes("#/")) fast = false;
  }
  if (!fast) return createRef([prefix, ...keys]);
  let pointer = prefix;
  for (const key of keys) pointer += `/${escapePointer(key as string | number)}`;
  return pointer;
}

/**
 * The value a local ref points to, following refs it lands on; undefined when a step is missing or falsy, or the
 * refs go round (openapi-typescript's `resolveRef`, silent).
 */
export function resolveRef(document: unknown, ref: string, visited: readonly string[] = []): unknown {
  const segments = refSegments(ref);
  if (segments.length === 0) return undefined;
  let node: any = document;
  for (const key of segments) {
    if (node && typeof node === "object" && node[key]) node = node[key];
    else return undefined;
  }
  if (node && typeof node === "object" && node.$ref) {
    if (visited.includes(node.$ref)) return undefined;
    return resolveRef(document, node.$ref, [...visited, node.$ref]);
  }
  return node;
}
