// The layout engine against a table of docs, each also printed by prettier's own doc printer as the oracle.
import { doc as prettierDoc } from "prettier";
import { describe, expect, test } from "vitest";
import { type Doc, fill, group, hardline, ifBreak, indent, join, line, printDoc, softline } from "../../generator/render/layout.js";

const b = prettierDoc.builders;

/** The same doc in prettier's builders (fresh group ids per conversion). */
function toPrettier(d: Doc, ids = new Map<symbol, symbol>()): prettierDoc.builders.Doc {
  if (typeof d === "string") return d;
  if (Array.isArray(d)) return d.map((x) => toPrettier(x, ids));
  const id = (s?: symbol) => (s ? (ids.get(s) ?? ids.set(s, Symbol()).get(s)) : undefined);
  switch (d.type) {
    case "group":
      return b.group(toPrettier(d.contents, ids), { shouldBreak: d.shouldBreak, id: id(d.id) });
    case "indent":
      return b.indent(toPrettier(d.contents, ids));
    case "line":
      return d.hard ? b.hardline : d.soft ? b.softline : b.line;
    case "if-break":
      return b.ifBreak(toPrettier(d.breakContents, ids), toPrettier(d.flatContents, ids), { groupId: id(d.groupId) });
    case "fill":
      return b.fill(d.parts.map((x) => toPrettier(x, ids)));
  }
}

const list = (items: string[], trailing = true): Doc =>
  group(["[", indent([softline, join([",", line], items), trailing ? ifBreak(",") : ""]), softline, "]"]);
const numbersId = Symbol("numbers");

const cases: Array<[string, { given: () => Doc; width: number; want: string }]> = [
  ["text", { given: () => "abc", width: 80, want: "abc" }],
  ["group that fits stays flat", { given: () => list(["1", "2"]), width: 80, want: "[1, 2]" }],
  ["group that does not fit breaks, ifBreak adds a comma", { given: () => list(["aaaa", "bbbb"]), width: 8, want: "[\n  aaaa,\n  bbbb,\n]" }],
  ["exactly the width fits", { given: () => list(["aa", "bb"]), width: 8, want: "[aa, bb]" }],
  ["outer breaks, inner fits", { given: () => list(["xxxxxxxxxx", list(["1", "2"]) as unknown as string]), width: 12, want: "[\n  xxxxxxxxxx,\n  [1, 2],\n]" }],
  ["the rest up to the next line counts", { given: () => ["f(", list(["aa", "bb"]), ");"], width: 11, want: "f([\n  aa,\n  bb,\n]);" }],
  ["hardline breaks every enclosing group", { given: () => group(["a", indent([line, "b", hardline, "c"]), line, "d"]), width: 80, want: "a\n  b\n  c\nd" }],
  ["shouldBreak forces a break", { given: () => group(["{", indent([line, "a"]), line, "}"], { shouldBreak: true }), width: 80, want: "{\n  a\n}" }],
  ["ifBreak by group id", { given: () => [group(["(", indent([softline, "xxxxxxxx"]), softline, ")"], { id: numbersId }), ifBreak("!", "?", numbersId)], width: 6, want: "(\n  xxxxxxxx\n)!" }],
  [
    "fill packs items per line",
    {
      given: () => group(["[", indent([softline, fill(join(line, ["10,", "11,", "12,", "13,", "14,", "15"]))]), softline, "]"]),
      width: 13,
      want: "[\n  10, 11, 12,\n  13, 14, 15\n]",
    },
  ],
  ["trailing spaces are trimmed at a break", { given: () => group(["a ", hardline, "b"]), width: 80, want: "a\nb" }],
  ["wide characters count double", { given: () => list(["🎉🎉", "🎉🎉"]), width: 11, want: "[\n  🎉🎉,\n  🎉🎉,\n]" }],
];

describe("printDoc", () => {
  test.each(cases)("%s", (_, { given, width, want }) => {
    expect(printDoc(given(), { width, indentWidth: 2 })).toBe(want);
    const oracle = prettierDoc.printer.printDocToString(toPrettier(given()), { printWidth: width, tabWidth: 2, useTabs: false });
    expect(oracle.formatted).toBe(want);
  });
  test("indent width comes from the options", () => {
    expect(printDoc(list(["aaaa", "bbbb"]), { width: 8, indentWidth: 4 })).toBe("[\n    aaaa,\n    bbbb,\n]");
  });
});
