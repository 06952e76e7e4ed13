// Model → the client facade's template context: every name, type string and flag is computed here.
import { UserError } from "../../errors.js";
import type { Api, Endpoint } from "../../model/types.js";
import { buildCredentials, expandAuthMethod, type CredentialView } from "./auth.js";

export interface MethodView {
  name: string;
  doc: string[];
  /** The endpoint id as a string literal (key of the ENDPOINTS table). */
  key: string;
  paramsType: string;
  paramsOptional: boolean;
  resultType: string;
}

export interface NamespaceView {
  className: string;
  children: { prop: string; className: string }[];
  methods: MethodView[];
}

export interface PaginatedView {
  key: string;
  paramsType: string;
  itemType: string;
}

export interface ClientView {
  className: string;
  errorClassName: string;
  optionsTypeName: string;
  credentials: CredentialView[];
  root: NamespaceView;
  namespaces: NamespaceView[];
  paginated: PaginatedView[];
  hasPagination: boolean;
  errorBodyType: string;
  /** TypeScript source of the endpoint table and the client config (JSON-shaped, printed once). */
  endpointsLiteral: string;
  configLiteral: string;
}

/** Header names that carry a request id in common APIs, plus `<client>-request-id`. */
function requestIdHeaders(api: Api): string[] {
  return ["x-request-id", "request-id", `${api.clientName.kebab}-request-id`];
}

/** What the facade needs from one endpoint (JSON-safe: it is the endpoint's cached fragment). */
export interface ClientEndpointView {
  /** Namespace segments (camel). */
  namespace: string[];
  method: MethodView;
  paginated: PaginatedView | null;
  /** Named schemas of its documented error bodies. */
  errorRefNames: string[];
  /** Its line of the ENDPOINTS table. */
  endpointLine: string;
  /** Its auth methods with implied schemes. */
  authMethods: string[][];
  /** Callable without credentials. */
  anonymous: boolean;
}

export function buildClientView(api: Api): ClientView {
  return assembleClientView(api, api.endpoints.map((e) => buildClientEndpointView(api, e)));
}

export function buildClientEndpointView(api: Api, e: Endpoint): ClientEndpointView {
  const pagination = paginationOf(e);
  return {
    namespace: e.sdk.namespace.map((n) => n.camel),
    method: methodView(e, api),
    paginated: pagination ? paginatedView(e, api) : null,
    errorRefNames: e.responses.flatMap((r) => (r.isError && r.schema?.refName ? [r.schema.refName] : [])),
    endpointLine: endpointLine(e, api),
    authMethods: e.authMethods.map((m) => expandAuthMethod(m, api)),
    anonymous: e.authMethods.length === 0 || e.authMethods.some((m) => m.schemeIds.length === 0),
  };
}

/** The facade from API-level data and every endpoint's view (in endpoint order). */
export function assembleClientView(api: Api, endpoints: readonly ClientEndpointView[]): ClientView {
  const className = `${api.clientName.pascal}Client`;
  const credentials = buildCredentials(api);
  const tree = buildNamespaces(endpoints, className);
  const paginated = endpoints.flatMap((e) => (e.paginated ? [e.paginated] : []));
  return {
    className,
    errorClassName: `${api.clientName.pascal}Error`,
    optionsTypeName: `${className}Options`,
    credentials,
    root: tree.root,
    namespaces: tree.namespaces,
    paginated,
    hasPagination: paginated.length > 0,
    errorBodyType: errorBodyType(endpoints),
    endpointsLiteral: `{\n${endpoints.map((e) => e.endpointLine).join("\n")}\n}`,
    configLiteral: configLiteral(api, credentials, endpoints),
  };
}

function buildNamespaces(
  endpoints: readonly ClientEndpointView[],
  rootClass: string,
): { root: NamespaceView; namespaces: NamespaceView[] } {
  const byKey = new Map<string, NamespaceView>();
  const root: NamespaceView = { className: rootClass, children: [], methods: [] };
  byKey.set("", root);
  const ensure = (segments: readonly string[]): NamespaceView => {
    const key = segments.join("/");
    const found = byKey.get(key);
    if (found) return found;
    const parent = ensure(segments.slice(0, -1));
    const view: NamespaceView = { className: `${segments.map(pascal).join("")}Resource`, children: [], methods: [] };
    parent.children.push({ prop: segments[segments.length - 1] as string, className: view.className });
    byKey.set(key, view);
    return view;
  };
  for (const endpoint of endpoints) ensure(endpoint.namespace).methods.push(endpoint.method);
  assertNoCollisions(byKey);
  return { root, namespaces: [...byKey.values()].filter((v) => v !== root) };
}

function assertNoCollisions(byKey: Map<string, NamespaceView>): void {
  const classes = new Set<string>();
  for (const [key, ns] of byKey) {
    if (classes.has(ns.className)) throw new UserError(`client: two namespaces map to the class ${ns.className}`);
    classes.add(ns.className);
    const names = [...ns.children.map((c) => c.prop), ...ns.methods.map((m) => m.name)];
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new UserError(`client: "${dup}" is defined twice in namespace "${key || "(root)"}"`);
  }
}

