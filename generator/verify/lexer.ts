// A small lexer for the literals SDK snippets print (JavaScript, Python, Ruby, PHP): strings, numbers, names,
// punctuation. Enough to read calls and values back; layout (whitespace, comments) is dropped.

export type TokenType = "string" | "number" | "name" | "punct" | "words";

export interface Token {
  type: TokenType;
  /** Decoded string value, number text, name, punctuation, or the words of `%w[...]` joined by spaces. */
  value: string;
  /** Offset in the source, for error messages. */
  at: number;
}

export interface LexOptions {
  /** Comment starters the language has: `#`, `//`, `/*`. */
  comments: readonly string[];
}

const PUNCT = ["**", "=>", "->", "::", "(", ")", "[", "]", "{", "}", ",", ":", "=", ".", ";", "-", "+", "*", "&", "|", "@", "<", ">", "!", "?", "/", "\\"];
const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[A-Za-z0-9_$]/;
const NUMBER = /^-?(?:0|[1-9][0-9_]*)(?:\.[0-9_]+)?(?:[eE][+-]?[0-9]+)?/;

/** Tokens of `text`; throws on an unterminated string. */
export function lex(text: string, opts: LexOptions): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const comment = opts.comments.find((m) => text.startsWith(m, i));
    if (comment) {
      i = skipComment(text, i, comment);
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      const end = findStringEnd(text, i, c);
      tokens.push({ type: "string", value: decodeString(text.slice(i + 1, end), c), at: i });
      i = end + 1;
      continue;
    }
    if (c === "%" && text[i + 1] === "w" && text[i + 2] === "[") {
      const end = text.indexOf("]", i);
      if (end < 0) throw new SyntaxError(`unterminated %w[ at ${i}`);
      tokens.push({ type: "words", value: text.slice(i + 3, end).trim(), at: i });
      i = end + 1;
      continue;
    }
    const number = /[0-9]/.test(c) ? NUMBER.exec(text.slice(i)) : null;
    if (number) {
      tokens.push({ type: "number", value: number[0].replace(/_/g, ""), at: i });
      i += number[0].length;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NAME_PART.test(text[j] as string)) j++;
      tokens.push({ type: "name", value: text.slice(i, j), at: i });
      i = j;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i)) ?? c;
    tokens.push({ type: "punct", value: punct, at: i });
    i += punct.length;
  }
  return tokens;
}

function skipComment(text: string, i: number, marker: string): number {
  if (marker === "/*") {
    const end = text.indexOf("*/", i + 2);
    return end < 0 ? text.length : end + 2;
  }
  const end = text.indexOf("\n", i);
  return end < 0 ? text.length : end;
}

function findStringEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  throw new SyntaxError(`unterminated string at ${start}`);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", e: "\x1b", "0": "\0" };

/** Backslash escapes of double-quoted strings in the four languages; single quotes only escape `\\` and the quote. */
export function decodeString(body: string, quote: string): string {
  if (quote === "'") return body.replace(/\\([\\'])/g, "$1");
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|.)/gs, (_, e: string) => {
    if (e.startsWith("u{")) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (/^[uxU][0-9a-fA-F]+$/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return SIMPLE_ESCAPES[e] ?? e;
  });
}

/** The token stream with layout-only tokens dropped: trailing commas before a closing bracket or the end. */
export function layoutFreeTokens(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.value === "," && t.type === "punct" && (!next || /^[)\]}]$/.test(next.value))) return;
    out.push(`${t.type}:${t.value}`);
  });
  return out;
}
