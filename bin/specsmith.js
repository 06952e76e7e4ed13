#!/usr/bin/env node
// Entry point: runs the compiled CLI from dist/ (built by `npm run build`, which `npm ci` runs via prepare).
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { applyV8Flags } from "./v8-flags.js";

applyV8Flags();

/** The commands after which the bundle's code cache is worth keeping (see the end). */
const SAVING_COMMANDS = new Set(["generate", "check", "verify", "import"]);

const cli = new URL("../dist/cli.js", import.meta.url);
const BUNDLE = new URL("../dist/cli.bundle.cjs", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("specsmith: dist/ is missing; run `npm run build` (npm ci does it for you)");
  process.exit(1);
}
// The build's one-file bundle of the same modules (scripts/bundle-cli.js), loaded through V8's code cache
// (generator/code-cache.ts), starts faster. In a checkout (the sources beside dist/), not when dist/cli.js was
// compiled after it (tsc run alone), which the bundle would not include. An installed package has no sources: its
// dist/ was built whole, and its files' times are the order they were unpacked in.
const bundleTime = statSync(fileURLToPath(BUNDLE), { throwIfNoEntry: false })?.mtimeMs;
const checkout = existsSync(fileURLToPath(new URL("../generator", import.meta.url)));
const codeCache =
  bundleTime !== undefined && (!checkout || bundleTime >= statSync(fileURLToPath(cli)).mtimeMs) ? await import("../dist/code-cache.js") : null;
const { runCli } = codeCache ? codeCache.requireCached(import.meta.url, fileURLToPath(BUNDLE)) : await import(cli.href);
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
// Now that a run has compiled what such runs need: the cache directory's copy of the bundle's code cache, unless V8
// took one already. Not after `--help` or a failed run, which compile little: the next run would keep that cache.
if (codeCache && process.exitCode === 0 && SAVING_COMMANDS.has(process.argv[2] ?? "")) await codeCache.saveCodeCaches();
