// JSON laid out as prettier's json parser prints a compact JSON text: groups that fit in the width stay on one line.

export interface JsonLayoutOptions {
  width: number;
  indent: number;
}

const DEFAULTS: JsonLayoutOptions = { width: 80, indent: 2 };

/** Prints a JSON value the way `prettier --parser json` formats `JSON.stringify(value)` (80 columns by default). */
export function formatJsonLikePrettier(value: unknown, options: Partial<JsonLayoutOptions> = {}): string {
  const opts = { ...DEFAULTS, ...options };
  return printValue(toJson(value), { column: 0, depth: 0, trailing: 0, opts });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Place {
  /** Column where the value starts. */
  column: number;
  depth: number;
  /** Characters that must follow the value on its line (a comma). */
  trailing: number;
  opts: JsonLayoutOptions;
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

/** Flat form: objects get bracket spacing, arrays none. */
function printFlat(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(printFlat).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${printFlat(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

function printValue(value: Json, place: Place): string {
  const flat = printFlat(value);
  const isContainer = value !== null && typeof value === "object";
  if (!isContainer) return flat;
  const fits = place.column + flat.length + place.trailing <= place.opts.width;
  if (fits && !mustBreakArray(value)) return flat;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => typeof v === "number")) return printFill(value as number[], place);
    return printBroken("[", "]", value.map((v) => ["", v] as const), place);
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return printBroken("{", "}", entries.map(([k, v]) => [`${JSON.stringify(k)}: `, v] as const), place);
}

function printBroken(open: string, close: string, items: readonly (readonly [string, Json])[], place: Place): string {
  const depth = place.depth + 1;
  const pad = " ".repeat(depth * place.opts.indent);
  const lines = items.map(([prefix, v], i) => {
    const trailing = i < items.length - 1 ? 1 : 0;
    const printed = printValue(v, { column: pad.length + prefix.length, depth, trailing, opts: place.opts });
    return `${pad}${prefix}${printed}${trailing ? "," : ""}`;
  });
  return `${open}\n${lines.join("\n")}\n${" ".repeat(place.depth * place.opts.indent)}${close}`;
}

/** Arrays of numbers are filled: as many per line as fit. */
function printFill(values: readonly number[], place: Place): string {
  const depth = place.depth + 1;
  const pad = " ".repeat(depth * place.opts.indent);
  const lines: string[] = [];
  let line = "";
  values.forEach((v, i) => {
    const text = JSON.stringify(v) + (i < values.length - 1 ? "," : "");
    if (line !== "" && pad.length + line.length + 1 + text.length > place.opts.width) {
      lines.push(line);
      line = text;
    } else line = line === "" ? text : `${line} ${text}`;
  });
  lines.push(line);
  return `[\n${lines.map((l) => pad + l).join("\n")}\n${" ".repeat(place.depth * place.opts.indent)}]`;
}

/** Prettier always breaks an array of two or more objects (or arrays) that each hold more than one entry. */
function mustBreakArray(value: Json): boolean {
  if (!Array.isArray(value) || value.length < 2) return false;
  const first = value[0];
  const kind = Array.isArray(first) ? "array" : typeof first === "object" && first !== null ? "object" : null;
  if (kind === null) return false;
  return value.every((v) => {
    if (kind === "array") return Array.isArray(v) && v.length > 1;
    return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 1;
  });
}
