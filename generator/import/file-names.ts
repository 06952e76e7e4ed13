// URL path ↔ endpoint file name (docs/spec-format.md): segments kept, unsafe characters percent-encoded.

export const API_FILE = "_api.yaml";

const SAFE = /[A-Za-z0-9._~{}@-]/;

/**
 * `/acs/users/get` → `acs/users/get.yaml`; `/` → `_root.yaml`. Returns an error message instead of a
 * name when the path cannot be a safe file name (`.`/`..`/empty segments, not starting with `/`).
 */
export function toEndpointFileName(urlPath: string): { file: string } | { error: string } {
  if (urlPath === "/") return { file: "_root.yaml" };
  if (!urlPath.startsWith("/")) return { error: "path does not start with /" };
  const segments = urlPath.slice(1).split("/");
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === "") return { error: "path has an empty segment" };
    if (seg === "." || seg === "..") return { error: `path has a "${seg}" segment` };
    out.push(encodeSegment(seg));
  }
  return { file: `${out.join("/")}.yaml` };
}

/** Percent-encodes every character outside the safe set, and a leading `_` (reserved for specsmith files). */
export function encodeSegment(segment: string): string {
  let out = "";
  for (const ch of segment) {
    out += SAFE.test(ch) && !(out === "" && ch === "_") ? ch : percentEncode(ch);
  }
  return out;
}

function percentEncode(ch: string): string {
  return [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/** Relative reference from an endpoint file to `_api.yaml`: one `../` per directory level. */
export function apiFileRef(endpointFile: string): string {
  const depth = endpointFile.split("/").length - 1;
  return `${"../".repeat(depth)}${API_FILE}`;
}
