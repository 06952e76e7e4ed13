// One endpoint file → Endpoint[] (one per alias group of methods).
import { toPointer } from "../errors.js";
import { buildExamples, declaresExamples } from "./examples.js";
import { buildSdkNaming } from "./naming.js";
import { classifyResponse, isErrorStatus, isSuccessStatus, pickSuccess } from "./response.js";
import { isObject, type SchemaFlattener } from "./schema.js";
import type { SpecEndpointFile, SpecInput } from "./source.js";
import { HTTP_METHODS, type Endpoint, type EndpointFlags, type HttpMethod, type Parameter, type RequestBody, type Response } from "./types.js";

const FROM = Symbol("from");

export interface EndpointContext {
  spec: SpecInput;
  flattener: SchemaFlattener;
}

/** Groups a path's methods: operations naming the same SDK method are aliases of one endpoint; others stand alone. */
export function groupMethods(pathItem: Record<string, unknown>): HttpMethod[][] {
  const methods = Object.keys(pathItem).filter((k): k is HttpMethod => HTTP_METHODS.includes(k as HttpMethod));
  const groups = new Map<string, HttpMethod[]>();
  for (const m of methods) {
    const op = pathItem[m] as Record<string, unknown>;
    const name = op["x-fern-sdk-method-name"];
    const key = typeof name === "string" ? `sdk:${JSON.stringify(op["x-fern-sdk-group-name"] ?? null)}:${name}` : `method:${m}`;
    const group = groups.get(key) ?? [];
    group.push(m);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function buildEndpoints(file: SpecEndpointFile, ctx: EndpointContext): Endpoint[] {
  const pathItem = (file.doc.paths?.[file.path] ?? {}) as Record<string, unknown>;
  const groups = groupMethods(pathItem);
  return groups.map((methods) =>
    buildEndpoint({ file, methods, ctx, id: groups.length === 1 ? file.path : `${methods[0]} ${file.path}` }),
  );
}

interface BuildInput {
  file: SpecEndpointFile;
  methods: HttpMethod[];
  ctx: EndpointContext;
  id: string;
}

function buildEndpoint({ file, methods, ctx, id }: BuildInput): Endpoint {
  const preferred = methods[0] as HttpMethod;
  const pathItem = file.doc.paths[file.path] as Record<string, unknown>;
  const op = pathItem[preferred] as Record<string, any>;
  const base = ["paths", file.path, preferred];
  const sdk = buildSdkNaming({
    path: file.path,
    method: preferred,
    operationId: String(op["operationId"] ?? ""),
    tags: (op["tags"] as string[] | undefined) ?? [],
    groupName: op["x-fern-sdk-group-name"],
    methodName: op["x-fern-sdk-method-name"],
  });
  const endpoint = {
    id,
    path: file.path,
    methods,
    preferredMethod: preferred,
    operationId: String(op["operationId"] ?? ""),
    title: String(op["x-title"] ?? op["summary"] ?? op["operationId"] ?? file.path),
    summary: String(op["summary"] ?? ""),
    description: String(op["description"] ?? ""),
    tags: (op["tags"] as string[] | undefined) ?? [],
    flags: buildFlags(op),
    sdk,
    authMethods: ((op["security"] ?? file.doc.security ?? []) as Record<string, unknown>[]).map((req) => ({
      schemeIds: Object.keys(req),
    })),
    ...LAZY_HEAD,
    routePath: sdk.fromExtensions ? parentPath(file.path) : "/" + sdk.namespace.map((n) => n.snake).join("/"),
    extensions: Object.fromEntries(Object.entries(op).filter(([k]) => k.startsWith("x-"))),
    ...LAZY_TAIL,
    source: { file: file.rel, pointer: toPointer(base) },
  } as Record<string, unknown>;
  operations.set(endpoint, op);
  return withLazyBody(endpoint, (current) => buildBody(file, op, pathItem, base, current), ctx);
}

/** Each endpoint's operation: what can be told from it alone is, without building the body (see hasExamples). */
const operations = new WeakMap<object, Record<string, any>>();

/**
 * Whether the endpoint has examples (`examples.length > 0`), read from its operation while its body is not built:
 * a run that reuses every part then flattens no schema to find out.
 */
export function hasExamples(endpoint: Endpoint): boolean {
  const op = unbuilt.has(endpoint) ? operations.get(endpoint) : undefined;
  return op ? declaresExamples(op) : endpoint.examples.length > 0;
}

/** Endpoints whose body has not been built yet (see withLazyBody), each with what points its builder at a new build. */
const unbuilt = new WeakMap<object, (ctx: EndpointContext) => void>();

/** Whether the endpoint's body (parameters, responses, examples…) has been built. */
export function isBodyBuilt(endpoint: Endpoint): boolean {
  return !unbuilt.has(endpoint);
}

/**
 * A later build that reuses an endpoint whose body is not built yet (its file and every file its `$ref`s reach
 * unchanged, so the body would be the same) has it built against its own spec and flattener when read: the
 * previous build's are not kept alive by it.
 */
export function rebindBody(endpoint: Endpoint, ctx: EndpointContext): void {
  unbuilt.get(endpoint)?.(ctx);
}

/**
 * The body (parameters, schemas, responses, examples) is built on first read: a run that reuses an endpoint's
 * parts never reads it, so an edit of one endpoint does not flatten the schemas of all the others. The builder
 * (which holds the whole spec) is dropped once it has run. The placeholders keep the keys in model/json's order;
 * each becomes a getter in place.
 */
function withLazyBody(endpoint: Record<string, unknown>, build: (ctx: EndpointContext) => EndpointBody, ctx: EndpointContext): Endpoint {
  let bound: EndpointContext | undefined = ctx;
  let body: EndpointBody | undefined;
  const read = (): EndpointBody => {
    if (!body) {
      body = build(bound as EndpointContext);
      bound = undefined;
      unbuilt.delete(endpoint);
    }
    return body;
  };
  for (const key of [...Object.keys(LAZY_HEAD), ...Object.keys(LAZY_TAIL)] as (keyof EndpointBody)[]) {
    Object.defineProperty(endpoint, key, { enumerable: true, configurable: true, get: () => read()[key] });
  }
  unbuilt.set(endpoint, (next) => void (bound = next));
  return endpoint as unknown as Endpoint;
}

type EndpointBody = Pick<
  Endpoint,
  "parameters" | "requestBody" | "responses" | "successResponse" | "examples" | "hasParameters" | "hasRequiredParameters" | "isVoid"
>;

const LAZY_HEAD = { parameters: null, requestBody: null, responses: null, successResponse: null, examples: null };
const LAZY_TAIL = { hasParameters: null, hasRequiredParameters: null, isVoid: null };

function buildBody(
  file: SpecEndpointFile,
  op: Record<string, any>,
  pathItem: Record<string, unknown>,
  base: string[],
  ctx: EndpointContext,
): EndpointBody {
  const parameters = buildParameters(file, op, pathItem, base, ctx);
  const requestBody = buildRequestBody(file, op, ctx);
  if (requestBody?.isObject) parameters.push(...bodyParameters(file, requestBody, base));
  const responses = buildResponses(file, op, ctx);
  const successResponse = pickSuccess(responses);
  const examples = buildExamples({ file, op, base, parameters, successResponse, responses });
  return {
    parameters,
    requestBody,
    responses,
    successResponse,
    examples,
    hasParameters: parameters.length > 0,
    hasRequiredParameters: parameters.some((p) => p.required),
    isVoid: successResponse === null || successResponse.kind === "void",
  };
}

function buildFlags(op: Record<string, unknown>): EndpointFlags {
  const message = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    alpha: op["x-alpha"] !== undefined && op["x-alpha"] !== false,
    alphaMessage: message(op["x-alpha"]),
    draft: op["x-draft"] !== undefined && op["x-draft"] !== false,
    draftMessage: message(op["x-draft"]),
    deprecated: op["deprecated"] === true || (op["x-deprecated"] !== undefined && op["x-deprecated"] !== false),
    deprecationMessage: message(op["x-deprecated"]),
    undocumented: op["x-undocumented"] !== undefined && op["x-undocumented"] !== false,
    undocumentedMessage: message(op["x-undocumented"]),
  };
}

function buildParameters(
  file: SpecEndpointFile,
  op: Record<string, unknown>,
  pathItem: Record<string, unknown>,
  base: string[],
  ctx: EndpointContext,
): Parameter[] {
  const own = (op["parameters"] as unknown[] | undefined) ?? [];
  const shared = (pathItem["parameters"] as unknown[] | undefined) ?? [];
  const result: Parameter[] = [];
  const seen = new Set<string>();
  own.forEach((raw, i) => addParameter(raw, [...base, "parameters", i]));
  shared.forEach((raw, i) => addParameter(raw, ["paths", file.path, "parameters", i]));
  return result;

  function addParameter(raw: unknown, pointer: (string | number)[]): void {
    const p = derefObject(raw, file, ctx);
    const key = `${p["in"]}:${p["name"]}`;
    if (seen.has(key)) return;
    seen.add(key);
    const schema = ctx.flattener.flatten(p["schema"], p[FROM] ?? file.rel);
    result.push({
      name: String(p["name"]),
      location: p["in"] as Parameter["location"],
      required: p["required"] === true,
      description: String(p["description"] ?? schema.description ?? ""),
      deprecated: p["deprecated"] === true || schema.deprecated,
      undocumented: p["x-undocumented"] !== undefined || schema.undocumented,
      schema,
      source: { file: file.rel, pointer: toPointer(pointer) },
    });
  }
}

function buildRequestBody(file: SpecEndpointFile, op: Record<string, unknown>, ctx: EndpointContext): RequestBody | null {
  if (!op["requestBody"]) return null;
  const body = derefObject(op["requestBody"], file, ctx);
  const content = isObject(body["content"]) ? body["content"] : {};
  const mediaType = pickMediaType(Object.keys(content));
  if (mediaType === null) return null;
  const schema = ctx.flattener.flatten((content[mediaType] as Record<string, unknown>)["schema"], body[FROM] ?? file.rel);
  return {
    required: body["required"] === true,
    mediaType,
    description: String(body["description"] ?? ""),
    schema,
    isObject: schema.type === "object" && schema.properties.length > 0,
  };
}

function bodyParameters(file: SpecEndpointFile, body: RequestBody, base: string[]): Parameter[] {
  return body.schema.properties.map((prop) => ({
    name: prop.name,
    location: "body",
    required: prop.required,
    description: prop.schema.description,
    deprecated: prop.schema.deprecated,
    undocumented: prop.schema.undocumented,
    schema: prop.schema,
    source: {
      file: file.rel,
      pointer: toPointer([...base, "requestBody", "content", body.mediaType, "schema", "properties", prop.name]),
    },
  }));
}

function buildResponses(file: SpecEndpointFile, op: Record<string, unknown>, ctx: EndpointContext): Response[] {
  const raw = isObject(op["responses"]) ? op["responses"] : {};
  return Object.entries(raw).map(([status, value]): Response => {
    const res = derefObject(value, file, ctx);
    const content = isObject(res["content"]) ? res["content"] : {};
    const mediaType = pickMediaType(Object.keys(content));
    const schema =
      mediaType === null ? null : ctx.flattener.flatten((content[mediaType] as Record<string, unknown>)["schema"], res[FROM] ?? file.rel);
    const responseKey = "x-response-key" in op ? (op["x-response-key"] as string | null) : undefined;
    const success = isSuccessStatus(status);
    const { kind, resourceType } = success
      ? classifyResponse({ status, schema, responseKey, actionAttemptType: op["x-action-attempt-type"] })
      : { kind: schema === null ? ("void" as const) : ("other" as const), resourceType: schema?.refName ?? null };
    return {
      status,
      description: String(res["description"] ?? ""),
      isSuccess: success,
      isError: isErrorStatus(status),
      mediaType,
      schema,
      kind,
      responseKey: success && typeof responseKey === "string" ? responseKey : null,
      resourceType,
    };
  });
}

/** JSON first, then any `+json`, then whatever comes first. */
export function pickMediaType(types: readonly string[]): string | null {
  return (
    types.find((t) => t === "application/json") ??
    types.find((t) => /[/+]json\b/.test(t)) ??
    types[0] ??
    null
  );
}

/** Follows `$ref`s of a parameter/body/response object; returns it with the file its own refs are relative to. */
function derefObject(value: unknown, file: SpecEndpointFile, ctx: EndpointContext): Record<string, unknown> & { [FROM]?: string } {
  let current = value;
  let from = file.rel;
  for (let i = 0; i < 16 && isObject(current) && typeof current["$ref"] === "string"; i++) {
    const target = ctx.spec.resolve(from, current["$ref"]);
    current = target.value;
    from = target.file.rel;
  }
  return isObject(current) ? { ...current, [FROM]: from } : { [FROM]: from };
}

function parentPath(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}
