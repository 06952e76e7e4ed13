// A direct emitter for JSON-like documents, ~10× faster than building a yaml Document. Plain
// strings and keys it can prove need no quoting are written as is (long ones folded), and so are
// one-line `>-` blocks and `|` blocks that need no folding, each as yaml writes them; every other
// scalar goes through the yaml package's own string stringifier, so the bytes equal the Document path's.
// Shared by the importer (generator/import/yaml.ts) and docs/mintlify (its yaml-dump.ts).
import { Document, Scalar } from "yaml";
import { stringifyString, type StringifyContext } from "yaml/util";

export const YAML_WIDTH = 80;
/** The style of seed 003: 80 columns, single quotes, `- ` items indented under their key. */
export const YAML_OPTIONS = { lineWidth: YAML_WIDTH, singleQuote: true, aliasDuplicateObjects: false, indentSeq: true } as const;

/**
 * Which one-line value strings become `>-` blocks. `column`: where the scalar starts on its line
 * (after `key: ` or `- `); `depth`: twice the number of collections around it (its block indent).
 */
export type FoldRule = (text: string, column: number, depth: number) => boolean;

export function foldedScalar(s: string): Scalar {
  const node = new Scalar(s);
  node.type = Scalar.BLOCK_FOLDED;
  return node;
}

// The yaml package's default toString options (yaml 2.x) with ours on top.
const OPTIONS = {
  blockQuote: true,
  defaultKeyType: null,
  defaultStringType: "PLAIN",
  directives: null,
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  falseStr: "false",
  flowCollectionPadding: true,
  minContentWidth: 20,
  nullStr: "null",
  simpleKeys: false,
  trailingComma: false,
  trueStr: "true",
  verifyAliasOrder: true,
  ...YAML_OPTIONS,
};

let doc: Document | null = null;

function context(indent: string, implicitKey: boolean, indentAtStart: number | undefined): StringifyContext {
  doc ??= new Document();
  // One object shape for every call keeps this hot path monomorphic.
  const ctx = {
    anchors: new Set<string>(),
    doc,
    flowCollectionPadding: " ",
    indent,
    indentStep: "  ",
    inFlow: null,
    options: OPTIONS,
    actualString: true,
    implicitKey,
    indentAtStart,
  };
  return ctx as unknown as StringifyContext;
}

class NeedsDocument extends Error {}

/** YAML text, or null when the value needs the Document path (not a non-empty collection, huge keys). */
export function emitYaml(value: unknown, fold: FoldRule): string | null {
  if (!isNonEmptyCollection(value)) return null;
  try {
    return `${emitCollection(value, "", fold)}\n`;
  } catch (error) {
    if (error instanceof NeedsDocument) return null;
    throw error;
  }
}

function isNonEmptyCollection(v: unknown): v is object {
  if (Array.isArray(v)) return v.length > 0;
  return typeof v === "object" && v !== null && Object.values(v).some((x) => x !== undefined);
}

/** A non-empty collection whose first line continues the current one; later lines start at `ind`. */
function emitCollection(value: object, ind: string, fold: FoldRule): string {
  const inner = `${ind}  `;
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const v = item === undefined ? null : item;
      if (isNonEmptyCollection(v)) lines.push(`- ${emitCollection(v, inner, fold)}`);
      else lines.push(`- ${emitScalar(v, inner, undefined, ind.length + 2, fold)}`);
    }
  } else {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const key = emitKey(k, inner);
      if (isNonEmptyCollection(v)) lines.push(`${key}:\n${inner}${emitCollection(v, inner, fold)}`);
      else lines.push(joinPair(key, emitScalar(v, inner, key.length + 2, ind.length + k.length + 2, fold)));
    }
  }
  return lines.join(`\n${ind}`);
}

// yaml drops the space when a long key pushes the folded value to the next line.
function joinPair(key: string, value: string): string {
  return value.startsWith("\n") ? `${key}:${value}` : `${key}: ${value}`;
}

// Starts with a letter, digit or / (keys: letter, / or $); no control characters or surrogates (tabs included);
// no `: `, ` #`, trailing space or colon (the indicators YAML reads inside a plain scalar).
const PLAIN_VALUE = /^[A-Za-z0-9/][^\x00-\x1f\x7f-\x9f\uD800-\uDFFF]*$/;
const PLAIN_KEY = /^[A-Za-z/$][^\s\x00-\x1f\x7f-\x9f\uD800-\uDFFF]*$/;
const INDICATORS = /: | #|[ :]$/;
// What the core schema would read as null, a boolean or a number (yaml's own tag patterns).
const RESERVED = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)$/;

function isPlainSafe(s: string, pattern: RegExp): boolean {
  return pattern.test(s) && !INDICATORS.test(s) && !RESERVED.test(s);
}

function emitKey(k: string, indent: string): string {
  if (k.length <= 1024 && isPlainSafe(k, PLAIN_KEY)) return k;
  const out = stringifyString(new Scalar(k), context(indent, true, undefined));
  if (out.length > 1024 || out.includes("\n")) throw new NeedsDocument();
  return out;
}

