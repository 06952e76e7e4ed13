#!/usr/bin/env node
// Part of `npm run build` (after tsc): the CLI's main-thread modules as one file, dist/cli.bundle.js, which
// bin/specsmith.js loads instead of dist/cli.js: node then reads and links one module instead of a hundred
// (about 45 ms of every run). Packages stay imports of their own; the worker threads load their entries from dist/
// as separate modules (see generator/code-root.ts).
import { build } from "esbuild";

await build({
  entryPoints: ["dist/cli.js"],
  outfile: "dist/cli.bundle.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
