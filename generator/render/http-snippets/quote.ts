// String literals per language: every character survives and nothing interpolates; only shell quotes keep raw line breaks.

const LINE_BREAKS = /[\u0085\u2028\u2029]/;

function hex(c: string, width: number): string {
  return (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(width, "0");
}

/** True for characters printed as an escape in every language: C0/C1 controls, DEL and Unicode line breaks. */
function isInvisible(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || LINE_BREAKS.test(c);
}

function isLoneSurrogate(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= 0xd800 && code <= 0xdfff;
}

const COMMON: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"' };

/** Characters some language escapes (or checks: surrogates); a string with none is the same in every language. */
const SPECIAL = /[\x00-\x1f"#$\\\x7f-\x9f\u2028\u2029\ud800-\udfff]/;

function quoteWith(s: string, escape: (c: string) => string | undefined): string {
  if (!SPECIAL.test(s)) return `"${s}"`;
  let out = '"';
  for (const c of s) out += escape(c) ?? COMMON[c] ?? c;
  return out + '"';
}

/** JavaScript/TypeScript double-quoted string (also valid JSON when the input has no lone surrogates). */
export function quoteJs(s: string): string {
  return quoteWith(s, (c) => (COMMON[c] === undefined && (isInvisible(c) || isLoneSurrogate(c)) ? `\\u${hex(c, 4)}` : undefined));
}

/** JSON string: JSON.stringify is exact by definition. */
export function quoteJson(s: string): string {
  return JSON.stringify(s);
}

/** Python 3 double-quoted str literal. */
export function quotePython(s: string): string {
  return quoteWith(s, (c) => {
    if (COMMON[c] !== undefined) return undefined;
    if (isLoneSurrogate(c)) return `\\u${hex(c, 4)}`;
    if (!isInvisible(c)) return undefined;
    return (c.codePointAt(0) ?? 0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}

/** Ruby double-quoted string: `#` is escaped so `#{`, `#@` and `#$` never interpolate. Lone surrogates (not encodable in UTF-8) become U+FFFD. */
export function quoteRuby(s: string): string {
  return quoteWith(s, (c) => {
    if (c === "#") return "\\#";
    if (COMMON[c] !== undefined) return undefined;
    if (isLoneSurrogate(c)) return "\\u{FFFD}";
    return isInvisible(c) ? `\\u{${hex(c, 2)}}` : undefined;
  });
}

/** PHP double-quoted string: `$` is escaped so nothing interpolates. Lone surrogates become U+FFFD. */
export function quotePhp(s: string): string {
  return quoteWith(s, (c) => {
    if (c === "$") return "\\$";
    if (COMMON[c] !== undefined) return undefined;
    if (isLoneSurrogate(c)) return "\\u{FFFD}";
    return isInvisible(c) ? `\\u{${hex(c, 2)}}` : undefined;
  });
}

/** POSIX shell single-quoted word: nothing inside expands; a `'` closes, emits `\'` and reopens. */
export function quoteShell(s: string): string {
  return "'" + s.replace(/'/g, "'\\''") + "'";
}
