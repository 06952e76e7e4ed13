// Raw HTTP snippets for APIs with no SDK: one printer per language, all reading the same HttpRequestInput.
import { curl } from "./curl.js";
import { fetchJs } from "./fetch.js";
import { netHttp } from "./net-http.js";
import { phpCurl } from "./php-curl.js";
import { requestsPy } from "./requests.js";
import type { HttpSnippetLanguage } from "./types.js";

export const httpSnippetLanguages = {
  curl,
  fetch: fetchJs,
  requests: requestsPy,
  net_http: netHttp,
  php_curl: phpCurl,
} satisfies Record<string, HttpSnippetLanguage>;

export type HttpSnippetLanguageId = keyof typeof httpSnippetLanguages;

export { buildHttpRequestInput, toEnvName, DEFAULT_SERVER_URL } from "./input.js";
export { buildUrl, buildCookieHeader, encodeCookieValue } from "./url.js";
export { quoteJs, quoteJson, quotePhp, quotePython, quoteRuby, quoteShell } from "./quote.js";
export type * from "./types.js";
