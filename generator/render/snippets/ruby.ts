// Ruby SDK snippets laid out as prettier's Ruby plugin (syntax_tree, 80 columns, trailing commas) does.
import { toCasings } from "../../model/casing.js";
import { type Doc, group, ifBreak, indent, join, line, printDoc, softline } from "../layout.js";
import { escapeString, IDENTIFIER } from "./escape.js";
import { type OutputInput, type SdkCallInput, type SdkSnippetLanguage, isJsonObject, unwrapResponse } from "./types.js";

// Seam's pages wrap Ruby at 100 columns (every call up to 99 wide stays on one line, from 101 it breaks)
const PRINT = { width: 100, indentWidth: 2 };

export function printRubyString(text: string): string {
  return escapeString(text, {
    quote: '"',
    // `#{`, `#@` and `#$` would interpolate
    extra: (s, i) => (s[i] === "#" && /[{@$]/.test(s[i + 1] ?? "") ? "\\#" : s[i] === "\x1b" ? "\\e" : null),
    controlEscape: (code) => `\\u{${code.toString(16).toUpperCase()}}`,
  });
}

/** syntax_tree writes an array of two or more plain words as `%w[...]`, kept on one line. */
function printWords(items: unknown[]): string | null {
  if (items.length < 2) return null;
  const words: string[] = [];
  for (const item of items) {
    if (typeof item !== "string") return null;
    const content = printRubyString(item).slice(1, -1);
    if (content === "" || /[\s[\]\\]/.test(content)) return null;
    words.push(content);
  }
  return `%w[${words.join(" ")}]`;
}

/** Requests are Ruby; Seam's outputs print nested nulls the JSON way (`null`), top-level ones as `nil`. */
type Nulls = "nil" | "null";

function printArray(items: unknown[], nulls: Nulls): Doc {
  if (items.length === 0) return "[]";
  const words = printWords(items);
  if (words !== null) return words;
  const elements = items.map((item) => printValue(item, false, nulls));
  return group(["[", indent([softline, join([",", line], elements), ifBreak(",")]), softline, "]"]);
}

function printKey(key: string, rocket: boolean): string {
  if (rocket) return `${printRubyString(key)} =>`;
  return IDENTIFIER.test(key) ? `${key}:` : `${printRubyString(key)}:`;
}

/** `key: value`; a scalar that does not fit moves to the next line, a hash or array stays. */
function printAssoc(key: string, value: unknown, opts: { rocket: boolean; nulls: Nulls }): Doc {
  const printedKey = printKey(key, opts.rocket);
  if (Array.isArray(value) || isJsonObject(value)) return [printedKey, " ", printValue(value, true, opts.nulls)];
  const scalar = value === null && opts.rocket ? "nil" : printValue(value, false, opts.nulls);
  return [printedKey, group(indent([line, scalar]))];
}

/** A hash that is the value of a key is not grouped by syntax_tree: it breaks whenever its parent does. */
function printHash(entries: Array<[string, unknown]>, opts: { inAssoc: boolean; rocket: boolean; nulls: Nulls }): Doc {
  const contents: Doc =
    entries.length === 0
      ? ["{", softline, "}"]
      : [
          "{",
          indent([line, join([",", line], entries.map(([k, v]) => printAssoc(k, v, opts))), ifBreak(",")]),
          line,
          "}",
        ];
  return opts.inAssoc ? contents : group(contents);
}

function printValue(value: unknown, inAssoc: boolean, nulls: Nulls): Doc {
  if (Array.isArray(value)) return printArray(value, nulls);
  if (isJsonObject(value)) return printHash(Object.entries(value), { inAssoc, rocket: false, nulls });
  if (typeof value === "string") return printRubyString(value);
  if (value === null || value === undefined) return nulls;
  return JSON.stringify(value);
}

export function printRubyRequest(call: SdkCallInput): string {
  const path = [call.clientName, ...call.namespace, call.method].map((s, i) => (i === 0 ? s : toCasings(s).snake));
  if (call.params.length === 0) return `${path.join(".")}()`;
  const args = call.params.map(([k, v]) => printAssoc(k, v, { rocket: false, nulls: "nil" }));
  const doc = [path.join("."), group(["(", indent([softline, join([",", line], args), ifBreak(",")]), softline, ")"])];
  return printDoc(doc, PRINT);
}

/** Seam's Ruby outputs write the resource's own keys as strings (`"key" =>`) and nested keys as labels. */
function printResource(value: unknown): Doc {
  if (value === null) return "nil";
  if (!isJsonObject(value)) return printValue(value, false, "null");
  return printHash(Object.entries(value), { inAssoc: false, rocket: true, nulls: "null" });
}

export function printRubyOutput(out: OutputInput): string {
  if (out.kind === "void") return "nil";
  const value = unwrapResponse(out);
  let doc: Doc;
  if (Array.isArray(value) && out.kind === "resource_list") {
    doc = value.length === 0 ? "[]" : group(["[", indent([softline, join([",", line], value.map(printResource)), ifBreak(",")]), softline, "]"]);
  } else {
    doc = printResource(value);
  }
  return printDoc(doc, PRINT);
}

export const rubyLanguage = {
  id: "ruby",
  title: () => "Ruby",
  fence: () => "ruby",
  request: printRubyRequest,
  output: printRubyOutput,
} satisfies SdkSnippetLanguage;
