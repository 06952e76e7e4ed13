// JSON-like values laid out as prettier lays out JavaScript/TypeScript and JSON literals.
import { type Doc, group, ifBreak, indent, join, line, softline, fill, printDoc } from "../layout.js";
import { escapeString, hex4, preferredQuote } from "./escape.js";
import { isJsonObject } from "./types.js";

export interface EstreeStyle {
  /** "json": keys and strings as JSON.stringify writes them, no trailing commas, never break after a colon. */
  flavor: "json" | "typescript";
}

/** A string literal as prettier prints it: double quotes unless the text has more of them than single quotes. */
export function printJsString(text: string): string {
  return escapeString(text, {
    quote: preferredQuote(text),
    controlEscape: (code) => (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${hex4(code)}`),
    escapeLineSeparators: true,
  });
}

const ES5_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function printKey(key: string, style: EstreeStyle): string {
  if (style.flavor === "json") return JSON.stringify(key);
  return ES5_IDENTIFIER.test(key) ? key : printJsString(key);
}

function printScalar(value: unknown, style: EstreeStyle): string {
  if (typeof value === "string") return style.flavor === "json" ? JSON.stringify(value) : printJsString(value);
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? "null";
}

function isNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

/** Prettier breaks an array of several objects (or arrays) that each have more than one entry. */
function shouldBreakArray(items: unknown[]): boolean {
  if (items.length < 2) return false;
  const first = items[0];
  const kind = Array.isArray(first) ? "array" : isJsonObject(first) ? "object" : null;
  if (kind === null) return false;
  return items.every((item) =>
    kind === "array"
      ? Array.isArray(item) && item.length > 1
      : isJsonObject(item) && Object.keys(item).length > 1,
  );
}

function printArray(items: unknown[], style: EstreeStyle): Doc {
  if (items.length === 0) return "[]";
  const trailing = style.flavor === "json" ? "" : ",";
  if (items.length > 1 && items.every(isNumber)) {
    const id = Symbol("array");
    const parts = items.flatMap((item, i) => {
      const last = i === items.length - 1;
      const printed: Doc = [printScalar(item, style), last ? ifBreak(trailing, "", id) : ","];
      return last ? [printed] : [printed, line];
    });
    return group(["[", indent([softline, fill(parts)]), softline, "]"], { id });
  }
  const elements = items.map((item) => printValue(item, style));
  return group(["[", indent([softline, join([",", line], elements), ifBreak(trailing)]), softline, "]"], {
    shouldBreak: shouldBreakArray(items),
  });
}

/** `key: value`, breaking after the colon the way prettier's assignment layouts do. */
function printProperty(key: string, value: unknown, style: EstreeStyle): Doc {
  const printedKey = printKey(key, style);
  const printedValue = printValue(value, style);
  const container = Array.isArray(value) || isJsonObject(value);
  const neverBreak =
    style.flavor === "json" ||
    container ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    // a key shorter than tabWidth + 3 gains too little from breaking
    (typeof value === "string" && printedKey.length < 5);
  if (neverBreak) return [printedKey, ": ", printedValue];
  return [printedKey, ":", group(indent([line, printedValue]))];
}

export function printObject(entries: Array<[string, unknown]>, style: EstreeStyle): Doc {
  if (entries.length === 0) return "{}";
  const trailing = style.flavor === "json" ? "" : ",";
  const props = entries.map(([k, v]) => printProperty(k, v, style));
  return group(["{", indent([line, join([",", line], props), ifBreak(trailing)]), line, "}"]);
}

export function printValue(value: unknown, style: EstreeStyle): Doc {
  if (Array.isArray(value)) return printArray(value, style);
  if (isJsonObject(value)) return printObject(Object.entries(value), style);
  return printScalar(value, style);
}

/** JSON as Seam's pages show it: compact JSON.stringify output run through prettier (80 columns). */
export function printPrettierJson(value: unknown): string {
  return printDoc(printValue(value, { flavor: "json" }), { width: 80, indentWidth: 2 });
}
