// Checks one fixture against the operation's own schemas, read from the loaded spec documents (not from the model):
// parameters, request body and the response body of its status, each validated by ajv (+ ajv-formats, 3.0 nullable).
import type { LoadedSpec } from "../../generator/load/index.js";
import { SchemaValidator } from "../../generator/load/schema-validator.js";
import type { Endpoint } from "../../generator/model/types.js";
import type { Fixture } from "../../generator/targets/fixtures/types.js";

export type FixturePart = "request.parameters" | "request.body" | "response.body";

export interface FixtureProblem {
  part: FixturePart;
  message: string;
}

export interface FixtureChecker {
  check(endpoint: Endpoint, fixture: Fixture): FixtureProblem[];
}

export function createFixtureChecker(spec: LoadedSpec): FixtureChecker {
  const validator = new SchemaValidator(spec.resolve);
  const files = new Map(spec.endpoints.map((f) => [f.rel, f]));
  const deref = (rel: string, node: any): any => (node && typeof node.$ref === "string" ? spec.resolve(rel, node.$ref).value : node);
  const validate = (rel: string, schema: unknown, value: unknown): string[] =>
    validator.validate(schema, rel, value).map((e) => `${e.instancePath || "/"} ${e.message}`);

  return {
    check(endpoint, fixture) {
      const file = files.get(endpoint.source.file);
      if (!file) return [{ part: "request.parameters", message: `no spec file ${endpoint.source.file}` }];
      const item = file.doc.paths[endpoint.path];
      const op = item[fixture.request.method.toLowerCase()];
      if (!op) return [{ part: "request.parameters", message: `no ${fixture.request.method} operation` }];
      const problems: FixtureProblem[] = [];
      const add = (part: FixturePart, messages: string[]) => messages.forEach((message) => problems.push({ part, message }));
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => deref(file.rel, p));
      for (const p of params) add("request.parameters", checkParameter(p, fixture, (s, v) => validate(file.rel, s, v), (s) => deref(file.rel, s)));
      add("request.body", checkRequestBody(deref(file.rel, op.requestBody), fixture, (s, v) => validate(file.rel, s, v)));
      add("response.body", checkResponse(op.responses ?? {}, fixture, (s, v) => validate(file.rel, s, v), (r) => deref(file.rel, r)));
      return problems;
    },
  };
}

type Validate = (schema: unknown, value: unknown) => string[];

function checkParameter(p: any, fixture: Fixture, validate: Validate, deref: (s: unknown) => any): string[] {
  const raw = readParameter(p, fixture);
  if (raw === undefined) return p.required ? [`missing required ${p.in} parameter ${p.name}`] : [];
  const schema = deref(p.schema);
  return validate(p.schema, coerce(raw, schema, deref)).map((m) => `${p.in} ${p.name}: ${m}`);
}

/** The value as sent (strings), found where the parameter's location puts it. */
function readParameter(p: any, fixture: Fixture): string | string[] | undefined {
  const { request } = fixture;
  if (p.in === "query") return request.query[p.name];
  const header = (name: string) => Object.entries(request.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (p.in === "header") return header(p.name);
  if (p.in === "cookie") {
    const pair = (header("cookie") ?? "").split("; ").find((c) => c.startsWith(`${p.name}=`));
    return pair === undefined ? undefined : decodeURIComponent(pair.slice(p.name.length + 1));
  }
  if (p.in === "path") return readPathParameter(request.pathTemplate, request.path, p.name);
  return undefined;
}

function readPathParameter(template: string, path: string, name: string): string | undefined {
  const want = template.split("/");
  const got = path.split("/");
  for (let i = 0; i < want.length; i++) {
    if (want[i] === `{${name}}`) return got[i] === undefined ? undefined : decodeURIComponent(got[i]!);
  }
  return undefined;
}

/** Query/path/header text → the typed value its schema describes (what a server's parameter parser does). */
function coerce(raw: string | string[], schema: any, deref: (s: unknown) => any): unknown {
  const type = schema?.type;
  if (type === "array") return (Array.isArray(raw) ? raw : [raw]).map((v) => coerce(v, deref(schema.items), deref));
  if (Array.isArray(raw)) return raw;
  if (type === "string" || type === undefined) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function checkRequestBody(body: any, fixture: Fixture, validate: Validate): string[] {
  const has = "body" in fixture.request;
  if (!body) return has ? ["request has a body, the operation takes none"] : [];
  const media = fixture.request.headers["Content-Type"] ?? Object.keys(body.content ?? {})[0];
  if (!has) {
    // An absent body reads as `{}` on the server side; fine only when optional and `{}` is valid.
    const schema = media ? body.content?.[media]?.schema : undefined;
    return body.required || (schema && validate(schema, {}).length > 0) ? ["required request body missing"] : [];
  }
  const content = media ? body.content?.[media] : undefined;
  if (!content) return [`request Content-Type ${media} is not documented`];
  return content.schema ? validate(content.schema, fixture.request.body) : [];
}

function checkResponse(responses: Record<string, any>, fixture: Fixture, validate: Validate, deref: (r: unknown) => any): string[] {
  const status = String(fixture.response.status);
  const response = deref(responses[status] ?? responses[`${status[0]}XX`] ?? responses["default"]);
  if (!response) return [`status ${status} is not documented`];
  const mediaTypes = Object.keys(response.content ?? {});
  const { body, headers } = fixture.response;
  if (mediaTypes.length === 0) return body === null ? [] : [`status ${status} documents no body, the fixture has one`];
  const media = headers["Content-Type"];
  const first = response.content[mediaTypes[0]!];
  if (body === null) return first.schema && validate(first.schema, null).length > 0 ? [`status ${status} documents a body, the fixture has none`] : [];
  const content = media ? response.content[media] : undefined;
  if (!content) return [`response Content-Type ${media} is not documented for ${status}`];
  return content.schema ? validate(content.schema, body) : [];
}
