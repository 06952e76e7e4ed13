// Scalars for the fast YAML reader (yaml-fast.ts), resolved the way the yaml package (2.x, core
// schema) resolves them; anything it would report as an error throws FALL_BACK instead.

/** Thrown (never escapes parseYamlFast) when the text needs the yaml package. */
export const FALL_BACK = new Error("yaml-fast: not handled, use the yaml package");

export function fail(): never {
  throw FALL_BACK;
}

const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The core schema's value of a plain scalar, tags tried in yaml's order (null, bool, int 0o/10/0x, float). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Letters other than n/N/t/T/f/F and most punctuation can only start a string.
  if (c > 57 && c !== 78 && c !== 84 && c !== 70 && c !== 110 && c !== 116 && c !== 102 && c !== 126) return s;
  switch (s) {
    case "":
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  if (c > 57) return s;
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** A JS object key for a plain key scalar (yaml stringifies non-string keys; null becomes ""). */
export function keyOfPlain(raw: string): string {
  const v = resolvePlain(raw);
  return typeof v === "string" ? v : v === null ? "" : String(v);
}

// Spaces and tabs only: String#trim would also drop U+00A0, U+2028, U+FEFF and the like.
const TRAILING_SPACES = /[ \t]+$/;
const LEADING_SPACES = /^[ \t]+/;
const OUTER_SPACES = /^[ \t]+|[ \t]+$/g;

/** Folds the lines of a multi-line flow scalar: one break → space, n empty lines → n breaks. */
export function unfoldLines(source: string): string {
  const lines = source.split("\n");
  if (lines.length === 1) return source;
  let res = (lines[0] as string).replace(TRAILING_SPACES, "");
  let sep = " ";
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).replace(i === lines.length - 1 ? LEADING_SPACES : OUTER_SPACES, "");
    if (line === "" && i < lines.length - 1) {
      if (sep === "\n") res += sep;
      else sep = "\n";
    } else {
      res += sep + line;
      sep = " ";
    }
  }
  return res;
}

/** The value of a single-quoted scalar given its source without the quotes. */
export function singleQuotedValue(inner: string): string {
  const unfolded = inner.includes("\n") ? unfoldLines(inner) : inner;
  return unfolded.includes("''") ? unfolded.replace(/''/g, "'") : unfolded;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "\t": "\t",
};

const HEX = /^[0-9a-fA-F]+$/;

const isBlank = (ch: string | undefined): boolean => ch === " " || ch === "\t";

/** The value of a double-quoted scalar given its source without the quotes (CRs never reach here). */
export function doubleQuotedValue(src: string): string {
  let res = "";
  for (let i = 0; i < src.length; ++i) {
    const ch = src[i] as string;
    if (ch === "\n") {
      let fold = "";
      while (isBlank(src[i + 1]) || src[i + 1] === "\n") if (src[++i] === "\n") fold += "\n";
      res += fold || " ";
    } else if (ch === "\\") {
      const next = src[++i] as string;
      const code = ESCAPES[next];
      if (code !== undefined) res += code;
      else if (next === "\n") while (isBlank(src[i + 1])) ++i;
      else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        const hex = src.substr(i + 1, length);
        const cp = hex.length === length && HEX.test(hex) ? parseInt(hex, 16) : NaN;
        if (!(cp <= 0x10ffff)) fail();
        res += String.fromCodePoint(cp);
        i += length;
      } else fail();
    } else if (isBlank(ch)) {
      // Spaces and tabs before a line break are dropped.
      let j = i;
      while (isBlank(src[j + 1])) ++j;
      if (src[j + 1] !== "\n") res += src.slice(i, j + 1);
      i = j;
    } else res += ch;
  }
  return res;
}

/** Index just past the closing quote of a quoted scalar opening at `s[at]`, or -1 when it does not close on this line. */
export function findClosingQuote(s: string, at: number, from: number): number {
  const quote = s[at];
  for (let i = from; i < s.length; i++) {
    const ch = s[i];
    if (quote === "'") {
      if (ch === "'") {
        if (s[i + 1] === "'") i++;
        else return i + 1;
      }
    } else if (ch === "\\") i++;
    else if (ch === '"') return i + 1;
  }
  return -1;
}


/**
 * Where a plain scalar starting at `s[i]` ends on its line: before trailing whitespace and a comment (so
 * anything but whitespace after the end is a comment). A `: ` inside or a `:` at the end falls back.
 */
export function plainEnd(s: string, i: number, tabs: boolean): number {
  if (tabs && s.includes("\t", i)) return plainEndWithTabs(s, i);
  let end = s.length;
  const hash = s.indexOf(" #", i);
  if (hash !== -1) end = hash;
  const colon = s.indexOf(": ", i);
  if (colon !== -1 && colon < end) fail();
  while (s.charCodeAt(end - 1) === 32) end--;
  if (s.charCodeAt(end - 1) === 58) fail();
  return end;
}

/** plainEnd where tabs separate like spaces do: before `#`, after `:`, trimmed at the end. */
function plainEndWithTabs(s: string, i: number): number {
  if (s.charCodeAt(i) === 9) fail();
  let end = s.length;
  for (let k = i + 1; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const prev = s.charCodeAt(k - 1);
    if (c === 35 && (prev === 32 || prev === 9)) {
      end = k;
      break;
    }
    const next = s.charCodeAt(k + 1);
    if (c === 58 && (k + 1 === s.length || next === 32 || next === 9)) fail();
  }
  while (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9) end--;
  if (s.charCodeAt(end - 1) === 58) fail();
  return end;
}
