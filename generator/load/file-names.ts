// The naming rule of spec-format.md: URL path ⇄ endpoint file name, and which paths can be files at all.

const SAFE_CHAR = /[A-Za-z0-9._~{}@-]/;
// A segment of safe characters only, not starting with `_`: its own encoding (most segments; checked once, not per character).
const SAFE_SEGMENT = /^(?!_)[A-Za-z0-9._~{}@-]*$/;
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/** `/a/b/{c}` → `a/b/{c}` (the file name without extension); `/` → `_root`. */
export function toEndpointFileStem(urlPath: string): string {
  if (urlPath === "/") return "_root";
  return urlPath.slice(1).split("/").map(encodeSegment).join("/");
}

/**
 * Percent-encodes every character outside the safe set, and a leading `_` (names starting with `_` are
 * specsmith's own files, like `_api.yaml`). The one encoder of URL path segments into file names.
 */
export function encodeSegment(segment: string): string {
  if (SAFE_SEGMENT.test(segment)) return segment;
  let out = "";
  for (const ch of segment) {
    if (SAFE_CHAR.test(ch) && !(out === "" && ch === "_")) out += ch;
    else for (const byte of Buffer.from(ch, "utf8")) out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** Why a URL path cannot be an endpoint file, or null when it can. */
export function describeBadPath(urlPath: string): string | null {
  if (!urlPath.startsWith("/")) return `path must start with "/"`;
  if (urlPath === "/") return null;
  for (const segment of urlPath.slice(1).split("/")) {
    if (segment === "") return "path has an empty segment";
    if (segment === "." || segment === "..") return `path segment "${segment}" is not allowed`;
    const bare = segment.replace(/^\{(.*)\}$/, "$1");
    if (RESERVED.has(bare)) return `path segment "${segment}" is a reserved name`;
  }
  return null;
}

/** Why a name that becomes a file name or object key is unsafe, or null. */
export function describeUnsafeName(name: string): string | null {
  if (name === "") return "is empty";
  if (RESERVED.has(name)) return "is a reserved name";
  if (name === "." || name === "..") return "is a relative path";
  if (/[/\\]/.test(name)) return "contains a path separator";
  if (/[\u0000-\u001f]/.test(name)) return "contains a control character";
  return null;
}

export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

// "-" is allowed: Seam's spec has `validate-config`; the model's casing splits it into words.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Why an SDK name (group entry, method name) is not a safe identifier, or null. */
export function describeBadIdentifier(name: unknown): string | null {
  if (typeof name !== "string") return "must be string";
  if (RESERVED.has(name)) return `"${name}" is a reserved name`;
  if (!IDENTIFIER.test(name)) return `"${name}" is not an identifier (${IDENTIFIER})`;
  return null;
}

// REST operationIds like GitHub's `repos/list-for-org` are split on "/" by the model, so allow "/" and "-".
const OPERATION_ID = /^[A-Za-z_][A-Za-z0-9_-]*(\/[A-Za-z_][A-Za-z0-9_-]*)*$/;

export function describeBadOperationId(id: unknown): string | null {
  if (typeof id !== "string") return "must be string";
  if (id.split("/").some((part) => RESERVED.has(part))) return `"${id}" contains a reserved name`;
  if (!OPERATION_ID.test(id)) return `"${id}" is not an identifier (${OPERATION_ID})`;
  return null;
}
