// $ref resolution across the files of one spec directory, and the check that every $ref resolves.
import path from "node:path";
import { fromPointer, toPointer } from "../errors.js";
import { hasOwn, isObject, type LoadedFile, type Report, type ResolvedRef } from "./types.js";

/** Thrown by resolve(); `broken` marks refs into a file that failed to parse (already reported). */
export class RefError extends Error {
  constructor(
    message: string,
    readonly broken = false,
  ) {
    super(message);
    this.name = "RefError";
  }
}

export type Resolve = (fromRel: string, ref: string) => ResolvedRef;

/** `unparsed`: files that failed to parse (refs into them are not reported twice). */
export function createResolver(files: ReadonlyMap<string, LoadedFile>, unparsed: ReadonlySet<string>): Resolve {
  return (fromRel, ref) => {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    const file = filePart === "" ? files.get(fromRel) : findFile(files, fromRel, filePart);
    if (!file) throw new RefError(`no file ${fromRel}`);
    if (unparsed.has(file.rel)) throw new RefError(`${file.rel} does not parse`, true);
    const { pointer, segments } = pointerOf(fragment);
    let value: unknown = file.doc;
    for (const seg of segments) {
      value = step(value, seg);
      if (value === undefined) throw new RefError(`${file.rel} has nothing at "${pointer}"`);
    }
    return { file, pointer, value };
  };
}

/** A fragment's JSON pointer and its segments: a spec's references name a few hundred components, each many times. */
function pointerOf(fragment: string): { pointer: string; segments: readonly string[] } {
  let known = pointers.get(fragment);
  if (known === undefined) {
    const pointer = decodeFragment(fragment);
    if (pointer !== "" && !pointer.startsWith("/")) throw new RefError(`"#${fragment}" is not a JSON pointer`);
    if (pointers.size >= MAX_MEMO_ENTRIES) pointers.clear();
    pointers.set(fragment, (known = { pointer, segments: fromPointer(pointer) }));
  }
  return known;
}

const pointers = new Map<string, { pointer: string; segments: readonly string[] }>();

function findFile(files: ReadonlyMap<string, LoadedFile>, fromRel: string, filePart: string): LoadedFile {
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) throw new RefError("only local and relative file references are supported");
  if (filePart.startsWith("/")) throw new RefError("absolute file references are not supported");
  const rel = toRefFileRel(fromRel, filePart);
  if (rel === null) throw new RefError("it points outside the spec directory");
  const file = files.get(rel) ?? files.get(safeDecode(rel));
  if (!file) throw new RefError(`file ${rel} not found in the spec directory`);
  return file;
}

/** The spec-relative path a relative file reference names (null when it leaves the directory). */
function toRefFileRel(fromRel: string, filePart: string): string | null {
  // Most references of a spec are a few texts (`../_api.yaml`) written in a few directories: each pair is joined once.
  const dir = path.posix.dirname(fromRel);
  const key = `${dir}\0${filePart}`;
  let rel = joinedRefs.get(key);
  if (rel === undefined) {
    if (joinedRefs.size >= MAX_MEMO_ENTRIES) joinedRefs.clear();
    const joined = path.posix.normalize(path.posix.join(dir, filePart));
    joinedRefs.set(key, (rel = joined === ".." || joined.startsWith("../") ? null : joined));
  }
  return rel;
}

const joinedRefs = new Map<string, string | null>();
/** Each memo above starts over when this full (a long watch session over changing specs). */
const MAX_MEMO_ENTRIES = 10_000;

/** Every file (rel) a `$ref` written in `fromRel` may resolve to; [] for local, remote or outside refs. */
export function listRefFiles(fromRel: string, ref: string): string[] {
  const hash = ref.indexOf("#");
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  if (filePart === "" || /^[a-z][a-z0-9+.-]*:/i.test(filePart) || filePart.startsWith("/")) return [];
  const rel = toRefFileRel(fromRel, filePart);
  if (rel === null) return [];
  const decoded = safeDecode(rel);
  return decoded === rel ? [rel] : [rel, decoded];
}

function step(value: unknown, seg: string): unknown {
  if (Array.isArray(value)) return /^(0|[1-9]\d*)$/.test(seg) ? value[Number(seg)] : undefined;
  // Own properties only, so "/constructor" never reaches Object.prototype.
  return isObject(value) && hasOwn(value, seg) ? value[seg] : undefined;
}

function decodeFragment(fragment: string): string {
  return fragment.includes("%") ? safeDecode(fragment) : fragment;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A visitor (see walkDocument) that reports the object's `$ref` when it does not resolve. */
export function refChecker(file: LoadedFile, resolve: Resolve, report: Report): SpecVisitor {
  return (obj, at) => {
    const ref = obj["$ref"];
    if (typeof ref !== "string") return;
    try {
      resolve(file.rel, ref);
    } catch (err) {
      if (!(err instanceof RefError)) throw err;
      if (!err.broken) report({ rel: file.rel, pointer: toPointer([...at, "$ref"]), message: `unresolved $ref "${ref}": ${err.message}` });
    }
  };
}

export type SpecVisitor = (obj: Record<string, any>, at: readonly (string | number)[]) => void;

const DATA_KEYS = new Set(["example", "default", "enum", "const"]);
const NAME_MAPS = new Set(["properties", "patternProperties"]);

/**
 * One walk over a document for the checks that read it all: `visit` is called on every object that OpenAPI reads
 * as structure (not example values, defaults or vendor data), and `onProtoKey` at every `__proto__` key anywhere
 * (example data included; the walk for it does not go below one).
 */
export function walkDocument(doc: unknown, visit: SpecVisitor, onProtoKey: (at: readonly (string | number)[]) => void): void {
  // One shared path stack (push/pop): this walk runs over every node of every file.
  const at: (string | number)[] = [];
  const walk = (value: unknown, spec: boolean, proto: boolean): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        walk(value[i], spec, proto);
        at.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    if (spec) visit(value, at);
    const inNameMap = spec && NAME_MAPS.has(String(at[at.length - 1]));
    const inExample = spec && at[at.length - 2] === "examples";
    for (const key of Object.keys(value)) {
      at.push(key);
      const isProto = proto && key === "__proto__";
      if (isProto) onProtoKey(at);
      const specChild = spec && (inNameMap || !(key.startsWith("x-") || DATA_KEYS.has(key))) && !(inExample && key === "value");
      if (specChild || (proto && !isProto)) walk(value[key], specChild, proto && !isProto);
      at.pop();
    }
  };
  walk(doc, true, true);
}
