// Real parsers read each printed snippet back into the request it sends: URL, headers, body.
import { spawnSync } from "node:child_process";
import { loadPrism } from "@ruby/prism";
import PhpParser from "php-parser";
import ts from "typescript";

export interface DecodedRequest {
  url: string;
  method: string;
  headers: [string, string][];
  /** Python requests only: `params=` / `cookies=` keyword values. */
  params?: [string, string][];
  cookies?: [string, string][];
  body: unknown;
}

// ---- JavaScript (typescript's parser) ----

export function decodeFetch(code: string): DecodedRequest {
  const sf = ts.createSourceFile("snippet.mts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) throw new Error(`JS parse: ${diagnostics.map((d) => d.messageText).join("; ")}`);
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.getText(sf) === "fetch") found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!found) throw new Error("no fetch call");
  const options = jsValue(found.arguments[1] as ts.Expression, sf) as Record<string, unknown>;
  const headers = Object.entries((options["headers"] ?? {}) as Record<string, string>);
  return { url: jsValue(found.arguments[0] as ts.Expression, sf) as string, method: String(options["method"]), headers, body: options["body"] };
}

function jsValue(node: ts.Expression, sf: ts.SourceFile): unknown {
  if (ts.isStringLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return -(jsValue(node.operand, sf) as number);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => jsValue(e, sf));
  if (ts.isCallExpression(node) && node.expression.getText(sf) === "JSON.stringify") return jsValue(node.arguments[0] as ts.Expression, sf);
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) throw new Error(`unexpected ${p.getText(sf)}`);
      const key = ts.isComputedPropertyName(p.name) ? (jsValue(p.name.expression, sf) as string) : ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText(sf);
      Object.defineProperty(out, key, { value: jsValue(p.initializer, sf), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return { code: node.getText(sf) };
}

// ---- Ruby (prism) ----

const prismReady = loadPrism();

export async function decodeNetHttp(code: string): Promise<DecodedRequest> {
  const result = (await prismReady)(code);
  if (result.errors.length > 0) throw new Error(`Ruby parse: ${result.errors.map((e: { message: string }) => e.message).join("; ")}`);
  const out: DecodedRequest = { url: "", method: "", headers: [], body: undefined };
  for (const s of result.value.statements.body as any[]) {
    if (s.constructor.name === "LocalVariableWriteNode" && s.name === "uri") out.url = rubyValue(s.value.arguments_.arguments_[0]) as string;
    if (s.constructor.name === "LocalVariableWriteNode" && s.name === "request") out.method = s.value.receiver.name.toUpperCase();
    if (s.constructor.name === "CallNode" && s.name === "[]=") {
      const [k, v] = s.arguments_.arguments_;
      out.headers.push([rubyValue(k) as string, rubyValue(v) as string]);
    }
    if (s.constructor.name === "CallNode" && s.name === "body=") out.body = rubyValue(s.arguments_.arguments_[0].arguments_.arguments_[0]);
  }
  return out;
}

function rubyValue(node: any): unknown {
  switch (node.constructor.name) {
    case "StringNode":
      if (!node.unescaped.validEncoding) throw new Error("invalid encoding");
      return node.unescaped.value;
    case "IntegerNode":
    case "FloatNode":
      return Number(node.value);
    case "NilNode":
      return null;
    case "TrueNode":
      return true;
    case "FalseNode":
      return false;
    case "ArrayNode":
      return node.elements.map(rubyValue);
    case "HashNode":
      return Object.fromEntries(node.elements.map((e: any) => [rubyValue(e.key), rubyValue(e.value)]));
    default:
      return { code: node.constructor.name };
  }
}

// ---- PHP (php-parser) ----

const php = new PhpParser.Engine({ parser: { extractDoc: false, php8: true }, ast: { withPositions: false } });

export function decodePhpCurl(code: string): DecodedRequest {
  const ast = php.parseCode(code, "snippet.php") as any;
  const call = ast.children.map((c: any) => c.expression).find((e: any) => e?.kind === "call" && e.what.name === "curl_setopt_array");
  const opts = new Map<string, any>(call.arguments[1].items.map((i: any) => [i.key.name, i.value]));
  const headers = ((phpValue(opts.get("CURLOPT_HTTPHEADER")) ?? []) as string[]).map((h): [string, string] => {
    const at = h.indexOf(": ");
    return [h.slice(0, at), h.slice(at + 2)];
  });
  const body = opts.get("CURLOPT_POSTFIELDS");
  return {
    url: phpValue(opts.get("CURLOPT_URL")) as string,
    method: phpValue(opts.get("CURLOPT_CUSTOMREQUEST")) as string,
    headers,
    body: body ? phpValue(body.arguments[0]) : undefined,
  };
}

function phpValue(node: any): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case "string":
      return node.value;
    case "number":
      return Number(node.value);
    case "unary":
      return -(phpValue(node.what) as number);
    case "nullkeyword":
      return null;
    case "boolean":
      return node.value;
    case "cast":
      return Object.fromEntries(node.expr.items.map((i: any) => [phpValue(i.key), phpValue(i.value)]));
    case "array": {
      const keyed = node.items.some((i: any) => i.key);
      if (!keyed) return node.items.map((i: any) => phpValue(i.value));
      return Object.fromEntries(node.items.map((i: any) => [phpValue(i.key), phpValue(i.value)]));
    }
    default:
      return { code: node.kind };
  }
}