function methodView(e: Endpoint, api: Api): MethodView {
  const op = opType(e);
  const flat = bodyMode(e, api) === "flat";
  let paramsType = flat ? `FlatParamsOf<${op}>` : `ParamsOf<${op}>`;
  if (e.requestBody && !flat) paramsType += ` & { body${e.requestBody.required ? "" : "?"}: BodyOf<${op}> }`;
  return {
    name: e.sdk.method.camel,
    doc: docLines(e),
    key: JSON.stringify(e.id),
    paramsType,
    paramsOptional: !e.hasRequiredParameters && (flat || !e.requestBody?.required),
    resultType: resultType(e),
  };
}

function opType(e: Endpoint): string {
  return `paths[${JSON.stringify(e.path)}][${JSON.stringify(e.preferredMethod)}]`;
}

function resultType(e: Endpoint): string {
  const success = e.successResponse;
  if (e.isVoid || !success) return "void";
  const status = /^\d+$/.test(success.status) ? success.status : JSON.stringify(success.status);
  const body = `ResultOf<${opType(e)}, ${status}>`;
  return success.responseKey ? `${body}[${JSON.stringify(success.responseKey)}]` : body;
}

function docLines(e: Endpoint): string[] {
  const clean = (s: string) => s.replace(/\*\//g, "*\\/");
  const lines = [clean(e.title)];
  const first = e.description.split(/\n\s*\n/)[0]?.replace(/\s+/g, " ").trim() ?? "";
  if (first && first !== e.title) lines.push("", clean(first));
  lines.push("", `\`${e.preferredMethod.toUpperCase()} ${e.path}\``);
  if (e.flags.deprecated) lines.push(`@deprecated ${clean(e.flags.deprecationMessage)}`.trimEnd());
  return lines;
}

function bodyMode(e: Endpoint, api: Api): "flat" | "key" | "none" {
  if (!e.requestBody) return "none";
  return api.hasSdk && e.requestBody.isObject ? "flat" : "key";
}

/** Seam-style cursor pagination: `pagination.next_page_cursor` in the result, `page_cursor` in the request. */
export function paginationOf(e: Endpoint): { cursorParam: string; nextCursor: string[] } | null {
  const schema = e.successResponse?.schema;
  const key = e.successResponse?.responseKey;
  if (!schema || !key || schema.properties.find((p) => p.name === key)?.schema.type !== "array") return null;
  const page = schema.properties.find((p) => p.name === "pagination")?.schema;
  if (!page?.properties.some((p) => p.name === "next_page_cursor")) return null;
  if (!e.parameters.some((p) => p.name === "page_cursor")) return null;
  return { cursorParam: "page_cursor", nextCursor: ["pagination", "next_page_cursor"] };
}

function paginatedView(e: Endpoint, api: Api): PaginatedView {
  const m = methodView(e, api);
  return { key: m.key, paramsType: m.paramsType, itemType: `${m.resultType}[number]` };
}

/** The union of documented error bodies that are named schemas (seed 002's `error`/`description`/`fieldErrors`). */
function errorBodyType(endpoints: readonly ClientEndpointView[]): string {
  const names = new Set(endpoints.flatMap((e) => e.errorRefNames));
  if (names.size === 0) return "unknown";
  return [...names].sort().map((n) => `components["schemas"][${JSON.stringify(n)}]`).join(" | ");
}

function endpointLine(e: Endpoint, api: Api): string {
  const names = (loc: string) => e.parameters.filter((p) => p.location === loc).map((p) => p.name);
  const spec: Record<string, unknown> = {
    method: e.preferredMethod,
    path: e.path,
    auth: e.authMethods.map((m) => expandAuthMethod(m, api)),
    pathParams: names("path"),
    queryParams: names("query"),
    headerParams: names("header"),
    cookieParams: names("cookie"),
    body: bodyMode(e, api),
    result: e.isVoid || !e.successResponse ? "void" : (e.successResponse.responseKey ?? "body"),
  };
  const pagination = paginationOf(e);
  if (pagination) spec["pagination"] = pagination;
  return `  ${JSON.stringify(e.id)}: ${JSON.stringify(spec)},`;
}

function configLiteral(api: Api, credentials: CredentialView[], endpoints: readonly ClientEndpointView[]): string {
  const schemes = Object.fromEntries(credentials.map((c) => [c.schemeId, { option: c.option, kind: c.kind, name: c.name }]));
  const methods = new Map<string, string[]>();
  for (const e of endpoints) for (const ids of e.authMethods) methods.set(ids.join("+"), ids);
  // An endpoint without auth means the client may be built without credentials.
  const anonymous = endpoints.some((e) => e.anonymous);
  const config = {
    clientName: `${api.clientName.pascal}Client`,
    defaultBaseUrl: api.servers[0]?.url ?? "",
    schemes,
    authMethods: [...methods.values()],
    anonymous,
    requestIdHeaders: requestIdHeaders(api),
  };
  const lines = Object.entries(config).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${lines.join("\n")}\n}`;
}

function pascal(camel: string): string {
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}
