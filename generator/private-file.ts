// Caches that hold code (compiled templates, V8 code caches) are evaluated, so they are read only from files that
// no other user could have written: the fallback cache directory is under the shared temp directory. They are
// written with mode 0600 (see writeAtomic's `mode`), and checked on the open file, so a swap after the check
// cannot slip another file in.
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";

/** The file's bytes when it belongs to this process's user and is not group- or world-writable; else null. */
export function readPrivateFile(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    // Without POSIX users (Windows), only the mode bits say anything.
    const ownUser = typeof process.getuid !== "function" || info.uid === process.getuid();
    return ownUser && (info.mode & 0o022) === 0 ? readFileSync(fd) : null;
  } finally {
    closeSync(fd);
  }
}

/** The mode code-bearing cache files are written with. */
export const PRIVATE_MODE = 0o600;
