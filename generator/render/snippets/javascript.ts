// JavaScript SDK snippets: `await seam.ns.method({ ... })` laid out as prettier (typescript parser, 80 columns).
import { toCasings } from "../../model/casing.js";
import { printDoc } from "../layout.js";
import { printObject, printPrettierJson } from "./estree-values.js";
import { type OutputInput, type SdkCallInput, type SdkSnippetLanguage, unwrapResponse } from "./types.js";

export function printJavascriptRequest(call: SdkCallInput): string {
  const path = [call.clientName, ...call.namespace, call.method].map((s, i) => (i === 0 ? s : toCasings(s).camel));
  const args = call.params.length === 0 ? "" : printObject(call.params, { flavor: "typescript" });
  return printDoc(["await ", path.join("."), "(", args, ");"], { width: 80, indentWidth: 2 });
}

export function printJavascriptOutput(out: OutputInput): string {
  if (out.kind === "void") return "// void";
  return printPrettierJson(unwrapResponse(out));
}

export const javascriptLanguage = {
  id: "javascript",
  title: () => "JavaScript",
  fence: () => "javascript",
  request: printJavascriptRequest,
  output: printJavascriptOutput,
} satisfies SdkSnippetLanguage;
