// Seam's spec imported into a temp dir, with the docs settings its GitBook pages were made with, rendered by docs/gitbook.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import type { Api } from "../../../generator/model/types.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsGitbookTarget } from "../../../generator/targets/docs-gitbook/index.js";
import { importSeamSpec, requireCorpus } from "../../helpers/seam.js";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/docs-gitbook");

export interface SeamSite {
  api: Api;
  files: Map<string, string>;
  /** The imported spec directory (temp). */
  specDir: string;
}

/** Imports Seam's spec (with its resource samples), adds the site settings, renders the target. */
export async function renderSeamSite(opts: { routes?: Record<string, unknown> } = {}): Promise<SeamSite> {
  const specDir = path.join(mkdtempSync(path.join(os.tmpdir(), "gitbook-")), "seam");
  await importSeamSpec(specDir);
  patchApiDocument(specDir, opts.routes ?? {});
  const api = buildApi(await loadSpec(specDir, { examples: "warn" }));
  return { api, files: await renderGitbook(api), specDir };
}

/** Renders the target, with a template override dir (as `--templates` does) when given. */
export async function renderGitbook(api: Api, templates?: string): Promise<Map<string, string>> {
  return docsGitbookTarget.render(api, createRenderEnv({ overrideDir: templates }));
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

function patchApiDocument(specDir: string, routes: Record<string, unknown>): void {
  const file = path.join(specDir, "_api.yaml");
  const doc = parse(readFileSync(file, "utf8")) as Record<string, any>;
  // config/seam-settings.yaml (imported by importSeamSpec) names the auth schemes; Seam's hand-written wording of
  // the action_attempt resource is added here, read from the corpus page in place.
  const settings = doc["x-docs-gitbook"];
  Object.assign(settings.resources.action_attempt, readResourceWording(path.join(requireCorpus()!, "route-pages/action_attempts/README.md")));
  doc["x-client-name"] ??= "seam";
  for (const [route, meta] of Object.entries(routes)) doc["x-routes"][route] = { ...doc["x-routes"][route], ...(meta as object) };
  writeFileSync(file, stringify(doc, { lineWidth: 0 }));
}

/**
 * Seam's site words the polymorphic action_attempt resource by hand (the spec has none of these texts), so its
 * description and property descriptions are site settings. They are Seam's text: read from the published page in
 * place at test time, never committed. Types, order-independent facts and enum values still come from the spec.
 */
function readResourceWording(file: string): { description: string; properties: Record<string, string> } {
  const text = readFileSync(file, "utf8");
  const description = /\n\n\n([^\n]+)\n\n---\n## Properties/.exec(text)?.[1] ?? "";
  const properties: Record<string, string> = {};
  for (const m of text.matchAll(/^\*\*`([^`]+)`\*\* \*[^\n]*\n\n([^\n]+)$/gm)) properties[m[1]!] ??= m[2]!;
  return { description, properties };
}

/** Every file under dir, as posix paths relative to it. */
export function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), rel) : [rel];
  });
}

/** Pages compare with trailing whitespace trimmed (per line and at the end). */
export function normalizePage(text: string): string {
  return text.replace(/[ \t]+$/gm, "").trimEnd();
}

/** The first differing lines of two pages, or null when equal. */
export function diffPage(want: string, got: string, context = 3): string | null {
  if (want === got) return null;
  const w = want.split("\n");
  const g = got.split("\n");
  let i = 0;
  while (i < w.length && w[i] === g[i]) i++;
  const show = (lines: string[]) => lines.slice(i, i + context).map((l) => `    ${JSON.stringify(l)}`).join("\n");
  return `  line ${i + 1}\n  want:\n${show(w)}\n  got:\n${show(g)}`;
}
