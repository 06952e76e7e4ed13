// Across files: each endpoint file's name matches its path, and no two files claim one endpoint.
import { toPointer } from "../errors.js";
import { describeBadPath, toEndpointFileStem } from "./file-names.js";
import { isHttpMethod, isObject, type LoadedEndpointFile, type Report } from "./types.js";

const EXTENSION = /\.(ya?ml|json)$/;

export function checkFileName(file: LoadedEndpointFile, report: Report): void {
  if (describeBadPath(file.path)) return; // a path that cannot be a file is reported by checkStructure
  const stem = toEndpointFileStem(file.path);
  if (file.rel.replace(EXTENSION, "") === stem) return;
  const ext = EXTENSION.exec(file.rel)?.[0] ?? ".yaml";
  report({
    rel: file.rel,
    pointer: toPointer(["paths", file.path]),
    message: `file name does not match the path "${file.path}" (expected ${stem}${ext})`,
  });
}

/** Same URL path, or same method + path once parameter names are ignored (`/a/{id}` = `/a/{x}`). */
export function checkDuplicateEndpoints(files: readonly LoadedEndpointFile[], report: Report): void {
  const byPath = new Map<string, LoadedEndpointFile>();
  const byRoute = new Map<string, { file: LoadedEndpointFile; method: string }>();
  const byOperationId = new Map<string, { file: LoadedEndpointFile; method: string }>();
  for (const file of files) {
    const first = byPath.get(file.path);
    if (first) {
      const message = `path "${file.path}" is also defined in ${first.rel}`;
      report({ rel: file.rel, pointer: toPointer(["paths", file.path]), message });
      continue;
    }
    byPath.set(file.path, file);
    for (const [method, key, operationId] of operationKeys(file)) {
      checkOperationId(file, method, operationId, byOperationId, report);
      const other = byRoute.get(key);
      if (!other) {
        byRoute.set(key, { file, method });
        continue;
      }
      const message = `${method.toUpperCase()} ${file.path} is the same endpoint as ${method.toUpperCase()} ${other.file.path} in ${other.file.rel}`;
      report({ rel: file.rel, pointer: toPointer(["paths", file.path, method]), message });
    }
  }
}

/**
 * Each operation of the file's path item: its method, its key (method and path shape: `get /a/{}`) and its
 * operationId when it has one. Made once per file object (a load told what changed reuses the others).
 */
function operationKeys(file: LoadedEndpointFile): readonly OperationKey[] {
  const known = keysByFile.get(file);
  if (known?.path === file.path) return known.keys;
  const item = file.doc.paths[file.path];
  const keys: OperationKey[] = [];
  if (isObject(item)) {
    const shape = file.path.replace(/\{[^}]*\}/g, "{}");
    for (const method of Object.keys(item).filter(isHttpMethod)) {
      const op = item[method];
      const id = isObject(op) ? op["operationId"] : undefined;
      keys.push([method, `${method} ${shape}`, typeof id === "string" ? id : undefined]);
    }
  }
  keysByFile.set(file, { path: file.path, keys });
  return keys;
}

type OperationKey = [method: string, key: string, operationId: string | undefined];
const keysByFile = new WeakMap<LoadedEndpointFile, { path: string; keys: readonly OperationKey[] }>();

/** operationIds name generated types and methods (openapi-typescript's `operations`), so each is used once. */
function checkOperationId(
  file: LoadedEndpointFile,
  method: string,
  id: string | undefined,
  seen: Map<string, { file: LoadedEndpointFile; method: string }>,
  report: Report,
): void {
  if (id === undefined) return;
  const first = seen.get(id);
  if (!first) {
    seen.set(id, { file, method });
    return;
  }
  const message = `operationId "${id}" is also used by ${first.method.toUpperCase()} ${first.file.path} in ${first.file.rel}`;
  report({ rel: file.rel, pointer: toPointer(["paths", file.path, method, "operationId"]), message });
}
