// Converted schemas → checks (closures over the schema's prepared parts), evaluated the way ajv does with allErrors.
import { RefNode } from "./validate-convert.js";
import { assertKeywordValue, fail, isRecord, NUMBER_KEYWORDS, STRING_KEYWORDS, type Check, type Group, type Keyword, type KeywordCtx, type Schema } from "./validate-keywords.js";
import { ARRAY_KEYWORDS, OBJECT_KEYWORDS } from "./validate-structure.js";
import { isEqualJson, matchesType, matchesTypes, readTypes } from "./validate-types.js";

const NOOP: Check = () => {};
const GROUPS: [Group, Keyword[], (d: any) => boolean][] = [
  ["number", NUMBER_KEYWORDS, (d) => typeof d === "number"],
  ["string", STRING_KEYWORDS, (d) => typeof d === "string"],
  ["array", ARRAY_KEYWORDS, Array.isArray],
  ["object", OBJECT_KEYWORDS, (d) => matchesType("object", d)],
];
/** Keywords the reference knows with an implementation: a schema with none of them is always valid. */
const ACTIVE = new Set([
  ...["$ref", "$comment", "type", "const", "enum", "not", "anyOf", "oneOf", "allOf", "if", "then", "else"],
  ...GROUPS.flatMap(([, keywords]) => keywords.map((k) => k.name)),
]);

export class SchemaCompiler {
  private objects = new WeakMap<object, Check>();
  private refs = new Map<string, { check: Check }>();
  private readonly ctx: Omit<KeywordCtx, "s">;

  constructor(private readonly targets: ReadonlyMap<string, unknown>) {
    this.ctx = { sub: (s) => this.compile(s), isAlwaysValid };
  }

  /** Compiles a converted root schema; a failure forgets everything compiled with it (it may point at the failure). */
  compileRoot(schema: unknown): Check {
    try {
      return this.compile(schema);
    } catch (err) {
      this.objects = new WeakMap();
      this.refs = new Map();
      throw err;
    }
  }

  private compile(schema: unknown): Check {
    if (schema === false) return fail("boolean schema is false");
    if (schema instanceof RefNode) return this.compileRef(schema.key);
    if (!isRecord(schema)) return NOOP;
    let check = this.objects.get(schema);
    if (!check) {
      check = this.compileObject(schema);
      this.objects.set(schema, check);
    }
    return check;
  }

  private compileRef(key: string): Check {
    let slot = this.refs.get(key);
    if (!slot) {
      slot = { check: NOOP };
      this.refs.set(key, slot);
      slot.check = this.compile(this.targets.get(key));
    }
    const target = slot;
    return (d, path, errs) => target.check(d, path, errs);
  }

  private compileObject(s: Schema): Check {
    const types = readTypes(s["type"]);
    const ctx: KeywordCtx = { ...this.ctx, s };
    const untyped = compileUntyped(s, ctx);
    const typed = GROUPS.flatMap(([group, keywords, isGroup]) => {
      const used = keywords.filter((k) => s[k.name] !== undefined);
      if (used.length === 0) return [];
      const checks = used.map((k) => buildKeyword(k, s, ctx, group)).filter((c): c is Check => c !== null);
      return [{ group, isGroup, checks }];
    });
    // A single type with keywords of its own is checked where those keywords run; otherwise up front.
    const deferred = types.length === 1 && typed.some((g) => g.group === types[0]) ? types[0] : null;
    const typeError = `must be ${String(s["type"])}`;
    const upFront = types.length > 0 && deferred === null;
    return (d, path, errs) => {
      if (upFront && !matchesTypes(types, d)) errs.push({ instancePath: path, message: typeError });
      for (const check of untyped) check(d, path, errs);
      for (const { group, isGroup, checks } of typed) {
        if (isGroup(d)) for (const check of checks) check(d, path, errs);
        else if (group === deferred) errs.push({ instancePath: path, message: typeError });
      }
    };
  }
}

function buildKeyword(k: Keyword, s: Schema, ctx: KeywordCtx, group: Group): Check | null {
  assertKeywordValue(k.name, s[k.name], k.accepts);
  return k.build(s[k.name], ctx, group);
}

