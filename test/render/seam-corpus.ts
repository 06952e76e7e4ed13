// Reads Seam's published pages and sample definitions in place (never copied) and pairs each sample with its blocks.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { OutputInput, SdkCallInput } from "../../generator/render/snippets/types.js";

export const corpusDir = path.resolve(fileURLToPath(import.meta.url), "../../../../shared/corpus/seam");
export const hasCorpus = existsSync(path.join(corpusDir, "pages"));

export interface SampleDefinition {
  title: string;
  description: string;
  request: { path: string; parameters?: Record<string, unknown> | null };
  response: { body: unknown };
}

export interface TabBlocks {
  code: string;
  output: string;
}

export function loadSampleDefinitions(): SampleDefinition[] {
  const dir = path.join(corpusDir, "code-sample-definitions");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => parseYaml(readFileSync(path.join(dir, f), "utf8")) as SampleDefinition[]);
}

/** The Code/Output blocks of every `{% tabs %}` group that shows code, keyed by tab title, in page order. */
export function extractSampleTabs(page: string): Array<Record<string, TabBlocks>> {
  const samples: Array<Record<string, TabBlocks>> = [];
  for (const tabs of page.split("{% tabs %}").slice(1)) {
    const group: Record<string, TabBlocks> = {};
    const tabRe = /\{% tab title="([^"]+)" %\}([\s\S]*?)\{% endtab %\}/g;
    for (const [, title, body] of tabs.matchAll(tabRe)) {
      const code = /#### Code:\n\n```[\w-]*\n([\s\S]*?)```/.exec(body!);
      const output = /#### Output:\n\n```[\w-]*\n([\s\S]*?)```/.exec(body!);
      if (code && output) group[title!] = { code: trimNewline(code[1]!), output: trimNewline(output[1]!) };
    }
    if (Object.keys(group).length > 0) samples.push(group);
  }
  return samples;
}

function trimNewline(block: string): string {
  return block.endsWith("\n") ? block.slice(0, -1) : block;
}

export function readPage(requestPath: string): string | null {
  const file = path.join(corpusDir, "pages", requestPath + ".md");
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

type Operation = Record<string, unknown> & { responses?: Record<string, any> };

/** Response shape from the spec: x-response-key and the schema under it. */
export function describeOutput(operation: Operation, body: unknown): OutputInput {
  const key = (operation["x-response-key"] ?? null) as string | null;
  if (key === null) return { kind: "void", responseKey: null, resourceType: null, body };
  const schema = operation.responses?.["200"]?.content?.["application/json"]?.schema?.properties?.[key] ?? {};
  const refName = (ref: unknown) => (typeof ref === "string" ? ref.split("/").pop()! : null);
  if (schema.type === "array" && schema.items?.$ref) {
    return { kind: "resource_list", responseKey: key, resourceType: refName(schema.items.$ref), body };
  }
  const type = refName(schema.$ref);
  if (type === null) return { kind: "other", responseKey: key, resourceType: null, body };
  return { kind: type === "action_attempt" ? "action_attempt" : "resource", responseKey: key, resourceType: type, body };
}

export function describeCall(requestPath: string, params: Record<string, unknown>): SdkCallInput {
  const segments = requestPath.split("/").filter(Boolean);
  return {
    clientName: "seam",
    namespace: segments.slice(0, -1),
    method: segments[segments.length - 1]!,
    params: Object.entries(params),
  };
}
