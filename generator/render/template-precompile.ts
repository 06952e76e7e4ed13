// The bundled templates compiled at build time: `npm run build` writes every templates/**/*.hbs's Handlebars source
// (what compileChecked would make at run time) into dist/templates-precompiled.json, keyed as the template cache
// keys it (a hash of the text, the Handlebars version and the options). A run, even with the cache off, evaluates
// the source of a bundled template instead of parsing and compiling it; an override, or a template edited since
// the build, has another key and is compiled as before.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { handlebarsCompiler, HandlebarsRuntime } from "./handlebars.js";
import { CODE_ROOT } from "../code-root.js";
import { templateKey } from "./template-cache.js";

/** Handlebars' compiler stages (public, though its typings leave them out). */
interface HandlebarsStages {
  Compiler: new () => { compile(ast: unknown, options: object): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: object): string };
}

/**
 * The options every template is compiled with; `data: true` is what hb.compile adds when unset. A fresh copy each
 * time: Handlebars' compiler adds its own keys to the object it is given.
 */
function compileOptions(): { noEscape: boolean; strict: boolean; data: boolean } {
  return { noEscape: true, strict: false, data: true };
}

/** The key a template text's compiled source is kept under (template-cache.ts, and the build's precompiled set). */
export function templateTextKey(text: string): string {
  return templateKey(HandlebarsRuntime.VERSION, compileOptions(), text);
}

/** Handlebars' compiled source of a template text (what `precompile` makes); throws Handlebars' error. */
export function compileTemplateSource(text: string): string {
  const Handlebars = handlebarsCompiler();
  const stages = Handlebars as unknown as HandlebarsStages;
  const options = compileOptions();
  const ast = Handlebars.parse(text, options as Handlebars.ParseOptions);
  const environment = new stages.Compiler().compile(ast, options);
  return new stages.JavaScriptCompiler().compile(environment, options);
}

export const PRECOMPILED_FORMAT = "specsmith-precompiled-templates/1";

/** Where the build writes the set: beside the compiled code (dist/); from sources there is none. */
export const PRECOMPILED_FILE = path.join(CODE_ROOT, "templates-precompiled.json");

/** Key → compiled source of every `.hbs` under `root`, in path order. */
export function precompileTemplates(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".hbs"))
    .sort();
  for (const rel of files) {
    const text = readFileSync(path.join(root, rel), "utf8");
    try {
      entries[templateTextKey(text)] = compileTemplateSource(text);
    } catch (error) {
      throw new Error(`template ${rel}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return entries;
}

/** The text of the precompiled file for the templates under `root`. */
export function precompiledFileText(root: string): string {
  return `${JSON.stringify({ format: PRECOMPILED_FORMAT, entries: precompileTemplates(root) })}\n`;
}

let loaded: Map<string, string> | undefined;

/** The build's compiled sources (empty when there is no such file, or it is not one). */
export function precompiledTemplates(file = PRECOMPILED_FILE): Map<string, string> {
  if (loaded && file === PRECOMPILED_FILE) return loaded;
  const entries = new Map<string, string>();
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; entries?: unknown };
    if (data.format === PRECOMPILED_FORMAT && typeof data.entries === "object" && data.entries !== null) {
      for (const [key, source] of Object.entries(data.entries)) if (typeof source === "string") entries.set(key, source);
    }
  } catch {
    // No build output beside this module (running from sources): every template compiles at run time.
  }
  if (file === PRECOMPILED_FILE) loaded = entries;
  return entries;
}
