// Loads a large CommonJS module with V8's code cache: V8 then skips parsing and compiling what it compiled before.
// Two use it: the CLI's own bundle (bin/specsmith.js loads dist/cli.bundle.cjs so, every run), and typescript's 9 MB
// lib (about 190 ms -> 70 ms for each worker that loads it; a run loads it only where the client's types fall back to
// openapi-typescript, see targets/client/openapi-types.ts). Code run so has no import() (node 20 gives a script
// compiled from a cache none): see dynamic-import.cjs. The cache comes from
// the cache directory (written after a run that had none) or, before that and with the cache off, from the build:
// `npm run build` makes one under the V8 flags bin/specsmith.js sets (scripts/build-caches.js), which V8 accepts
// only while node, the flags and the module file are the same. The module is registered in require.cache, so
// every later require of it gets this instance. With no cache at all, or when anything goes wrong, it is required
// as usual.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { Module, createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { findCacheDir } from "./cache-dir.js";
import { CODE_ROOT } from "./code-root.js";
import { PRIVATE_MODE, readPrivateFile } from "./private-file.js";
import { writeAtomic } from "./write/file-ops.js";

/** Where the build puts the code caches it made: dist/v8 (from sources there is none). */
export const BUILD_CODE_CACHE_DIR = path.join(CODE_ROOT, "v8");

interface Pending {
  file: string;
  script: vm.Script;
}

/** Scripts loaded without usable cached data: their cache is written by saveCodeCaches, after use. */
const unsaved: Pending[] = [];
/** Every script loaded through V8's cache in this thread, by the build's cache file name (writeCodeCachesTo). */
const loadedScripts = new Map<string, vm.Script>();
/** The build compiles through vm.Script even without any cache, to write one (collectCodeCaches). */
let collecting = false;

/** How each module loaded by requireCached in this thread was compiled (tests read it). */
export const codeCacheLoads: { file: string; cache: "used" | "absent" | "rejected"; from: "own" | "build" | null }[] = [];

/** `require(id)` from `from`, through V8's code cache when there is one (the cache directory's or the build's). */
export function requireCached(from: string, id: string): unknown {
  const require = createRequire(from);
  const file = require.resolve(id);
  if (require.cache[file]) return require(id);
  const dir = findCacheDir();
  const name = cacheFileName(file);
  const own = dir ? path.join(dir, "v8", name) : null;
  const built = path.join(BUILD_CODE_CACHE_DIR, name);
  if (!own && !collecting && !existsSync(built)) return require(id);
  try {
    return loadWithCache(file, own, built);
  } catch {
    delete require.cache[file];
    return require(id);
  }
}

/** The cache file's name: the module's, and a hash of what V8's cache depends on besides its flags. */
function cacheFileName(file: string): string {
  const info = statSync(file);
  const key = createHash("sha256")
    .update(`${process.version}\0${process.arch}\0${file}\0${info.size}\0${info.mtimeMs}`)
    .digest("hex")
    .slice(0, 24);
  return `${path.basename(file)}-${key}.bin`;
}

function loadWithCache(file: string, own: string | null, built: string): unknown {
  // V8 runs what it deserializes: the cache directory's only from a file no other user could have written; the
  // build's, from beside the compiled modules, is as trusted as they are.
  const ownData = own ? readPrivateFile(own) : null;
  const builtData = ownData ? null : readIfExists(built);
  const cachedData = ownData ?? builtData ?? undefined;
  const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const mod = new Module(file);
  mod.filename = file;
  const require = createRequire(file);
  require.cache[file] = mod;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  mod.loaded = true;
  if (own && (!cachedData || script.cachedDataRejected)) unsaved.push({ file: own, script });
  loadedScripts.set(path.basename(built), script);
  codeCacheLoads.push({
    file,
    cache: !cachedData ? "absent" : script.cachedDataRejected ? "rejected" : "used",
    from: ownData ? "own" : builtData ? "build" : null,
  });
  return mod.exports;
}

function readIfExists(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** From now on requireCached compiles through V8's cache API even when there is no cache yet (the build). */
export function collectCodeCaches(): void {
  collecting = true;
}

/** Writes the code cache of every module loaded through requireCached in this thread into `dir` (the build's). */
export async function writeCodeCachesTo(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, script] of loadedScripts) {
    const file = path.join(dir, name);
    await writeAtomic(file, script.createCachedData());
    await removeOtherVersions(file);
    written.push(file);
  }
  return written;
}

/** Whether some script loaded in this thread has a code cache to write (saveCodeCaches has work to do). */
export function hasUnsavedCodeCaches(): boolean {
  return unsaved.length > 0;
}

/**
 * Writes the code cache of modules loaded without one. Called once they have done some work, so the cache also
 * holds the functions compiled lazily by then. Failures are ignored (the cache only saves time).
 */
export async function saveCodeCaches(): Promise<void> {
  for (const { file, script } of unsaved.splice(0)) {
    try {
      await writeAtomic(file, script.createCachedData(), PRIVATE_MODE);
      await removeOtherVersions(file);
    } catch {
      // The cache only saves time.
    }
  }
}

/** Removes the caches of other versions of the same module beside `file` (another node, an upgraded package). */
async function removeOtherVersions(file: string): Promise<void> {
  const [name, dir] = [path.basename(file), path.dirname(file)];
  const stem = name.slice(0, name.lastIndexOf("-") + 1);
  for (const other of await readdir(dir)) if (other !== name && other.startsWith(stem) && other.endsWith(".bin")) await rm(path.join(dir, other), { force: true });
}
