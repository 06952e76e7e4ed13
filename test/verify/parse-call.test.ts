// The call readers: a given/want table per language, then every JavaScript and PHP code block of Seam's pages read
// by the real parsers (typescript, php-parser) as oracles; layout-free token comparison; the unified diff.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import PhpParser from "php-parser";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { isSameTokens } from "../../generator/verify/compare.js";
import { unifiedDiff } from "../../generator/verify/diff.js";
import { parseCall } from "../../generator/verify/parse-call.js";
import { requireCorpus } from "../helpers/seam.js";

const CALLS: [string, { language: string; given: string; want: unknown }][] = [
  ["js object argument", { language: "javascript", given: 'await seam.a.bC({\n  x: "1",\n  "y-z": [1, -2.5, null],\n});', want: { kind: "sdk", client: "seam", path: ["a", "bC"], params: [["x", "1"], ["y-z", [1, -2.5, null]]] } }],
  ["js no arguments", { language: "javascript", given: "await seam.devices.list();", want: { kind: "sdk", client: "seam", path: ["devices", "list"], params: [] } }],
  ["python keywords, True/None, ** spread", { language: "python", given: 'seam.a.b(x=True, y=None, **{"z-1": {"k": "v"}})', want: { kind: "sdk", client: "seam", path: ["a", "b"], params: [["x", true], ["y", null], ["z-1", { k: "v" }]] } }],
  ["ruby %w words and rocket hash", { language: "ruby", given: 'seam.a.b(ids: %w[a b], h: { "k" => nil, z: 1 },)', want: { kind: "sdk", client: "seam", path: ["a", "b"], params: [["ids", ["a", "b"]], ["h", { k: null, z: 1 }]] } }],
  ["php named arguments and keyed array", { language: "php", given: '$seam->a->b(\n    x: "\\u{1b}",\n    h: ["k" => false],\n);', want: { kind: "sdk", client: "seam", path: ["a", "b"], params: [["x", "\x1b"], ["h", { k: false }]] } }],
  ["cli quoted, bare JSON, single-quoted", { language: "cli", given: `seam a b --s "x y" --l ["q"] --n 3 --t 'a$b'`, want: { kind: "sdk", client: "seam", path: ["a", "b"], params: [["s", "x y"], ["l", ["q"]], ["n", 3], ["t", "a$b"]] } }],
  ["curl heredoc body", { language: "curl", given: 'curl --include --request POST "https://h/a/b?x=1&y=%20" \\\n  --json @- <<EOF\n{"a": 1}\nEOF', want: { kind: "http", method: "post", path: "/a/b", query: [["x", "1"], ["y", " "]], body: { a: 1 } } }],
  ["curl -X/-d, unknown host", { language: "curl", given: "curl -X DELETE \"https://<localhost>/g/My%20G\" -H 'A: b' -d '[\"d\"]'", want: { kind: "http", method: "delete", path: "/g/My G", query: [], body: ["d"] } }],
];

describe("parseCall", () => {
  test.each(CALLS)("%s", (_name, { language, given, want }) => {
    expect(parseCall(language, given)).toEqual(want);
  });

  test.each([
    ["javascript", "seam.a.b({ x: 1 }) extra"],
    ["python", 'seam.a.b(x="unterminated)'],
    ["php", "$seam->a->b(1 2)"],
  ])("%s: %s is refused", (language, given) => {
    expect(() => parseCall(language, given)).toThrow(SyntaxError);
  });
});

const TOKENS: [string, { language: string; a: string; b: string; want: boolean }][] = [
  ["php trailing comma is layout", { language: "php", a: "f(\n    a: 1\n);", b: "f(\n    a: 1,\n);", want: true }],
  ["line breaks are layout", { language: "javascript", a: "f({ a: [1, 2] });", b: "f({\n  a: [\n    1,\n    2,\n  ],\n});", want: true }],
  ["a changed string is not", { language: "python", a: 'f(a="x")', b: 'f(a="y")', want: false }],
  ["reordered arguments are not", { language: "ruby", a: "f(a: 1, b: 2)", b: "f(b: 2, a: 1)", want: false }],
  ["shell continuations are layout", { language: "curl", a: 'curl -X "u" \\\n  -H "h"', b: 'curl -X "u" -H "h"', want: true }],
];

