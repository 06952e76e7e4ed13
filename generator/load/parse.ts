// Parses a spec file once on the fast path (parseYamlFast, else YAML.parse / JSON.parse); positions only for errors.
import YAML, { LineCounter } from "yaml";
import type { Positions } from "./locate.js";
import { parseYamlFast } from "./yaml-fast.js";

export type ParseResult = { ok: true; doc: unknown } | { ok: false; message: string; line: number; col: number };

export function parseSpecText(text: string, rel: string): ParseResult {
  return rel.endsWith(".json") ? parseJson(text) : parseYaml(text);
}

/**
 * Like parseSpecText, and for YAML the yaml package did parse also the positioned document the value came
 * from (to locate findings). YAML the fast reader handles comes without positions (located by a re-parse when needed).
 */
export function parseSpecTextWithPositions(
  text: string,
  rel: string,
): { result: ParseResult; positions: Positions | null; fast?: boolean } {
  if (rel.endsWith(".json")) return { result: parseJson(text), positions: null };
  const fast = parseYamlFast(text);
  if (fast) return { result: { ok: true, doc: fast.value }, positions: null, fast: true };
  const counter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter });
  const error = doc.errors[0];
  if (error) return { result: toYamlFailure(error), positions: null };
  try {
    return { result: { ok: true, doc: doc.toJS() }, positions: { doc, counter } };
  } catch (err) {
    if (!(err instanceof YAML.YAMLError)) throw err;
    return { result: toYamlFailure(err), positions: null };
  }
}

function parseYaml(text: string): ParseResult {
  const fast = parseYamlFast(text);
  if (fast) return { ok: true, doc: fast.value };
  try {
    return { ok: true, doc: YAML.parse(text) };
  } catch (err) {
    if (!(err instanceof YAML.YAMLError)) throw err;
    return toYamlFailure(err);
  }
}

function toYamlFailure(err: InstanceType<typeof YAML.YAMLError>): ParseResult {
  const pos = err.linePos?.[0] ?? { line: 0, col: 0 };
  const message = err.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "");
  return { ok: false, message: `invalid YAML: ${message}`, line: pos.line, col: pos.col };
}

function parseJson(text: string): ParseResult {
  try {
    return { ok: true, doc: JSON.parse(text) };
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    const message = err.message.replace(/, ".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
    const offset = findJsonErrorOffset(text);
    const { line, col } = offsetToLineCol(text, offset);
    return { ok: false, message: `invalid JSON: ${message}`, line, col };
  }
}

/** Offset of the first character no valid JSON text can continue with (V8 does not always say where). */
export function findJsonErrorOffset(text: string): number {
  // A prefix is "fine so far" when it parses or fails only for ending early; that is monotonic, so bisect.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isJsonPrefix(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(lo, Math.max(text.length - 1, 0));
}

function isJsonPrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    const m = String((err as Error).message);
    if (/end of JSON input|Unterminated string/.test(m)) return true;
    const at = /at position (\d+)/.exec(m);
    return at !== null && Number(at[1]) >= prefix.length;
  }
}

export function offsetToLineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}
