// Shapes shared by the writer's entry points.
import type { FileText } from "./text.js";

/** Files to produce, keyed by posix path (relative to the output root, or to a prefix for a tree writer). */
export type FileMap = ReadonlyMap<string, FileText>;

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** check mode: files present with different content. */
  stale: string[];
  /** check mode: files that should exist but do not. */
  missing: string[];
  /** check mode: files that exist in an owned dir but are not produced. */
  extra: string[];
}
