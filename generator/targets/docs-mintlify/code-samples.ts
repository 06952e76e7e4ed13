// Mintlify `x-codeSamples`: the request code of a snippet followed by its output, commented the way each language shows a result.
import { isJsonObject, type OutputInput, unwrapResponse } from "../../render/snippets/types.js";

/** One entry of an operation's `x-codeSamples` list. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** How a result is appended under the request code, per snippet language. */
export type OutputWrap =
  | "block-comment" // JavaScript: `/*` … `*/` around the output
  | "response-comment" // cURL: `# Response:` then every line commented
  | "line-comments" // CLI: every line commented
  | "first-line-hash" // Python: `# ` before the first line only
  | "first-line-ruby" // Ruby: `# => ` before the first line only
  | "first-line-slashes"; // PHP: `// ` before the first line only

/** Joins request code and output: a blank line between them, nothing appended when there is no output text. */
export function joinSample(request: string, output: string, wrap: OutputWrap): string {
  if (output === "") return request;
  return `${request}\n\n${wrapOutput(output, wrap)}`;
}

export function wrapOutput(output: string, wrap: OutputWrap): string {
  switch (wrap) {
    case "block-comment":
      // `*/` can only occur inside a JSON string, where `*\/` is the same string.
      return `/*\n${output.replace(/\*\//g, "*\\/")}\n*/`;
    case "response-comment":
      return `# Response:\n${commentLines(output, "#")}`;
    case "line-comments":
      return commentLines(output, "#");
    case "first-line-hash":
      return `# ${output}`;
    case "first-line-ruby":
      return `# => ${output}`;
    case "first-line-slashes":
      return `// ${output}`;
  }
}

/** Prefixes every line with the comment marker (a bare marker on empty lines, so no trailing space). */
export function commentLines(text: string, marker: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => (line === "" ? marker : `${marker} ${line}`))
    .join("\n");
}

/** Two-space JSON, as Mintlify's samples print results (not reformatted by prettier, unlike the GitBook pages). */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

/** The JavaScript SDK result: the returned value as JSON, `// void` when nothing is returned. */
export function formatJavascriptResult(out: OutputInput): string {
  return out.kind === "void" ? "// void" : formatJson(unwrapResponse(out));
}

/** The CLI prints the returned value as JSON; `{}` when nothing is returned. */
export function formatCliResult(out: OutputInput): string {
  return out.kind === "void" ? "{}" : formatJson(unwrapResponse(out));
}

/** cURL shows the response body reduced to its response key (as the snippet printers do); `{}` when void. */
export function formatCurlResult(out: OutputInput): string {
  if (out.kind === "void") return "{}";
  if (out.responseKey === null) return formatJson(out.body ?? {});
  const value = isJsonObject(out.body) ? out.body[out.responseKey] : null;
  return formatJson({ [out.responseKey]: value ?? null });
}
