// Locates JSON pointers in YAML the fast reader accepts without a positioned re-parse: a descent by
// indentation that indexes each collection it enters once, giving the offsets the yaml package's ranges
// give (a key's first character, an item's first character, after `- ` for an empty item).
import { fromPointer } from "../errors.js";
import { doubleQuotedValue, findClosingQuote, resolvePlain, singleQuotedValue } from "./yaml-fast-scalar.js";
import { parseYamlFast } from "./yaml-fast.js";

/** 1-based, as yaml's LineCounter.linePos gives them. */
export type LinePos = { line: number; col: number };

type Kind = "map" | "seq" | "flow" | "scalar";

/** A node's first character: line index and column (0-based). */
interface At {
  j: number;
  d: number;
  kind: Kind;
}

/** A key or item: where it is reported, and its value (null when empty). */
interface Entry {
  j: number;
  d: number;
  value: At | null;
}

interface Children {
  keys?: Map<string, Entry>;
  items?: Entry[];
}

const SPACE = 32;
const HASH = 35;
// Characters a block key cannot start with unquoted (as the fast reader's scanKey).
const BAD_PLAIN_START = new Set([..."'\",[]{}#&*!|>%@`"].map((c) => c.charCodeAt(0)));
const FLOW_END = new Set([..." ,[]{}"].map((c) => c.charCodeAt(0)));

function indentOf(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === SPACE) i++;
  return i;
}

/** `-` followed by a space, a tab or the line end. */
function isDashAt(s: string, i: number): boolean {
  const next = s.charCodeAt(i + 1);
  return s.charCodeAt(i) === 45 && (i + 1 === s.length || next === SPACE || next === 9);
}

/** The key as findOffset compares it (String of the key scalar's value): plain keys resolved (`~` is "null"). */
function toKeyName(raw: string, quote: string | undefined): string {
  if (quote === "'") return singleQuotedValue(raw);
  if (quote === '"') return doubleQuotedValue(raw);
  return String(resolvePlain(raw));
}

/** A block `key:` at `s[c]`: its name and the index past the colon, or undefined (as the fast reader's scanKey). */
function scanBlockKey(s: string, c: number): { name: string; end: number } | undefined {
  const ch = s[c];
  if (ch === "'" || ch === '"') {
    const end = findClosingQuote(s, c, c + 1);
    if (end === -1 || s[end] !== ":" || !(end + 1 === s.length || s.charCodeAt(end + 1) === SPACE)) return undefined;
    return { name: toKeyName(s.slice(c + 1, end - 1), ch), end: end + 1 };
  }
  if (BAD_PLAIN_START.has(s.charCodeAt(c)) || isDashAt(s, c)) return undefined;
  let colon = s.indexOf(":", c + 1);
  while (colon !== -1 && colon + 1 < s.length && s.charCodeAt(colon + 1) !== SPACE) colon = s.indexOf(":", colon + 1);
  if (colon === -1) return undefined;
  const hash = s.indexOf(" #", c);
  if (hash !== -1 && hash < colon) return undefined;
  return { name: toKeyName(s.slice(c, colon), undefined), end: colon + 1 };
}

/** Past a flow node at `s[i]` (a nested collection, a quoted or a plain scalar). */
function skipFlowNode(s: string, i: number): number {
  const ch = s[i];
  if (ch === "'" || ch === '"') return findClosingQuote(s, i, i + 1);
  if (ch !== "[" && ch !== "{") {
    while (i < s.length && !",]}".includes(s[i] as string)) i++;
    return i;
  }
  i = skipSpaces(s, i + 1);
  while (s[i] !== "]" && s[i] !== "}") {
    i = skipSpaces(s, skipFlowNode(s, i));
    // A `:` after a map key: then the value.
    if (s[i] === ":") i = skipSpaces(s, skipFlowNode(s, skipSpaces(s, i + 1)));
    if (s[i] === ",") i = skipSpaces(s, i + 1);
  }
  return i + 1;
}

/** The key of a flow map at `s[i]`: its name and the index of its `:`. */
function scanFlowKey(s: string, i: number): { name: string; colon: number } {
  const ch = s[i];
  if (ch === "'" || ch === '"') {
    const end = findClosingQuote(s, i, i + 1);
    return { name: toKeyName(s.slice(i + 1, end - 1), ch), colon: skipSpaces(s, end) };
  }
  let k = i;
  let end = i;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 58 && (k + 1 === s.length || FLOW_END.has(s.charCodeAt(k + 1)))) break;
    if (c !== SPACE) end = k + 1;
  }
  return { name: toKeyName(s.slice(i, end), undefined), colon: k };
}

class FastLocator {
  private readonly lines: string[];
  private readonly count: number;
  /** Each line's indentation, or -1 for a blank or comment-only line. */
  private readonly indents: Int32Array;
  private readonly root: At;
  private readonly indexed = new Map<number, Children>();

  constructor(text: string) {
    this.lines = text.split("\n");
    this.count = text.endsWith("\n") ? this.lines.length - 1 : this.lines.length;
    this.indents = new Int32Array(this.count);
    for (let j = 0; j < this.count; j++) {
      const s = this.lines[j] as string;
      const i = indentOf(s);
      this.indents[j] = i === s.length || s.charCodeAt(i) === HASH ? -1 : i;
    }
    const j = this.nextContent(0);
    // No content: yaml's document has no contents, located at offset 0.
    this.root = j === this.count ? { j: 0, d: 0, kind: "scalar" } : this.nodeAt(j, indentOf(this.lines[j] as string), false);
  }

