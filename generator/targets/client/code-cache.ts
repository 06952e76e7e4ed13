// Loads a large CommonJS module (typescript's 9 MB lib) with V8's code cache, kept in the cache directory: V8 then
// skips parsing and compiling what it compiled in an earlier run (typescript: about 190 ms -> 70 ms for each worker
// that loads it). The module is registered in require.cache, so every later require of it gets this instance.
// With the cache off, or when anything goes wrong, it is required as usual.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { Module, createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { findCacheDir } from "../../load/cache-store.js";
import { PRIVATE_MODE, readPrivateFile } from "../../private-file.js";
import { writeAtomic } from "../../write/file-ops.js";

interface Pending {
  file: string;
  script: vm.Script;
}

/** Scripts loaded without usable cached data: their cache is written by saveCodeCaches, after use. */
const unsaved: Pending[] = [];

/** How each module loaded by requireCached in this thread was compiled (tests read it). */
export const codeCacheLoads: { file: string; cache: "used" | "absent" | "rejected" }[] = [];

/** `require(id)` from `from`, through V8's code cache when the cache directory is on. */
export function requireCached(from: string, id: string): unknown {
  const require = createRequire(from);
  const file = require.resolve(id);
  const dir = findCacheDir();
  if (!dir || require.cache[file]) return require(id);
  try {
    return loadWithCache(file, dir);
  } catch {
    delete require.cache[file];
    return require(id);
  }
}

function loadWithCache(file: string, dir: string): unknown {
  const info = statSync(file);
  const key = createHash("sha256")
    .update(`${process.version}\0${process.arch}\0${file}\0${info.size}\0${info.mtimeMs}`)
    .digest("hex")
    .slice(0, 24);
  const cacheFile = path.join(dir, "v8", `${path.basename(file)}-${key}.bin`);
  // V8 runs what it deserializes: only from a file no other user could have written.
  const cachedData = readPrivateFile(cacheFile) ?? undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const mod = new Module(file);
  mod.filename = file;
  const require = createRequire(file);
  require.cache[file] = mod;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) unsaved.push({ file: cacheFile, script });
  codeCacheLoads.push({ file, cache: !cachedData ? "absent" : script.cachedDataRejected ? "rejected" : "used" });
  return mod.exports;
}

/**
 * Writes the code cache of modules loaded without one. Called once they have done some work, so the cache also
 * holds the functions compiled lazily by then. Failures are ignored (the cache only saves time).
 */
export async function saveCodeCaches(): Promise<void> {
  for (const { file, script } of unsaved.splice(0)) {
    try {
      await writeAtomic(file, script.createCachedData(), PRIVATE_MODE);
      // Caches of other versions of the same file (another node, an upgraded package) go.
      const [name, dir] = [path.basename(file), path.dirname(file)];
      const stem = name.slice(0, name.lastIndexOf("-") + 1);
      for (const other of await readdir(dir)) if (other !== name && other.startsWith(stem) && other.endsWith(".bin")) await rm(path.join(dir, other), { force: true });
    } catch {
      // The cache only saves time.
    }
  }
}
