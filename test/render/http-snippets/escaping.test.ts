// Deliver 3: any string, in any slot, survives every raw-HTTP printer, as read back by each language's real parser.
import { parse as parseShell } from "sh-syntax";
import { beforeAll, describe, expect, test } from "vitest";
import { httpSnippetLanguages } from "../../../generator/render/http-snippets/index.js";
import type { HttpRequestInput } from "../../../generator/render/http-snippets/types.js";
import { decodeCurlArgs, decodeFetch, decodeNetHttp, decodePhpCurl, decodeRequestsAll, runCurlAll, type DecodedRequest } from "./decoders.js";

const TRICKY: [string, string][] = [
  ["quotes", `double "quotes" and 'single' and \`back\``],
  ["backslashes", "back\\slash \\n \\u0041 \\x41 \\' \\\" trailing\\"],
  ["dollar", "$HOME ${x} $(whoami) \\$y {$z} $"],
  ["ruby interpolation", "#{x} #@y #$z \\#{w} #"],
  ["comment closers", "*/ end /* start <!-- --> ?>"],
  ["EOF line", "line\nEOF\nnext\n'EOF'\n"],
  ["line breaks", "tab\there\r\ncrlf\rcr\u2028ls\u2029ps\u0085nel"],
  ["controls", "bell\u0007 esc\u001b del\u007f c1\u009b unit\u001f"],
  ["NUL", "nul\u0000byte"],
  ["non-ASCII", "café ✓ 日本語 😀 ü Ω"],
  ["URL specials", "a b+c&d=e?f#g/h%20i%j;k,l"],
  ["empty", ""],
  ["lone quote", "'"],
  ["braces", "{id} {{x}} }{"],
  ["php tags", "<?php echo 1; ?>"],
];

type Slot = "body" | "array body" | "path" | "query" | "header" | "cookie";
const SLOTS: Slot[] = ["body", "array body", "path", "query", "header", "cookie"];

function buildInput(slot: Slot, s: string): HttpRequestInput {
  const input: HttpRequestInput = {
    serverUrl: "https://api.example.com",
    method: slot === "body" || slot === "array body" ? "POST" : "GET",
    path: "/items/{id}/x",
    pathParams: [{ name: "id", value: slot === "path" ? s : "plain" }],
    query: slot === "query" ? [{ name: "q", value: s }] : [],
    headers: slot === "header" ? [{ name: "X-Test", value: s }] : [],
    cookies: slot === "cookie" ? [{ name: "sid", value: s }] : [],
    body: undefined,
    mediaType: "application/json",
  };
  if (slot === "body") input.body = bodyOf(s);
  if (slot === "array body") input.body = [s, { k: s }, [s]];
  return input;
}

function bodyOf(s: string): unknown {
  const body: Record<string, unknown> = { list: [s, 1.5, -2, 0, null, true, false], empty: {}, listLike: { "0": s }, nested: { deeper: { s } } };
  body[s] = s;
  return body;
}

/** What the decoded request must carry for this slot. */
function assertSlot(slot: Slot, s: string, r: DecodedRequest, input: HttpRequestInput): void {
  const url = new URL(r.url);
  expect(r.method).toBe(input.method);
  if (slot === "path") expect(decodeURIComponent(url.pathname.split("/")[2] ?? "")).toBe(s);
  if (slot === "query") {
    const params = r.params ?? [...url.searchParams.entries()];
    expect(params).toEqual([["q", s]]);
  }
  if (slot === "header") expect(r.headers.filter(([n]) => n === "X-Test")).toEqual([["X-Test", s]]);
  if (slot === "cookie") {
    const cookies = r.cookies ?? (r.headers.find(([n]) => n === "Cookie")?.[1] ?? "").split("; ").map((c) => [c.slice(0, c.indexOf("=")), decodeURIComponent(c.slice(c.indexOf("=") + 1))]);
    expect(cookies).toEqual([["sid", s]]);
  }
  if (slot === "body" || slot === "array body") expect(r.body).toStrictEqual(input.body);
  else expect(r.body).toBeUndefined();
}

const CASES = TRICKY.flatMap(([name, s]) => SLOTS.map((slot) => ({ name: `${slot}: ${name}`, slot, s, input: buildInput(slot, s) })));

describe("JavaScript fetch (typescript parser)", () => {
  test.each(CASES)("$name", ({ slot, s, input }) => {
    assertSlot(slot, s, decodeFetch(httpSnippetLanguages.fetch.request(input)), input);
  });
});

describe("Ruby Net::HTTP (prism)", () => {
  test.each(CASES)("$name", async ({ slot, s, input }) => {
    assertSlot(slot, s, await decodeNetHttp(httpSnippetLanguages.net_http.request(input)), input);
  });
});

describe("PHP curl (php-parser)", () => {
  test.each(CASES)("$name", ({ slot, s, input }) => {
    assertSlot(slot, s, decodePhpCurl(httpSnippetLanguages.php_curl.request(input)), input);
  });
});

describe("Python requests (ast, one python3 run)", () => {
  let decoded: ReturnType<typeof decodeRequestsAll> = [];
  beforeAll(() => {
    decoded = decodeRequestsAll(CASES.map((c) => httpSnippetLanguages.requests.request(c.input)));
  });
  test.each(CASES.map((c, i) => ({ ...c, i })))("$name", ({ slot, s, input, i }) => {
    const r = decoded[i];
    if (!r || "error" in r) throw new Error(`python: ${r?.error}`);
    assertSlot(slot, s, r, input);
  });
});

// A shell argument cannot hold a NUL byte, so a NUL in a header value cannot reach curl.
const SHELL_CASES = CASES.filter((c) => !(c.slot === "header" && c.s.includes("\u0000")));

describe("curl (sh-syntax parses it; bash runs it against a stub curl)", () => {
  let argv: string[][] = [];
  beforeAll(() => {
    argv = runCurlAll(SHELL_CASES.map((c) => httpSnippetLanguages.curl.request(c.input)));
  });
  test("bash ran one curl call per snippet", () => expect(argv).toHaveLength(SHELL_CASES.length));
  test.each(SHELL_CASES.map((c, i) => ({ ...c, i })))("$name", async ({ slot, s, input, i }) => {
    const code = httpSnippetLanguages.curl.request(input);
    const file = await parseShell(code);
    expect(file.Stmts).toHaveLength(1);
    assertSlot(slot, s, decodeCurlArgs(argv[i] ?? []), input);
  });
});

describe("auth read from the environment", () => {
  const input: HttpRequestInput = {
    ...buildInput("query", "x"),
    headers: [{ name: "Authorization", value: { prefix: "Bearer ", env: "BEARER_AUTH" } }],
  };
  test("curl expands $BEARER_AUTH", () => {
    const [args] = runCurlAll([httpSnippetLanguages.curl.request(input)], { BEARER_AUTH: "t0k'en" });
    expect(decodeCurlArgs(args ?? []).headers).toEqual([["Authorization", "Bearer t0k'en"]]);
  });
  test.each([
    ["fetch", `"Bearer " + process.env.BEARER_AUTH`],
    ["requests", `"Bearer " + os.environ["BEARER_AUTH"]`],
    ["net_http", `"Bearer " + ENV.fetch("BEARER_AUTH")`],
    ["php_curl", `"Authorization: Bearer " . getenv("BEARER_AUTH")`],
  ] as const)("%s reads the variable", (id, want) => {
    expect(httpSnippetLanguages[id].request(input)).toContain(want);
  });
});
