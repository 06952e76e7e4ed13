// PHP curl: one curl_setopt_array call; the body is a PHP value passed through json_encode.
import { call, fromJson, printNode, raw, str, type Entry, type Node } from "./layout.js";
import { quotePhp } from "./quote.js";
import { phpSyntax } from "./syntaxes.js";
import { isEnvValue, type HeaderValue, type HttpRequestInput, type HttpSnippetLanguage } from "./types.js";
import { buildUrl, listSentHeaders } from "./url.js";

export const phpCurl: HttpSnippetLanguage = {
  id: "php_curl",
  title: "PHP (curl)",
  fence: "php",
  request: printPhpCurl,
};

export function printPhpCurl(input: HttpRequestInput): string {
  const options: Entry[] = [
    { key: { raw: "CURLOPT_URL" }, value: str(buildUrl(input)) },
    { key: { raw: "CURLOPT_CUSTOMREQUEST" }, value: str(input.method) },
  ];
  const headers = listSentHeaders(input);
  if (headers.length > 0) {
    options.push({ key: { raw: "CURLOPT_HTTPHEADER" }, value: { kind: "array", items: headers.map((h) => phpHeader(h.name, h.value)) } });
  }
  if (input.body !== undefined) {
    options.push({ key: { raw: "CURLOPT_POSTFIELDS" }, value: call("json_encode", fromJson(input.body)) });
  }
  options.push({ key: { raw: "CURLOPT_RETURNTRANSFER" }, value: raw("true") });
  const setopt = printNode(call("curl_setopt_array", raw("$curl"), { kind: "object", entries: options }), phpSyntax, { reserve: 1 });
  return ["<?php", "", "$curl = curl_init();", setopt + ";", "$response = curl_exec($curl);", "curl_close($curl);", "", "echo $response;", ""].join("\n");
}

function phpHeader(name: string, value: HeaderValue): Node {
  if (!isEnvValue(value)) return str(`${name}: ${value}`);
  return raw(`${quotePhp(`${name}: ${value.prefix}`)} . getenv(${quotePhp(value.env)})`);
}
