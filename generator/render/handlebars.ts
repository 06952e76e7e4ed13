// Handlebars in two parts. The runtime renders compiled templates: every render needs it, and it is loaded with the
// code (imported, so that the CLI's bundle holds it: about 12 ms of every run's start as a package of its own). The
// compiler parses and compiles a template's text: needed only for a template the build did not precompile (an
// override, or one edited since the build), it is loaded on first use (the whole package takes about 28 ms to load).
import { createRequire } from "node:module";
import type HandlebarsModule from "handlebars";
import Runtime from "handlebars/runtime.js";

const load = createRequire(import.meta.url);

/** The runtime: `create`, `template`, helpers and partials (not `compile`, `parse` or `precompile`). */
export const HandlebarsRuntime = Runtime as unknown as typeof HandlebarsModule;

let compiler: typeof HandlebarsModule | undefined;

/** The whole package, with the compiler. */
export function handlebarsCompiler(): typeof HandlebarsModule {
  return (compiler ??= load("handlebars") as typeof HandlebarsModule);
}
