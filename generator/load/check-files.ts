// Per-file checks (structure, refs, names, examples), reused from the cache while a file and its $ref targets are unchanged.
import type { CacheEntry, CachedCheck } from "./cache-store.js";
import { checkExamples } from "./examples.js";
import { checkRefsAndNames } from "./names.js";
import type { Resolve } from "./refs.js";
import { collectRefClosure, scanDocument } from "./scan.js";
import type { SchemaValidator } from "./schema-validator.js";
import { checkStructure } from "./structure.js";
import { isObject, type Finding, type LoadedEndpointFile, type LoadedFile } from "./types.js";

export interface CheckInput {
  files: readonly LoadedFile[];
  byRel: ReadonlyMap<string, LoadedFile>;
  unparsed: ReadonlySet<string>;
  shared: LoadedFile | null;
  resolve: Resolve;
  /** The previous cache's entries by rel (empty when there is none). */
  previous: Readonly<Record<string, CacheEntry>>;
  /** False: skip example/schema validation (an entry made so is redone when a later load needs examples). */
  checkExamples: boolean;
}

export interface CheckOutput {
  findings: Finding[];
  examples: Finding[];
  /** Entries for the next cache (only files that exist now). */
  entries: Record<string, CacheEntry>;
  /** True when an entry was created or recomputed (the cache file needs writing). */
  changed: boolean;
}

export async function checkFiles(input: CheckInput): Promise<CheckOutput> {
  const out: CheckOutput = { findings: [], examples: [], entries: {}, changed: false };
  // Files whose text is not the one the previous load checked (and every unparsed one).
  const edited = new Set<string>();
  for (const file of input.files) {
    if (input.previous[file.rel]?.hash !== file.hash || input.unparsed.has(file.rel)) edited.add(file.rel);
    if (!input.unparsed.has(file.rel)) out.entries[file.rel] = toEntry(file, input.previous[file.rel], out);
  }
  // With the same files as before, a check whose files (its $ref closure as last computed) are none of them
  // stands as it is: its closure cannot have changed (only an edited file's refs could change it), nor their hashes.
  // A watch session's edit of one file then walks no closure for the other 1,200 (GitHub).
  const sameFiles = Object.keys(input.previous).every((rel) => input.byRel.has(rel)) && input.files.every((f) => f.rel in input.previous || input.unparsed.has(f.rel));
  const refsOf = (rel: string) => out.entries[rel]?.refs ?? [];
  let validator: SchemaValidator | null = null;
  const getValidator = async () => (validator ??= new (await import("./schema-validator.js")).SchemaValidator(input.resolve));
  for (const file of input.files) {
    const entry = out.entries[file.rel];
    if (!entry) continue;
    const lacksExamples = input.checkExamples && entry.check?.examplesChecked === false;
    if (sameFiles && entry.check && !lacksExamples && !Object.keys(entry.check.deps).some((rel) => edited.has(rel))) {
      out.findings.push(...entry.check.findings);
      out.examples.push(...entry.check.examples);
      continue;
    }
    const deps = Object.fromEntries(collectRefClosure(file.rel, refsOf).map((rel) => [rel, input.byRel.get(rel)?.hash ?? null]));
    if (!entry.check || lacksExamples || !isSameDeps(entry.check.deps, deps)) {
      entry.check = { deps, ...(await checkFile(file, input, getValidator, out.entries)) };
      out.changed = true;
    }
    out.findings.push(...entry.check.findings);
    out.examples.push(...entry.check.examples);
  }
  return out;
}

/** The cache entry of a parsed file: the previous one when the hash matches, else a fresh scan. */
function toEntry(file: LoadedFile, old: CacheEntry | undefined, out: CheckOutput): CacheEntry {
  const stamp = file.stamp && { stamp: file.stamp };
  if (old?.hash === file.hash && (madeHere.has(old) || isUsableEntry(old))) {
    // A stamp taken (or changed) now is worth saving: the next load then skips reading the file.
    if (!isSameStampValue(old.stamp, file.stamp)) out.changed = true;
    return made({ hash: old.hash, doc: old.doc, refs: old.refs, ...(old.check && { check: old.check }), ...(old.positions && { positions: old.positions }), ...stamp });
  }
  out.changed = true;
  const scan = scanDocument(file.doc, file.rel);
  // JSON files re-parse as fast as the cache would; YAML documents are kept when JSON preserves them.
  const keepDoc = scan.jsonSafe && !file.rel.endsWith(".json");
  return made(keepDoc ? { hash: file.hash, doc: file.doc, refs: scan.refs, ...stamp } : { hash: file.hash, refs: scan.refs });
}

