// cURL snippets: the request with its JSON body in a heredoc, and the raw response body.
import { printPrettierJson } from "./estree-values.js";
import { type CurlInput, type HttpSnippetLanguage, type OutputInput, isJsonObject } from "./types.js";

/** A heredoc delimiter that no line of the body equals. */
function pickDelimiter(body: string): string {
  const lines = new Set(body.split("\n"));
  let delimiter = "EOF";
  for (let n = 1; lines.has(delimiter); n++) delimiter = `EOF${n}`;
  return delimiter;
}

function quoteDouble(text: string): string {
  return `"${text.replace(/[\\"$`]/g, (c) => "\\" + c)}"`;
}

export function printCurlRequest(input: CurlInput): string {
  const url = quoteDouble(input.serverUrl.replace(/\/$/, "") + input.path);
  // the auth header keeps its `$VARIABLE` so that the shell expands the key
  const lines = [
    `curl --include --request ${input.method.toUpperCase()} ${url}`,
    `  --header "${input.authHeader.replace(/[\\"`]/g, (c) => "\\" + c)}"`,
  ];
  if (input.params.length === 0) return lines.join(" \\\n");
  const body = JSON.stringify(Object.fromEntries(input.params), null, 2);
  const delimiter = pickDelimiter(body);
  // an unquoted delimiter would let the shell expand `$` and backquotes inside the body
  const opener = /[$`\\]/.test(body) ? `'${delimiter}'` : delimiter;
  lines.push(`  --json @- <<${opener}\n${body}\n${delimiter}`);
  return lines.join(" \\\n");
}

/** The HTTP response: the body keeps only the response key (pagination and aliases are not shown). */
export function printCurlOutput(out: OutputInput): string {
  if (out.kind === "void") return "{}";
  if (out.responseKey === null) return printPrettierJson(out.body ?? {});
  const value = isJsonObject(out.body) ? out.body[out.responseKey] : null;
  return printPrettierJson({ [out.responseKey]: value ?? null });
}

export const curlLanguage = {
  id: "curl",
  title: () => "cURL",
  fence: () => "curl",
  request: printCurlRequest,
  output: printCurlOutput,
} satisfies HttpSnippetLanguage;
