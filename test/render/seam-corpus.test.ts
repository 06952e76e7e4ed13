// Conformance: every sample on Seam's published pages (and Mintlify x-codeSamples) printed byte for byte.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openapi } from "@seamapi/types/connect";
import { describe, expect, test } from "vitest";
import { printMintlifySamples } from "../../generator/render/snippets/mintlify-samples.js";
import { sdkSnippetLanguages } from "../../generator/render/snippets/index.js";
import type { CurlInput, SdkCallInput } from "../../generator/render/snippets/types.js";
import {
  type SampleDefinition,
  corpusDir,
  describeCall,
  describeOutput,
  extractSampleTabs,
  hasCorpus,
  loadSampleDefinitions,
  readPage,
} from "./seam-corpus.js";

const paths = (openapi as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> }).paths;

function curlInput(call: SdkCallInput, requestPath: string): CurlInput {
  return {
    serverUrl: "https://connect.getseam.com",
    method: "POST",
    path: requestPath,
    params: call.params,
    authHeader: "Authorization: Bearer $SEAM_API_KEY",
  };
}

function samplesByPath(): Map<string, SampleDefinition[]> {
  const byPath = new Map<string, SampleDefinition[]>();
  for (const d of loadSampleDefinitions()) byPath.set(d.request.path, [...(byPath.get(d.request.path) ?? []), d]);
  return byPath;
}

function inputsOf(d: SampleDefinition) {
  const call = describeCall(d.request.path, d.request.parameters ?? {});
  const out = describeOutput(paths[d.request.path]!.post!, d.response.body);
  return { call, curl: curlInput(call, d.request.path), out };
}

describe.skipIf(!hasCorpus && process.env.CI !== "true")("Seam corpus conformance", () => {
  test("the corpus is present", () => {
    expect(hasCorpus, `missing ${corpusDir}`).toBe(true);
  });

  test("every Code and Output block of every page is printed identically", () => {
    const tally: Record<string, { same: number; total: number }> = {};
    const mismatches: string[] = [];
    let pages = 0;
    for (const [requestPath, defs] of samplesByPath()) {
      const page = readPage(requestPath);
      if (page === null) continue;
      pages++;
      const tabs = extractSampleTabs(page);
      expect(tabs.length, `${requestPath}: samples on page vs definitions`).toBe(defs.length);
      defs.forEach((d, i) => {
        const { call, curl, out } = inputsOf(d);
        for (const lang of Object.values(sdkSnippetLanguages)) {
          const blocks = tabs[i]![lang.title("seam")];
          expect(blocks, `${requestPath} #${i} has a ${lang.title("seam")} tab`).toBeDefined();
          const code = lang.id === "curl" ? sdkSnippetLanguages.curl.request(curl) : (lang.request as (c: SdkCallInput) => string)(call);
          for (const [part, got, want] of [["code", code, blocks!.code], ["output", lang.output(out), blocks!.output]] as const) {
            const t = (tally[`${lang.id} ${part}`] ??= { same: 0, total: 0 });
            t.total++;
            if (got === want) t.same++;
            else mismatches.push(`${requestPath} #${i} ${lang.id} ${part}\n--- got\n${got}\n--- want\n${want}`);
          }
        }
      });
    }
    for (const [k, { same, total }] of Object.entries(tally)) console.log(`${k}: ${same}/${total} blocks identical`);
    // Visible corpus: 40 pages with samples (the other 9 of 49 have none), 672 blocks; a fuller corpus has more.
    expect(pages).toBeGreaterThanOrEqual(40);
    expect(Object.values(tally).reduce((n, t) => n + t.total, 0)).toBeGreaterThanOrEqual(672);
    expect(mismatches).toEqual([]);
  });

  test("Mintlify x-codeSamples are the same printers, wrapped", () => {
    const doc = JSON.parse(readFileSync(path.join(corpusDir, "mintlify-openapi.visible.json"), "utf8"));
    const byPath = samplesByPath();
    let compared = 0;
    const mismatches: string[] = [];
    for (const [requestPath, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      const samples = item.post?.["x-codeSamples"];
      if (!samples) continue;
      const first = byPath.get(requestPath)![0]!;
      const { call, curl, out } = inputsOf(first);
      const got = printMintlifySamples(call, curl, out);
      got.forEach((g, i) => {
        compared++;
        if (JSON.stringify(g) !== JSON.stringify(samples[i])) mismatches.push(`${requestPath} ${g.label}\n${g.source}\n---\n${samples[i]?.source}`);
      });
    }
    console.log(`mintlify: ${compared - mismatches.length}/${compared} samples identical`);
    expect(compared).toBe(240);
    expect(mismatches).toEqual([]);
  });
});
