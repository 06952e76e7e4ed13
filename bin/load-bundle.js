// Loads the CLI's one-file bundle (dist/cli.bundle.cjs, made by scripts/bundle-cli.js) through V8's code cache.
// A fresh process otherwise parses and compiles every function of the bundle it calls before running it: about a
// tenth of a second of each run, and most of `specsmith --help`. The build runs a generate of the bundled spec/
// through the bundle and keeps the code V8 compiled for it (scripts/build-caches.js), in dist/v8/ beside the
// typescript cache. V8 takes a cache only for the same source, node and V8 flags (bin/v8-flags.js); when it does not,
// or there is none, the bundle compiles as it would without one.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { Module, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const BUNDLE_FILE = fileURLToPath(new URL("../dist/cli.bundle.cjs", import.meta.url));
const CACHE_DIR = fileURLToPath(new URL("../dist/v8/", import.meta.url));
const PREFIX = "cli.bundle-";

/**
 * The bundle's exports, and how its code cache went: "used", "rejected" (V8 refused it: another node or other flags)
 * or "absent". `script` is kept for the build, which writes its cache once it has run.
 */
export function loadBundle(file = BUNDLE_FILE) {
  const source = readFileSync(file, "utf8");
  const cacheFile = path.join(CACHE_DIR, cacheFileName(source));
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // No import() runs in the script (node 20 cannot give it one with a code cache): see generator/dynamic-import.cts.
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  const cache = !cachedData ? "absent" : script.cachedDataRejected ? "rejected" : "used";
  return { exports: mod.exports, cache, script, cacheFile };
}

/** Writes the bundle's code cache as it stands (after a run: with the functions compiled by then); drops older ones. */
export function writeBundleCache({ script, cacheFile }) {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cacheFile, script.createCachedData());
  for (const name of readdirSync(CACHE_DIR)) {
    if (name.startsWith(PREFIX) && path.join(CACHE_DIR, name) !== cacheFile) rmSync(path.join(CACHE_DIR, name), { force: true });
  }
}

/** The cache file's name: a hash of what V8's cache depends on besides its flags (the source, node, the CPU). */
function cacheFileName(source) {
  const key = createHash("sha256").update(`${process.version}\0${process.arch}\0`).update(source).digest("hex").slice(0, 24);
  return `${PREFIX}${key}.bin`;
}
