// The V8 flags the CLI runs under, in one place: bin/specsmith.js sets them before anything loads, and the build
// (scripts/build-caches.js) sets the same ones, since V8 accepts a code cache only under the flags it was made with.
import v8 from "node:v8";

// A run allocates much short-lived text (rendered pages handed to the writer, then dropped). V8's default heap
// growth lets the old generation reach about four times its live size before a full collection: on GitHub's spec
// that was 530 MB of heap holding 120 MB of live objects. Growing it by half at most keeps the peak about a third
// lower; wall time stayed within this machine's noise (the marking runs concurrently). A flag given to node wins.
export const HEAP_GROWING = "--heap-growing-percent=50";

/** Sets the CLI's flags, unless node was started with its own value of them. */
export function applyV8Flags(execArgv = process.execArgv) {
  if (!execArgv.some((arg) => arg.startsWith("--heap-growing-percent"))) v8.setFlagsFromString(HEAP_GROWING);
}
