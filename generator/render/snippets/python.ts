// Python SDK snippets laid out as ruff's formatter does (88 columns, magic trailing commas when split).
import { toCasings } from "../../model/casing.js";
import { type Doc, group, ifBreak, indent, join, line, printDoc, softline } from "../layout.js";
import { escapeString, hex4, IDENTIFIER, preferredQuote } from "./escape.js";
import { type OutputInput, type SdkCallInput, type SdkSnippetLanguage, isJsonObject, unwrapResponse } from "./types.js";

const PRINT = { width: 88, indentWidth: 4 };

export function printPythonString(text: string): string {
  return escapeString(text, {
    quote: preferredQuote(text),
    controlEscape: (code) => (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${hex4(code)}`),
  });
}

/** Literals of requests are Python; Seam's outputs keep nested JSON literals (`true`, `null`). */
type Literals = "python" | "json";

function printLiteral(value: unknown, literals: Literals): string {
  if (literals === "python" && (value === null || value === undefined)) return "None";
  if (literals === "python" && typeof value === "boolean") return value ? "True" : "False";
  return JSON.stringify(value) ?? "null";
}

function printNested(value: unknown, literals: Literals): Doc {
  if (Array.isArray(value)) return printCollection("[", value.map((v) => printNested(v, literals)), "]");
  if (isJsonObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => [printPythonString(k), ": ", printNested(v, literals)]);
    return printCollection("{", entries, "}");
  }
  if (typeof value === "string") return printPythonString(value);
  return printLiteral(value, literals);
}

/** A bracketed list: one line if it fits, else one item per line with a trailing comma when there are several. */
function printCollection(open: string, items: Doc[], close: string): Doc {
  if (items.length === 0) return open + close;
  const comma = items.length > 1 ? ifBreak(",") : "";
  return group([open, indent([softline, join([",", line], items), comma]), softline, close]);
}

/** Call arguments: ruff first tries all of them on one indented line, then one per line. */
function printArguments(args: Doc[]): Doc {
  if (args.length === 0) return "()";
  const comma = args.length > 1 ? ifBreak(",") : "";
  return group(["(", indent([softline, group([join([",", line], args), comma])]), softline, ")"]);
}

function printKeywordArguments(entries: Array<[string, unknown]>, literals: Literals): Doc {
  const topLevel = (v: unknown): Doc => (v === null ? "None" : printNested(v, literals));
  const named = entries.filter(([k]) => IDENTIFIER.test(k));
  const unnamed = entries.filter(([k]) => !IDENTIFIER.test(k));
  const args: Doc[] = named.map(([k, v]) => [k, "=", topLevel(v)]);
  // names that are not identifiers can only be passed by unpacking a dict
  if (unnamed.length > 0) args.push(["**", printNested(Object.fromEntries(unnamed), literals)]);
  return printArguments(args);
}

export function printPythonRequest(call: SdkCallInput): string {
  const path = [call.clientName, ...call.namespace, call.method].map((s, i) => (i === 0 ? s : toCasings(s).snake));
  return printDoc([path.join("."), printKeywordArguments(call.params, "python")], PRINT);
}

function printResource(value: unknown, resourceType: string): Doc {
  if (!isJsonObject(value)) return printOutputValue(value);
  return [toCasings(resourceType).pascal, printKeywordArguments(Object.entries(value), "json")];
}

function printOutputValue(value: unknown): Doc {
  return value === null ? "None" : printNested(value, "json");
}

export function printPythonOutput(out: OutputInput): string {
  if (out.kind === "void") return "None";
  const value = unwrapResponse(out);
  const type = out.resourceType;
  let doc: Doc;
  if (type !== null && Array.isArray(value) && out.kind === "resource_list") {
    doc = printCollection("[", value.map((item) => printResource(item, type)), "]");
  } else if (type !== null && out.kind !== "other") {
    doc = printResource(value, type);
  } else {
    doc = printOutputValue(value);
  }
  return printDoc(doc, PRINT);
}

export const pythonLanguage = {
  id: "python",
  title: () => "Python",
  fence: () => "python",
  request: printPythonRequest,
  output: printPythonOutput,
} satisfies SdkSnippetLanguage;
