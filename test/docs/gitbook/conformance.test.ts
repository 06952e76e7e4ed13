// docs/gitbook against Seam's published GitBook pages: every corpus page byte-identical (trailing whitespace trimmed).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireCorpus } from "../../helpers/seam.js";
import { diffPage, listFiles, normalizePage, renderSeamSite, type SeamSite } from "./seam-site.js";

const corpus = requireCorpus();

describe.skipIf(corpus === null)("docs/gitbook conformance with Seam's pages", () => {
  let site: SeamSite;
  beforeAll(async () => {
    site = await renderSeamSite();
  }, 120_000);

  it("reproduces every endpoint page", () => {
    const pages = listFiles(path.join(corpus as string, "pages"));
    const failures = comparePages(pages, (rel) => path.join(corpus as string, "pages", rel), site.files);
    console.log(`${pages.length - failures.length}/${pages.length} pages identical`);
    if (failures.length > 0) console.log(failures.join("\n"));
    // 49 in the visible corpus; the same test runs on a fuller corpus (every page it holds must match).
    expect(pages.length).toBeGreaterThanOrEqual(49);
    expect(failures).toEqual([]);
  });

  it("reproduces the route READMEs of the corpus namespaces", () => {
    const dir = path.join(corpus as string, "route-pages");
    const readmes = listFiles(dir).filter((rel) => rel.endsWith("/README.md"));
    const failures = comparePages(readmes, (rel) => path.join(dir, rel), site.files);
    console.log(`${readmes.length - failures.length}/${readmes.length} route READMEs identical`);
    if (failures.length > 0) console.log(failures.join("\n"));
    expect(readmes.length).toBeGreaterThanOrEqual(8);
    expect(failures).toEqual([]);
  });

  it("reproduces SUMMARY.md after its hand-written head (every route and endpoint of the API)", () => {
    const summary = normalizePage(readFileSync(path.join(corpus as string, "route-pages/SUMMARY.md"), "utf8"));
    const got = normalizePage(site.files.get("SUMMARY.md") ?? "");
    expect(got.split("\n").length).toBeGreaterThan(200);
    expect(summary.endsWith(`\n${got}`)).toBe(true);
  });

  it("reproduces the SUMMARY entries of the corpus namespaces", () => {
    const summary = readFileSync(path.join(corpus as string, "route-pages/SUMMARY.md"), "utf8");
    const got = site.files.get("SUMMARY.md") ?? "";
    const roots = corpusRoutes(corpus as string);
    expect(roots.length).toBeGreaterThan(0);
    for (const route of roots) expect(summaryBlock(got, route), route).toBe(summaryBlock(summary, route));
  });
});

function comparePages(rels: readonly string[], wantPath: (rel: string) => string, files: Map<string, string>): string[] {
  const failures: string[] = [];
  for (const rel of rels) {
    const got = files.get(rel);
    if (got === undefined) {
      failures.push(`${rel}: not generated`);
      continue;
    }
    const diff = diffPage(normalizePage(readFileSync(wantPath(rel), "utf8")), normalizePage(got));
    if (diff) failures.push(`${rel}:\n${diff}`);
  }
  return failures;
}

/** The namespaces whose pages the corpus holds: directories of pages/ that hold pages directly. */
function corpusRoutes(corpus: string): string[] {
  const dirs = new Set(listFiles(path.join(corpus, "pages")).map((rel) => path.posix.dirname(rel)));
  return [...dirs].filter((d) => ![...dirs].some((o) => o !== d && d.startsWith(o + "/"))).sort();
}

/** The SUMMARY line of a route and every line nested under it. */
export function summaryBlock(summary: string, route: string): string {
  const lines = summary.split("\n");
  const start = lines.findIndex((l) => l.trimStart().startsWith("* [") && l.endsWith(`](${route}/README.md)`));
  if (start < 0) return "";
  const depth = lines[start]!.search(/\S/);
  let end = start + 1;
  while (end < lines.length && (lines[end]!.search(/\S/) > depth)) end++;
  return lines.slice(start, end).join("\n");
}