test.each(TOKENS)("isSameTokens: %s", (_name, { language, a, b, want }) => {
  expect(isSameTokens(language, a, b)).toBe(want);
});

test("unifiedDiff: hunks with context, numbered from the documented block's line", () => {
  expect(unifiedDiff("a\nb\nc", "a\nB\nc", { labelA: "doc:10", labelB: "generated", startA: 10 })).toBe(
    ["--- doc:10", "+++ generated", "@@ -10,3 +1,3 @@", " a", "-b", "+B", " c"].join("\n"),
  );
  expect(unifiedDiff("same", "same", { labelA: "a", labelB: "b" })).toBe("");
});

const corpus = requireCorpus();

describe.skipIf(corpus === null)("oracles on every corpus code block", () => {
  const blocks = (fence: string) =>
    listPages(path.join(corpus as string, "pages")).flatMap((f) => {
      const text = readFileSync(f, "utf8");
      return [...text.matchAll(new RegExp("#### Code:\\n\\n```" + fence + "\\n([\\s\\S]*?)\\n```", "g"))].map((m) => m[1] as string);
    });

  test("JavaScript: the typescript parser reads the same method path and arguments", () => {
    const js = blocks("javascript");
    expect(js.length).toBe(56);
    for (const code of js) expect(parseCall("javascript", code), code).toEqual(readJsWithTypescript(code));
  });

  test("PHP: php-parser reads the same method path and named arguments", () => {
    const php = blocks("php");
    expect(php.length).toBe(56);
    const engine = new PhpParser.Engine({ parser: { php8: true, extractDoc: false }, ast: { withPositions: false } });
    for (const code of php) expect(parseCall("php", code), code).toEqual(readPhpWithParser(engine, code));
  });
});

function readJsWithTypescript(code: string): unknown {
  const file = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const stmt = file.statements[0] as ts.ExpressionStatement;
  const awaited = stmt.expression as ts.AwaitExpression;
  const call = (ts.isAwaitExpression(awaited) ? awaited.expression : stmt.expression) as ts.CallExpression;
  const names: string[] = [];
  for (let e: ts.Expression = call.expression; ; e = (e as ts.PropertyAccessExpression).expression) {
    if (ts.isIdentifier(e)) {
      names.unshift(e.text);
      break;
    }
    names.unshift((e as ts.PropertyAccessExpression).name.text);
  }
  const arg = call.arguments[0];
  const params = arg ? Object.entries(evalTs(arg) as object) : [];
  return { kind: "sdk", client: names[0], path: names.slice(1), params };
}

function evalTs(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node)) return -(evalTs(node.operand) as number);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(evalTs);
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((p) => {
        const a = p as ts.PropertyAssignment;
        const key = ts.isIdentifier(a.name) || ts.isStringLiteral(a.name) ? a.name.text : a.name.getText();
        return [key, evalTs(a.initializer)];
      }),
    );
  }
  throw new Error(`unexpected ${ts.SyntaxKind[node.kind]}`);
}

function readPhpWithParser(engine: PhpParser.Engine, code: string): unknown {
  const ast = engine.parseCode(`<?php ${code}`, "x.php") as any;
  const call = ast.children[0].expression;
  const names: string[] = [];
  for (let e = call.what; ; e = e.what) {
    if (e.kind === "variable") {
      names.unshift(e.name);
      break;
    }
    names.unshift(e.offset.name);
  }
  const params = call.arguments.map((a: any) => [a.name, evalPhp(a.value)]);
  return { kind: "sdk", client: names[0], path: names.slice(1), params };
}

function evalPhp(node: any): unknown {
  switch (node.kind) {
    case "string":
      return node.value;
    case "number":
      return Number(node.value);
    case "unary":
      return -(evalPhp(node.what) as number);
    case "boolean":
      return node.value;
    case "nullkeyword":
      return null;
    case "array": {
      const items = node.items.map((i: any) => [i.key ? evalPhp(i.key) : null, evalPhp(i.value)]);
      return items.some(([k]: [unknown]) => k !== null) ? Object.fromEntries(items) : items.map(([, v]: [unknown, unknown]) => v);
    }
    default:
      if (node.kind === "name" && /^null$/i.test(node.name)) return null;
      throw new Error(`unexpected php node ${node.kind}`);
  }
}

function listPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? listPages(abs) : [abs];
  });
}
