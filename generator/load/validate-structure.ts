// Array and object keywords (the ones that descend into items and properties), in ajv's order.
import { escapePointer, fail, limitCount, type Check, type Keyword } from "./validate-keywords.js";
import { isEqualJson, matchesTypes, readTypes } from "./validate-types.js";

const CONTAINS = "must contain at least 1 valid item(s)";

const contains: Keyword = {
  name: "contains",
  accepts: ["object", "boolean"],
  build: (schema, ctx) => {
    if (ctx.isAlwaysValid(schema)) return (d: any[], path, errs) => d.length >= 1 || fail(CONTAINS)(d, path, errs);
    const check = ctx.sub(schema);
    return (d: any[], path, errs) => {
      const before = errs.length;
      for (let i = 0; i < d.length; i++) {
        const n = errs.length;
        check(d[i], `${path}/${i}`, errs);
        if (errs.length === n) return void (errs.length = before);
      }
      errs.push({ instancePath: path, message: CONTAINS });
    };
  },
};

const uniqueItems: Keyword = {
  name: "uniqueItems",
  accepts: ["boolean"],
  build: (on: boolean, { s }) => {
    if (!on) return null;
    const items = s["items"] as any;
    const itemTypes = items ? readTypes(items.type) : [];
    const byKey = itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
    return (d: any[], path, errs) => {
      const pair = byKey ? findDuplicateByKey(d, itemTypes) : findDuplicateDeep(d);
      if (pair) errs.push({ instancePath: path, message: `must NOT have duplicate items (items ## ${pair[0]} and ${pair[1]} are identical)` });
    };
  },
};

/** Scalars of known types compare as object keys, scanning from the end (as the reference does). */
function findDuplicateByKey(d: any[], types: string[]): [number, number] | null {
  const seen: Record<string, number> = {};
  for (let i = d.length - 1; i >= 0 && d.length > 1; i--) {
    let item = d[i];
    if (!matchesTypes(types, item)) continue;
    if (types.length > 1 && typeof item === "string") item += "_";
    const j = seen[item];
    if (typeof j === "number") return [j, i];
    seen[item] = i;
  }
  return null;
}

function findDuplicateDeep(d: any[]): [number, number] | null {
  for (let i = d.length - 1; i > 0; i--) {
    for (let j = i - 1; j >= 0; j--) if (isEqualJson(d[i], d[j])) return [j, i];
  }
  return null;
}

const additionalItems: Keyword = {
  name: "additionalItems",
  accepts: ["boolean", "object"],
  build: (schema, ctx) => {
    const tuple = ctx.s["items"];
    if (!Array.isArray(tuple)) return null;
    const n = tuple.length;
    if (schema === false) return (d: any[], path, errs) => d.length <= n || fail(`must NOT have more than ${n} items`)(d, path, errs);
    if (ctx.isAlwaysValid(schema)) return null;
    const check = ctx.sub(schema);
    return (d: any[], path, errs) => {
      for (let i = n; i < d.length; i++) check(d[i], `${path}/${i}`, errs);
    };
  },
};

const items: Keyword = {
  name: "items",
  accepts: ["object", "array", "boolean"],
  build: (schema, ctx) => {
    if (Array.isArray(schema)) {
      const tuple = schema.map((sub, i) => [i, ctx.sub(sub)] as const).filter(([i]) => !ctx.isAlwaysValid(schema[i]));
      return (d: any[], path, errs) => {
        for (const [i, check] of tuple) if (d.length > i) check(d[i], `${path}/${i}`, errs);
      };
    }
    if (ctx.isAlwaysValid(schema)) return null;
    const check = ctx.sub(schema);
    return (d: any[], path, errs) => {
      for (let i = 0; i < d.length; i++) check(d[i], `${path}/${i}`, errs);
    };
  },
};

export const ARRAY_KEYWORDS: Keyword[] = [
  limitCount("maxItems", "items", (d: any[]) => d.length),
  limitCount("minItems", "items", (d: any[]) => d.length),
  contains,
  uniqueItems,
  additionalItems,
  items,
];

const required: Keyword = {
  name: "required",
  accepts: ["array"],
  build: (names: unknown[]) => {
    if (names.length === 0) return null;
    const messages = names.map((name) => `must have required property '${String(name)}'`);
    return (d, path, errs) => {
      names.forEach((name, i) => d[name as string] === undefined && errs.push({ instancePath: path, message: messages[i] as string }));
    };
  },
};

