// URL path ↔ endpoint file name (docs/spec-format.md): segments kept, unsafe characters percent-encoded
// by the loader's encoder, so what import writes is what load expects.
import { encodeSegment } from "../load/file-names.js";

export { encodeSegment };

export const API_FILE = "_api.yaml";

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

/** Relative reference from an endpoint file to `_api.yaml`: one `../` per directory level. */
export function apiFileRef(endpointFile: string): string {
  const depth = endpointFile.split("/").length - 1;
  return `${"../".repeat(depth)}${API_FILE}`;
}
