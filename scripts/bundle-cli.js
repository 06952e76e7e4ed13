#!/usr/bin/env node
// Part of `npm run build` (after tsc): the CLI's main-thread modules as one file, dist/cli.bundle.cjs, which
// bin/specsmith.js loads instead of dist/cli.js: node then reads one file instead of a hundred modules (about 45 ms
// of every run), and through V8's code cache (generator/code-cache.ts), which needs a script, not an ES module: so the
// bundle is CommonJS. The worker threads load their entries from dist/ as separate modules (see
// generator/code-root.ts).
import { copyFile, readFile } from "node:fs/promises";
import { build } from "esbuild";

// The code reads its own location from import.meta.url (generator/code-root.ts): in the bundle, the file's URL. The
// name keeps the `.js` ending by which the code knows it runs compiled (COMPILED).
const META_URL = `const __specsmithMetaUrl = require("node:url").pathToFileURL(__filename.replace(/\\.cjs$/, ".js")).href;`;

const OUT = "dist/cli.bundle.cjs";

// Packages stay requires of their own (typescript and openapi-typescript load in a worker, when at all; handlebars's
// compiler loads on first use), but for yaml and handlebars's runtime: every run loads them (yaml: the fast YAML
// reader's fallback, the locator, the YAML printers), and in the bundle they come with the bundle's code cache (about
// 35 ms of every run's start for yaml, 12 for the runtime's dozen files).
const BUNDLED_PACKAGES = ["yaml", "handlebars"];
const manifest = JSON.parse(await readFile("package.json", "utf8"));
const EXTERNAL = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  .filter((name) => !BUNDLED_PACKAGES.includes(name))
  .flatMap((name) => [name, `${name}/*`]);

// Beside the compiled code, as beside the sources (tsc compiles TypeScript only).
await copyFile("generator/dynamic-import.cjs", "dist/dynamic-import.cjs");

await build({
  entryPoints: ["dist/cli.js"],
  outfile: OUT,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: EXTERNAL,
  banner: { js: META_URL },
  define: { "import.meta.url": "__specsmithMetaUrl" },
  logLevel: "warning",
});

// The bundle runs as a vm script (generator/code-cache.ts), where node 20 has no import(): a module loaded at run time
// goes through dist/dynamic-import.cjs (generator/import-url.ts). An import() written anywhere else would fail only
// when it runs, so the build fails now. (The one allowed is in the source text a worker evaluates from sources.)
const calls = (await readFile(OUT, "utf8")).split("\n").filter((line) => /\bimport\(/.test(line) && !line.includes("tsx/esm/api"));
if (calls.length > 0) throw new Error(`${OUT}: import() cannot run in the bundle; use importUrl (generator/import-url.ts):\n${calls.join("\n")}`);
