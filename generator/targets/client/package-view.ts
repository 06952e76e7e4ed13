// package.json and README context: package name/version from `x-package-name`/`x-package-version` or the API.
import type { Api, Endpoint } from "../../model/types.js";
import type { ClientView } from "./view.js";

/** Versions the generated package declares (the ones specsmith is tested with). */
export const OPENAPI_FETCH_RANGE = "^0.17.0";
export const TYPESCRIPT_RANGE = "^5.9.3";

export interface PackageView {
  name: string;
  version: string;
  description: string;
  openapiFetchVersion: string;
  typescriptVersion: string;
}

export function buildPackageView(api: Api): PackageView {
  const name = api.extensions["x-package-name"];
  const version = api.extensions["x-package-version"];
  return {
    name: typeof name === "string" ? name : `${api.clientName.kebab}-client`,
    version: typeof version === "string" ? version : /^\d+\.\d+\.\d+/.test(api.version) ? api.version : "0.0.0",
    description: `Typed TypeScript client for ${api.title}`,
    openapiFetchVersion: OPENAPI_FETCH_RANGE,
    typescriptVersion: TYPESCRIPT_RANGE,
  };
}

export interface ReadmeView {
  pkg: PackageView;
  title: string;
  version: string;
  className: string;
  errorClassName: string;
  variable: string;
  baseUrl: string;
  credentials: ClientView["credentials"];
  credentialExample: string;
  usage: { title: string; call: string } | null;
}

/** An endpoint's usage example for the README; `withParams` when its example has a request (preferred). */
export interface UsageView {
  title: string;
  call: string;
  withParams: boolean;
}

/** The README's usage: the first endpoint whose example has a request, else the first endpoint. */
export function pickUsage(usages: readonly UsageView[]): { title: string; call: string } | null {
  const chosen = usages.find((u) => u.withParams) ?? usages[0];
  return chosen ? { title: chosen.title, call: chosen.call } : null;
}

export function buildReadmeView(
  api: Api,
  client: ClientView,
  pkg: PackageView,
  usages: readonly UsageView[] = api.endpoints.map((e) => buildUsageView(e, api.hasSdk)),
): ReadmeView {
  const first = client.credentials[0];
  return {
    pkg,
    title: api.title,
    version: api.version,
    className: client.className,
    errorClassName: client.errorClassName,
    variable: api.clientName.camel,
    baseUrl: api.servers[0]?.url ?? "",
    credentials: client.credentials,
    credentialExample: first ? `${first.option}: process.env[${JSON.stringify(envName(api, first.option))}]` : "",
    usage: pickUsage(usages),
  };
}

function envName(api: Api, option: string): string {
  return `${api.clientName.snake}_${option.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

/** The endpoint's first documented example with a request (else its first), printed as a call of the facade. */
export function buildUsageView(endpoint: Endpoint, rpc: boolean): UsageView {
  const withParams = endpoint.examples.find((x) => x.request.parameters.length > 0);
  const example = withParams ?? endpoint.examples[0];
  const params = example ? callParams(endpoint, example, rpc) : {};
  const path = [...endpoint.sdk.namespace.map((n) => n.camel), endpoint.sdk.method.camel].join(".");
  // Identifier keys unquoted, as a person would write the call.
  const args = Object.keys(params).length > 0 ? JSON.stringify(params, null, 2).replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, "$1$2:") : "";
  return { title: example?.title ?? endpoint.title, call: `${path}(${args})`, withParams: withParams !== undefined };
}

function callParams(endpoint: Endpoint, example: Endpoint["examples"][number], rpc: boolean): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of example.request.parameters) if (p.location !== "body" || rpc) params[p.name] = p.value;
  const flat = rpc && endpoint.requestBody?.isObject;
  if (!flat && example.request.body !== undefined && endpoint.requestBody) params["body"] = example.request.body;
  return params;
}
