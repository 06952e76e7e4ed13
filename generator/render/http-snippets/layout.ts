// A small value layout: prints a node flat when it fits the line, otherwise one element per line (as prettier does).

export type Node =
  | { kind: "raw"; text: string }
  | { kind: "string"; value: string }
  | { kind: "scalar"; value: number | boolean | null }
  | { kind: "array"; items: readonly Node[] }
  | { kind: "object"; entries: readonly Entry[] }
  | { kind: "call"; callee: string; args: readonly Arg[] };

export interface Entry {
  /** A string key (quoted per language) or raw code (e.g. a PHP constant). */
  key: string | { raw: string };
  value: Node;
}

export interface Arg {
  /** Keyword argument name (Python `json=`), if any. */
  name?: string;
  value: Node;
}

/** How one language spells values. */
export interface Syntax {
  quote(s: string): string;
  scalar(v: number | boolean | null): string;
  /** Printed form of a string key. */
  key(k: string): string;
  entrySeparator: string;
  /** Opening bracket of an object, given its keys (null when some key is code; PHP needs `(object) [` for list-like JSON keys). */
  objectOpen(keys: readonly string[] | null): string;
  objectClose: string;
  /** Spaces inside flat object brackets: `{ a: 1 }`. */
  objectPadding: boolean;
  kwargSeparator: string;
  trailingComma: boolean;
  /** `f(a, {` … `})`: a call whose last argument is a container keeps the others on its first line. */
  hugLastArgument: boolean;
  indent: string;
  width: number;
}

export const raw = (text: string): Node => ({ kind: "raw", text });
export const str = (value: string): Node => ({ kind: "string", value });
export const call = (callee: string, ...args: (Node | Arg)[]): Node => ({
  kind: "call",
  callee,
  args: args.map((a) => ("kind" in a ? { value: a } : a)),
});

/** Any JSON value as a node tree (key order kept). */
export function fromJson(value: unknown): Node {
  if (typeof value === "string") return str(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return { kind: "scalar", value };
  if (Array.isArray(value)) return { kind: "array", items: value.map(fromJson) };
  if (typeof value === "object") {
    return { kind: "object", entries: Object.entries(value as object).map(([key, v]) => ({ key, value: fromJson(v) })) };
  }
  return { kind: "scalar", value: null };
}

/** Prints `node` starting at `column`, nested `level` indents deep; `reserve` counts characters that follow on the line. */
export function printNode(node: Node, syntax: Syntax, opts: { column?: number; level?: number; reserve?: number } = {}): string {
  const { column = 0, level = 0, reserve = 0 } = opts;
  if (isLeaf(node)) return printFlat(node, syntax);
  return printFlatWithin(node, syntax, syntax.width - column - reserve) ?? printBroken(node, syntax, level);
}

/**
 * printFlat(node) when it is one line of at most `limit` characters, else undefined: given up as soon as the
 * line is too long, so that a large value broken over many lines is not printed flat again at every level
 * (that made printing quadratic in the value's depth).
 */
function printFlatWithin(node: Node, syntax: Syntax, limit: number): string | undefined {
  if (limit < 0) return undefined;
  if (node.kind === "raw" || node.kind === "string" || node.kind === "scalar") {
    const flat = printFlat(node, syntax);
    return flat.length <= limit && !flat.includes("\n") ? flat : undefined;
  }
  const { open, close, items } = partsOf(node, syntax);
  const pad = node.kind === "object" && syntax.objectPadding && items.length > 0 ? " " : "";
  const end = pad + close;
  let out = open + pad;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Parts["items"][number];
    out += i > 0 ? ", " + item.prefix : item.prefix;
    // What is left of the line once the closing bracket is counted.
    const value = printFlatWithin(item.node, syntax, limit - out.length - end.length);
    if (value === undefined) return undefined;
    out += value;
  }
  out += end;
  return out.length <= limit && !out.includes("\n") ? out : undefined;
}

function isLeaf(node: Node): boolean {
  if (node.kind === "array") return node.items.length === 0;
  if (node.kind === "object") return node.entries.length === 0;
  if (node.kind === "call") return node.args.length === 0;
  return true;
}

interface Parts {
  open: string;
  close: string;
  items: { prefix: string; node: Node }[];
}

function partsOf(node: Node, syntax: Syntax): Parts {
  if (node.kind === "array") return { open: "[", close: "]", items: node.items.map((n) => ({ prefix: "", node: n })) };
  if (node.kind === "object") {
    const keys = node.entries.every((e) => typeof e.key === "string") ? node.entries.map((e) => e.key as string) : null;
    const items = node.entries.map((e) => ({ prefix: printKey(e.key, syntax) + syntax.entrySeparator, node: e.value }));
    return { open: syntax.objectOpen(keys), close: syntax.objectClose, items };
  }
  if (node.kind === "call") {
    const items = node.args.map((a) => ({ prefix: a.name ? a.name + syntax.kwargSeparator : "", node: a.value }));
    return { open: node.callee + "(", close: ")", items };
  }
  throw new Error(`not a container: ${node.kind}`);
}

function printKey(key: Entry["key"], syntax: Syntax): string {
  return typeof key === "string" ? syntax.key(key) : key.raw;
}

function printFlat(node: Node, syntax: Syntax): string {
  switch (node.kind) {
    case "raw":
      return node.text;
    case "string":
      return syntax.quote(node.value);
    case "scalar":
      return syntax.scalar(node.value);
    default: {
      const { open, close, items } = partsOf(node, syntax);
      const inner = items.map((i) => i.prefix + printFlat(i.node, syntax)).join(", ");
      const pad = node.kind === "object" && syntax.objectPadding && items.length > 0 ? " " : "";
      return open + pad + inner + pad + close;
    }
  }
}

function printBroken(node: Node, syntax: Syntax, level: number): string {
  const hugged = node.kind === "call" && syntax.hugLastArgument ? printHugged(node, syntax, level) : undefined;
  if (hugged !== undefined) return hugged;
  const { open, close, items } = partsOf(node, syntax);
  const inner = syntax.indent.repeat(level + 1);
  const lines = items.map((item, i) => {
    const last = i === items.length - 1;
    const comma = !last || syntax.trailingComma ? "," : "";
    const column = inner.length + item.prefix.length;
    const value = printNode(item.node, syntax, { column, level: level + 1, reserve: comma.length });
    return inner + item.prefix + value + comma;
  });
  return [open, ...lines, syntax.indent.repeat(level) + close].join("\n");
}

function printHugged(node: Node & { kind: "call" }, syntax: Syntax, level: number): string | undefined {
  const last = node.args[node.args.length - 1];
  if (!last || isLeaf(last.value) || (last.value.kind !== "object" && last.value.kind !== "array")) return undefined;
  const head = node.args.slice(0, -1).map((a) => (a.name ? a.name + syntax.kwargSeparator : "") + printFlat(a.value, syntax));
  const prefix = node.callee + "(" + [...head, last.name ? last.name + syntax.kwargSeparator : ""].join(", ");
  const start = syntax.indent.repeat(level).length + prefix.length;
  if (prefix.includes("\n") || start + syntax.objectOpen(null).length > syntax.width) return undefined;
  return prefix + printBroken(last.value, syntax, level) + ")";
}
