// Names that later become file paths, object keys or SDK identifiers must be safe.
import { toPointer } from "../errors.js";
import { describeBadIdentifier, describeBadOperationId, describeUnsafeName, isReservedName } from "./file-names.js";
import { refChecker, walkDocument, type Resolve } from "./refs.js";
import { isHttpMethod, isObject, type LoadedFile, type Report } from "./types.js";

type At = readonly (string | number)[];

/**
 * Reports unresolved `$ref`s (refChecker), unsafe names, and `__proto__` as a key anywhere (example data included:
 * it can rewrite prototypes in naive consumers), in one walk of the document.
 */
export function checkRefsAndNames(file: LoadedFile, resolve: Resolve, report: Report): void {
  const say = (at: At, message: string) => report({ rel: file.rel, pointer: toPointer(at), message });
  const refs = refChecker(file, resolve, report);
  walkDocument(
    file.doc,
    (obj, at) => {
      refs(obj, at);
      checkObjectNames(obj, at, say);
    },
    (at) => say(at, `"__proto__" is not allowed as a key`),
  );
  checkOperations(file.doc, say);
}

function checkObjectNames(obj: Record<string, any>, at: At, say: (at: At, m: string) => void): void {
  const parentKey = at[at.length - 1];
  if (isObject(obj["properties"])) checkKeys(obj["properties"], [...at, "properties"], "property name", say);
  if (parentKey === "schemas" && at.length === 2 && at[0] === "components") return checkKeys(obj, at, "schema name", say);
  if (parentKey === "examples") return checkKeys(obj, at, "example key", say, describeUnsafeName);
  if (typeof obj["name"] === "string" && typeof obj["in"] === "string" && isReservedName(obj["name"])) {
    say([...at, "name"], `"${obj["name"]}" is a reserved name and cannot be a parameter name`);
  }
}

function checkKeys(
  map: Record<string, unknown>,
  at: At,
  what: string,
  say: (at: At, m: string) => void,
  describe: (name: string) => string | null = (n) => (isReservedName(n) && n !== "__proto__" ? "is a reserved name" : null),
): void {
  for (const key of Object.keys(map)) {
    if (key === "__proto__") continue; // reported as a key of its own (checkRefsAndNames)
    const why = describe(key);
    if (why) say([...at, key], `${what} "${key}" ${why}`);
  }
}

function checkOperations(doc: any, say: (at: At, m: string) => void): void {
  if (!isObject(doc) || !isObject(doc["paths"])) return;
  for (const [p, item] of Object.entries(doc["paths"])) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isHttpMethod(method) || !isObject(op)) continue;
      const at = ["paths", p, method];
      checkSdkNames(op, at, say);
    }
  }
}

function checkSdkNames(op: Record<string, any>, at: At, say: (at: At, m: string) => void): void {
  if ("operationId" in op) {
    const why = describeBadOperationId(op["operationId"]);
    if (why) say([...at, "operationId"], `operationId ${why}`);
  }
  const group = op["x-fern-sdk-group-name"];
  if (group !== undefined) {
    const entries: unknown[] = Array.isArray(group) ? group : [group];
    entries.forEach((entry, i) => {
      const why = describeBadIdentifier(entry);
      const where = Array.isArray(group) ? [...at, "x-fern-sdk-group-name", i] : [...at, "x-fern-sdk-group-name"];
      if (why) say(where, `x-fern-sdk-group-name ${why}`);
    });
  }
  for (const key of ["x-fern-sdk-method-name", "x-fern-sdk-return-value"]) {
    if (op[key] === undefined) continue;
    const why = describeBadIdentifier(op[key]);
    if (why) say([...at, key], `${key} ${why}`);
  }
}
