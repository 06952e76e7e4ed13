// Handlebars environment: one per render, templates read from templates/<target>/ with an optional override dir.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { HandlebarsRuntime } from "./handlebars.js";
import { CODE_ROOT } from "../code-root.js";
import { UserError } from "../errors.js";
import { registerHelpers } from "./helpers.js";
import { dropTemplate, keepTemplate, keptTemplate } from "./template-cache.js";
import { compileTemplateSource, precompiledTemplates, templateTextKey } from "./template-precompile.js";

/** The bundled templates directory (works from generator/ sources and from dist/). */
export const BUNDLED_TEMPLATES = findUp(CODE_ROOT, "templates");

export interface RenderEnv {
  /** Renders `<folder>/<name>.hbs` with the context. */
  render(folder: string, name: string, context: unknown): string;
  /**
   * Compiles now every template and partial not compiled yet (a watch session does it while it waits: the first
   * change after a run that rendered nothing does not pay for it). Partials are registered only when their folder
   * first renders, as without it.
   */
  warm?(): void;
}

/**
 * The render environment for the bundled templates and an optional override directory. The last one made is
 * reused while no template file changed (by name, size, mtime and ctime): a watch session compiles a template
 * again only after it is edited.
 */
export function createRenderEnv(opts: { overrideDir?: string } = {}): RenderEnv {
  const key = templatesStamp([opts.overrideDir, BUNDLED_TEMPLATES].filter((d): d is string => Boolean(d)));
  if (lastEnv?.key === key) return lastEnv.env;
  const env = buildRenderEnv(opts);
  lastEnv = { key, env };
  return env;
}

let lastEnv: { key: string; env: RenderEnv } | undefined;

function templatesStamp(roots: string[]): string {
  const parts: string[] = [];
  for (const root of roots) {
    parts.push(`\0${path.resolve(root)}`);
    let names: string[];
    try {
      names = readdirSync(root, { recursive: true, encoding: "utf8" }).sort();
    } catch {
      continue; // a missing directory is reported when a template is looked up
    }
    for (const name of names) {
      const info = statSync(path.join(root, name), { throwIfNoEntry: false });
      if (info?.isFile()) parts.push(`${name}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs}`);
    }
  }
  return parts.join("\n");
}

function buildRenderEnv(opts: { overrideDir?: string }): RenderEnv {
  const hb = HandlebarsRuntime.create();
  registerHelpers(hb);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const partialsLoaded = new Set<string>();
  const roots = [opts.overrideDir, BUNDLED_TEMPLATES].filter((d): d is string => Boolean(d));

  function readTemplate(folder: string, rel: string): { text: string; file: string } {
    for (const root of roots) {
      const file = path.join(root, folder, rel);
      if (existsSync(file)) return { text: readFileSync(file, "utf8"), file };
    }
    throw new UserError(`template not found: ${folder}/${rel} (looked in ${roots.join(", ")})`);
  }

  /** The folder's partials, compiled (override files replacing bundled ones by name), by name in sorted order. */
  const compiledPartials = new Map<string, [string, HandlebarsTemplateDelegate][]>();
  function compilePartials(folder: string): [string, HandlebarsTemplateDelegate][] {
    let list = compiledPartials.get(folder);
    if (list) return list;
    const names = new Set<string>();
    for (const root of roots) {
      const dir = path.join(root, folder, "partials");
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir)) if (f.endsWith(".hbs")) names.add(f.slice(0, -4));
    }
    list = [...names].sort().map((name) => {
      const { text, file } = readTemplate(folder, `partials/${name}.hbs`);
      return [name, compileChecked(hb, text, file)];
    });
    compiledPartials.set(folder, list);
    return list;
  }

  /** Partials: every `partials/*.hbs` of the folder, registered when the folder first renders. */
  function loadPartials(folder: string): void {
    if (partialsLoaded.has(folder)) return;
    partialsLoaded.add(folder);
    for (const [name, partial] of compilePartials(folder)) hb.registerPartial(name, partial);
  }

  function compiledTemplate(key: string): HandlebarsTemplateDelegate {
    let template = compiled.get(key);
    if (!template) {
      const { text, file } = readTemplate(path.posix.dirname(key), `${path.posix.basename(key)}.hbs`);
      template = compileChecked(hb, text, file);
      compiled.set(key, template);
    }
    return template;
  }

  return {
    render(folder, name, context) {
      loadPartials(folder);
      return compiledTemplate(`${folder}/${name}`)(context);
    },
    warm() {
      const keys = new Set<string>();
      for (const root of roots) {
        let names: string[];
        try {
          names = readdirSync(root, { recursive: true, encoding: "utf8" });
        } catch {
          continue;
        }
        for (const name of names) {
          const rel = name.split(path.sep).join("/");
          if (!rel.endsWith(".hbs")) continue;
          const parts = rel.slice(0, -4).split("/");
          const at = parts.indexOf("partials");
          if (at > 0) compilePartials(parts.slice(0, at).join("/"));
          else if (at < 0 && parts.length > 1) keys.add(parts.join("/"));
        }
      }
      for (const key of [...keys].sort()) compiledTemplate(key);
    },
  };
}

/**
 * Compiles eagerly, once, so a syntax error in a user's template is reported with its file: the stages
 * `hb.compile` runs lazily on first use (precompiling to check, then compiling again, doubled the work). The
 * compiled source of a bundled template comes with the build (template-precompile.ts); any other is kept between
 * runs (template-cache.ts): a later run evaluates it instead.
 */
function compileChecked(hb: typeof HandlebarsRuntime, text: string, file: string): HandlebarsTemplateDelegate {
  const key = templateTextKey(text);
  const bundled = precompiledTemplates().get(key);
  if (bundled !== undefined) {
    try {
      return hb.template(evaluate(bundled));
    } catch {
      // A damaged build output: compiled below.
    }
  }
  const kept = keptTemplate(key);
  if (kept !== undefined) {
    try {
      return hb.template(evaluate(kept));
    } catch {
      dropTemplate(key); // damaged: compiled afresh below
    }
  }
  let source: string;
  try {
    source = compileTemplateSource(text);
  } catch (error) {
    throw new UserError(`template ${file}: ${(error as Error).message.split("\n")[0]}`);
  }
  const template = hb.template(evaluate(source));
  keepTemplate(key, source);
  return template;
}

/** The template specification a precompiled source (an object literal with functions) stands for. */
function evaluate(source: string): TemplateSpecification {
  return new Function(`return ${source};`)() as TemplateSpecification;
}

function findUp(start: string, name: string): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate) && existsSync(path.join(dir, "package.json"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(start, name);
    dir = parent;
  }
}
