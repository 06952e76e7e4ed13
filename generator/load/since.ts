// A load told what changed since this process last loaded the same directory (a watch session's file events):
// every other file is taken as that load read it, without listing the directory or stat'ing the file. A watcher
// can miss an event, so loadDrift checks afterwards (a watch session runs it while it waits) what a full load
// would have seen differently.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isSameStamp, listSpecFilesSync, SPEC_FILE } from "./read.js";
import type { LoadedFile } from "./types.js";

/** What a watcher saw change in a spec directory since this process last loaded it. */
export interface LoadHint {
  /** Absolute paths of what changed (files of other directories are ignored). */
  files: ReadonlySet<string>;
  /** Something may have been added, removed or renamed: the directory is listed again. */
  listing: boolean;
}

interface LastLoad {
  rels: readonly string[];
  byRel: ReadonlyMap<string, LoadedFile>;
}

/** The files each directory's last load read, by absolute directory (a few: a session loads one or two APIs). */
const lastLoads = new Map<string, LastLoad>();
const MAX_HELD = 4;

/** Records what a load of `dir` read: the next load of it told what changed since reuses the rest. */
export function rememberLoad(dir: string, rels: readonly string[], files: readonly LoadedFile[]): void {
  const key = path.resolve(dir);
  lastLoads.delete(key);
  lastLoads.set(key, { rels, byRel: new Map(files.map((f) => [f.rel, f])) });
  for (const oldest of lastLoads.keys()) if (lastLoads.size > MAX_HELD) lastLoads.delete(oldest);
}

/**
 * The last load's files list and the files of it that `hint` leaves unchanged (to take as they are), or undefined
 * when the directory has to be listed: no load of it is held, something was added, removed or renamed, or a
 * changed spec file is not in the last listing or is gone. A file that failed to parse is read again (its finding
 * belongs to each load).
 */
export function reusableFiles(dir: string, hint: LoadHint | undefined): { rels: readonly string[]; reuse: (rel: string) => LoadedFile | undefined } | undefined {
  const last = hint && !hint.listing ? lastLoads.get(path.resolve(dir)) : undefined;
  if (!hint || !last) return undefined;
  const changed = new Set<string>();
  const root = path.resolve(dir);
  for (const abs of hint.files) {
    const rel = path.relative(root, abs);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) continue;
    const posix = rel.split(path.sep).join("/");
    if (last.byRel.has(posix)) {
      if (!statSync(abs, { throwIfNoEntry: false })?.isFile()) return undefined;
      changed.add(posix);
    } else if (SPEC_FILE.test(posix) && statSync(abs, { throwIfNoEntry: false })?.isFile()) return undefined;
  }
  return {
    rels: last.rels,
    reuse: (rel) => {
      const file = changed.has(rel) ? undefined : last.byRel.get(rel);
      return file && file.doc !== null ? file : undefined;
    },
  };
}

/**
 * The spec files (relative, sorted) that differ from what this process's last load of `dir` read: added, removed,
 * or changed since (by their stamp; a file read without one, changed just before, is read and hashed again). Empty
 * when no load of it is held.
 */
export function loadDrift(dir: string): string[] {
  const last = lastLoads.get(path.resolve(dir));
  if (!last) return [];
  let now: Set<string>;
  try {
    now = new Set(listSpecFilesSync(dir));
  } catch {
    return [...last.rels];
  }
  const drifted = new Set(last.rels.filter((rel) => !now.has(rel)));
  for (const rel of now) {
    const file = last.byRel.get(rel);
    if (!file || !isUnchanged(file)) drifted.add(rel);
  }
  return [...drifted].sort();
}

function isUnchanged(file: LoadedFile): boolean {
  if (file.stamp) return isSameStamp(file.stamp, statSync(file.abs, { throwIfNoEntry: false }));
  try {
    return createHash("sha256").update(readFileSync(file.abs, "utf8")).digest("hex") === file.hash;
  } catch {
    return false;
  }
}

/** Drops the loads held for hinted loads (tests). */
export function forgetLoads(): void {
  lastLoads.clear();
}
