#!/usr/bin/env node
// Entry point: runs the compiled CLI from dist/ (built by `npm run build`, which `npm ci` runs via prepare).
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUNDLE_FILE, loadBundle } from "./load-bundle.js";
import { applyV8Flags } from "./v8-flags.js";

applyV8Flags();

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("specsmith: dist/ is missing; run `npm run build` (npm ci does it for you)");
  process.exit(1);
}
// The build's one-file bundle of the same modules (scripts/bundle-cli.js), loaded through V8's code cache
// (load-bundle.js), starts faster; not when dist/cli.js was compiled after it (tsc run alone), which the bundle would
// not include.
const bundleTime = statSync(BUNDLE_FILE, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const { runCli } = bundleTime >= statSync(fileURLToPath(cli)).mtimeMs ? loadBundle().exports : await import(cli.href);
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
  });
} catch (error) {
  console.error("specsmith: internal error (this is a bug in specsmith, please report it):");
  console.error(error);
  process.exitCode = 70;
}
