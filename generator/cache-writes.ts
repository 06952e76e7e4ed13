// When cache files reach the disk. A generate or check writes its caches before it returns; a watch session keeps
// them in memory (where the next regeneration reads them) and writes them once it has been idle for a moment, and
// when it ends, so saving never delays the regeneration a change triggers. A cache lost to a crash costs time only.

let deferred = false;
/** The latest write of each cache file not yet on disk. */
const pending = new Map<string, () => Promise<void>>();

/** Writes now, or (while writes are deferred) replaces this file's pending write. */
export async function persistCache(file: string, write: () => Promise<void>): Promise<void> {
  if (!deferred) return write();
  pending.set(file, write);
}

/** From now on cache writes wait for flushCacheWrites (true), or are written at once again (false: flushes first). */
export async function deferCacheWrites(on: boolean): Promise<void> {
  if (!on) await flushCacheWrites();
  deferred = on;
}

/** Writes every pending cache file (each write ignores its own failures). */
export async function flushCacheWrites(): Promise<void> {
  const writes = [...pending.values()];
  pending.clear();
  for (const write of writes) await write();
}
