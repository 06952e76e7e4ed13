// Writes sample definitions into a (copied) path item as OpenAPI examples on one operation.
import { orderMethods } from "./methods.js";
import { exampleKey, uniqueKey, type SampleDefinition } from "./samples.js";

type Obj = Record<string, any>;

const PARAM_LOCATIONS = ["path", "query", "header", "cookie"];

/** Mutates pathItem (a copy owned by the caller); returns warnings. */
export function attachExamples(pathItem: Obj, urlPath: string, samples: readonly SampleDefinition[]): string[] {
  const warnings: string[] = [];
  const taken = new Map<string, Set<string>>();
  for (const sample of samples) {
    const method = sample.method ?? orderMethods(pathItem)[0];
    const op = method ? pathItem[method] : undefined;
    if (!isObj(op)) {
      warnings.push(`${sample.where}: code sample "${sample.title}": ${urlPath} has no ${sample.method ?? "operation"}`);
      continue;
    }
    const keys = taken.get(method as string) ?? existingKeys(op);
    taken.set(method as string, keys);
    const key = uniqueKey(exampleKey(sample.title), keys);
    keys.add(key);
    const where = `${sample.where}: code sample "${sample.title}"`;
    warnings.push(...addRequestExample(op, key, sample, where));
    warnings.push(...addResponseExample(op, key, sample, where));
  }
  return warnings;
}

function addRequestExample(op: Obj, key: string, sample: SampleDefinition, where: string): string[] {
  const warnings: string[] = [];
  const params = Array.isArray(op["parameters"]) ? (op["parameters"] as unknown[]).filter(isObj) : [];
  const media = firstMedia(op["requestBody"]);
  const body: Obj = {};
  for (const [name, value] of Object.entries(sample.parameters)) {
    const param = params.find((p) => p["name"] === name && PARAM_LOCATIONS.includes(p["in"]));
    if (param) {
      (param["examples"] ??= {})[key] = { summary: sample.title, value };
    } else if (media) {
      body[name] = value;
    } else {
      warnings.push(`${where}: operation has no parameter "${name}"`);
    }
  }
  if (media) {
    const entry: Obj = { summary: sample.title };
    if (sample.description) entry["description"] = sample.description;
    entry["value"] = body;
    (media["examples"] ??= {})[key] = entry;
  }
  return warnings;
}

function addResponseExample(op: Obj, key: string, sample: SampleDefinition, where: string): string[] {
  if (sample.responseBody === null) return [];
  const responses = isObj(op["responses"]) ? op["responses"] : {};
  const status = sample.status ?? Object.keys(responses).find((s) => /^2/.test(s) && firstMedia(responses[s]));
  const media = status === undefined ? null : firstMedia(responses[status]);
  if (!media) return [`${where}: no ${sample.status ?? "2xx"} response with content for the response example`];
  (media["examples"] ??= {})[key] = { summary: sample.title, value: sample.responseBody };
  return [];
}

/** The first media type object of a request body or response (not through a $ref). */
function firstMedia(holder: unknown): Obj | null {
  if (!isObj(holder) || !isObj(holder["content"])) return null;
  const first = Object.values(holder["content"])[0];
  return isObj(first) ? first : null;
}

function existingKeys(op: Obj): Set<string> {
  const keys = new Set<string>();
  const add = (holder: unknown) => isObj(holder) && isObj(holder["examples"]) && Object.keys(holder["examples"]).forEach((k) => keys.add(k));
  add(firstMedia(op["requestBody"]));
  if (Array.isArray(op["parameters"])) op["parameters"].forEach(add);
  if (isObj(op["responses"])) Object.values(op["responses"]).forEach((r) => add(firstMedia(r)));
  return keys;
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
