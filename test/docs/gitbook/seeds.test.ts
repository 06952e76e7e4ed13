// Seeds 000 and 001: GitBook pages of older template versions, reproduced with template overrides (test/fixtures).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireCorpus } from "../../helpers/seam.js";
import { diffPage, fixturePath, normalizePage, renderGitbook, renderSeamSite, type SeamSite } from "./seam-site.js";

const corpus = requireCorpus();
const seedsDir = corpus === null ? null : path.resolve(corpus, "../../seeds");

// The route's alpha message of the older paths.yaml, as seed 000 shows it.
const SPACES_ALPHA =
  "**Early Access Preview.** The spaces API is currently in Alpha. We're actively developing it and seeking early feedback at [support@seam.co](mailto:support@seam.co). Expect breaking changes as we refine the design.";

/** Fenced code blocks of a page, with their info strings: `php\\n<code>`. */
export function extractCodeBlocks(page: string): string[] {
  return [...page.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].map((m) => `${m[1]}\n${m[2]}`.replace(/\n$/, ""));
}

/** Seed 001 is a GitBook export: it ends with GitBook's own agent instructions, which no template writes. */
function stripGitbookFooter(page: string): string {
  const at = page.indexOf("\n---\n\n# Agent Instructions");
  return at < 0 ? page : page.slice(0, at);
}

function readSeed(name: string): string {
  return readFileSync(path.join(seedsDir as string, name), "utf8");
}

describe.skipIf(corpus === null)("seeds 000 and 001 through template overrides", () => {
  let site: SeamSite;
  beforeAll(async () => {
    site = await renderSeamSite({ routes: { "/spaces": { alpha: SPACES_ALPHA } } });
  }, 120_000);

  it("given/want: code blocks are read with their info strings", () => {
    expect(extractCodeBlocks("a\n```php\n$x;\n```\n\n```php\n```\n")).toEqual(["php\n$x;", "php"]);
  });

  it("seed 000: alpha notice from the route, `## Response` + `void` from templates-000, no PHP trailing comma", async () => {
    // Seed 000's pipeline ran plugin-php without trailing commas: the x-snippets setting says so.
    const api = { ...site.api, findResources: site.api.findResources, extensions: { ...site.api.extensions, "x-snippets": { phpTrailingComma: false } } };
    const files = await renderGitbook(api, fixturePath("templates-000"));
    const got = normalizePage(files.get("spaces/remove_devices.md") ?? "");
    const want = normalizePage(readSeed("000_463e1e9cf09aa515.txt"));
    expect(extractCodeBlocks(got)).toEqual(extractCodeBlocks(want));
    // The page differs only in the auth list: the spec of then had no client sessions.
    expect(diffPage(want, got.replace("- Client session token\n", ""))).toBeNull();
  });

  it("seed 001: every code block and the page layout from templates-001", async () => {
    const files = await renderGitbook(site.api, fixturePath("templates-001"));
    const got = normalizePage(files.get("user_identities/revoke_access_to_device.md") ?? "");
    const want = normalizePage(stripGitbookFooter(readSeed("001_46cf7df18cfbafef.txt")));
    expect(extractCodeBlocks(got)).toEqual(extractCodeBlocks(want));
    // The spec of then linked its guides under /latest/; the layout is what this compares.
    const sameLinks = got.replace(/https:\/\/docs\.seam\.co\/(?!latest\/)/g, "https://docs.seam.co/latest/");
    expect(diffPage(want, sameLinks)).toBeNull();
  });
});
