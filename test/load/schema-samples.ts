// Request and response schemas of a loaded spec, and seeded sample values built from them: values for
// specs without examples (Stripe's), and more shapes for the others.
import { loadSpec } from "../../generator/load/index.js";
import type { Resolve } from "../../generator/load/refs.js";
import { isHttpMethod, isObject } from "../../generator/load/types.js";
import type { ExampleCase } from "./example-cases.js";
import type { Rng } from "./example-mutations.js";

export interface SchemaSite {
  schema: unknown;
  rel: string;
}

/** Every request body and response media-type schema of the spec (after following response $refs). */
export async function collectSchemaSites(dir: string): Promise<{ resolve: Resolve; sites: SchemaSite[] }> {
  const spec = await loadSpec(dir, { examples: "off", displayRoot: dir });
  const sites: SchemaSite[] = [];
  const follow = (value: unknown, rel: string): SchemaSite | null => {
    if (!isObject(value) || typeof value["$ref"] !== "string") return isObject(value) ? { schema: value, rel } : null;
    const target = spec.resolve(rel, value["$ref"]);
    return { schema: target.value, rel: target.file.rel };
  };
  const addContent = (holder: SchemaSite | null) => {
    const content = isObject(holder?.schema) ? holder.schema["content"] : undefined;
    if (!holder || !isObject(content)) return;
    for (const media of Object.values(content)) if (isObject(media) && media["schema"] !== undefined) sites.push({ schema: media["schema"], rel: holder.rel });
  };
  for (const file of spec.endpoints) {
    const item = file.doc.paths[file.path];
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!isHttpMethod(method) || !isObject(op)) continue;
      addContent(follow(op["requestBody"], file.rel));
      for (const response of Object.values(isObject(op["responses"]) ? op["responses"] : {})) addContent(follow(response, file.rel));
    }
  }
  return { resolve: spec.resolve, sites };
}

const STRINGS_BY_FORMAT: Record<string, string> = {
  "date-time": "2020-01-01T10:00:00Z",
  date: "2020-01-01",
  uri: "https://example.com/a",
  email: "a@example.com",
  uuid: "550e8400-e29b-41d4-a716-446655440000",
};

/** A value shaped by the schema (random branches, optional properties, lengths), depth-limited. */
export function sampleValue(site: SchemaSite, resolve: Resolve, rng: Rng, depth = 0): unknown {
  let { schema, rel } = site;
  if (isObject(schema) && typeof schema["$ref"] === "string") {
    const target = resolve(rel, schema["$ref"]);
    [schema, rel] = [target.value, target.file.rel];
  }
  if (!isObject(schema) || depth > 5) return null;
  const s = schema;
  const sub = (child: unknown) => sampleValue({ schema: child, rel }, resolve, rng, depth + 1);
  if (s["nullable"] === true && rng() < 0.1) return null;
  if (s["example"] !== undefined && rng() < 0.3) return structuredClone(s["example"]);
  if (Array.isArray(s["enum"]) && s["enum"].length > 0) return s["enum"][Math.floor(rng() * s["enum"].length)];
  const branches = (s["anyOf"] ?? s["oneOf"]) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) return sub(branches[Math.floor(rng() * branches.length)]);
  if (Array.isArray(s["allOf"])) return Object.assign({}, ...s["allOf"].map(sub).filter(isObject));
  const type = s["type"] ?? (isObject(s["properties"]) ? "object" : undefined);
  if (type === "object") {
    const required = new Set(Array.isArray(s["required"]) ? s["required"] : []);
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(isObject(s["properties"]) ? s["properties"] : {})) {
      if (required.has(name) || rng() < 0.6) out[name] = sub(child);
    }
    if (isObject(s["additionalProperties"]) && rng() < 0.5) out["extra_key"] = sub(s["additionalProperties"]);
    return out;
  }
  if (type === "array") return Array.from({ length: Math.floor(rng() * 3) }, () => sub(s["items"]));
  if (type === "integer") return Math.floor(rng() * 200) - 20;
  if (type === "number") return Math.round(rng() * 2000) / 10;
  if (type === "boolean") return rng() < 0.5;
  if (type === "string") return STRINGS_BY_FORMAT[String(s["format"])] ?? "abcdefghij".slice(0, 1 + Math.floor(rng() * 10));
  return {};
}

export function sampleCases(sites: readonly SchemaSite[], resolve: Resolve, rng: Rng, perSite: number): ExampleCase[] {
  return sites.flatMap((site) => Array.from({ length: perSite }, () => ({ ...site, value: sampleValue(site, resolve, rng) })));
}
