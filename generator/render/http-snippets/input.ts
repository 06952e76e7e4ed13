// Model → HttpRequestInput: example values by location, plus auth placeholders from the endpoint's first auth method.
import { splitWords } from "../../model/casing.js";
import type { Api, AuthScheme, Endpoint, Example } from "../../model/types.js";
import type { HttpField, HttpHeader, HttpRequestInput } from "./types.js";

/** Used when the API lists no server. */
export const DEFAULT_SERVER_URL = "https://api.example.com";

/**
 * Placeholder rule (auth values are never taken from examples):
 * - http bearer/basic/other, oauth2, openIdConnect → header `Authorization: <Scheme> $ENV`, where ENV is the scheme id
 *   in UPPER_SNAKE case (`bearerAuth` → `BEARER_AUTH`) and snippets read it from the environment;
 * - apiKey in header/query/cookie → the literal value `<name>` (e.g. `<PHPSESSID>`) under the key's name;
 * - mutualTLS and unknown schemes add nothing.
 */
export function buildHttpRequestInput(api: Api, endpoint: Endpoint, example?: Example): HttpRequestInput {
  const values = example?.request.parameters ?? [];
  const pick = (location: string): HttpField[] =>
    values.filter((v) => v.location === location).flatMap((v) => toFields(v.name, v.value, location === "query"));
  const auth = buildAuth(api, endpoint);
  return {
    serverUrl: (api.servers[0]?.url || DEFAULT_SERVER_URL).replace(/\/+$/, ""),
    method: endpoint.preferredMethod.toUpperCase(),
    path: endpoint.path,
    pathParams: pick("path"),
    query: [...auth.query, ...pick("query")],
    headers: [...auth.headers, ...pick("header")],
    cookies: [...auth.cookies, ...pick("cookie")],
    body: example?.request.body ?? (endpoint.requestBody?.isObject && endpoint.requestBody.required ? {} : undefined),
    mediaType: endpoint.requestBody?.mediaType ?? "application/json",
  };
}

/** Scalars as text; arrays in the query repeat the name (OpenAPI's default `form` + `explode`); anything else as JSON. */
function toFields(name: string, value: unknown, explode: boolean): HttpField[] {
  if (explode && Array.isArray(value)) return value.flatMap((v) => toFields(name, v, false));
  return [{ name, value: typeof value === "string" ? value : JSON.stringify(value) ?? "" }];
}

interface AuthParts {
  headers: HttpHeader[];
  query: HttpField[];
  cookies: HttpField[];
}

function buildAuth(api: Api, endpoint: Endpoint): AuthParts {
  const parts: AuthParts = { headers: [], query: [], cookies: [] };
  const method = endpoint.authMethods[0];
  for (const id of method?.schemeIds ?? []) {
    const scheme = api.authSchemes.find((s) => s.id === id);
    if (scheme) addAuth(parts, scheme);
  }
  return parts;
}

function addAuth(parts: AuthParts, scheme: AuthScheme): void {
  if (scheme.type === "apiKey" && scheme.name) {
    const field = { name: scheme.name, value: `<${scheme.name}>` };
    if (scheme.in === "query") parts.query.push(field);
    else if (scheme.in === "cookie") parts.cookies.push(field);
    else parts.headers.push({ name: scheme.name, value: field.value });
    return;
  }
  if (scheme.type === "http" || scheme.type === "oauth2" || scheme.type === "openIdConnect") {
    const word = scheme.type === "http" && scheme.scheme ? scheme.scheme : "bearer";
    const prefix = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() + " ";
    parts.headers.push({ name: "Authorization", value: { prefix, env: toEnvName(scheme.id) } });
  }
}

/** `bearerAuth` → `BEARER_AUTH`; a name that would start with a digit gets a leading `_`. */
export function toEnvName(id: string): string {
  const name = splitWords(id).join("_").toUpperCase() || "TOKEN";
  return /^[0-9]/.test(name) ? "_" + name : name;
}
