// URL and cookie text shared by the printers: values are percent-encoded so any string survives the trip.
import type { HttpField, HttpRequestInput } from "./types.js";

/** Server URL + path with path parameters encoded in, + the encoded query string. Unknown `{params}` stay as written. */
export function buildUrl(input: HttpRequestInput, opts: { withQuery?: boolean } = {}): string {
  const values = new Map(input.pathParams.map((p) => [p.name, p.value]));
  const path = input.path.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = values.get(name);
    return value === undefined ? whole : encodeURIComponent(toWellFormed(value));
  });
  const query = opts.withQuery === false ? "" : buildQueryString(input.query);
  return input.serverUrl + path + query;
}

export function buildQueryString(query: readonly HttpField[]): string {
  if (query.length === 0) return "";
  return "?" + query.map((q) => `${encodeURIComponent(toWellFormed(q.name))}=${encodeURIComponent(toWellFormed(q.value))}`).join("&");
}

/** RFC 6265 cookie-octets pass; anything else (and `%`) is percent-encoded as UTF-8, so decodeURIComponent restores it. */
export function encodeCookieValue(value: string): string {
  let out = "";
  for (const c of toWellFormed(value)) {
    const code = c.codePointAt(0) ?? 0;
    const plain = code >= 0x21 && code <= 0x7e && !'",;\\%'.includes(c);
    out += plain ? c : encodeURIComponent(c).replace(/[!'()*]/g, (x) => "%" + x.charCodeAt(0).toString(16).toUpperCase());
  }
  return out;
}

/** The `Cookie` header value, or undefined when there are no cookies. */
export function buildCookieHeader(cookies: readonly HttpField[]): string | undefined {
  if (cookies.length === 0) return undefined;
  return cookies.map((c) => `${c.name}=${encodeCookieValue(c.value)}`).join("; ");
}

/** Headers as sent: the request's own, then Cookie, then Content-Type when there is a body (unless already given). */
export function listSentHeaders(input: HttpRequestInput): HttpRequestInput["headers"] {
  const headers = [...input.headers];
  const cookie = buildCookieHeader(input.cookies);
  if (cookie !== undefined) headers.push({ name: "Cookie", value: cookie });
  const hasType = headers.some((h) => h.name.toLowerCase() === "content-type");
  if (input.body !== undefined && !hasType) headers.push({ name: "Content-Type", value: input.mediaType });
  return headers;
}

/** Lone surrogates cannot be encoded as UTF-8 (encodeURIComponent throws): they become U+FFFD. */
export function toWellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
