// Bundles a multi-file OpenAPI document: every `$ref` into another local file is replaced by the
// referenced value (recursively); a cyclic external schema is hoisted to components.schemas instead.
// References inside the root document (`#/...`) stay references.
import path from "node:path";
import { fromPointer, UserError } from "../errors.js";
import { displayPath, readDataFile } from "./parse.js";

interface BundleState {
  rootFile: string;
  files: Map<string, Promise<unknown>>;
  /** External targets being inlined right now (cycle detection). */
  active: Set<string>;
  /** External target → component name, for cyclic targets. */
  hoisted: Map<string, string>;
  hoistedValues: Map<string, unknown>;
}

export async function bundleDocument(doc: unknown, rootFile: string): Promise<unknown> {
  if (!hasExternalRef(doc)) return doc;
  const state: BundleState = {
    rootFile,
    files: new Map([[rootFile, Promise.resolve(doc)]]),
    active: new Set(),
    hoisted: new Map(),
    hoistedValues: new Map(),
  };
  const out = (await bundleValue(doc, rootFile, state)) as Record<string, any>;
  if (state.hoistedValues.size > 0) {
    const components = (out["components"] ??= {});
    const schemas = (components["schemas"] ??= {});
    for (const [name, value] of state.hoistedValues) schemas[name] = value;
  }
  return out;
}

function hasExternalRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExternalRef);
  if (!value || typeof value !== "object") return false;
  const ref = (value as Record<string, unknown>)["$ref"];
  if (typeof ref === "string" && !ref.startsWith("#")) return true;
  return Object.values(value).some(hasExternalRef);
}

async function bundleValue(value: unknown, file: string, state: BundleState): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => bundleValue(v, file, state)));
  if (!value || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const ref = obj["$ref"];
  if (typeof ref === "string" && !(ref.startsWith("#") && file === state.rootFile)) {
    const { $ref: _, ...siblings } = obj;
    const target = await bundleRef(ref, file, state);
    const rest = await bundleValue(siblings, file, state);
    const isObj = target && typeof target === "object" && !Array.isArray(target);
    return Object.keys(siblings).length > 0 && isObj ? { ...(target as object), ...(rest as object) } : target;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = await bundleValue(v, file, state);
  return out;
}

async function bundleRef(ref: string, fromFile: string, state: BundleState): Promise<unknown> {
  const hash = ref.indexOf("#");
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? "" : ref.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
    throw new UserError(`${displayPath(fromFile)}: remote $ref not supported: ${ref}`);
  }
  const file = filePart ? path.resolve(path.dirname(fromFile), decodeURI(filePart)) : fromFile;
  const key = `${file}#${pointer}`;
  if (state.active.has(key) || state.hoisted.has(key)) return { $ref: `#/components/schemas/${hoistName(key, state)}` };
  const target = lookupPointer(await loadFile(file, state), pointer, file, ref);
  state.active.add(key);
  const value = await bundleValue(target, file, state);
  state.active.delete(key);
  const name = state.hoisted.get(key);
  if (name === undefined) return value;
  state.hoistedValues.set(name, value);
  return { $ref: `#/components/schemas/${name}` };
}

function hoistName(key: string, state: BundleState): string {
  const known = state.hoisted.get(key);
  if (known) return known;
  const [file = "", pointer = ""] = key.split("#");
  const base = fromPointer(pointer).at(-1) ?? path.basename(file).replace(/\.[^.]+$/, "");
  const taken = new Set(state.hoisted.values());
  let name = base.replace(/[^A-Za-z0-9._-]/g, "_") || "schema";
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  state.hoisted.set(key, name);
  return name;
}

function loadFile(file: string, state: BundleState): Promise<unknown> {
  let loaded = state.files.get(file);
  if (!loaded) {
    loaded = readDataFile(file, "referenced file");
    state.files.set(file, loaded);
  }
  return loaded;
}

function lookupPointer(doc: unknown, pointer: string, file: string, ref: string): unknown {
  let node = doc;
  for (const seg of fromPointer(pointer ? (pointer.startsWith("/") ? pointer : `/${pointer}`) : "")) {
    if (!node || typeof node !== "object" || !(seg in node)) {
      throw new UserError(`cannot resolve $ref ${ref}: ${displayPath(file)} has nothing at #${pointer}`);
    }
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}
