// verify: read documented examples (GitBook, Mintlify, Markdown pages, x-codeSamples), match each block to its
// endpoint and example, and classify it against what generate prints.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import type { Api } from "../model/types.js";
import { readGitbookPage } from "./readers/gitbook.js";
import { readMarkdownPage } from "./readers/markdown.js";
import { readMintlifyDocument, readMintlifyPage } from "./readers/mintlify.js";
import type { BlockClass, BlockResult, DocFormat, DocPage, VerifyReport } from "./types.js";
import { createVerifyContext, verifyPage } from "./verify-page.js";

export type { BlockResult, DocPage, DriftKind, VerifyReport } from "./types.js";
export { formatReport } from "./report.js";

export type FormatOption = "auto" | DocFormat;

export interface VerifyOptions {
  /** A docs file or directory. */
  docs: string;
  format?: FormatOption;
  /** Reported file names are relative to this directory (default: the cwd). */
  displayRoot?: string;
}

export function verifyDocs(api: Api, opts: VerifyOptions): VerifyReport {
  const start = performance.now();
  const pages = readDocs(opts);
  const read = performance.now();
  const ctx = createVerifyContext(api);
  const results = pages.flatMap((p) => verifyPage(p, ctx));
  const timings = { read: read - start, verify: performance.now() - read };
  return summarize(new Set(pages.map((p) => p.file)).size, results, timings);
}

/** Every documented page under `opts.docs`, read by the reader its format (given or detected) needs. */
export function readDocs(opts: VerifyOptions): DocPage[] {
  const format = opts.format ?? "auto";
  const root = path.resolve(opts.docs);
  const stat = statSafe(root);
  if (!stat) throw new UserError(`docs not found: ${opts.docs}`);
  const files = stat.isDirectory() ? listDocFiles(root) : [root];
  const base = stat.isDirectory() ? root : path.dirname(root);
  const display = opts.displayRoot ?? process.cwd();
  return files.flatMap((abs) => {
    const text = readFileSync(abs, "utf8");
    const file = path.relative(display, abs).split(path.sep).join("/") || path.basename(abs);
    const rel = path.relative(base, abs).split(path.sep).join("/");
    return readFile(file, rel, text, format);
  });
}

function readFile(file: string, rel: string, text: string, format: FormatOption): DocPage[] {
  if (/\.(json|ya?ml)$/.test(rel)) {
    if (format !== "auto" && format !== "mintlify") return [];
    try {
      return readMintlifyDocument(file, text);
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const detected = format === "auto" ? detectFormat(text) : format;
  if (detected === "gitbook") return /\{% tab |^## Request Parameters/m.test(text) ? [readGitbookPage(file, rel, text)] : [];
  if (detected === "mintlify") return readMintlifyPage(file, text);
  if (detected === "markdown") return /Resource name:/i.test(text) ? [readMarkdownPage(file, text)] : [];
  return [];
}

/** GitBook pages have tab tags, Mintlify pages an OpenAPI YAML block, plain references a resource name line. */
export function detectFormat(text: string): DocFormat | null {
  if (/^\{% tabs %\}|^## Request Parameters\s*$/m.test(text)) return "gitbook";
  if (/^(`{3,}|~{3,})yaml\s+\S*openapi/m.test(text)) return "mintlify";
  if (/^Resource name:/im.test(text)) return "markdown";
  return null;
}

function listDocFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && e.name !== "node_modules")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) return listDocFiles(abs);
      return /\.(md|mdx|txt|json|ya?ml)$/.test(e.name) ? [abs] : [];
    });
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function summarize(files: number, results: BlockResult[], timings: Record<string, number>): VerifyReport {
  const empty = (): Record<BlockClass, number> => ({ identical: 0, "formatting-only": 0, drift: 0 });
  const counts = empty();
  const byLanguage: Record<string, Record<BlockClass, number>> = {};
  for (const r of results) {
    counts[r.class]++;
    (byLanguage[r.language] ??= empty())[r.class]++;
  }
  return { files, results, counts, byLanguage, timings };
}
