// Python requests: query, headers and cookies as keyword dicts (requests encodes them), the body as `json=`.
import { call, fromJson, printNode, raw, str, type Arg, type Entry, type Node } from "./layout.js";
import { quotePython } from "./quote.js";
import { pythonSyntax } from "./syntaxes.js";
import { isEnvValue, type HeaderValue, type HttpField, type HttpRequestInput, type HttpSnippetLanguage } from "./types.js";
import { buildUrl, listSentHeaders } from "./url.js";

const HELPERS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

export const requestsPy: HttpSnippetLanguage = {
  id: "requests",
  title: "Python (requests)",
  fence: "python",
  request: printRequests,
};

export function printRequests(input: HttpRequestInput): string {
  const args: Arg[] = [{ value: str(buildUrl(input, { withQuery: false })) }];
  if (input.query.length > 0) args.push({ name: "params", value: pairsNode(input.query) });
  // requests sets Content-Type itself for `json=`; cookies go through `cookies=`.
  const headers = listSentHeaders({ ...input, cookies: [], body: isJson(input) ? undefined : input.body });
  if (headers.length > 0) {
    const entries = headers.map((h): Entry => ({ key: h.name, value: pythonHeaderValue(h.value) }));
    args.push({ name: "headers", value: { kind: "object", entries } });
  }
  if (input.cookies.length > 0) args.push({ name: "cookies", value: pairsNode(input.cookies) });
  if (input.body !== undefined) args.push(bodyArg(input));
  const method = input.method.toUpperCase();
  const callee = HELPERS.has(method) ? `requests.${method.toLowerCase()}` : "requests.request";
  if (callee === "requests.request") args.unshift({ value: str(method) });
  const usesEnv = input.headers.some((h) => isEnvValue(h.value));
  const imports = usesEnv ? ["import os", "", "import requests"] : ["import requests"];
  const statement = "response = " + printNode(call(callee, ...args), pythonSyntax, { column: 11 });
  return [...imports, "", statement, "print(response.status_code, response.text)", ""].join("\n");
}

/** A dict, or a list of pairs when a name repeats (exploded query arrays). */
function pairsNode(fields: readonly HttpField[]): Node {
  const names = new Set(fields.map((f) => f.name));
  if (names.size === fields.length) {
    return { kind: "object", entries: fields.map((f) => ({ key: f.name, value: str(f.value) })) };
  }
  return { kind: "array", items: fields.map((f) => raw(`(${quotePython(f.name)}, ${quotePython(f.value)})`)) };
}

/** JSON bodies go through `json=`; other media types send the JSON text as `data=` with the header already set. */
function bodyArg(input: HttpRequestInput): Arg {
  if (isJson(input)) return { name: "json", value: fromJson(input.body) };
  return { name: "data", value: str(JSON.stringify(input.body)) };
}

function pythonHeaderValue(value: HeaderValue): Node {
  if (!isEnvValue(value)) return str(value);
  return raw(`${quotePython(value.prefix)} + os.environ[${quotePython(value.env)}]`);
}

function isJson(input: HttpRequestInput): boolean {
  return /^application\/json\s*(;|$)/i.test(input.mediaType);
}
