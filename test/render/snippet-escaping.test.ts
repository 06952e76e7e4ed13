// Nasty strings as values and keys through every printer, parsed back with a real parser of each language.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadPrism, Visitor, type StringNode, type SymbolNode } from "@ruby/prism";
import PhpParser from "php-parser";
import { parse as parseShell } from "sh-syntax";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import {
  printCliRequest,
  printCurlRequest,
  printJavascriptOutput,
  printJavascriptRequest,
  printPhpOutput,
  printPhpRequest,
  printPythonOutput,
  printPythonRequest,
  printRubyOutput,
  printRubyRequest,
} from "../../generator/render/snippets/index.js";
import type { OutputInput, SdkCallInput } from "../../generator/render/snippets/types.js";

const nasty: Array<[string, string]> = [
  ["double quote", 'say "hi"'],
  ["single quote", "it's"],
  ["both quotes", `"'"`],
  ["backslashes", "C:\\path\\n\\"],
  ["shell variable", "$HOME and ${x} and `id`"],
  ["ruby interpolation", "#{x} #@y #$z"],
  ["comment closer", "a */ b /* c"],
  ["heredoc delimiter", "line\nEOF\nmore"],
  ["newlines and tabs", "a\nb\r\n\tc"],
  ["control characters", "\u0000\u0001\u0008\u000b\u000c\u001b\u007f"],
  ["line separators", "a\u2028b\u2029c"],
  ["non-ASCII and emoji", "héllo wörld 🎉 日本"],
  ["single quotes only", "''"],
  ["empty", ""],
];

const calls = nasty.map(([, s]): SdkCallInput => ({
  clientName: "seam",
  namespace: ["user_identities"],
  method: "update",
  params: [["value", s], ["nested", { [s]: [s, "plain"] }], ["words", [s, s]]],
}));
const outputs = nasty.map(([, s]): OutputInput => ({
  kind: "resource",
  responseKey: "space",
  resourceType: "space",
  body: { space: { name: s, [s]: { [s]: s }, list: [s], nothing: null } },
}));
// every string the parser must find in each snippet
const expected = (s: string) => [s, "plain"];

function jsStrings(code: string): string[] {
  const file = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("javascript", () => {
  test.each(nasty.map((n, i) => [n[0], i] as const))("%s", (_, i) => {
    const s = nasty[i]![1];
    const found = jsStrings(printJavascriptRequest(calls[i]!));
    for (const want of expected(s)) expect(found).toContain(want);
    expect(JSON.parse(printJavascriptOutput(outputs[i]!))).toEqual((outputs[i]!.body as { space: unknown }).space);
  });
});

describe("python", () => {
  // one interpreter for all cases: it returns every string constant of every snippet
  const snippets = nasty.flatMap((_, i) => [printPythonRequest(calls[i]!), printPythonOutput(outputs[i]!)]);
  const script = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src)
        out.append([n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)])
    except SyntaxError as e:
        out.append({"error": str(e)})
json.dump(out, sys.stdout)`;
  const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(snippets), encoding: "utf8" });
  const results = JSON.parse(run.stdout || "[]") as Array<string[] | { error: string }>;
  test.each(nasty.map((n, i) => [n[0], i] as const))("%s", (_, i) => {
    expect(run.status, run.stderr).toBe(0);
    for (const result of [results[2 * i], results[2 * i + 1]]) {
      expect(Array.isArray(result), JSON.stringify(result)).toBe(true);
      expect(result).toContain(nasty[i]![1]);
    }
    expect(results[2 * i]).toContain("plain");
  });
});

describe("ruby", async () => {
  const parse = await loadPrism();
  const rubyStrings = (code: string): string[] => {
    const result = parse(code);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    const found: string[] = [];
    class Collect extends Visitor {
      override visitStringNode(node: StringNode) {
        found.push(node.unescaped.value);
        super.visitStringNode(node);
      }
      override visitSymbolNode(node: SymbolNode) {
        found.push(node.unescaped.value);
        super.visitSymbolNode(node);
      }
    }
    result.value.accept(new Collect());
    return found;
  };
  test.each(nasty.map((n, i) => [n[0], i] as const))("%s", (_, i) => {
    const s = nasty[i]![1];
    for (const want of expected(s)) expect(rubyStrings(printRubyRequest(calls[i]!))).toContain(want);
    expect(rubyStrings(printRubyOutput(outputs[i]!))).toContain(s);
  });
});

describe("php", () => {
  const engine = new PhpParser.Engine({ parser: { php8: true, extractDoc: false }, ast: { withPositions: false } });
  const phpStrings = (code: string): string[] => {
    const found: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === "object") {
        const n = node as { kind?: string; value?: unknown };
        expect(n.kind).not.toBe("encapsed"); // no interpolation
        if (n.kind === "string") found.push(n.value as string);
        Object.values(node).forEach(visit);
      }
    };
    visit(engine.parseCode(`<?php\n${code}`, "snippet.php"));
    return found;
  };
  test.each(nasty.map((n, i) => [n[0], i] as const))("%s", (_, i) => {
    const s = nasty[i]![1];
    for (const want of expected(s)) expect(phpStrings(printPhpRequest(calls[i]!))).toContain(want);
    expect(phpStrings(printPhpOutput(outputs[i]!))).toContain(s);
  });
});

/** Runs snippets in ONE bash with `seam` and `curl` defined to echo what they receive, NUL-separated per record. */
function runInBash(snippets: string[]): string[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "specsmith-shell-"));
  const prelude = `seam() { printf '%s\\0' "$@" END-OF-RECORD; }\ncurl() { cat; printf '\\0END-OF-RECORD\\0'; }\n`;
  const run = spawnSync("bash", ["--noprofile", "--norc", "-s"], { cwd: dir, input: prelude + snippets.join("\n") + "\n", encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .split("END-OF-RECORD\0")
    .slice(0, -1)
    .map((rec) => rec.split("\0").slice(0, -1));
}

describe("shell", () => {
  // no process argument can carry a NUL byte, so shell inputs go without it
  const shellCalls = calls.map((c) => ({ ...c, params: JSON.parse(JSON.stringify(c.params).replaceAll("\\u0000", "")) }));
  const cli = shellCalls.map(printCliRequest);
  const curl = shellCalls.map((c) =>
    printCurlRequest({ serverUrl: "https://x.test", method: "POST", path: "/a", params: c.params, authHeader: "Authorization: Bearer $KEY" }),
  );
  const cliArgs = runInBash(cli);
  const curlBodies = runInBash(curl);
  test.each(nasty.map((n, i) => [n[0], i] as const))("%s", async (_, i) => {
    const call = shellCalls[i]!;
    await expect(parseShell(cli[i]!)).resolves.toBeDefined();
    await expect(parseShell(curl[i]!)).resolves.toBeDefined();
    expect(cliArgs[i]!.slice(0, 4)).toEqual(["user-identities", "update", "--value", call.params[0]![1]]);
    // Seam's bare JSON (`--ids ["a"]`) is kept for plain values; anything the shell would touch is single-quoted
    if (cli[i]!.includes(" --nested '")) expect(JSON.parse(cliArgs[i]![5]!)).toEqual(call.params[1]![1]);
    expect(JSON.parse(curlBodies[i]![0]!)).toEqual(Object.fromEntries(call.params));
  });
});
