// Keyword checks for one data type each (number, string, array, object), in the order ajv evaluates them.
import { FORMATS } from "./validate-formats.js";

export interface ValidationError {
  /** JSON pointer inside the validated value. */
  instancePath: string;
  message: string;
}

/** Appends the errors of `data` (at `path`) to `errs`. */
export type Check = (data: any, path: string, errs: ValidationError[]) => void;
export type Group = "number" | "string" | "array" | "object";
export type Schema = Record<string, unknown>;

/** What a keyword builder gets: the schema object and a compiler for its subschemas. */
export interface KeywordCtx {
  s: Schema;
  sub: (schema: unknown) => Check;
  isAlwaysValid: (schema: unknown) => boolean;
}

export type Build = (value: any, ctx: KeywordCtx, group: Group) => Check | null;
export interface Keyword {
  name: string;
  /** The JSON types the keyword's own value must have (ajv's schemaType). */
  accepts: string[];
  build: Build;
}

/** Throws the reference's compile error when a keyword's own value has the wrong JSON type. */
export function assertKeywordValue(name: string, value: unknown, accepts: readonly string[]): void {
  const ok = accepts.length === 0 || accepts.some((t) => (t === "array" ? Array.isArray(value) : t === "object" ? isRecord(value) : typeof value === t));
  if (!ok) throw new Error(`${name} value must be ${JSON.stringify(accepts)}`);
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** String length in code points (a lone surrogate counts as one). */
export function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

const fail = (message: string): Check => (_d, path, errs) => void errs.push({ instancePath: path, message });

function limit(name: string, failsWhen: (actual: number, bound: number) => boolean, message: (bound: number) => string, measure: (d: any) => number): Keyword {
  return {
    name,
    accepts: ["number"],
    build: (bound: number) => {
      const text = message(bound);
      return (d, path, errs) => {
        const actual = measure(d);
        if (failsWhen(actual, bound) || Number.isNaN(actual)) errs.push({ instancePath: path, message: text });
      };
    },
  };
}

const self = (d: number) => d;
const gt = (a: number, b: number) => a > b;
const lt = (a: number, b: number) => a < b;

const formatKeyword: Keyword = {
  name: "format",
  accepts: ["string"],
  build: (name: string, _ctx, group) => {
    const format = FORMATS.get(name);
    if (format === undefined || format === true || format.type !== group) return null;
    const check = fail(`must match format "${name}"`);
    return (d, path, errs) => format.test(d) || check(d, path, errs);
  },
};

/** ajv-formats' formatMaximum & co.: bounds compared by the format's own order (dates, times). */
function formatLimit(name: string, op: string, failsWhen: (order: number) => boolean): Keyword {
  return {
    name,
    accepts: ["string"],
    build: (bound: string, { s }) => {
      if (s["format"] === undefined) throw new Error(`parent schema must have dependencies of ${name}: format`);
      assertKeywordValue("format", s["format"], ["string"]);
      const format = FORMATS.get(s["format"] as string);
      if (format === undefined || format === true) return null;
      if (!format.compare) throw new Error(`"${name}": format "${String(s["format"])}" does not define "compare" function`);
      const compare = format.compare;
      const check = fail(`should be ${op} ${bound}`);
      return (d, path, errs) => {
        const order = compare(d, bound);
        if (order !== undefined && failsWhen(order)) check(d, path, errs);
      };
    },
  };
}

function patternKeyword(): Keyword {
  return {
    name: "pattern",
    accepts: ["string"],
    build: (source: string) => {
      const re = new RegExp(source, "u");
      const check = fail(`must match pattern "${source}"`);
      return (d, path, errs) => re.test(d) || check(d, path, errs);
    },
  };
}

const NUMBER: Keyword[] = [
  limit("maximum", gt, (b) => `must be <= ${b}`, self),
  limit("minimum", lt, (b) => `must be >= ${b}`, self),
  limit("exclusiveMaximum", (a, b) => a >= b, (b) => `must be < ${b}`, self),
  limit("exclusiveMinimum", (a, b) => a <= b, (b) => `must be > ${b}`, self),
  {
    name: "multipleOf",
    accepts: ["number"],
    build: (divisor: number) => {
      const check = fail(`must be multiple of ${divisor}`);
      return (d, path, errs) => {
        const ratio = d / divisor;
        if (divisor === 0 || ratio !== parseInt(String(ratio))) check(d, path, errs);
      };
    },
  },
  formatKeyword,
];

const STRING: Keyword[] = [
  limit("maxLength", gt, (b) => `must NOT have more than ${b} characters`, countCodePoints),
  limit("minLength", lt, (b) => `must NOT have fewer than ${b} characters`, countCodePoints),
  patternKeyword(),
  formatKeyword,
  formatLimit("formatMaximum", "<=", (o) => o > 0),
  formatLimit("formatMinimum", ">=", (o) => o < 0),
  formatLimit("formatExclusiveMaximum", "<", (o) => o >= 0),
  formatLimit("formatExclusiveMinimum", ">", (o) => o <= 0),
];

export const NUMBER_KEYWORDS = NUMBER;
export const STRING_KEYWORDS = STRING;

/** maxItems/minItems, maxProperties/minProperties: a count against a bound. */
export function limitCount(name: string, noun: string, measure: (d: any) => number): Keyword {
  const max = name.startsWith("max");
  return limit(name, max ? gt : lt, (b) => `must NOT have ${max ? "more" : "fewer"} than ${b} ${noun}`, measure);
}

export { fail };
