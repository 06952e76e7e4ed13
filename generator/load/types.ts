import type { Problem } from "../errors.js";

// The loader's result types (a superset of model/source.ts's SpecInput) and the internal finding shape.

export interface LoadedFile {
  /** Posix path relative to the spec directory, e.g. `spaces/get.yaml`. */
  rel: string;
  abs: string;
  text: string;
  /** sha256 (hex) of `text`: the cache key for later stages. */
  hash: string;
  /** The parsed document (null when the file failed to parse). */
  doc: any;
  /** Line/column (1-based) of the node at a JSON pointer, or of its nearest existing ancestor. */
  locate(pointer: string): { line: number; col: number };
  /** What the file's stat said when `text` was read, if that can vouch for the content later (see read.ts). */
  stamp?: FileStamp;
}

/** size, mtimeMs, ctimeMs and inode: any write changes the ctime, and no tool can set it back. */
export type FileStamp = [number, number, number, number];

export interface LoadedEndpointFile extends LoadedFile {
  /** The one URL path the file holds. */
  path: string;
}

export interface ResolvedRef {
  file: LoadedFile;
  /** JSON pointer inside `file` without the leading `#` ("" for the whole document). */
  pointer: string;
  value: unknown;
}

export interface LoadedSpec {
  /** Basename of the spec directory. */
  apiId: string;
  dir: string;
  shared: LoadedFile | null;
  endpoints: LoadedEndpointFile[];
  /** Resolves a `$ref` written in `fromRel` (`#/...` or `../_api.yaml#/...`); throws RefError when it does not. */
  resolve(fromRel: string, ref: string): ResolvedRef;
  /** Problems reported as warnings (example mismatches under `examples: "warn"`), sorted. */
  warnings: Problem[];
  /** rel → hash of the file's text and of every file its `$ref`s reach (transitively). */
  inputHashes: ReadonlyMap<string, string>;
}

/** A problem before it is located and formatted: a file (relative to the spec dir) and a pointer. */
export interface Finding {
  rel: string;
  pointer: string;
  message: string;
  /** Known position (parse errors); otherwise located from the pointer. */
  line?: number;
  col?: number;
}

export type Report = (finding: Finding) => void;

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const METHOD_SET = new Set<string>(HTTP_METHODS);
export function isHttpMethod(key: string): boolean {
  return METHOD_SET.has(key);
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}
