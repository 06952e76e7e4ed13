// Loads an export of an installed npm package (`pkg/subpath#exportName`), resolved from the cwd
// with ESM ("import") conditions, so it works for any package installed where the user runs us.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "../errors.js";
import { importUrl } from "../import-url.js";

export interface ModuleSource {
  specifier: string;
  exportName: string;
}

/** `@scope/pkg/sub#name` → { specifier: "@scope/pkg/sub", exportName: "name" } (default export without `#`). */
export function parseModuleSource(source: string): ModuleSource {
  const hash = source.lastIndexOf("#");
  if (hash === -1) return { specifier: source, exportName: "default" };
  return { specifier: source.slice(0, hash), exportName: source.slice(hash + 1) || "default" };
}

export async function loadModuleExport(source: string, cwd = process.cwd()): Promise<unknown> {
  const { specifier, exportName } = parseModuleSource(source);
  const file = resolveModule(specifier, cwd);
  const mod = (await importUrl(pathToFileURL(file).href)) as Record<string, unknown>;
  const value = exportName === "default" ? (mod["default"] ?? mod) : (mod[exportName] ?? lookupDefault(mod, exportName));
  if (value === undefined) {
    const names = Object.keys(mod).sort().join(", ");
    throw new UserError(`module ${specifier} has no export "${exportName}" (exports: ${names || "none"})`);
  }
  return value;
}

// A CommonJS module imported from ESM exposes its exports on `default`.
function lookupDefault(mod: Record<string, unknown>, name: string): unknown {
  const d = mod["default"];
  return d && typeof d === "object" ? (d as Record<string, unknown>)[name] : undefined;
}

/** Absolute file of `specifier` as `import` from a module in `cwd` would load it. */
export function resolveModule(specifier: string, cwd: string): string {
  const { name, subpath } = splitSpecifier(specifier);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const root = path.join(dir, "node_modules", name);
    if (existsSync(path.join(root, "package.json"))) {
      const file = resolveInPackage(root, subpath);
      if (file) return file;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  try {
    return createRequire(path.join(cwd, "/")).resolve(specifier);
  } catch {
    throw new UserError(`cannot resolve module ${specifier} from ${cwd} (is the package installed?)`);
  }
}

function splitSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split("/");
  const n = specifier.startsWith("@") ? 2 : 1;
  if (parts.length < n || parts.slice(0, n).some((p) => p === "")) throw new UserError(`not a package specifier: ${specifier}`);
  const rest = parts.slice(n).join("/");
  return { name: parts.slice(0, n).join("/"), subpath: rest ? `./${rest}` : "." };
}

const CONDITIONS = ["import", "node", "default"];

function resolveInPackage(root: string, subpath: string): string | null {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, any>;
  const exportsField = pkg["exports"];
  if (exportsField === undefined) {
    const file = subpath === "." ? (pkg["module"] ?? pkg["main"] ?? "index.js") : subpath;
    return existing(path.join(root, file));
  }
  const map = typeof exportsField === "string" || Array.isArray(exportsField) || !isSubpathMap(exportsField)
    ? { ".": exportsField }
    : exportsField;
  const target = matchSubpath(map, subpath);
  return target ? existing(path.join(root, target)) : null;
}

function isSubpathMap(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((k) => k.startsWith("."));
}

function matchSubpath(map: Record<string, unknown>, subpath: string): string | null {
  if (subpath in map) return pickTarget(map[subpath], "");
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const [pre, post] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) {
      return pickTarget(value, subpath.slice(pre.length, subpath.length - post.length));
    }
  }
  return null;
}

function pickTarget(value: unknown, star: string): string | null {
  if (typeof value === "string") return value.replaceAll("*", star);
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = pickTarget(v, star);
      if (t) return t;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [cond, v] of Object.entries(value)) {
      if (!CONDITIONS.includes(cond)) continue;
      const t = pickTarget(v, star);
      if (t) return t;
    }
  }
  return null;
}

function existing(file: string): string | null {
  return existsSync(file) ? file : null;
}
