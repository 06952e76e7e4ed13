// Ruby Net::HTTP: a request object with headers set one by one, the body generated from a Ruby value.
import { call, fromJson, printNode } from "./layout.js";
import { quoteRuby } from "./quote.js";
import { rubySyntax } from "./syntaxes.js";
import { isEnvValue, type HeaderValue, type HttpRequestInput, type HttpSnippetLanguage } from "./types.js";
import { buildUrl, listSentHeaders } from "./url.js";

export const netHttp: HttpSnippetLanguage = {
  id: "net_http",
  title: "Ruby (Net::HTTP)",
  fence: "ruby",
  request: printNetHttp,
};

export function printNetHttp(input: HttpRequestInput): string {
  const hasBody = input.body !== undefined;
  const lines = [...(hasBody ? ['require "json"'] : []), 'require "net/http"', "", `uri = URI(${quoteRuby(buildUrl(input))})`];
  lines.push(`request = Net::HTTP::${requestClass(input.method)}.new(uri)`);
  for (const h of listSentHeaders(input)) lines.push(`request[${quoteRuby(h.name)}] = ${rubyHeaderValue(h.value)}`);
  if (hasBody) {
    const prefix = "request.body = ";
    lines.push(prefix + printNode(call("JSON.generate", fromJson(input.body)), rubySyntax, { column: prefix.length }));
  }
  lines.push(
    "",
    "http = Net::HTTP.new(uri.host, uri.port)",
    'http.use_ssl = uri.scheme == "https"',
    "response = http.request(request)",
    "puts response.code, response.body",
    "",
  );
  return lines.join("\n");
}

/** `DELETE` → `Delete`: Net::HTTP names a class after each method. */
function requestClass(method: string): string {
  const lower = method.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function rubyHeaderValue(value: HeaderValue): string {
  if (!isEnvValue(value)) return quoteRuby(value);
  return `${quoteRuby(value.prefix)} + ENV.fetch(${quoteRuby(value.env)})`;
}