const propertyNames: Keyword = {
  name: "propertyNames",
  accepts: ["object", "boolean"],
  build: (schema, ctx) => {
    if (ctx.isAlwaysValid(schema)) return null;
    const check = ctx.sub(schema);
    return (d, path, errs) => {
      for (const key in d) {
        const n = errs.length;
        check(key, path, errs);
        if (errs.length !== n) errs.push({ instancePath: path, message: "property name must be valid" });
      }
    };
  },
};

/** Property names of a `properties`-like map, as the reference lists them. */
export function listSchemaProperties(map: unknown): string[] {
  return map ? Object.keys(map as object).filter((p) => p !== "__proto__") : [];
}

const additionalProperties: Keyword = {
  name: "additionalProperties",
  accepts: ["boolean", "object"],
  build: (schema, ctx) => {
    if (ctx.isAlwaysValid(schema)) return null;
    const known = new Set(listSchemaProperties(ctx.s["properties"]));
    const patterns = listSchemaProperties(ctx.s["patternProperties"]).map((p) => new RegExp(p, "u"));
    const isAdditional = (key: string) => !known.has(key) && !patterns.some((re) => re.test(key));
    const check = schema === false ? null : ctx.sub(schema);
    return (d, path, errs) => {
      for (const key in d) {
        if (!isAdditional(key)) continue;
        if (check) check(d[key], `${path}/${escapePointer(key)}`, errs);
        else errs.push({ instancePath: path, message: `must NOT have additional property '${key}'` });
      }
    };
  },
};

const dependencies: Keyword = {
  name: "dependencies",
  accepts: ["object"],
  build: (map: Record<string, unknown>, ctx) => {
    const checks: Check[] = [];
    const entries = listSchemaProperties(map).map((prop) => [prop, map[prop]] as const);
    for (const [prop, deps] of entries) {
      if (!Array.isArray(deps) || deps.length === 0) continue;
      const message = `must have ${deps.length === 1 ? "property" : "properties"} ${deps.join(", ")} when property ${prop} is present`;
      checks.push((d, path, errs) => {
        if (d[prop] === undefined) return;
        for (const dep of deps) if (d[dep] === undefined) errs.push({ instancePath: path, message });
      });
    }
    for (const [prop, sub] of entries) {
      if (Array.isArray(sub) || ctx.isAlwaysValid(sub)) continue;
      const check = ctx.sub(sub);
      checks.push((d, path, errs) => d[prop] !== undefined && check(d, path, errs));
    }
    return checks.length === 0 ? null : (d, path, errs) => checks.forEach((check) => check(d, path, errs));
  },
};

const properties: Keyword = {
  name: "properties",
  accepts: ["object"],
  build: (map: Record<string, unknown>, ctx) => {
    const props = listSchemaProperties(map).filter((p) => !ctx.isAlwaysValid(map[p]));
    const checks = props.map((p) => [p, `/${escapePointer(p)}`, ctx.sub(map[p])] as const);
    if (checks.length === 0) return null;
    return (d, path, errs) => {
      for (const [p, suffix, check] of checks) if (d[p] !== undefined) check(d[p], path + suffix, errs);
    };
  },
};

const patternProperties: Keyword = {
  name: "patternProperties",
  accepts: ["object"],
  build: (map: Record<string, unknown>, ctx) => {
    const patterns = listSchemaProperties(map);
    if (patterns.every((p) => ctx.isAlwaysValid(map[p]))) return null;
    const compiled = patterns.map((p) => [new RegExp(p, "u"), ctx.isAlwaysValid(map[p]) ? null : ctx.sub(map[p])] as const);
    const checks = compiled.filter((pair): pair is readonly [RegExp, Check] => pair[1] !== null);
    return (d, path, errs) => {
      for (const [re, check] of checks) {
        for (const key in d) if (re.test(key)) check(d[key], `${path}/${escapePointer(key)}`, errs);
      }
    };
  },
};

export const OBJECT_KEYWORDS: Keyword[] = [
  limitCount("maxProperties", "properties", (d) => Object.keys(d).length),
  limitCount("minProperties", "properties", (d) => Object.keys(d).length),
  required,
  propertyNames,
  additionalProperties,
  dependencies,
  properties,
  patternProperties,
];

