// Worker entry: writes the owned directories it is sent (write-prefix.ts), so the file-system calls of a large
// write run on the other core while the main thread renders the next target.
import { parentPort } from "node:worker_threads";
import { writePrefixSync } from "./write-prefix.js";

interface Job {
  id: number;
  dir: string;
  rels: string[];
  /** The files' UTF-8 bytes back to back; file i ends at ends[i]. */
  bytes: Uint8Array;
  ends: Uint32Array;
}

parentPort?.on("message", ({ id, dir, rels, bytes, ends }: Job) => {
  try {
    const files = new Map<string, Uint8Array>();
    for (let i = 0, start = 0; i < rels.length; start = ends[i++] as number) {
      files.set(rels[i] as string, bytes.subarray(start, ends[i]));
    }
    parentPort?.postMessage({ id, result: writePrefixSync(dir, files) });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    parentPort?.postMessage({ id, error: { message: e.message, code: e.code, syscall: e.syscall, path: e.path } });
  }
});
