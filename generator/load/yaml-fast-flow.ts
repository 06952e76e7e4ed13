// One-line flow collections (`[a, 'b', 1]`, `{ title: x, "v": 1 }`) for the fast YAML reader; anything
// beyond plain/quoted scalars and nested one-line collections (pairs in sequences, empty entries,
// trailing commas, keys without values, comments) falls back to the yaml package.
import { doubleQuotedValue, fail, findClosingQuote, keyOfPlain, resolvePlain, singleQuotedValue } from "./yaml-fast-scalar.js";

const SPACE = 32;
// Characters a plain scalar may not start with, in flow context.
const BAD_START = new Set([..."'\",[]{}#&*!|>%@`"].map((c) => c.charCodeAt(0)));
const FLOW_END = new Set([..." ,[]{}"].map((c) => c.charCodeAt(0)));

interface Read<T> {
  value: T;
  /** Index just past what was read. */
  end: number;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/** The collection opening at `s[at]` (`[` or `{`), which must close on the same line. */
export function readFlowCollection(s: string, at: number): Read<unknown> {
  const isSeq = s[at] === "[";
  const close = isSeq ? "]" : "}";
  const out: unknown[] | Record<string, unknown> = isSeq ? [] : {};
  let i = skipSpaces(s, at + 1);
  if (s[i] === close) return { value: out, end: i + 1 };
  for (;;) {
    if (isSeq) {
      const item = readFlowNode(s, i);
      (out as unknown[]).push(item.value);
      i = skipSpaces(s, item.end);
    } else i = readFlowPair(s, i, out as Record<string, unknown>);
    if (s[i] === close) return { value: out, end: i + 1 };
    if (s[i] !== ",") fail();
    i = skipSpaces(s, i + 1);
    if (s[i] === close) fail();
  }
}

/** Reads `key: value` into `out`; returns the index after the value and its spaces. */
function readFlowPair(s: string, i: number, out: Record<string, unknown>): number {
  let key: string;
  const ch = s[i];
  if (ch === "'" || ch === '"') {
    const end = findClosingQuote(s, i, i + 1);
    if (end === -1) fail();
    const src = s.slice(i + 1, end - 1);
    key = ch === "'" ? singleQuotedValue(src) : doubleQuotedValue(src);
    i = skipSpaces(s, end);
    if (s[i] !== ":") fail();
    i++;
  } else {
    const plain = readFlowPlain(s, i, true);
    key = keyOfPlain(plain.value);
    if (plain.value === "<<" || s[plain.end] !== ":" || s.charCodeAt(plain.end + 1) !== SPACE) fail();
    i = plain.end + 1;
  }
  i = skipSpaces(s, i);
  if (s[i] === "," || s[i] === "}" || Object.prototype.hasOwnProperty.call(out, key)) fail();
  const value = readFlowNode(s, i);
  if (key in out) Object.defineProperty(out, key, { value: value.value, writable: true, enumerable: true, configurable: true });
  else out[key] = value.value;
  return skipSpaces(s, value.end);
}

/** A scalar or nested collection at `s[i]`; a `:` after it (a pair) falls back. */
function readFlowNode(s: string, i: number): Read<unknown> {
  const ch = s[i];
  let read: Read<unknown>;
  if (ch === "[" || ch === "{") read = readFlowCollection(s, i);
  else if (ch === "'" || ch === '"') {
    const end = findClosingQuote(s, i, i + 1);
    if (end === -1) fail();
    const src = s.slice(i + 1, end - 1);
    read = { value: ch === "'" ? singleQuotedValue(src) : doubleQuotedValue(src), end };
  } else {
    const plain = readFlowPlain(s, i, false);
    read = { value: resolvePlain(plain.value), end: plain.end };
  }
  if (s[skipSpaces(s, read.end)] === ":") fail();
  return read;
}

/** A plain scalar in flow context: it ends before `,[]{}`, a `: ` (allowed only for keys) or the line end. */
function readFlowPlain(s: string, i: number, isKey: boolean): Read<string> {
  const c = s.charCodeAt(i);
  const next = s.charCodeAt(i + 1);
  if (i >= s.length || BAD_START.has(c) || ((c === 45 || c === 63 || c === 58) && (Number.isNaN(next) || FLOW_END.has(next)))) fail();
  let end = i;
  for (let k = i; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
    if (ch === 58 && (k + 1 === s.length || FLOW_END.has(s.charCodeAt(k + 1)))) {
      if (!isKey) fail();
      break;
    }
    if (ch === 35 && s.charCodeAt(k - 1) === SPACE) fail();
    if (ch !== SPACE) end = k + 1;
  }
  return { value: s.slice(i, end), end };
}
