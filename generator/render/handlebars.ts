// Handlebars in two parts. The runtime renders compiled templates: every render needs it, and it is loaded with the
// code (about 8 ms). The compiler parses and compiles a template's text: needed only for a template the build did
// not precompile (an override, or one edited since the build), it is loaded on first use (the whole package takes
// about 28 ms to load).
import { createRequire } from "node:module";
import type HandlebarsModule from "handlebars";

const load = createRequire(import.meta.url);

/** The runtime: `create`, `template`, helpers and partials (not `compile`, `parse` or `precompile`). */
export const HandlebarsRuntime = load("handlebars/runtime") as typeof HandlebarsModule;

let compiler: typeof HandlebarsModule | undefined;

/** The whole package, with the compiler. */
export function handlebarsCompiler(): typeof HandlebarsModule {
  return (compiler ??= load("handlebars") as typeof HandlebarsModule);
}
