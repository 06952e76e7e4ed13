// Where specsmith keeps its caches: one directory for every kind (load, parts, templates, V8 code caches). Its own
// small module: the code cache module reads it before the CLI's bundle loads (the bundle's code cache may be there).
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where cache files go, or null when `SPECSMITH_CACHE=off`. */
export function findCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  if (env["SPECSMITH_CACHE"] === "off") return null;
  if (env["SPECSMITH_CACHE_DIR"]) return path.resolve(cwd, env["SPECSMITH_CACHE_DIR"]);
  if (existsSync(path.join(cwd, "node_modules"))) return path.join(cwd, "node_modules", ".cache", "specsmith");
  return path.join(os.tmpdir(), "specsmith-cache");
}
