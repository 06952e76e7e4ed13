// Why a documented call differs from the generated one: the endpoint it names, its parameters and their values,
// each value checked against the parameter's schema.
import type { Endpoint, Example, FlatSchema } from "../model/types.js";
import { callValues, exampleValues, isRecord, resolveCall, type EndpointIndex } from "./match.js";
import type { ParsedCall } from "./parse-call.js";
import type { DriftKind } from "./types.js";
import { isSameValue } from "./values.js";

export interface CallIssue {
  kind: DriftKind;
  message: string;
}

export function checkCall(index: EndpointIndex, call: ParsedCall, endpoint: Endpoint, example: Example | null): CallIssue[] {
  const issues: CallIssue[] = [];
  const named = resolveCall(index, call);
  if (named !== endpoint) issues.push(describeWrongTarget(call, named, endpoint));
  const shown = callValues(index, call, endpoint);
  const expected = new Map(example ? exampleValues(endpoint, example, call) : []);
  const schemas = parameterSchemas(endpoint, call);
  for (const [name, value] of shown) {
    const schema = schemas.get(name);
    if (schema === undefined) issues.push({ kind: "unknown-parameter", message: `unknown parameter "${name}"` });
    else if (expected.has(name) && !isSameValue(expected.get(name), value)) issues.push(describeValue(name, value, schema, expected.get(name)));
    else if (!expected.has(name)) issues.push({ kind: "wrong-value", message: `parameter "${name}" is not in the example` });
  }
  for (const [name] of expected) {
    if (shown.some(([n]) => n === name)) continue;
    const required = endpoint.parameters.some((p) => p.name === name && p.required);
    issues.push(required
      ? { kind: "missing-parameter", message: `missing required parameter "${name}"` }
      : { kind: "stale-code", message: `parameter "${name}" of the example is not shown` });
  }
  return issues;
}

function describeWrongTarget(call: ParsedCall, named: Endpoint | null, endpoint: Endpoint): CallIssue {
  const written = call.kind === "sdk" ? [call.client, ...call.path].join(".") : `${call.method.toUpperCase()} ${call.path}`;
  const kind: DriftKind = call.kind === "sdk" ? "unknown-method" : "unknown-endpoint";
  if (named === null) return { kind, message: `${written}: no such ${call.kind === "sdk" ? "method" : "endpoint"} (expected ${endpoint.id})` };
  return { kind, message: `${written} is ${named.id}, not ${endpoint.id}` };
}

function describeValue(name: string, value: unknown, schema: FlatSchema | null, want: unknown): CallIssue {
  const problem = schema ? checkValue(value, schema, name) : null;
  if (problem) return { kind: "wrong-type", message: problem };
  return { kind: "wrong-value", message: `"${name}" is ${JSON.stringify(value)}, the example has ${JSON.stringify(want)}` };
}

/** Parameter name → schema (null: no typed schema, e.g. HTTP text values); body variants count as parameters. */
function parameterSchemas(endpoint: Endpoint, call: ParsedCall): Map<string, FlatSchema | null> {
  const schemas = new Map<string, FlatSchema | null>();
  const body = endpoint.requestBody;
  for (const variant of body && !body.isObject ? body.schema.variants : []) for (const p of variant.properties) schemas.set(p.name, p.schema);
  for (const p of endpoint.parameters) {
    const textual = call.kind === "http" && p.location !== "body";
    schemas.set(p.name, textual ? null : p.schema);
  }
  if (call.kind === "http" && body && !body.isObject) schemas.set("body", body.schema);
  return schemas;
}

/** The first way `value` breaks `schema` (type, enum, items, properties), or null when it fits. */
export function checkValue(value: unknown, schema: FlatSchema, at: string): string | null {
  if (schema.type === "any") return null;
  if (value === null) return schema.nullable || schema.type === "null" ? null : `"${at}" is null, expected ${schema.type}`;
  if (schema.variants.length > 0 && schema.variants.some((v) => checkValue(value, v, at) === null)) return null;
  const got = typeOf(value);
  const fits = got === schema.type || (schema.type === "number" && got === "integer");
  if (!fits && schema.variants.length === 0) return `"${at}" is ${describeType(got)} ${short(value)}, expected ${describeType(schema.type)}`;
  if (!fits) return `"${at}" is ${describeType(got)} ${short(value)}, which fits none of its variants`;
  if (schema.enum && !schema.enum.some((e) => e === value)) return `"${at}" is ${short(value)}, not one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`;
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      const problem = checkValue(item, schema.items, `${at}[${i}]`);
      if (problem) return problem;
    }
  }
  if (isRecord(value)) {
    for (const p of schema.properties) {
      const problem = p.name in value ? checkValue(value[p.name], p.schema, `${at}.${p.name}`) : null;
      if (problem) return problem;
    }
  }
  return null;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function describeType(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
