// The raw HTTP request every raw-HTTP snippet language prints: plain strings and JSON, no model types.

/** A value read from an environment variable at run time (auth secrets), printed as code, never as a literal. */
export interface EnvValue {
  /** Literal text before the variable's value, e.g. `Bearer `. */
  prefix: string;
  /** Environment variable name, `[A-Z_][A-Z0-9_]*`. */
  env: string;
}

export type HeaderValue = string | EnvValue;

export interface HttpField {
  name: string;
  value: string;
}

export interface HttpHeader {
  name: string;
  value: HeaderValue;
}

export interface HttpRequestInput {
  /** Base URL without a trailing slash, e.g. `https://api.example.com`. */
  serverUrl: string;
  /** Upper-case method, e.g. `DELETE`. */
  method: string;
  /** The path template with `{param}` placeholders, e.g. `/api/v1/groups/{groupDisplayName}`. */
  path: string;
  /** Path parameter values (raw; printers percent-encode them into the URL). */
  pathParams: readonly HttpField[];
  /** Query pairs in order; a name may repeat (exploded arrays). */
  query: readonly HttpField[];
  /** Headers in order, auth first; `Content-Type` is added by printers when there is a body. */
  headers: readonly HttpHeader[];
  cookies: readonly HttpField[];
  /** Any JSON value, or undefined for no body. */
  body: unknown;
  /** Media type of the body, e.g. `application/json`. */
  mediaType: string;
}

export interface HttpSnippetLanguage {
  id: string;
  title: string;
  /** Markdown code fence info string, e.g. `shell`, `python`. */
  fence: string;
  request(input: HttpRequestInput): string;
}

export function isEnvValue(value: HeaderValue): value is EnvValue {
  return typeof value !== "string";
}
