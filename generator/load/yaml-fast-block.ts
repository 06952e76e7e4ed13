// Block scalars (| and >) for the fast YAML reader: which lines belong to the scalar follows the
// yaml package's lexer, their value its resolveBlockScalar, so chomping and indentation match it.
import { fail } from "./yaml-fast-scalar.js";

export interface BlockHeader {
  folded: boolean;
  /** Explicit indentation indicator, 0 when detected from the first content line. */
  indent: number;
  chomp: "" | "-" | "+";
}

/** The header at `s[at]` (`|`, `>-`, `|2+`, …, then an optional comment), or a fall back. */
export function readBlockHeader(s: string, at: number): BlockHeader {
  const header: BlockHeader = { folded: s[at] === ">", indent: 0, chomp: "" };
  let i = at + 1;
  for (; i < s.length; i++) {
    const ch = s[i] as string;
    if (!header.chomp && (ch === "-" || ch === "+")) header.chomp = ch;
    else if (!header.indent && ch >= "1" && ch <= "9") header.indent = Number(ch);
    else break;
  }
  if (i === s.length) return header;
  if (s[i] !== " ") fail();
  while (s[i] === " ") i++;
  if (i < s.length && s[i] !== "#") fail();
  return header;
}

function indentOf(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

const isBlank = (s: string): boolean => indentOf(s) === s.length;

/**
 * Reads the block scalar whose header line is `lines[at]`; `parent` is the column of the
 * mapping or sequence it belongs to. Returns the value and the index of the first line after it.
 */
export function readBlockScalar(lines: string[], count: number, at: number, parent: number, header: BlockHeader, tabs: boolean): {
  value: string;
  next: number;
} {
  const first = at + 1;
  let f = first;
  while (f < count && isBlank(lines[f] as string)) f++;
  // The yaml package reads a block scalar at the root with other indentation rules: leave it to it.
  if (parent < 0) fail();
  if (f === count || indentOf(lines[f] as string) < parent + 1) return { value: readEmptyBlock(lines, count, first, f, header, tabs), next: f };
  const detected = indentOf(lines[f] as string);
  const continueAt = header.indent ? parent + header.indent : detected;
  if (detected < continueAt) fail();
  let end = f + 1;
  while (end < count && (isBlank(lines[end] as string) || indentOf(lines[end] as string) >= continueAt)) end++;
  // The lexer takes a less indented line starting with a tab into the scalar (an error): leave that to yaml.
  if (tabs && end < count && (lines[end] as string).charCodeAt(indentOf(lines[end] as string)) === 9) fail();
  let last = end - 1;
  // The lexer drops trailing blank lines not more indented than the first content line (unless keeping).
  if (header.chomp !== "+") while (last > first && isBlank(lines[last] as string) && (lines[last] as string).length <= detected) last--;
  const parts: Array<[number, string]> = [];
  for (let i = first; i <= last; i++) {
    const line = lines[i] as string;
    const ind = indentOf(line);
    parts.push([ind, line.slice(ind)]);
  }
  // Text ending in a newline: the source's last line break leaves one more empty line.
  if (last < lines.length - 1) parts.push([0, ""]);
  return { value: resolveBlock(parts, parent, header), next: end };
}

/** A block scalar with only blank lines (up to line `f`): "" unless kept, then one break per blank line. */
function readEmptyBlock(lines: string[], count: number, first: number, f: number, header: BlockHeader, tabs: boolean): string {
  // Tabs after blank lines are taken into the scalar by the lexer.
  if (tabs && f < count && (lines[f] as string).charCodeAt(indentOf(lines[f] as string)) === 9) fail();
  // At the end of a text without a final newline the last blank line is not part of the scalar.
  const blanks = f === count && count === lines.length ? f - first - 1 : f - first;
  return header.chomp === "+" && blanks > 0 ? "\n".repeat(blanks) : "";
}

const spaces = (n: number): string => (n > 0 ? " ".repeat(n) : "");

function resolveBlock(lines: Array<[number, string]>, parent: number, header: BlockHeader): string {
  let chompStart = lines.length;
  while (chompStart > 0 && (lines[chompStart - 1] as [number, string])[1] === "") chompStart--;
  if (chompStart === 0) fail();
  let trim = parent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [ind, content] = lines[i] as [number, string];
    if (content === "") {
      if (header.indent === 0 && ind > trim) trim = ind;
      continue;
    }
    if (ind < trim) fail();
    if (header.indent === 0) trim = ind;
    contentStart = i;
    if (trim === 0) fail();
    break;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) if ((lines[i] as [number, string])[0] > trim) chompStart = i + 1;
  let value = "";
  for (let i = 0; i < contentStart; ++i) value += spaces((lines[i] as [number, string])[0] - trim) + "\n";
  value += header.folded ? foldLines(lines, contentStart, chompStart, trim) : joinLines(lines, contentStart, chompStart, trim);
  if (header.chomp === "+") {
    for (let i = chompStart; i < lines.length; ++i) value += "\n" + spaces((lines[i] as [number, string])[0] - trim);
    if (!value.endsWith("\n")) value += "\n";
  } else if (header.chomp === "") value += "\n";
  return value;
}

function joinLines(lines: Array<[number, string]>, from: number, to: number, trim: number): string {
  let value = "";
  let sep = "";
  for (let i = from; i < to; ++i) {
    const [ind, content] = lines[i] as [number, string];
    if (content && ind < trim) fail();
    value += sep + spaces(ind - trim) + content;
    sep = "\n";
  }
  return value;
}

function foldLines(lines: Array<[number, string]>, from: number, to: number, trim: number): string {
  let value = "";
  let sep = "";
  let prevMoreIndented = false;
  for (let i = from; i < to; ++i) {
    const [ind, content] = lines[i] as [number, string];
    if (content && ind < trim) fail();
    if (ind > trim || content.charCodeAt(0) === 9) {
      // More-indented lines keep their breaks.
      if (sep === " ") sep = "\n";
      else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
      value += sep + spaces(ind - trim) + content;
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n") value += "\n";
      else sep = "\n";
    } else {
      value += sep + content;
      sep = " ";
      prevMoreIndented = false;
    }
  }
  return value;
}
