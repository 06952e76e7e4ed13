// Reads a literal value from tokens: JSON-like arrays and objects in the spellings of JavaScript, Python
// (`True`, `None`, `Space(a=1)`), Ruby (`nil`, `"k" => v`, `k: v`, `%w[]`) and PHP (`["k" => v]`, `null`).
import type { Token } from "./lexer.js";

const NAMED: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
  nil: null,
  NULL: null,
  TRUE: true,
  FALSE: false,
  undefined: null,
};

export class TokenReader {
  pos = 0;
  constructor(readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new SyntaxError("unexpected end of code");
    return t;
  }

  /** Consumes the token when it is the punctuation `p`. */
  accept(p: string): boolean {
    const t = this.peek();
    if (t && t.type === "punct" && t.value === p) {
      this.pos++;
      return true;
    }
    return false;
  }

  expect(p: string): void {
    if (!this.accept(p)) throw new SyntaxError(`expected "${p}" but found ${describe(this.peek())}`);
  }

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }
}

export function describe(t: Token | undefined): string {
  return t ? JSON.stringify(t.value) : "end of code";
}

/** One value at the reader's position. */
export function readValue(r: TokenReader): unknown {
  const t = r.next();
  if (t.type === "string") return t.value;
  if (t.type === "number") return Number(t.value);
  if (t.type === "words") return t.value === "" ? [] : t.value.split(/\s+/);
  if (t.type === "punct") return readPunctValue(r, t);
  if (t.value in NAMED && !(r.peek()?.value === "(")) return NAMED[t.value];
  // `Space(a=1, b=2)`: Python outputs name the resource class
  if (r.accept("(")) return readEntries(r, ")");
  throw new SyntaxError(`unexpected name ${JSON.stringify(t.value)}`);
}

function readPunctValue(r: TokenReader, t: Token): unknown {
  if (t.value === "-") return -Number(r.next().value);
  if (t.value === "{") return readEntries(r, "}");
  if (t.value === "[") return readList(r);
  throw new SyntaxError(`unexpected ${describe(t)}`);
}

/** `[a, b]`, or a PHP array with keys (`["k" => v]`), which is an object. */
function readList(r: TokenReader): unknown {
  const items: unknown[] = [];
  const entries: [string, unknown][] = [];
  while (!r.accept("]")) {
    const value = readValue(r);
    if (r.accept("=>")) entries.push([String(value), readValue(r)]);
    else items.push(value);
    if (!r.accept(",")) {
      r.expect("]");
      break;
    }
  }
  return entries.length > 0 ? Object.fromEntries(entries) : items;
}

/** Entries up to `close`: `k: v`, `"k": v`, `"k" => v`, `k=v`, `**{...}` (Python's spread). */
export function readEntries(r: TokenReader, close: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  while (!r.accept(close)) {
    if (r.accept("**")) Object.assign(result, readValue(r) as object);
    else {
      const key = r.next();
      if (key.type !== "string" && key.type !== "name" && key.type !== "number") throw new SyntaxError(`unexpected ${describe(key)}`);
      if (!(r.accept(":") || r.accept("=>") || r.accept("="))) throw new SyntaxError(`expected ":" after ${describe(key)}`);
      result[key.value] = readValue(r);
    }
    if (!r.accept(",")) {
      r.expect(close);
      break;
    }
  }
  return result;
}

/** Deep equality of JSON values; object key order is ignored. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => isSameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => k in (b as object) && isSameValue((a as any)[k], (b as any)[k]));
}
