// curl: one option per line, every word single-quoted except env-read secrets, which double quotes expand.
import { printNode, fromJson } from "./layout.js";
import { quoteShell } from "./quote.js";
import { jsonSyntax } from "./syntaxes.js";
import { isEnvValue, type HeaderValue, type HttpRequestInput, type HttpSnippetLanguage } from "./types.js";
import { buildUrl, listSentHeaders } from "./url.js";

const SAFE_IN_DOUBLE_QUOTES = /^[A-Za-z0-9 :_.,\/=+-]*$/;

export const curl: HttpSnippetLanguage = {
  id: "curl",
  title: "cURL",
  fence: "shell",
  request: printCurl,
};

export function printCurl(input: HttpRequestInput): string {
  const first = input.method === "GET" ? "curl" : `curl -X ${input.method}`;
  const lines = [`${first} ${quoteShell(buildUrl(input))}`];
  for (const h of listSentHeaders(input)) lines.push(`  -H ${quoteHeader(h.name, h.value)}`);
  if (input.body !== undefined) {
    // JSON text never starts with `@`, so `-d` cannot be read as a file name.
    const json = printNode(fromJson(input.body), jsonSyntax, { column: 6, reserve: 1 });
    lines.push(`  -d ${quoteShell(json)}`);
  }
  return lines.join(" \\\n") + "\n";
}

/** `'Name: value'`, or `"Name: prefix$VAR"` for a secret read from the environment. */
function quoteHeader(name: string, value: HeaderValue): string {
  if (!isEnvValue(value)) return quoteShell(`${name}: ${value}`);
  const text = `${name}: ${value.prefix}`;
  return SAFE_IN_DOUBLE_QUOTES.test(text) ? `"${text}$${value.env}"` : `${quoteShell(text)}"$${value.env}"`;
}
