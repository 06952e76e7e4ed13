// Inputs for test/load/yaml-fast.test.ts: given YAML texts (the want is always YAML.parse) and a seeded
// generator of JSON-like documents full of strings that look like other things.
import { createRng } from "../helpers/random.js";

/** [name, YAML text, which path parseYamlFast should take: "fast", "fallback" or "either"]. */
export const TRICKY_CASES: [string, string, "fast" | "fallback" | "either"][] = [
  // Plain scalars the core schema reads as something else, or not.
  ...["yes", "no", "on", "off", "y", "n", "True", "TRUE", "tRue", "false", "FALSE", "fAlse", "null", "Null", "NULL", "nULL", "~"].map(
    (s) => [`plain ${s}`, `a: ${s}\n`, "fast"] as [string, string, "fast"],
  ),
  ...["1e3", "1E3", "1e+3", "-1.5e-3", "0x1F", "0x1f", "0X1F", "0o17", "0o19", "017", "09", ".5", "-.5", "5.", "+1", "-0", "+0", "-0.0", "1_000", "1,000", "12:30", "2001-12-14", "2001-12-14T21:59:43.10-05:00", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", ".Nan", "9007199254740993", "123456789012345678901234567890", "1e400", "0.1e", "0x", "0o", "+", "-", ".", "+.", "--1", "1.2.3"].map(
    (s) => [`plain ${s}`, `a: ${s}\n`, s === "-" ? "fallback" : "fast"] as [string, string, "fast" | "fallback"],
  ),
  // The same strings quoted are strings.
  ["single-quoted number", "a: '1e3'\n", "fast"],
  ["double-quoted bool", 'a: "true"\n', "fast"],
  ["single-quoted empty", "a: ''\n", "fast"],
  ["doubled single quote", "a: 'it''s ''x'''\n", "fast"],
  ["only a doubled quote", "a: ''''\n", "fast"],
  // Indicators inside plain scalars.
  ["colon without space", "a: b:c\nurl: http://x.y/z?q=1#f\n", "fast"],
  ["hash without space", "a: b#c\n", "fast"],
  ["trailing comment", "a: b # c\nd: 'e' # f\ng: [] # h\n", "fast"],
  ["colon space in value", "a: b: c\n", "fallback"],
  ["trailing colon in value", "a: b:\n", "fallback"],
  ["trailing colon then spaces", "a: b:   \n", "fallback"],
  ["trailing colon then a comment", "a: b: # c\nd: e:\t# f\n", "fallback"],
  ["flow indicators inside plain", "a: b]\nc: d, e{f}\ng: x[0]\n", "fast"],
  ["dash and question starts", "a: -b\nc: ?d\ne: :f\n", "fast"],
  ["plain key with spaces and slashes", "key with spaces: 1\n/path/{id}: 2\n$ref: 3\n", "fast"],
  ["numeric keys become strings", "200: a\n1.0: b\n0x1F: c\ntrue: d\nnull: e\n-0: g\n.inf: h\n", "fast"],
  ["quoted keys", "'200': a\n\"x\\ty\": b\n'it''s': c\n", "fast"],
  ["__proto__ key", "__proto__: 1\nconstructor: 2\ntoString: 3\n", "fast"],
  ["quoted __proto__ key with a mapping", "'__proto__':\n  a: 1\n", "fast"],
  ["duplicate key", "a: 1\nb: 2\na: 3\n", "fallback"],
  ["duplicate key, other quoting", "a: 1\n'a': 2\n", "fallback"],
  ["1 and '1' (both key \"1\")", "1: a\n'1': b\n", "fallback"],
  ["merge key", "a: &x\n  b: 1\nc:\n  <<: *x\n", "fallback"],
  ["long key", `${"k".repeat(1100)}: 1\n`, "either"],
  // Multi-line scalars.
  ["multi-line plain", "a: one\n  two\n\n  three\n\n\n  four\nb: 5\n", "fast"],
  ["multi-line plain in a sequence", "- one\n  two\n- three\n", "fast"],
  ["multi-line plain with trailing spaces", "a: one  \n  two \n\n  three\nb: 5\n", "fast"],
  ["plain on the next line", "a:\n  one\n  two\nb: 1\n", "fast"],
  ["plain continued less indented", "a:\n    one\n  two\n", "fast"],
  ["plain continuation with dash", "a: one\n  - two\n", "either"],
  ["plain continuation with indicators", "a: one\n  'two' [x] &y *z !t |p >q\n", "either"],
  ["plain then a more-indented comment", "a: x\n  # c\nb: 1\n", "either"],
  ["multi-line single-quoted", "a: 'one\n  two\n\n  three '\nb: 'x\n\n\n  y'\n", "fast"],
  ["multi-line double-quoted", 'a: "one\n  two\\\n  three\\n  \\ four\n\n  five"\n', "fast"],
  ["double-quoted trailing spaces before a break", 'a: "x   \n  y"\n', "fast"],
  ["quoted continuation not indented", "a: 'one\ntwo'\n", "either"],
  // Escapes.
  ["escapes", 'a: "\\0\\a\\b\\e\\f\\n\\r\\t\\v\\N\\_\\L\\P\\ \\"\\/\\\\"\n', "fast"],
  ["hex escapes", 'a: "\\x41\\u263A\\U0001F600\\ud83d\\ude00"\n', "fast"],
  ["bad escape", 'a: "\\q"\n', "fallback"],
  ["short hex escape", 'a: "\\x4"\n', "fallback"],
  ["code point too large", 'a: "\\U00110000"\n', "fallback"],
  // Block scalars: chomping, indentation indicators, folding.
  ...["|", "|-", "|+", ">", ">-", ">+"].map(
    (h) => [`block ${h}`, `a: ${h}\n  line one\n  line two\n\n    more\n  last\n\n\nb: 1\n`, "fast"] as [string, string, "fast"],
  ),
  ...["|", "|-", "|+", ">", ">-", ">+"].map((h) => [`block ${h} at end of text`, `a: ${h}\n  x\n\n`, "fast"] as [string, string, "fast"]),
  ["block at end without newline", "a: |+\n  x\n  ", "fast"],
  ["block with indicator", "a: |2\n    x\n  y\n", "fast"],
  ["block with indicator and chomp", "a: >-2\n   x\n  y\n\nb: 1\n", "fast"],
  ["block with chomp and indicator", "a: >+1\n   x\n  y\n\n\nb: 1\n", "fast"],
  ["block in a sequence with indicator", "s:\n  - |2\n     x\n    y\n  - >1\n     z\n", "fast"],
  ["block in a compact mapping", "- a: |2\n     x\n    y\n  b: 1\n", "fast"],
  ["block leading blank lines", "a: |\n\n\n  x\n", "fast"],
  ["block leading more-indented blank line", "a: |\n     \n  x\n", "either"],
  ["block trailing more-indented blank lines", "a: |\n  x\n     \n   \nb: 1\n", "fast"],
  ["block comment-looking lines", "a: |\n  # not a comment\n  x # y\n", "fast"],
  ["block header comment", "a: | # c\n  x\n", "fast"],
  ["block tab content", "a: |\n  x\ty\n  \tz\n", "either"],
  ["folded more-indented lines", "a: >\n  a\n  b\n\n    c\n    d\n  e\n\n  f\n", "fast"],
  ["empty block", "a: |\nb: 1\n", "either"],
  ["root block", "|\n  x\n", "either"],
  // Structure.
  ["empty document", "", "fast"],
  ["only comments", "# a\n\n  # b\n", "fast"],
  ["empty values", "a:\nb: ~\nc:\n  # c\nd: null\n", "fast"],
  ["empty items", "-\n- \n- # c\n-\n  x\n", "fast"],
  ["sequence at the key's column", "a:\n- 1\n- 2\nb: 3\n", "fast"],
  ["compact nested sequences", "- - a\n  - b\n- - - c\n", "fast"],
  ["compact mappings", "- a: 1\n  b:\n    - x\n  c: 2\n- d: 3\n", "fast"],
  ["sequence at the key's column in a compact mapping", "- a:\n  - x\n  b: 1\n- c\n", "fast"],
  ["extra spaces after dash", "-   a: 1\n    b: 2\n-    x\n", "fast"],
  ["indented root", "  a: 1\n  b:\n    c: 2\n", "fast"],
  ["comments between entries", "a: 1\n# c\n    # d\nb:\n  # e\n  c: 2\n", "fast"],
  ["empty flow collections", "a: []\nb: {}\nc:\n  - []\n  - {}\n", "fast"],
  // One-line flow collections.
  ["flow sequences", "a: [1, 'x', \"y\", b c, -1, true, null, ~, [], {}, [n, [m]]]\nb: [ a , b ]\n- \n", "fallback"],
  ["flow sequences in a mapping", "a: [1, 'x', \"y\", b c, -1, true, null, ~, [], {}, [n, [m]]]\nb: [ a , b ]\n", "fast"],
  ["flow mappings", "a: {x: 1, 'y': two, \"z\":3, n: {m: [k]}}\nb: { title: T, version: '1.0' } # c\n- x: [y]\n", "fallback"],
  ["flow mappings in a sequence", "- {x: 1, 'y': two, \"z\":3, n: {m: [k]}}\n- { title: T, version: '1.0' } # c\n- x: [y]\n", "fast"],
  ["flow plain with colon", "a: [a:b, http://x, 'q':r]\n", "either"],
  ["flow plain with colon only", "a: [a:b, http://x/y]\n", "fast"],
  ["flow pair in a sequence", "a: [b: c]\n", "fallback"],
  ["flow trailing comma", "a: [b, c,]\n", "either"],
  ["flow empty entry", "a: [b,, c]\n", "fallback"],
  ["flow key without value", "a: {b, c: d}\n", "either"],
  ["flow key with empty value", "a: {b: , c: d}\n", "either"],
  ["flow multi-line", "a: [b,\n  c]\n", "either"],
  ["flow comment inside", "a: [b #c\n  ]\n", "either"],
  ["flow __proto__ key", "a: {__proto__: 1, toString: 2}\n", "fast"],
  ["flow duplicate key", "a: {b: 1, b: 2}\n", "fallback"],
  ["flow unclosed", "a: [b, c\n", "fallback"],
  ["flow junk after", "a: [b] c\n", "fallback"],
  ["flow plain starts", "a: [-1, -x, ?y, :z, .5, a b  c]\n", "either"],
  ["flow numbers and keys", "a: {1: x, 0x1F: y, true: z, 1e3: [0o7, +.5, -0]}\n", "fast"],
  ["flow as a key", "[a]: b\n", "fallback"],
  ["flow JSON-like", "a: {\"b\":1,\"c\":[2,\"d\"],\"e\":{}}\n", "fast"],
  ["flow JSON-like, plain value after colon", "a: {\"b\":c, 'd':e}\n", "either"],
  ["flow colon-started plains", "a: [x, :b]\nc: {d: :e}\n", "either"],
  ["flow anchor", "a: [&x b, *x]\n", "fallback"],
  ["anchor and alias", "a: &x 1\nb: *x\n", "fallback"],
  ["tag", "a: !!str 1\n", "fallback"],
  ["directive", "%YAML 1.2\n---\na: 1\n", "fallback"],
  ["document start", "---\na: 1\n", "fallback"],
  ["two documents", "a: 1\n---\nb: 2\n", "fallback"],
  ["complex key", "? a\n: b\n", "fallback"],
  ["tab indentation", "a:\n\tb: 1\n", "fallback"],
  ["tab after colon", "a:\tb\n", "either"],
  ["CRLF", "a: 1\r\nb: 2\r\n", "either"],
  ["bad indentation", "a:\n    b: 1\n  c: 2\n", "fallback"],
  ["nested mapping on a value line", "a: x\n b: 1\n", "fallback"],
  ["dash on a key line", "a: - b\n", "fallback"],
  ["root scalar", "hello\n", "either"],
  ["unterminated quote", "a: 'x\n", "fallback"],
  ["junk after quote", "a: 'x' y\n", "fallback"],
  ["deep nesting", `${"- ".repeat(20000)}x\n`, "either"],
  ["unicode", "ключ: значение 😀\n'日本': \"語\"\n", "fast"],
  ["non-breaking space at the end of a plain scalar", "a: x\u00a0\n", "fast"],
];

