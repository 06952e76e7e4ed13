// Layout-insensitive comparison of code and outputs, and Mintlify samples split back into request and output.
import type { OutputWrap } from "./generated.js";
import { lex, layoutFreeTokens } from "./lexer.js";
import { readValue, TokenReader, isSameValue } from "./values.js";

const COMMENTS: Record<string, string[]> = {
  javascript: ["//", "/*"],
  fetch: ["//", "/*"],
  python: ["#"],
  requests: ["#"],
  ruby: ["#"],
  net_http: ["#"],
  php: ["//", "/*", "#"],
  php_curl: ["//", "/*", "#"],
};

/** Same tokens in the same order, whitespace, comments and trailing commas aside (a PHP trailing comma is layout). */
export function isSameTokens(language: string, a: string, b: string): boolean {
  try {
    const opts = { comments: COMMENTS[language] ?? [] };
    const clean = (t: string) => t.replace(/\\\r?\n/g, " ");
    const ta = layoutFreeTokens(lex(clean(a), opts));
    const tb = layoutFreeTokens(lex(clean(b), opts));
    return ta.length === tb.length && ta.every((t, i) => t === tb[i]);
  } catch {
    return false;
  }
}

/** Reads an output block as a value (JSON, or a Python/Ruby/PHP literal); undefined when it is neither. */
export function readOutputValue(text: string): unknown {
  const trimmed = text.trim().replace(/;$/, "");
  if (trimmed === "" || trimmed === "// void") return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      const r = new TokenReader(lex(trimmed, { comments: [] }));
      const value = readValue(r);
      return r.done ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Where two output values first differ, e.g. `key "space" is documented as "spaces"`; "" when equal. */
export function describeValueDifference(doc: unknown, want: unknown, at = "output"): string {
  if (isSameValue(doc, want)) return "";
  if (isPlainObject(doc) && isPlainObject(want)) {
    const extra = Object.keys(doc).filter((k) => !(k in want));
    const missing = Object.keys(want).filter((k) => !(k in doc));
    if (extra.length > 0 || missing.length > 0) {
      return `${at}: keys ${extra.map((k) => JSON.stringify(k)).join(", ") || "(none)"} documented where the response has ${missing.map((k) => JSON.stringify(k)).join(", ") || "(none)"}`;
    }
    const key = Object.keys(want).find((k) => !isSameValue(doc[k], want[k])) as string;
    return describeValueDifference(doc[key], want[key], `${at}.${key}`);
  }
  if (Array.isArray(doc) && Array.isArray(want) && doc.length === want.length) {
    const i = want.findIndex((v, j) => !isSameValue(doc[j], v));
    return describeValueDifference(doc[i], want[i], `${at}[${i}]`);
  }
  return `${at} is ${short(doc)}, the response has ${short(want)}`;
}

const MARKERS: Record<OutputWrap, string> = {
  "block-comment": "\n\n/*\n",
  "response-comment": "\n\n# Response:",
  "line-comments": "\n\n# ",
  "first-line-hash": "\n\n# ",
  "first-line-ruby": "\n\n# => ",
  "first-line-slashes": "\n\n// ",
};

/** A Mintlify sample cut at its output comment: the request code, and the output with comment markers removed. */
export function splitSample(text: string, wrap: OutputWrap | null): { request: string; output: string } {
  const at = wrap === null ? -1 : text.indexOf(MARKERS[wrap]);
  if (wrap === null || at < 0) return { request: text, output: "" };
  const comment = text.slice(at + 2);
  return { request: text.slice(0, at), output: unwrapOutput(comment, wrap) };
}

function unwrapOutput(comment: string, wrap: OutputWrap): string {
  const uncomment = (t: string) => t.split("\n").map((l) => l.replace(/^# ?/, "")).join("\n");
  switch (wrap) {
    case "block-comment":
      return comment.replace(/^\/\*\n/, "").replace(/\n\*\/\s*$/, "").replace(/\*\\\//g, "*/");
    case "response-comment":
      return uncomment(comment.replace(/^# Response:\n?/, ""));
    case "line-comments":
      return uncomment(comment);
    case "first-line-hash":
      return comment.replace(/^# /, "");
    case "first-line-ruby":
      return comment.replace(/^# => /, "");
    case "first-line-slashes":
      return comment.replace(/^\/\/ /, "");
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function short(value: unknown): string {
  const text = value === undefined ? "unreadable" : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
