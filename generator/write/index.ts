// Only-changed, atomic writes of a tree of generated files, and the same comparison without writing (check mode).
// writeFiles takes the whole tree at once; createTreeWriter takes it prefix by prefix (see tree-writer.ts).
import { PrefixWriter } from "./tree-writer.js";
import type { FileText } from "./text.js";
import type { FileMap, WriteResult } from "./types.js";

export { assertSafeRelPath, listFiles, writeAtomic, writeAtomicSync } from "./file-ops.js";
export { createTreeWriter, STREAM_BATCH_FILES, type KnownPrefix, type PrefixStream, type TreeWriter, type TreeWriterOptions } from "./tree-writer.js";
export type { FileMap, WriteResult } from "./types.js";
export { TextPieces, textOf, textsOf, type FileText } from "./text.js";

export interface WriteOptions {
  /** Output root directory. */
  root: string;
  files: FileMap;
  /**
   * Posix directories (relative to root) this writer owns: files under them that are not in
   * `files` are stale and get removed. Use [""] to own the whole root.
   */
  owned: readonly string[];
  /** Only compare; write nothing. */
  check?: boolean;
  /** File names under owned dirs that are never treated as stale (e.g. `.gitkeep`). */
  keep?: (relPath: string) => boolean;
}

/** Splits `files` by owned dir (the innermost one that holds a file) and hands each group to a tree writer. */
export async function writeFiles(opts: WriteOptions): Promise<WriteResult> {
  const owned = [...new Set(opts.owned)];
  const groups = new Map<string, Map<string, FileText>>(owned.map((dir) => [dir, new Map()]));
  const unowned = new Map<string, FileText>();
  // Innermost first, so a nested owned dir gets its own files.
  const byDepth = [...owned].sort((a, b) => b.length - a.length);
  for (const [rel, content] of opts.files) {
    const dir = byDepth.find((d) => d === "" || rel.startsWith(`${d}/`));
    if (dir === undefined) unowned.set(rel, content);
    else (groups.get(dir) as Map<string, FileText>).set(dir ? rel.slice(dir.length + 1) : rel, content);
  }
  const writer = new PrefixWriter({ root: opts.root, check: opts.check, keep: opts.keep });
  for (const [dir, files] of groups) writer.add(dir, files);
  writer.addUnowned(unowned);
  return writer.finish();
}
