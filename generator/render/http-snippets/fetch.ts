// JavaScript fetch: the options object is one value laid out like prettier would.
import { call, fromJson, printNode, raw, str, type Entry, type Node } from "./layout.js";
import { quoteJs } from "./quote.js";
import { jsSyntax } from "./syntaxes.js";
import { isEnvValue, type HeaderValue, type HttpRequestInput, type HttpSnippetLanguage } from "./types.js";
import { buildUrl, listSentHeaders } from "./url.js";

export const fetchJs: HttpSnippetLanguage = {
  id: "fetch",
  title: "JavaScript (fetch)",
  fence: "javascript",
  request: printFetch,
};

export function printFetch(input: HttpRequestInput): string {
  const options: Entry[] = [{ key: "method", value: str(input.method) }];
  const headers = listSentHeaders(input);
  if (headers.length > 0) {
    const entries = headers.map((h): Entry => ({ key: h.name, value: jsHeaderValue(h.value) }));
    options.push({ key: "headers", value: { kind: "object", entries } });
  }
  if (input.body !== undefined) options.push({ key: "body", value: call("JSON.stringify", fromJson(input.body)) });
  const fetchCall = call("fetch", str(buildUrl(input)), { kind: "object", entries: options });
  const statement = "const response = await " + printNode(fetchCall, jsSyntax, { column: 23, reserve: 1 }) + ";";
  return [statement, "console.log(response.status, await response.text());", ""].join("\n");
}

function jsHeaderValue(value: HeaderValue): Node {
  if (!isEnvValue(value)) return str(value);
  return raw(`${quoteJs(value.prefix)} + process.env.${value.env}`);
}