  locate(pointer: string): LinePos {
    let node: At | null = this.root;
    let pos: { j: number; d: number } = this.root;
    for (const seg of fromPointer(pointer)) {
      if (!node || node.kind === "scalar") break;
      const children = this.childrenOf(node);
      let entry: Entry | undefined;
      if (children.keys) entry = children.keys.get(seg);
      else if (/^\d+$/.test(seg)) entry = children.items?.[Number(seg)];
      if (!entry) break;
      pos = entry;
      node = entry.value;
    }
    return { line: pos.j + 1, col: pos.d + 1 };
  }

  /** The first line at or after `j` that is neither blank nor only a comment. */
  private nextContent(j: number): number {
    while (j < this.count && (this.indents[j] as number) < 0) j++;
    return j;
  }

  /** What starts at `lines[j][d]`; `inlineValue`: on its key's line, where only a scalar or flow collection can be. */
  private nodeAt(j: number, d: number, inlineValue: boolean): At {
    const s = this.lines[j] as string;
    const ch = s[d];
    if (ch === "[" || ch === "{") return { j, d, kind: "flow" };
    if (inlineValue) return { j, d, kind: "scalar" };
    if (isDashAt(s, d)) return { j, d, kind: "seq" };
    return { j, d, kind: scanBlockKey(s, d) ? "map" : "scalar" };
  }

  private childrenOf(node: At): Children {
    const id = node.j * 2 ** 24 + node.d;
    let children = this.indexed.get(id);
    if (!children) {
      children = node.kind === "flow" ? this.indexFlow(node) : node.kind === "map" ? { keys: this.indexMap(node) } : { items: this.indexSeq(node) };
      this.indexed.set(id, children);
    }
    return children;
  }

  /** Calls `each` with every line of the block collection at column `d` after its first line that is at that column. */
  private forEachAtColumn(from: number, d: number, each: (j: number, s: string) => boolean): void {
    for (let j = from; j < this.count; j++) {
      const i = this.indents[j] as number;
      // Lines more indented belong to values; a comment at any column is no content (not even in a block scalar, which ends less indented).
      if (i < 0 || i > d) continue;
      if (i < d || !each(j, this.lines[j] as string)) return;
    }
  }

  private indexMap(node: At): Map<string, Entry> {
    const keys = new Map<string, Entry>();
    const add = (j: number, s: string): boolean => {
      const key = scanBlockKey(s, node.d) as { name: string; end: number };
      // A repeated key (`~` and 'null'): the first one is found.
      if (!keys.has(key.name)) keys.set(key.name, { j, d: node.d, value: this.valueOfKey(j, key.end, node.d) });
      return true;
    };
    add(node.j, this.lines[node.j] as string);
    // A `- ` line at the mapping's column is an item of a key's sequence.
    this.forEachAtColumn(node.j + 1, node.d, (j, s) => isDashAt(s, node.d) || add(j, s));
    return keys;
  }

  private valueOfKey(j: number, end: number, c: number): At | null {
    const s = this.lines[j] as string;
    const d = skipSpaces(s, end);
    if (d < s.length && s.charCodeAt(d) !== HASH) return this.nodeAt(j, d, true);
    const k = this.nextContent(j + 1);
    if (k === this.count) return null;
    const t = this.lines[k] as string;
    const i = indentOf(t);
    if (i > c || (i === c && isDashAt(t, c))) return this.nodeAt(k, i, false);
    return null;
  }

  private indexSeq(node: At): Entry[] {
    const items = [this.itemAt(node.j, node.d)];
    this.forEachAtColumn(node.j + 1, node.d, (j, s) => isDashAt(s, node.d) && items.push(this.itemAt(j, node.d)) > 0);
    return items;
  }

  private itemAt(j: number, c: number): Entry {
    const s = this.lines[j] as string;
    const d = skipSpaces(s, c + 1);
    if (d < s.length && s.charCodeAt(d) !== HASH) return { j, d, value: this.nodeAt(j, d, false) };
    const k = this.nextContent(j + 1);
    const i = k < this.count ? indentOf(this.lines[k] as string) : -1;
    if (i > c) return { j: k, d: i, value: this.nodeAt(k, i, false) };
    // An empty item: yaml's range starts after the dash and its spaces.
    return { j, d, value: null };
  }

  private indexFlow(node: At): Children {
    const s = this.lines[node.j] as string;
    const isSeq = s[node.d] === "[";
    const keys = new Map<string, Entry>();
    const items: Entry[] = [];
    const at = (d: number): At => ({ j: node.j, d, kind: s[d] === "[" || s[d] === "{" ? "flow" : "scalar" });
    let i = skipSpaces(s, node.d + 1);
    while (s[i] !== "]" && s[i] !== "}") {
      if (isSeq) {
        items.push({ j: node.j, d: i, value: at(i) });
        i = skipFlowNode(s, i);
      } else {
        const key = scanFlowKey(s, i);
        const d = skipSpaces(s, key.colon + 1);
        if (!keys.has(key.name)) keys.set(key.name, { j: node.j, d: i, value: at(d) });
        i = skipFlowNode(s, d);
      }
      i = skipSpaces(s, i);
      if (s[i] === ",") i = skipSpaces(s, i + 1);
    }
    return isSeq ? { items } : { keys };
  }
}

/** A locator for `text` when the fast reader accepts it (its shapes are then known), else undefined. */
export function createFastLocate(text: string, knownFast = false): ((pointer: string) => LinePos) | undefined {
  if (!knownFast && parseYamlFast(text) === undefined) return undefined;
  const locator = new FastLocator(text);
  return (pointer) => locator.locate(pointer);
}