// ---- Python (ast, one process for every case) ----

const PYTHON = `
import ast, json, sys
out = []
for code in json.load(sys.stdin):
    try:
        tree = ast.parse(code)
        call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and getattr(n.func.value, "id", "") == "requests")
        args = [ast.literal_eval(a) for a in call.args]
        method = args.pop(0) if call.func.attr == "request" else call.func.attr.upper()
        kw = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        pairs = lambda v: list(v.items()) if isinstance(v, dict) else [list(p) for p in v]
        r = {"url": args[0], "method": method, "headers": pairs(kw.get("headers", {})), "params": pairs(kw.get("params", {})),
             "cookies": pairs(kw.get("cookies", {}))}
        if "json" in kw or "data" in kw:
            r["body"] = kw["json"] if "json" in kw else kw["data"]
        out.append(r)
    except Exception as e:
        out.append({"error": repr(e)})
json.dump(out, sys.stdout)
`;

/** Decodes every snippet in one python3 run (the brief: one process per test file). */
export function decodeRequestsAll(codes: readonly string[]): (DecodedRequest | { error: string })[] {
  const run = spawnSync("python3", ["-c", PYTHON], { input: JSON.stringify(codes), encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// ---- Shell (bash runs each snippet with a stub curl that prints its argv) ----

/** Runs every snippet in one bash process; returns each curl call's argv (after `curl`). */
export function runCurlAll(codes: readonly string[], env: Record<string, string> = {}): string[][] {
  const stub = `curl() { printf '%s\\0' "$@"; printf '\\1\\0'; }\n`;
  const script = stub + codes.map((c) => `${c}\n`).join("");
  const run = spawnSync("bash", ["--norc", "-e", "-c", script], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", ...env }, maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`bash failed: ${run.stderr}`);
  const calls: string[][] = [[]];
  for (const part of run.stdout.split("\0").slice(0, -1)) {
    if (part === "\u0001") calls.push([]);
    else (calls[calls.length - 1] as string[]).push(part);
  }
  return calls.slice(0, -1);
}

/** curl argv → the request (`-X`, `-H`, `-d`, the URL). */
export function decodeCurlArgs(args: readonly string[]): DecodedRequest {
  const out: DecodedRequest = { url: "", method: "GET", headers: [], body: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1] as string;
    if (a === "-X") (out.method = next), i++;
    else if (a === "-H") out.headers.push([next.slice(0, next.indexOf(": ")), next.slice(next.indexOf(": ") + 2)]), i++;
    else if (a === "-d") (out.body = JSON.parse(next)), i++;
    else out.url = a;
  }
  return out;
}