// `indent` is the block indent of the scalar's collection's children (two per enclosing collection).
function emitScalar(v: unknown, indent: string, indentAtStart: number | undefined, column: number, fold: FoldRule): string {
  switch (typeof v) {
    case "string":
      if (fold(v, column, indent.length)) return foldedBlock(v, indent) ?? stringifyString(foldedScalar(v), context(indent, false, indentAtStart));
      // A plain one-line string: folded (at spaces) as yaml folds it when it is too long.
      if (isPlainSafe(v, PLAIN_VALUE)) return foldLine(v, indent, indentAtStart);
      return literalBlock(v, indent) ?? stringifyString(new Scalar(v), context(indent, false, indentAtStart));
    case "number":
      if (!Number.isFinite(v)) return Number.isNaN(v) ? ".nan" : v < 0 ? "-.inf" : ".inf";
      return Object.is(v, -0) ? "-0" : JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return String(v);
    case "object":
      if (v === null) return "null";
      return Array.isArray(v) ? "[]" : "{}";
    default:
      throw new NeedsDocument();
  }
}

// What follows writes the three kinds of string scalar that make most of a long document's text (long plain lines,
// `>-` blocks of one line, `|` blocks whose lines fit) as the yaml package's stringifyString writes them, without
// its general path (a dozen regular expressions and the schema's tag tests per string; GitHub's Mintlify pages render
// ~50 ms faster without it). Anything else returns null and goes to yaml. test/render/yaml-emit.test.ts compares them
// with yaml.

/** yaml's minContentWidth (its default). */
const MIN_CONTENT_WIDTH = 20;
/** Line breaks, tabs, control characters and surrogates: texts that hold none of them are what the shortcuts take. */
const NOT_SIMPLE = /[\x00-\x1f\x7f-\x9f\uD800-\uDFFF]/;
/** The same with line feeds allowed. */
const NOT_SIMPLE_LINES = /[\x00-\x09\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;

/**
 * A text without line breaks or tabs folded as yaml's foldFlowLines folds it (flow and block modes are the same on
 * such a text): at a single space between two non-spaces, once the line reaches the width; a line with no such space
 * runs on. `startColumn`: where the text starts on its first line (undefined: after the indent).
 */
function foldLine(text: string, indent: string, startColumn: number | undefined): string {
  const endStep = Math.max(1 + MIN_CONTENT_WIDTH, 1 + YAML_WIDTH - indent.length);
  if (text.length <= endStep) return text;
  const folds: number[] = [];
  let end = YAML_WIDTH - indent.length;
  if (startColumn !== undefined) {
    // Too far right to start: the text starts on the next line.
    if (startColumn > YAML_WIDTH - Math.max(2, MIN_CONTENT_WIDTH)) folds.push(0);
    else end = YAML_WIDTH - startColumn;
  }
  let split = -1;
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && text.charCodeAt(i) === SPACE && text.charCodeAt(i - 1) !== SPACE && i + 1 < text.length && text.charCodeAt(i + 1) !== SPACE) split = i;
    if (i >= end && split > 0) {
      folds.push(split);
      end = split + endStep;
      split = -1;
    }
  }
  if (folds.length === 0) return text;
  let out = text.slice(0, folds[0]);
  for (let k = 0; k < folds.length; k++) {
    const at = folds[k] as number;
    const next = folds[k + 1] ?? text.length;
    out = at === 0 ? `\n${indent}${text.slice(0, next)}` : `${out}\n${indent}${text.slice(at + 1, next)}`;
  }
  return out;
}

const SPACE = 32;

/** `>-` and the folded text: a one-line text with no edge spaces, inside a collection; else null. */
function foldedBlock(text: string, indent: string): string | null {
  if (indent === "" || text === "" || NOT_SIMPLE.test(text)) return null;
  if (text.charCodeAt(0) === SPACE || text.charCodeAt(text.length - 1) === SPACE) return null;
  return `>-\n${indent}${foldLine(text, indent, indent.length)}`;
}

/**
 * `|` (or `|-`) and the lines, for a text of several lines that all fit the width (no tabs or edge spaces, at most
 * one final line break); else null (yaml folds a text with a longer line, or needs an indentation indicator).
 */
function literalBlock(text: string, indent: string): string | null {
  if (indent === "" || !text.includes("\n") || NOT_SIMPLE_LINES.test(text)) return null;
  const first = text.charCodeAt(0);
  if (first === SPACE || first === NEWLINE) return null;
  const clip = text.charCodeAt(text.length - 1) === NEWLINE;
  const body = clip ? text.slice(0, -1) : text;
  const last = body.charCodeAt(body.length - 1);
  if (last === SPACE || last === NEWLINE || isLineOverWidth(text, YAML_WIDTH - indent.length)) return null;
  return `|${clip ? "" : "-"}\n${indent}${body.replace(/\n+/g, `$&${indent}`)}`;
}

const NEWLINE = 10;

/** yaml's lineLengthOverLimit: whether a line is longer than `limit` (the last line counts only when others did not end the test). */
function isLineOverWidth(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== NEWLINE) continue;
    if (i - start > limit) return true;
    start = i + 1;
    if (text.length - start <= limit) return false;
  }
  return true;
}
