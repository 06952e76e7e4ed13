// A single-pass reader for block YAML: what our importer's emitter writes (render/yaml-emit.ts) and
// the common hand-written forms. It returns undefined ("use the yaml package") for anything it does
// not fully understand, and otherwise exactly what YAML.parse returns (core schema, key order, -0).
import { readBlockHeader, readBlockScalar } from "./yaml-fast-block.js";
import { readFlowCollection } from "./yaml-fast-flow.js";
import { doubleQuotedValue, FALL_BACK, fail, findClosingQuote, keyOfPlain, plainEnd, resolvePlain, singleQuotedValue } from "./yaml-fast-scalar.js";

// CR and other control characters are left to yaml (NEL, LS, PS are content in YAML 1.2); tabs are checked where they occur.
const UNSAFE_TEXT = /[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]/;

// Whether the text being read has a tab: only then are lines checked for them (one parse at a time).
let tabs = false;

export function parseYamlFast(text: string): { value: unknown } | undefined {
  // A byte order mark is skipped only at the start.
  if (UNSAFE_TEXT.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  tabs = text.includes("\t");
  try {
    return { value: new Reader(text).readDocument() };
  } catch (err) {
    // Nesting deep enough to exhaust the stack is left to yaml as well.
    if (err === FALL_BACK || err instanceof RangeError) return undefined;
    throw err;
  }
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const TAB = 9;
const hasOwn = Object.prototype.hasOwnProperty;

function indentOf(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/** `-`, `?` or `:` followed by a space or the line end: an indicator, not the start of a plain scalar. */
function isIndicatorAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const next = s.charCodeAt(i + 1);
  return (c === DASH || c === 63 || c === 58) && (i + 1 === s.length || next === SPACE || next === TAB);
}

// Characters no plain scalar may start with (flow, comment, node properties, block and reserved indicators).
const BAD_PLAIN_START = new Set([..."'\",[]{}#&*!|>%@`"].map((c) => c.charCodeAt(0)));

/** Checks what follows a closed quoted or flow scalar on its line: nothing or a comment. */
function expectLineEnd(s: string, i: number): void {
  if (i === s.length) return;
  if (s.charCodeAt(i) !== SPACE) fail();
  while (s.charCodeAt(i) === SPACE) i++;
  if (i < s.length && s.charCodeAt(i) !== HASH) fail();
}

/** Whether the line goes on (past spaces and tabs) after a plain scalar ending at `end`: then with a comment. */
function isCommentAfter(s: string, end: number): boolean {
  while (s.charCodeAt(end) === SPACE || s.charCodeAt(end) === TAB) end++;
  return end < s.length;
}

const WIDE = /[^\x00-\xff]/g;

/**
 * The text's lines, each one-byte in V8 when it is Latin-1. A text with one wider character anywhere (GitHub's
 * `_api.yaml` has six lines with an em dash or an emoji) is held two bytes per character, and so is every string cut
 * from it, every text printed from those (JSON.stringify, templates) and every output: twice the memory, and slower
 * to encode. Its Latin-1 lines are cut from a one-byte copy of it instead (the same indices: one byte per UTF-16
 * unit), the others from the text itself.
 */
export function splitLines(text: string): string[] {
  WIDE.lastIndex = 0;
  let found = WIDE.exec(text);
  if (found === null) return text.split("\n");
  // Latin-1 keeps each unit's low byte: exact for the Latin-1 lines, the only ones taken from it.
  const lines = Buffer.from(text, "latin1").toString("latin1").split("\n");
  let line = 0;
  let start = 0;
  for (; found !== null; found = WIDE.exec(text)) {
    while (start + (lines[line] as string).length < found.index) start += (lines[line++] as string).length + 1;
    const end = start + (lines[line] as string).length;
    lines[line] = text.slice(start, end);
    // The rest of this line is done.
    WIDE.lastIndex = end;
  }
  return lines;
}

class Reader {
  private readonly lines: string[];
  private readonly count: number;
  /** The line after the node read last. */
  private pos = 0;
  /** Set by scanKey: the index just past the key's colon. */
  private keyEnd = 0;

  constructor(text: string) {
    this.lines = splitLines(text);
    this.count = text.endsWith("\n") ? this.lines.length - 1 : this.lines.length;
  }

  readDocument(): unknown {
    const j = this.skip(0);
    if (j === this.count) return null;
    const s = this.lines[j] as string;
    const c = indentOf(s);
    const key = isIndicatorAt(s, c) ? undefined : this.scanKey(s, c);
    let value: unknown;
    if (s.charCodeAt(c) === DASH && isIndicatorAt(s, c)) value = this.readSeq(j, c);
    else if (key !== undefined) value = this.readMap(j, c, key);
    else fail();
    if (this.skip(this.pos) !== this.count) fail();
    return value;
  }

  /** The first line at or after `j` with content (not blank, not only a comment). */
  private skip(j: number): number {
    for (; j < this.count; j++) {
      const s = this.lines[j] as string;
      const i = indentOf(s);
      if (i === s.length || s.charCodeAt(i) === HASH) continue;
      if (tabs && s.charCodeAt(i) === TAB) fail();
      if (i === 0 && (s.startsWith("---") || s.startsWith("...")) && (s.length === 3 || s.charCodeAt(3) === SPACE)) fail();
      return j;
    }
    return this.count;
  }

  private readSeq(j: number, c: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const s = this.lines[j] as string;
      let d = c + 1;
      while (s.charCodeAt(d) === SPACE) d++;
      if (d === s.length || s.charCodeAt(d) === HASH) out.push(this.readNested(j + 1, c, false));
      else out.push(this.readInline(j, d, c, true));
      j = this.skip(this.pos);
      if (j === this.count) break;
      const t = this.lines[j] as string;
      const i = indentOf(t);
      if (i > c) fail();
      if (i < c || !(t.charCodeAt(c) === DASH && isIndicatorAt(t, c))) break;
    }
    this.pos = j;
    return out;
  }

  private readMap(j: number, c: number, firstKey: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let key: string | undefined = firstKey;
    for (;;) {
      const s = this.lines[j] as string;
      let d = this.keyEnd;
      while (s.charCodeAt(d) === SPACE) d++;
      const value = d === s.length || s.charCodeAt(d) === HASH ? this.readNested(j + 1, c, true) : this.readInline(j, d, c, false);
      // A repeated key is an error for yaml (or, for keys like 1 and '1', an overwrite): let it decide.
      if (hasOwn.call(out, key)) fail();
      // yaml defines keys such as __proto__ as own properties.
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
      j = this.skip(this.pos);
      if (j === this.count) break;
      const t = this.lines[j] as string;
      const i = indentOf(t);
      if (i > c) fail();
      if (i < c) break;
      key = isIndicatorAt(t, c) ? undefined : this.scanKey(t, c);
      // Not a key at the mapping's column (a `- ` item included): an error for yaml.
      if (key === undefined) fail();
    }
    this.pos = j;
    return out;
  }

  /** The node after `key:` or `-` with nothing more on the line; `parent` is the collection's column. */
  private readNested(j: number, parent: number, seqAtParent: boolean): unknown {
    const k = this.skip(j);
    this.pos = k;
    if (k === this.count) return null;
    const s = this.lines[k] as string;
    const i = indentOf(s);
    if (i > parent) {
      if (s.charCodeAt(i) === DASH && isIndicatorAt(s, i)) return this.readSeq(k, i);
      const key = isIndicatorAt(s, i) ? undefined : this.scanKey(s, i);
      if (key !== undefined) return this.readMap(k, i, key);
      const ch = s.charCodeAt(i);
      if (ch === 124 || ch === 62) fail();
      return this.readScalar(k, i, parent);
    }
    if (seqAtParent && i === parent && s.charCodeAt(i) === DASH && isIndicatorAt(s, i)) return this.readSeq(k, i);
    return null;
  }

  /** The node starting at `s[d]` on the line of its `key:` (map value) or `- ` (sequence item). */
  private readInline(j: number, d: number, parent: number, inSeq: boolean): unknown {
    const s = this.lines[j] as string;
    // Tabs as separation after `- ` or `key:` are left to yaml.
    if (s.charCodeAt(d) === TAB) fail();
    if (inSeq) {
      if (s.charCodeAt(d) === DASH && isIndicatorAt(s, d)) return this.readSeq(j, d);
      const key = isIndicatorAt(s, d) ? undefined : this.scanKey(s, d);
      if (key !== undefined) return this.readMap(j, d, key);
    }
    const ch = s.charCodeAt(d);
    if (ch === 124 || ch === 62) {
      const { value, next } = readBlockScalar(this.lines, this.count, j, parent, readBlockHeader(s, d), tabs);
      this.pos = next;
      return value;
    }
    return this.readScalar(j, d, parent);
  }

  /** A plain, quoted or empty flow scalar at `lines[j][d]`; continuation lines must be indented past `parent`. */
  private readScalar(j: number, d: number, parent: number): unknown {
    const s = this.lines[j] as string;
    const ch = s[d];
    if (ch === "'" || ch === '"') return this.readQuoted(j, d, parent);
    if (ch === "[" || ch === "{") {
      // One line only (a multi-line flow collection is left to yaml), and spaces only.
      if (tabs && s.includes("\t", d)) fail();
      const { value, end } = readFlowCollection(s, d);
      expectLineEnd(s, end);
      this.pos = j + 1;
      return value;
    }
    if (isIndicatorAt(s, d) || BAD_PLAIN_START.has(s.charCodeAt(d))) fail();
    return this.readPlain(j, d, parent);
  }

  private readQuoted(j: number, d: number, parent: number): string {
    const s = this.lines[j] as string;
    let end = findClosingQuote(s, d, d + 1);
    let src: string;
    let k = j;
    if (end !== -1) src = s.slice(d + 1, end - 1);
    else {
      const parts = [s.slice(d + 1)];
      for (k = j + 1; k < this.count && end === -1; k++) {
        const t = this.lines[k] as string;
        const i = indentOf(t);
        if (i <= parent && i < t.length) fail();
        const close = findClosingQuote(`${s[d]}${t}`, 0, 1);
        end = close === -1 ? -1 : close - 1;
        parts.push(end === -1 ? t : t.slice(0, end - 1));
      }
      if (end === -1) fail();
      k--;
      // A tab right after a continuation line's indentation: left to yaml (its indentation rules).
      if (tabs && parts.some((p, n) => n > 0 && p.charCodeAt(indentOf(p)) === TAB)) fail();
      src = parts.join("\n");
    }
    expectLineEnd(this.lines[k] as string, end);
    this.pos = k + 1;
    if (s[d] === "'") return singleQuotedValue(src);
    return src.includes("\\") || src.includes("\n") ? doubleQuotedValue(src) : src;
  }

  private readPlain(j: number, d: number, parent: number): unknown {
    const s = this.lines[j] as string;
    let end = plainEnd(s, d, tabs);
    let text = s.slice(d, end);
    this.pos = j + 1;
    // A comment ends the scalar: it cannot continue on the next line.
    if (isCommentAfter(s, end)) return resolvePlain(text);
    let blanks = 0;
    for (let k = j + 1; k < this.count; k++) {
      const t = this.lines[k] as string;
      const i = indentOf(t);
      if (i === t.length) {
        blanks++;
        continue;
      }
      if (i <= parent || t.charCodeAt(i) === HASH) break;
      end = plainEnd(t, i, tabs);
      text += (blanks ? "\n".repeat(blanks) : " ") + t.slice(i, end);
      blanks = 0;
      this.pos = k + 1;
      if (isCommentAfter(t, end)) break;
    }
    return resolvePlain(text);
  }

  /** The key of a `key:` line starting at `s[c]` (also sets keyEnd), or undefined when the line is no simple key. */
  private scanKey(s: string, c: number): string | undefined {
    const ch = s[c];
    if (ch === "'" || ch === '"') {
      const end = findClosingQuote(s, c, c + 1);
      if (end === -1 || s[end] !== ":" || !(end + 1 === s.length || s.charCodeAt(end + 1) === SPACE)) return undefined;
      if (end - c > 1024) fail();
      this.keyEnd = end + 1;
      const src = s.slice(c + 1, end - 1);
      return ch === "'" ? singleQuotedValue(src) : doubleQuotedValue(src);
    }
    if (BAD_PLAIN_START.has(s.charCodeAt(c))) return undefined;
    let colon = s.indexOf(":", c + 1);
    while (colon !== -1 && colon + 1 < s.length && s.charCodeAt(colon + 1) !== SPACE) colon = s.indexOf(":", colon + 1);
    if (colon === -1) return undefined;
    const hash = s.indexOf(" #", c);
    if (hash !== -1 && hash < colon) return undefined;
    const raw = s.slice(c, colon);
    // A tab may end the key, start a comment or follow a colon: only tabs inside the key are read here.
    if (tabs && (raw.includes("\t#") || raw.includes(":\t") || raw.endsWith("\t"))) fail();
    if (raw.length > 1024 || s.charCodeAt(colon - 1) === SPACE || raw === "<<") fail();
    this.keyEnd = colon + 1;
    return keyOfPlain(raw);
  }
}
