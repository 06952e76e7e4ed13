// PHP SDK snippets laid out as @prettier/plugin-php (80 columns, 4-space indent) does, without `<?php`.
import { type Doc, group, ifBreak, indent, join, line, printDoc, softline } from "../layout.js";
import { escapeString, IDENTIFIER } from "./escape.js";
import { type OutputInput, type SdkCallInput, type SdkSnippetLanguage, isJsonObject, unwrapResponse } from "./types.js";

const PRINT = { width: 80, indentWidth: 4 };

const PHP_ESCAPES: Record<string, string> = { $: "\\$", "\x1b": "\\e", "\b": "\\x08" };

export function printPhpString(text: string): string {
  return escapeString(text, {
    quote: '"',
    // `$` would interpolate; PHP has no `\b`
    extra: (s, i) => PHP_ESCAPES[s[i]!] ?? null,
    controlEscape: (code) => `\\u{${code.toString(16)}}`,
  });
}

function printBracketed(items: Doc[], comma: string): Doc {
  if (items.length === 0) return "[]";
  return group(["[", indent([softline, join([",", line], items), ifBreak(comma)]), softline, "]"]);
}

/** `"key" => value`; only a string that does not fit moves to the next line (as plugin-php does). */
function printEntry(key: string, value: unknown, comma: string): Doc {
  const printedKey = `${printPhpString(key)} =>`;
  if (typeof value !== "string") return [printedKey, " ", printValue(value, comma)];
  return [printedKey, group(indent([line, printValue(value, comma)]))];
}

function printValue(value: unknown, comma = ","): Doc {
  if (Array.isArray(value)) return printBracketed(value.map((v) => printValue(v, comma)), comma);
  if (isJsonObject(value)) return printBracketed(Object.entries(value).map(([k, v]) => printEntry(k, v, comma)), comma);
  if (typeof value === "string") return printPhpString(value);
  if (value === null || value === undefined) return "null";
  return JSON.stringify(value);
}

export function printPhpRequest(call: SdkCallInput): string {
  const path = ["$" + call.clientName, ...call.namespace, call.method].join("->");
  const named = call.params.filter(([k]) => IDENTIFIER.test(k));
  const unnamed = call.params.filter(([k]) => !IDENTIFIER.test(k));
  const comma = call.trailingComma === false ? "" : ",";
  const args: Doc[] = named.map(([k, v]) => [k, ": ", printValue(v, comma)]);
  // names that are not identifiers can only be passed by unpacking an array
  if (unnamed.length > 0) args.push(["...", printValue(Object.fromEntries(unnamed), comma)]);
  if (args.length === 0) return `${path}();`;
  const doc = [path, group(["(", indent([softline, join([",", line], args), ifBreak(comma)]), softline, ")"]), ";"];
  return printDoc(doc, PRINT);
}

export function printPhpOutput(out: OutputInput): string {
  if (out.kind === "void") return "";
  return printDoc([printValue(unwrapResponse(out)), ";"], PRINT);
}

export const phpLanguage = {
  id: "php",
  title: () => "PHP",
  fence: () => "php",
  request: printPhpRequest,
  output: printPhpOutput,
} satisfies SdkSnippetLanguage;
