// Reads the call a documented snippet makes: SDK calls (`seam.a.b({...})`, `$seam->a->b(k: v)`, `seam a b --k v`)
// and HTTP requests (curl), as names and JSON values that can be matched to an endpoint and example.
import { lex, type LexOptions } from "./lexer.js";
import { parseCurl, splitShellWords, type ShellWord } from "./shell.js";
import { describe, readEntries, readValue, TokenReader } from "./values.js";

export interface SdkCall {
  kind: "sdk";
  client: string;
  /** Namespace segments then the method, as written (camel, snake or kebab case). */
  path: string[];
  params: [string, unknown][];
}

export interface HttpCall {
  kind: "http";
  method: string;
  /** URL path without the server part, percent-decoded. */
  path: string;
  query: [string, string][];
  /** Parsed JSON body, the raw text when it is not JSON, or undefined when there is none. */
  body: unknown;
}

export type ParsedCall = SdkCall | HttpCall;

const LEX: Record<string, LexOptions> = {
  javascript: { comments: ["//", "/*"] },
  python: { comments: ["#"] },
  ruby: { comments: ["#"] },
  php: { comments: ["//", "/*", "#"] },
};

/** Languages whose snippets this module reads. */
export function canParseCall(language: string): boolean {
  return language in LEX || language === "cli" || language === "curl";
}

/** The call of a snippet; throws SyntaxError when the code is not a call this reader knows. */
export function parseCall(language: string, text: string): ParsedCall {
  if (language === "curl") return parseHttpCall(text);
  if (language === "cli") return parseCliCall(text);
  const opts = LEX[language];
  if (!opts) throw new SyntaxError(`no call reader for ${language}`);
  return parseCodeCall(text, opts);
}

function parseCodeCall(text: string, opts: LexOptions): SdkCall {
  const r = new TokenReader(lex(text, opts));
  if (r.peek()?.value === "await") r.next();
  const names: string[] = [];
  do {
    const t = r.next();
    if (t.type !== "name") throw new SyntaxError(`expected a name but found ${describe(t)}`);
    names.push(t.value.replace(/^\$/, ""));
  } while (r.accept(".") || r.accept("->"));
  r.expect("(");
  const params = r.peek()?.value === "{" && r.peek()?.type === "punct" ? readObjectArgument(r) : readEntries(r, ")");
  r.accept(";");
  if (!r.done) throw new SyntaxError(`unexpected ${describe(r.peek())} after the call`);
  const [client = "", ...path] = names;
  return { kind: "sdk", client, path, params: Object.entries(params) };
}

/** JavaScript passes one object: `({ a: 1 })`. */
function readObjectArgument(r: TokenReader): Record<string, unknown> {
  const value = readValue(r) as Record<string, unknown>;
  r.expect(")");
  return value;
}

function parseCliCall(text: string): SdkCall {
  const words = splitShellWords(text);
  const [client, ...rest] = words;
  if (!client) throw new SyntaxError("empty command");
  const path: string[] = [];
  const params: [string, unknown][] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] as ShellWord;
    if (!w.value.startsWith("--")) {
      if (params.length > 0) throw new SyntaxError(`unexpected word ${JSON.stringify(w.raw)}`);
      path.push(w.value);
      continue;
    }
    const value = rest[i + 1];
    if (!value || value.value.startsWith("--")) params.push([w.value.slice(2), true]);
    else {
      params.push([w.value.slice(2), readCliValue(value)]);
      i++;
    }
  }
  return { kind: "sdk", client: client.value, path, params };
}

/** `"text"` is a string; bare words and single-quoted words are JSON when they parse as JSON. */
function readCliValue(word: ShellWord): unknown {
  if (/^"[^"]*"$/.test(word.raw)) return word.value;
  const text = word.raw.startsWith("'") ? word.value : word.raw;
  try {
    return JSON.parse(text);
  } catch {
    return word.value;
  }
}

function parseHttpCall(text: string): HttpCall {
  const curl = parseCurl(text);
  const withoutServer = curl.url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, "");
  const [pathPart = "", queryPart = ""] = withoutServer.split("?", 2);
  const query = queryPart
    .split("&")
    .filter(Boolean)
    .map((pair): [string, string] => {
      const [k = "", v = ""] = pair.split("=", 2);
      return [safeDecode(k), safeDecode(v)];
    });
  return { kind: "http", method: curl.method.toLowerCase(), path: safeDecode(pathPart) || "/", query, body: readBody(curl.body) };
}

function readBody(body: string | null): unknown {
  if (body === null) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
