// Structural checks: the parts of OpenAPI 3.0/3.1 the generator relies on, reported ajv-style.
import { toPointer } from "../errors.js";
import { checkOperation } from "./operation.js";
import { describeBadPath } from "./file-names.js";
import type { Resolve } from "./refs.js";
import { HTTP_METHODS, describeType, isHttpMethod, isObject, type LoadedFile, type Report } from "./types.js";

type Say = (at: readonly (string | number)[], message: string) => void;
type Deref = (value: unknown) => unknown;
const PATH_ITEM_KEYS = new Set(["summary", "description", "servers", "parameters"]);

/** Checks one file; `shared` is _api.yaml (no paths), otherwise an endpoint file (exactly one path). */
export function checkStructure(file: LoadedFile, shared: boolean, report: Report, resolve: Resolve): void {
  const say: Say = (at, message) => report({ rel: file.rel, pointer: toPointer(at), message });
  const deref = createDeref(file.rel, resolve);
  const doc = file.doc;
  if (!isObject(doc)) {
    say([], `must be an OpenAPI document (a mapping), got ${describeType(doc)}`);
    return;
  }
  checkHeader(doc, say);
  if (isObject(doc["components"])) checkComponents(doc["components"], say);
  else if (doc["components"] !== undefined) say(["components"], "must be object");
  if (shared) checkSharedPaths(doc, say);
  else checkEndpointPaths(doc, say, deref);
}

function checkHeader(doc: Record<string, any>, say: Say): void {
  const version = doc["openapi"];
  if (version === undefined) say([], "must have required property 'openapi' (3.0.x or 3.1.x)");
  else if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    say(["openapi"], `must be 3.0.x or 3.1.x, got ${JSON.stringify(version)}`);
  }
  const info = doc["info"];
  if (info === undefined) say([], "must have required property 'info'");
  else if (!isObject(info)) say(["info"], "must be object");
  else {
    for (const key of ["title", "version"]) {
      if (info[key] === undefined) say(["info"], `must have required property '${key}'`);
      else if (typeof info[key] !== "string") say(["info", key], "must be string");
    }
  }
}

function checkComponents(components: Record<string, any>, say: Say): void {
  for (const [key, value] of Object.entries(components)) {
    if (!key.startsWith("x-") && !isObject(value)) say(["components", key], "must be object");
  }
}

function checkSharedPaths(doc: Record<string, any>, say: Say): void {
  const paths = doc["paths"];
  if (paths === undefined) return;
  if (!isObject(paths)) say(["paths"], "must be object");
  else if (Object.keys(paths).length > 0) say(["paths"], "must be empty in _api.yaml (each path lives in its own file)");
  const routes = doc["x-routes"];
  if (routes === undefined) return;
  if (!isObject(routes)) return say(["x-routes"], "must be object");
  for (const route of Object.keys(routes)) {
    const why = describeBadPath(route);
    if (why) say(["x-routes", route], why.replace(/^path/, "route"));
  }
}

function checkEndpointPaths(doc: Record<string, any>, say: Say, deref: Deref): void {
  const paths = doc["paths"];
  if (paths === undefined) return say([], "must have required property 'paths'");
  if (!isObject(paths)) return say(["paths"], "must be object");
  const keys = Object.keys(paths);
  if (keys.length !== 1) return say(["paths"], `must hold exactly one path, found ${keys.length}`);
  const p = keys[0] as string;
  const why = describeBadPath(p);
  if (why) say(["paths", p], why);
  checkPathItem(p, paths[p], say, deref);
}

function checkPathItem(p: string, item: unknown, say: Say, deref: Deref): void {
  const at = ["paths", p];
  if (!isObject(item)) return say(at, "must be object");
  if (item["$ref"] !== undefined) return say([...at, "$ref"], "path item $ref is not supported (write the operations in place)");
  let operations = 0;
  for (const [key, op] of Object.entries(item)) {
    if (isHttpMethod(key)) {
      operations++;
      checkOperation(op, { path: p, method: key, pathParams: item["parameters"], say, deref });
    } else if (!PATH_ITEM_KEYS.has(key) && !key.startsWith("x-")) {
      say([...at, key], `unknown HTTP method "${key}" (expected ${HTTP_METHODS.join(", ")})`);
    }
  }
  if (operations === 0) say(at, "must have at least one operation");
}

/** Follows a chain of `$ref` objects; undefined when one does not resolve (checkRefs reports it). */
function createDeref(fromRel: string, resolve: Resolve): Deref {
  return (value) => {
    let from = fromRel;
    for (let i = 0; i < 8 && isObject(value) && typeof value["$ref"] === "string"; i++) {
      try {
        const target = resolve(from, value["$ref"]);
        value = target.value;
        from = target.file.rel;
      } catch {
        return undefined;
      }
    }
    return value;
  };
}
