// The raw-HTTP value layout (printNode gives up printing a node flat as soon as its line is too long) against the
// rule it implements, written out plainly here: a node is printed flat when it is a leaf, or when its whole flat
// text fits the rest of the line and has no line break; otherwise one element per line.
import { describe, expect, test } from "vitest";
import { call, fromJson, printNode, raw, str, type Node, type Syntax } from "../../../generator/render/http-snippets/layout.js";
import { jsonSyntax, jsSyntax, phpSyntax, pythonSyntax, rubySyntax } from "../../../generator/render/http-snippets/syntaxes.js";
import { createRng } from "../../helpers/random.js";

function flat(node: Node, s: Syntax): string {
  switch (node.kind) {
    case "raw":
      return node.text;
    case "string":
      return s.quote(node.value);
    case "scalar":
      return s.scalar(node.value);
    default: {
      const { open, close, items } = parts(node, s);
      const pad = node.kind === "object" && s.objectPadding && items.length > 0 ? " " : "";
      return open + pad + items.map((i) => i.prefix + flat(i.node, s)).join(", ") + pad + close;
    }
  }
}

function parts(node: Node, s: Syntax): { open: string; close: string; items: { prefix: string; node: Node }[] } {
  if (node.kind === "array") return { open: "[", close: "]", items: node.items.map((n) => ({ prefix: "", node: n })) };
  if (node.kind === "object") {
    const keys = node.entries.every((e) => typeof e.key === "string") ? node.entries.map((e) => e.key as string) : null;
    return { open: s.objectOpen(keys), close: s.objectClose, items: node.entries.map((e) => ({ prefix: (typeof e.key === "string" ? s.key(e.key) : e.key.raw) + s.entrySeparator, node: e.value })) };
  }
  if (node.kind === "call") return { open: `${node.callee}(`, close: ")", items: node.args.map((a) => ({ prefix: a.name ? a.name + s.kwargSeparator : "", node: a.value })) };
  throw new Error(node.kind);
}

const leaf = (n: Node) => (n.kind === "array" ? n.items.length === 0 : n.kind === "object" ? n.entries.length === 0 : n.kind === "call" ? n.args.length === 0 : true);

function plain(node: Node, s: Syntax, column = 0, level = 0, reserve = 0): string {
  const text = flat(node, s);
  if (leaf(node) || (!text.includes("\n") && column + text.length + reserve <= s.width)) return text;
  if (node.kind === "call" && s.hugLastArgument) {
    const last = node.args[node.args.length - 1];
    if (last && !leaf(last.value) && (last.value.kind === "object" || last.value.kind === "array")) {
      const head = node.args.slice(0, -1).map((a) => (a.name ? a.name + s.kwargSeparator : "") + flat(a.value, s));
      const prefix = `${node.callee}(${[...head, last.name ? last.name + s.kwargSeparator : ""].join(", ")}`;
      if (!prefix.includes("\n") && s.indent.repeat(level).length + prefix.length + s.objectOpen(null).length <= s.width) {
        return prefix + broken(last.value, s, level) + ")";
      }
    }
  }
  return broken(node, s, level);
}

function broken(node: Node, s: Syntax, level: number): string {
  const { open, close, items } = parts(node, s);
  const inner = s.indent.repeat(level + 1);
  const lines = items.map((item, i) => {
    const comma = i < items.length - 1 || s.trailingComma ? "," : "";
    return inner + item.prefix + plain(item.node, s, inner.length + item.prefix.length, level + 1, comma.length) + comma;
  });
  return [open, ...lines, s.indent.repeat(level) + close].join("\n");
}

const WORDS = ["id", "name", "a", "a much longer value that takes up room", "x".repeat(70), "two\nlines", 'quote "q"', "#{ruby}", "$php", "café"];

function tree(next: () => number, depth: number): Node {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const r = next();
  if (depth === 0 || r < 0.25) return r < 0.1 ? { kind: "scalar", value: pick([1, 2.5, true, false, null]) } : r < 0.13 ? raw(pick(["CONST", "a\nb"])) : str(pick(WORDS));
  const size = Math.floor(next() * 5);
  const children = Array.from({ length: size }, () => tree(next, depth - 1));
  if (r < 0.55) return { kind: "array", items: children };
  if (r < 0.9) return { kind: "object", entries: children.map((value, i) => ({ key: next() < 0.1 ? { raw: "KEY" } : `${pick(WORDS)}${i}`, value })) };
  return call(pick(["f", "client.post", "a_rather_long_function_name_here"]), ...children.map((value, i) => (next() < 0.3 ? { name: `k${i}`, value } : value)));
}

const SYNTAXES: [string, Syntax][] = [
  ["json", jsonSyntax],
  ["js", jsSyntax],
  ["python", pythonSyntax],
  ["ruby", rubySyntax],
  ["php", phpSyntax],
];

describe("http-snippets layout", () => {
  test.each(SYNTAXES)("%s: printNode follows the rule on random values, at widths from 0 to 120", (_name, syntax) => {
    let compared = 0;
    let brokenSome = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const node = tree(createRng(seed), 5);
      for (const width of [0, 12, 40, 80, 120]) {
        const s = { ...syntax, width };
        const got = printNode(node, s, { column: seed % 7, level: seed % 2, reserve: seed % 3 });
        expect(got, `seed ${seed}, width ${width}`).toBe(plain(node, s, seed % 7, seed % 2, seed % 3));
        compared++;
        if (got.includes("\n") && !flat(node, s).includes("\n")) brokenSome++;
      }
    }
    // The cases exercise both outcomes: values printed flat, and values broken over lines.
    expect(brokenSome).toBeGreaterThan(100);
    expect(compared - brokenSome).toBeGreaterThan(100);
  });

  test("a deep value is broken at every level that does not fit, flat where it does", () => {
    const deep = fromJson({ a: { b: { c: { d: ["one", "two"] } } }, e: "x".repeat(60) });
    expect(printNode(deep, jsSyntax)).toBe(plain(deep, jsSyntax));
    expect(printNode(deep, jsSyntax).split("\n")).toHaveLength(4);
  });
});