const EDITS = [" ", "  ", "\n", "\n\n", ":", ": ", "#", " #", "-", "- ", "\t", "'", '"', "|", ">", "|-", ">+2", "[", "]", "{", "}", ",", "&a ", "*a", "!", "?", "%", "\\", "---\n", "\r\n", "~", "0", "x"];

/** `text` with 1–3 random edits (delete a character, insert a YAML-significant piece, or duplicate a line). */
export function mutateText(text: string, seed: number): string {
  const rand = createRng(seed ^ 0x5bd1e995);
  let out = text;
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * out.length);
    const r = rand();
    if (r < 0.3) out = out.slice(0, at) + out.slice(at + 1);
    else if (r < 0.85) out = out.slice(0, at) + EDITS[Math.floor(rand() * EDITS.length)] + out.slice(at);
    else {
      const lines = out.split("\n");
      const n = Math.floor(rand() * lines.length);
      lines.splice(n, 0, lines[n] as string);
      out = lines.join("\n");
    }
  }
  return out;
}

export const FUZZ_SEED = 20261122;

const PIECES = [
  ...["", " ", "  ", "a", "word", "Hello world", "x y z", "\n", "\n\n", "\n  ", "  \n", "\t", "'", "''", '"', "\\", "\\n", "#", " #", "# ", ":", ": ", " :", "-", "- ", "? ", "?", "[", "]", "{", "}", ",", "&a", "*a", "!t", "|", ">", "%", "@", "`", "---", "..."],
  ...["yes", "no", "on", "true", "True", "FALSE", "null", "~", "Null", "1", "-0", "0o17", "0x1F", "1e3", ".5", "+1", "1_000", ".inf", "-.Inf", ".NaN", "2001-12-14", "007", "1.0"],
  ...["é", "日本語", "😀", "\u00a0", "\u0085", "\u2028", "\u0007", "\u001b", "\ufeff"],
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
  "https://example.com/a/b?c=d#e",
];