/** Keywords for any data type: type (value check only), const, enum, not, anyOf, oneOf, allOf, if/then/else. */
function compileUntyped(s: Schema, ctx: KeywordCtx): Check[] {
  const out: Check[] = [];
  const use = (name: string, accepts: string[], build: (value: any) => Check | null) => {
    if (s[name] === undefined) return;
    assertKeywordValue(name, s[name], accepts);
    const check = build(s[name]);
    if (check) out.push(check);
  };
  const schemaTypes = ["object", "boolean"];
  use("type", ["string", "array"], () => null);
  use("const", [], compileConst);
  use("enum", ["array"], compileEnum);
  use("not", schemaTypes, (sub) => compileNot(sub, ctx));
  use("anyOf", ["array"], (subs) => compileAnyOf(subs, ctx));
  use("oneOf", ["array"], (subs) => compileOneOf(subs, ctx));
  use("allOf", ["array"], (subs: unknown[]) => {
    const checks = subs.filter((sub) => !isAlwaysValid(sub)).map(ctx.sub);
    return (d, path, errs) => checks.forEach((check) => check(d, path, errs));
  });
  use("if", schemaTypes, (sub) => compileIf(sub, s, ctx));
  use("then", schemaTypes, () => null);
  use("else", schemaTypes, () => null);
  return out;
}

/** Scalars compare with ===, objects and arrays structurally. */
function isSameValue(d: unknown, v: unknown): boolean {
  return typeof v === "object" && v !== null ? isEqualJson(d, v) : d === v;
}

function compileConst(value: unknown): Check {
  const check = fail("must be equal to constant");
  return (d, path, errs) => isSameValue(d, value) || check(d, path, errs);
}

function compileEnum(values: unknown[]): Check {
  if (values.length === 0) throw new Error("enum must have non-empty array");
  const message = `must be one of ${JSON.stringify(values)}`;
  // From 200 values on, the reference loops with its deep equality for every value.
  const same = values.length >= 200 ? isEqualJson : isSameValue;
  const has = (d: unknown) => values.some((v) => same(d, v));
  return (d, path, errs) => has(d) || fail(message)(d, path, errs);
}

function compileNot(sub: unknown, ctx: KeywordCtx): Check {
  const message = "must NOT be valid";
  if (isAlwaysValid(sub)) return fail(message);
  const isValid = toPredicate(ctx.sub(sub));
  return (d, path, errs) => isValid(d, path) && fail(message)(d, path, errs);
}

/** The first passing branch discards the errors of the ones before it. */
function compileAnyOf(subs: unknown[], ctx: KeywordCtx): Check | null {
  if (subs.some(isAlwaysValid)) return null;
  const checks = subs.map(ctx.sub);
  return (d, path, errs) => {
    const before = errs.length;
    for (const check of checks) {
      const n = errs.length;
      check(d, path, errs);
      if (errs.length === n) return void (errs.length = before);
    }
    errs.push({ instancePath: path, message: "must match a schema in anyOf" });
  };
}

/** Branches run until a second one passes (the reference skips the rest then). */
function compileOneOf(subs: unknown[], ctx: KeywordCtx): Check {
  const checks = subs.map((sub) => (isAlwaysValid(sub) ? null : ctx.sub(sub)));
  return (d, path, errs) => {
    const before = errs.length;
    let valid = false;
    for (const check of checks) {
      const n = errs.length;
      if (check) check(d, path, errs);
      if (errs.length !== n) continue;
      if (valid) {
        valid = false;
        break;
      }
      valid = true;
    }
    if (valid) errs.length = before;
    else errs.push({ instancePath: path, message: "must match exactly one schema in oneOf" });
  };
}

function compileIf(sub: unknown, s: Schema, ctx: KeywordCtx): Check | null {
  const clause = (name: string) => (s[name] !== undefined && !isAlwaysValid(s[name]) ? ctx.sub(s[name]) : null);
  const [thenCheck, elseCheck] = [clause("then"), clause("else")];
  if (!thenCheck && !elseCheck) return null;
  const passes = toPredicate(ctx.sub(sub));
  return (d, path, errs) => {
    const [check, name] = passes(d, path) ? [thenCheck, "then"] : [elseCheck, "else"];
    if (!check) return;
    const n = errs.length;
    check(d, path, errs);
    if (errs.length !== n) errs.push({ instancePath: path, message: `must match "${name}" schema` });
  };
}

function toPredicate(check: Check): (d: unknown, path: string) => boolean {
  return (d, path) => {
    const errs: { instancePath: string; message: string }[] = [];
    check(d, path, errs);
    return errs.length === 0;
  };
}

/** A schema that cannot fail: `true`, or an object without any implemented keyword. */
export function isAlwaysValid(schema: unknown): boolean {
  if (typeof schema === "boolean") return schema;
  if (schema instanceof RefNode) return false;
  if (!isRecord(schema)) return true;
  for (const key in schema) if (ACTIVE.has(key)) return false;
  return true;
}
