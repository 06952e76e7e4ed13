// Structural checks of one operation: responses, parameters (and the path template), request body.
import { describeType, isObject } from "./types.js";

type At = readonly (string | number)[];
const LOCATIONS = ["query", "header", "path", "cookie"];
const STATUS = /^([1-5]\d\d|[1-5]XX|default)$/;

export interface OperationContext {
  path: string;
  method: string;
  /** Path-item level parameters (shared by every operation of the path). */
  pathParams: unknown;
  say: (at: At, message: string) => void;
  /** Follows a `$ref` object to its target; undefined when it does not resolve (reported elsewhere). */
  deref: (value: unknown) => unknown;
}

export function checkOperation(op: unknown, ctx: OperationContext): void {
  const at = ["paths", ctx.path, ctx.method];
  if (!isObject(op)) return ctx.say(at, "must be object");
  checkResponses(op["responses"], at, ctx);
  const own = checkParameters(op["parameters"], [...at, "parameters"], ctx);
  const inherited = checkParameters(ctx.pathParams, ["paths", ctx.path, "parameters"], ctx);
  checkPathTemplate(new Set([...own, ...inherited]), at, ctx);
  const body = op["requestBody"];
  if (body !== undefined) checkRequestBody(body, [...at, "requestBody"], ctx);
}

function checkResponses(responses: unknown, at: At, ctx: OperationContext): void {
  if (responses === undefined) return ctx.say(at, "must have required property 'responses'");
  if (!isObject(responses)) return ctx.say([...at, "responses"], "must be object");
  const codes = Object.keys(responses).filter((k) => !k.startsWith("x-"));
  if (codes.length === 0) ctx.say([...at, "responses"], "must have at least one response");
  for (const code of codes) {
    if (!STATUS.test(code)) ctx.say([...at, "responses", code], "must be an HTTP status code, a range like 4XX, or default");
    else if (!isObject(responses[code])) ctx.say([...at, "responses", code], "must be object");
  }
}

/** Checks a parameter list; returns the names of its path parameters. */
function checkParameters(params: unknown, at: At, ctx: OperationContext): string[] {
  if (params === undefined) return [];
  if (!Array.isArray(params)) {
    ctx.say(at, "must be array");
    return [];
  }
  const pathNames: string[] = [];
  params.forEach((raw, i) => {
    const param = ctx.deref(raw);
    if (param === undefined) return;
    const here = isObject(raw) && "$ref" in raw ? [...at, i, "$ref"] : [...at, i];
    if (!isObject(param)) return ctx.say(here, `must be object, got ${describeType(param)}`);
    for (const key of ["name", "in"]) {
      if (param[key] === undefined) ctx.say(here, `must have required property '${key}'`);
      else if (typeof param[key] !== "string") ctx.say([...here, key], "must be string");
    }
    if (typeof param["in"] === "string" && !LOCATIONS.includes(param["in"])) {
      ctx.say([...here, "in"], `must be one of ${LOCATIONS.join(", ")}`);
    }
    if (param["in"] !== "path" || typeof param["name"] !== "string") return;
    pathNames.push(param["name"]);
    if (param["required"] !== true) ctx.say(here, "path parameters must have required: true");
  });
  return pathNames;
}

function checkPathTemplate(declared: Set<string>, at: At, ctx: OperationContext): void {
  const inTemplate = [...ctx.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
  for (const name of inTemplate) {
    if (!declared.has(name)) ctx.say(at, `path parameter "${name}" is not declared in parameters`);
  }
  for (const name of declared) {
    if (!inTemplate.includes(name)) ctx.say(at, `path parameter "${name}" does not appear in the path`);
  }
}

function checkRequestBody(raw: unknown, at: At, ctx: OperationContext): void {
  const body = ctx.deref(raw);
  if (body === undefined) return;
  if (!isObject(body)) return ctx.say(at, "must be object");
  if (isObject(raw) && "$ref" in raw) return; // its own file/pointer is checked where it lives
  const content = body["content"];
  if (content === undefined) ctx.say(at, "must have required property 'content'");
  else if (!isObject(content) || Object.keys(content).length === 0) ctx.say([...at, "content"], "must hold at least one media type");
}
