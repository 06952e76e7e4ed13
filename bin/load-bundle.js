// Loads the CLI's one-file bundle (dist/cli.bundle.cjs, made by scripts/bundle-cli.js) through V8's code cache.
// A fresh process otherwise parses and compiles every function of the bundle it calls before running it: part of
// every run's start. The cache comes from the cache directory (written after a run that had none usable: the case
// of an installed package, which leaves dist/v8/ out) or else from the build, which generates the bundled spec/
// through the bundle and keeps the code V8 compiled for it (scripts/build-caches.js). V8 takes a cache only for the
// same source, node and V8 flags (bin/v8-flags.js); when it does not, or there is none, the bundle compiles as it
// would without one.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { Module, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const BUNDLE_FILE = fileURLToPath(new URL("../dist/cli.bundle.cjs", import.meta.url));
const BUILD_CACHE_DIR = fileURLToPath(new URL("../dist/v8/", import.meta.url));
const PREFIX = "cli.bundle-";

/**
 * The bundle's exports and how its code cache went: `cache` "used", "rejected" (V8 refused it: another node or other
 * flags) or "absent", `from` "own" (the cache directory's `v8/`), "build" or null. `cacheDir`: the cache directory
 * (null: none, SPECSMITH_CACHE=off); `readPrivate(file)`: its bytes when no other user could have written it, else
 * null (generator/private-file.ts).
 */
export function loadBundle({ file = BUNDLE_FILE, cacheDir = null, readPrivate = () => null } = {}) {
  const source = readFileSync(file, "utf8");
  const name = cacheFileName(source);
  const ownFile = cacheDir ? path.join(cacheDir, "v8", name) : null;
  const buildFile = path.join(BUILD_CACHE_DIR, name);
  // V8 runs what it deserializes: the cache directory's only from a file no other user could have written; the
  // build's, from beside the bundle, is as trusted as the bundle.
  const own = ownFile ? readPrivate(ownFile) : null;
  const built = own ? null : readIfExists(buildFile);
  const cachedData = own ?? built ?? undefined;
  // No import() runs in the script (node 20 cannot give it one with a code cache): see generator/dynamic-import.cjs.
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  const cache = !cachedData ? "absent" : script.cachedDataRejected ? "rejected" : "used";
  return { exports: mod.exports, cache, from: own ? "own" : built ? "build" : null, script, ownFile, buildFile };
}

/**
 * After a run that had no cache V8 took: the bundle's code cache as it stands now (with the functions the run
 * compiled) into the cache directory, owner-only. Failures are ignored (the cache only saves time).
 */
export function saveOwnCache(loaded) {
  if (loaded.cache === "used" || !loaded.ownFile) return;
  try {
    writePrivateAtomic(loaded.ownFile, loaded.script.createCachedData());
    removeOtherVersions(loaded.ownFile);
  } catch {
    // The cache only saves time.
  }
}

/** The build's: the bundle's code cache as it stands (after a run: with the functions compiled by then). */
export function writeBuildCache(loaded) {
  mkdirSync(BUILD_CACHE_DIR, { recursive: true });
  writeFileSync(loaded.buildFile, loaded.script.createCachedData());
  removeOtherVersions(loaded.buildFile);
}

/** The cache file's name: a hash of what V8's cache depends on besides its flags (the source, node, the CPU). */
function cacheFileName(source) {
  const key = createHash("sha256").update(`${process.version}\0${process.arch}\0`).update(source).digest("hex").slice(0, 24);
  return `${PREFIX}${key}.bin`;
}

function readIfExists(file) {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function writePrivateAtomic(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Removes the bundle caches of other builds beside `file`. */
function removeOtherVersions(file) {
  const dir = path.dirname(file);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(PREFIX) && name.endsWith(".bin") && path.join(dir, name) !== file) rmSync(path.join(dir, name), { force: true });
  }
}