function randomString(rand: () => number): string {
  const n = Math.floor(rand() * 5);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

function randomScalar(rand: () => number): unknown {
  const r = rand();
  if (r < 0.55) return randomString(rand);
  if (r < 0.6) return null;
  if (r < 0.65) return rand() < 0.5;
  const numbers = [0, -0, 1, -1, 42, 3.14, -2.5e-7, 1e21, 2 ** 53 + 2, 123456789, 0.1];
  return r < 0.8 ? numbers[Math.floor(rand() * numbers.length)] : Math.floor(rand() * 1e6) - 5e5;
}

function randomValue(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth > 3 || r < 0.45) return randomScalar(rand);
  const size = Math.floor(rand() * 5);
  if (r < 0.7) return Array.from({ length: size }, () => randomValue(rand, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    const key = rand() < 0.6 ? ["id", "name", "type", "__proto__", "200", "x-y", "$ref", "a b"][Math.floor(rand() * 8)]! : randomString(rand);
    Object.defineProperty(out, key, { value: randomValue(rand, depth + 1), writable: true, enumerable: true, configurable: true });
  }
  return out;
}

/** A non-empty mapping (like a spec file) of random values. */
export function randomDocument(seed: number): Record<string, unknown> {
  const rand = createRng(seed);
  const doc: Record<string, unknown> = { openapi: "3.1.0" };
  const size = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < size; i++) doc[`k${i}`] = randomValue(rand, 0);
  return doc;
}
