// Where specsmith's running code lives: dist/ when built (as separate modules, or as the one-file bundle
// dist/cli.bundle.cjs the CLI loads), generator/ when run from sources (tests, under tsx). Paths to files that sit
// beside the code (worker entries, build outputs) are taken from here, never from a module's own URL, which in
// the bundle is the bundle's.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The directory of the code: `dist` or `generator`. */
export const CODE_ROOT = path.dirname(fileURLToPath(import.meta.url));

/** True when running the compiled code (dist/*.js); false from TypeScript sources. */
export const COMPILED = import.meta.url.endsWith(".js");

/** The file of module `rel` (posix, without extension, relative to the code root) as it runs here. */
export function codeFile(rel: string): string {
  return path.join(CODE_ROOT, ...`${rel}.${COMPILED ? "js" : "ts"}`.split("/"));
}
