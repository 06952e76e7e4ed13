// Example values must match their schemas: request bodies, parameters and responses.
import { fromPointer, toPointer } from "../errors.js";
import { RefError, type Resolve } from "./refs.js";
import type { SchemaValidator } from "./schema-validator.js";
import { isHttpMethod, isObject, type LoadedEndpointFile, type Report } from "./types.js";

type Seg = string | number;
/** A value together with where it lives (after following $refs). */
interface Located {
  value: unknown;
  rel: string;
  at: Seg[];
}

interface Ctx {
  resolve: Resolve;
  validator: SchemaValidator;
  report: Report;
}

export function checkExamples(file: LoadedEndpointFile, ctx: Ctx): void {
  const item = file.doc?.paths?.[file.path];
  if (!isObject(item)) return;
  const itemAt: Seg[] = ["paths", file.path];
  checkParameterList({ value: item["parameters"], rel: file.rel, at: [...itemAt, "parameters"] }, ctx);
  for (const [method, op] of Object.entries(item)) {
    if (!isHttpMethod(method) || !isObject(op)) continue;
    const at = [...itemAt, method];
    checkParameterList({ value: op["parameters"], rel: file.rel, at: [...at, "parameters"] }, ctx);
    const body = follow({ value: op["requestBody"], rel: file.rel, at: [...at, "requestBody"] }, ctx);
    if (body) checkContent(child(body, "content"), ctx);
    const responses = op["responses"];
    if (!isObject(responses)) continue;
    for (const code of Object.keys(responses)) {
      const response = follow({ value: responses[code], rel: file.rel, at: [...at, "responses", code] }, ctx);
      if (response) checkContent(child(response, "content"), ctx);
    }
  }
}

function checkParameterList(list: Located, ctx: Ctx): void {
  if (!Array.isArray(list.value)) return;
  list.value.forEach((_, i) => {
    const param = follow(child(list, i), ctx);
    if (param && isObject(param.value)) checkExampleMap(child(param, "examples"), param.value["schema"], param.rel, ctx);
  });
}

function checkContent(content: Located, ctx: Ctx): void {
  if (!isObject(content.value)) return;
  for (const mediaType of Object.keys(content.value)) {
    const media = child(content, mediaType);
    if (isObject(media.value)) checkExampleMap(child(media, "examples"), media.value["schema"], media.rel, ctx);
  }
}

/** Validates every `examples.<key>.value` against `schema` (written in `schemaRel`). */
function checkExampleMap(examples: Located, schema: unknown, schemaRel: string, ctx: Ctx): void {
  if (!isObject(examples.value) || schema === undefined) return;
  for (const key of Object.keys(examples.value)) {
    const example = follow(child(examples, key), ctx);
    if (!example || !isObject(example.value) || !("value" in example.value)) continue;
    const valueAt = [...example.at, "value"];
    for (const err of validateSafely(schema, schemaRel, example.value["value"], ctx)) {
      ctx.report({ rel: example.rel, pointer: toPointer(valueAt) + err.instancePath, message: err.message });
    }
  }
}

function validateSafely(schema: unknown, rel: string, value: unknown, ctx: Ctx) {
  try {
    return ctx.validator.validate(schema, rel, value);
  } catch (err) {
    if (err instanceof RefError) return []; // reported by checkRefs
    return [{ instancePath: "", message: `cannot check the example: its schema does not compile (${(err as Error).message})` }];
  }
}

function child(parent: Located, key: Seg): Located {
  const v = parent.value as any;
  const value = isObject(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : Array.isArray(v) ? v[key as number] : undefined;
  return { value, rel: parent.rel, at: [...parent.at, key] };
}

/** Follows `$ref` objects to their target; null when absent or unresolvable (reported by checkRefs). */
function follow(loc: Located, ctx: Ctx): Located | null {
  let current = loc;
  for (let i = 0; i < 8 && isObject(current.value) && typeof current.value["$ref"] === "string"; i++) {
    try {
      const target = ctx.resolve(current.rel, current.value["$ref"]);
      current = { value: target.value, rel: target.file.rel, at: fromPointer(target.pointer) };
    } catch {
      return null;
    }
  }
  return current.value === undefined ? null : current;
}
