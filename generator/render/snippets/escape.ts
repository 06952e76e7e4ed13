// String-literal escaping shared by the C-like languages; each printer picks its quote and extra escapes.

export interface EscapeOptions {
  quote: '"' | "'";
  /** Extra characters (or two-character sequences) to backslash-escape, e.g. "$" for PHP. */
  extra?: (text: string, index: number) => string | null;
  /** How to write a control character that has no short escape. */
  controlEscape: (code: number) => string;
  /** Escape U+2028/U+2029 (JS and JSON tools choke on them raw). */
  escapeLineSeparators?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  "\v": "\\v",
};

/** Escapes `text` for a literal delimited by `opts.quote`. */
export function escapeString(text: string, opts: EscapeOptions): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    const extra = opts.extra?.(text, i);
    if (extra != null) out += extra;
    else if (ch === "\\" || ch === opts.quote) out += "\\" + ch;
    else if (ch in SHORT_ESCAPES) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += opts.controlEscape(code);
    else if (opts.escapeLineSeparators && (code === 0x2028 || code === 0x2029)) out += `\\u${code.toString(16)}`;
    else if (code >= 0xd800 && code <= 0xdfff && !isPairedSurrogate(text, i)) out += opts.controlEscape(code);
    else out += ch;
  }
  return opts.quote + out + opts.quote;
}

function isPairedSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const prev = text.charCodeAt(i - 1);
  return prev >= 0xd800 && prev <= 0xdbff;
}

/** Prettier and ruff prefer double quotes unless the text holds more double than single quotes. */
export function preferredQuote(text: string): '"' | "'" {
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  return doubles > singles ? "'" : '"';
}

export function hex4(code: number): string {
  return code.toString(16).padStart(4, "0");
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
