// Test harness: generate a client package into a temp dir, compile it with the TypeScript API, import it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { buildApi } from "../../generator/model/index.js";
import type { SpecInput } from "../../generator/model/source.js";
import type { Api } from "../../generator/model/types.js";
import { createRenderEnv } from "../../generator/render/env.js";
import { renderClient } from "../../generator/targets/client/index.js";

export const REPO = path.resolve(import.meta.dirname, "../..");

/** The model the client target reads (its Api.document is the bundled whole document). */
export function buildClientApi(spec: SpecInput): Api {
  return buildApi(spec);
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `specsmith-${prefix}-`));
}

/** Renders the client target and writes it under `dir`; returns the rendered files. */
export async function writeClient(api: Api, dir: string): Promise<Map<string, string>> {
  const files = await renderClient(api, createRenderEnv());
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  linkDependency(dir, "openapi-fetch");
  return files;
}

/** The package's only dependency, linked from the repo (no network). */
export function linkDependency(dir: string, name: string): void {
  const target = path.join(dir, "node_modules", name);
  if (existsSync(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(path.join(REPO, "node_modules", name), target, "dir");
}

/** Compiles the package with its own tsconfig (strict); returns formatted diagnostics (empty = success). */
export function compilePackage(dir: string, opts: { emit?: boolean } = {}): string[] {
  const configFile = path.join(dir, "tsconfig.json");
  const parsed = ts.parseJsonConfigFileContent(JSON.parse(readFileSync(configFile, "utf8")), ts.sys, dir);
  const options = { ...parsed.options, noEmit: !opts.emit };
  const program = ts.createProgram(parsed.fileNames, options);
  const emitted = opts.emit ? program.emit().diagnostics : [];
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted];
  return diagnostics.map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

/** Type-checks extra TypeScript source against the package (for typed-usage assertions). */
export function typecheckUsage(dir: string, source: string): string[] {
  const file = path.join(dir, "src", "__usage.ts");
  writeFileSync(file, source);
  try {
    return compilePackage(dir);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Imports the compiled package (dist/index.js). */
export async function importPackage<T = Record<string, any>>(dir: string): Promise<T> {
  return (await import(pathToFileURL(path.join(dir, "dist", "index.js")).href)) as T;
}