/**
 * Entries this process made (their shape is right by construction): a watch session's next load, handed them back,
 * does not check their shape again as it does for entries read from disk (GitHub's spec: 812 every run).
 */
const madeHere = new WeakSet<CacheEntry>();

function made(entry: CacheEntry): CacheEntry {
  madeHere.add(entry);
  return entry;
}

type GetValidator = () => Promise<SchemaValidator>;

/** Runs every per-file check and locates the findings (positions re-parse only files that have findings). */
async function checkFile(
  file: LoadedFile,
  input: CheckInput,
  getValidator: GetValidator,
  entries: Record<string, CacheEntry>,
): Promise<Omit<CachedCheck, "deps">> {
  const findings: Finding[] = [];
  const examples: Finding[] = [];
  const report = (f: Finding) => findings.push(f);
  const isShared = file === input.shared;
  checkStructure(file, isShared, report, input.resolve);
  checkRefsAndNames(file, input.resolve, report);
  if (input.checkExamples && !isShared && hasOnePath(file.doc)) {
    const endpoint = { ...file, path: Object.keys(file.doc.paths)[0] as string } as LoadedEndpointFile;
    checkExamples(endpoint, { resolve: input.resolve, validator: await getValidator(), report: (f) => examples.push(f) });
  }
  return {
    findings: findings.map((f) => locate(f, input.byRel, entries)),
    examples: examples.map((f) => locate(f, input.byRel, entries)),
    examplesChecked: input.checkExamples,
  };
}

/**
 * The finding with its line and column: from the positions its file's entry keeps (located before at the same
 * hash), else located now and kept there. A finding in a large shared file (an example under its components) is
 * so located once, not again each time a file that refers to it changes.
 */
function locate(f: Finding, byRel: ReadonlyMap<string, LoadedFile>, entries: Record<string, CacheEntry>): Finding {
  if (f.line !== undefined) return f;
  const file = byRel.get(f.rel);
  if (!file) return f;
  const entry = entries[f.rel];
  const known = entry?.hash === file.hash ? entry.positions?.[f.pointer] : undefined;
  if (known) return { ...f, line: known[0], col: known[1] };
  const at = file.locate(f.pointer);
  if (entry?.hash === file.hash) (entry.positions ??= {})[f.pointer] = [at.line, at.col];
  return { ...f, ...at };
}

function isSameStampValue(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((n, i) => n === b[i]));
}

export function hasOnePath(doc: unknown): boolean {
  return isObject(doc) && isObject(doc["paths"]) && Object.keys(doc["paths"]).length === 1;
}

function isSameDeps(a: Record<string, string | null>, b: Record<string, string | null>): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/** Shape check of an entry read from disk: a damaged entry is recomputed, never an error. */
function isUsableEntry(entry: CacheEntry): boolean {
  if (typeof entry !== "object" || entry === null || typeof entry.hash !== "string") return false;
  if (!Array.isArray(entry.refs) || !entry.refs.every((r) => typeof r === "string")) return false;
  if (entry.positions !== undefined && !isPositions(entry.positions)) return false;
  const check = entry.check;
  if (check === undefined) return true;
  return (
    typeof check === "object" && check !== null && isObject(check.deps) && isFindingList(check.findings) && isFindingList(check.examples)
  );
}

function isPositions(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isInteger));
}

function isFindingList(list: unknown): list is Finding[] {
  return (
    Array.isArray(list) &&
    list.every((f) => isObject(f) && typeof f["rel"] === "string" && typeof f["pointer"] === "string" && typeof f["message"] === "string")
  );
}
