// Example keys become file names (snippets/<lang>/<endpoint>/<key>.js): the importer renames the
// few a source spec has that are unsafe there (GitHub's spec has `application/json`), keeping the
// request/response link since the same rename applies to every side of an operation.
import { isHttpMethod } from "./methods.js";

type Obj = Record<string, any>;

/** `application/json` → `application_json`; control characters and separators become `_`. */
export function toSafeExampleKey(key: string): string {
  const safe = key.replace(/[/\\\u0000-\u001f]/g, "_");
  return safe === "" || safe === "." || safe === ".." ? `example${safe.replace(/\./g, "_")}` : safe;
}

/** Renames unsafe example keys in place on every operation of a path item. */
export function renameUnsafeExampleKeys(pathItem: Obj): void {
  for (const [method, op] of Object.entries(pathItem)) {
    if (!isHttpMethod(method) || !op || typeof op !== "object") continue;
    for (const holder of exampleHolders(op)) holder["examples"] = renameKeys(holder["examples"]);
  }
}

function exampleHolders(op: Obj): Obj[] {
  const holders: Obj[] = [];
  const addContent = (content: unknown) => {
    if (content && typeof content === "object") for (const media of Object.values(content as Obj)) if (media?.examples) holders.push(media);
  };
  for (const p of (op["parameters"] ?? []) as Obj[]) if (p?.examples) holders.push(p);
  addContent(op["requestBody"]?.content);
  for (const r of Object.values((op["responses"] ?? {}) as Obj)) addContent((r as Obj)?.content);
  return holders;
}

function renameKeys(examples: unknown): unknown {
  if (!examples || typeof examples !== "object" || Array.isArray(examples)) return examples;
  const out: Obj = {};
  for (const [key, value] of Object.entries(examples)) {
    let safe = toSafeExampleKey(key);
    for (let n = 2; safe in out; n++) safe = `${toSafeExampleKey(key)}_${n}`;
    out[safe] = value;
  }
  return out;
}
