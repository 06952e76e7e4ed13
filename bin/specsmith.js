#!/usr/bin/env node
// Entry point: runs the compiled CLI from dist/ (built by `npm run build`, which `npm ci` runs via prepare).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error("specsmith: dist/ is missing; run `npm run build` (npm ci does it for you)");
  process.exit(1);
}
const { runCli } = await import(cli.href);
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
