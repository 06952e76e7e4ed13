// `x-codeSamples` of OpenAPI documents: Mintlify's published document (JSON), the YAML block of a Mintlify
// endpoint page (seed 003) and the per-endpoint files of a spec. One page per operation with samples.
import YAML from "yaml";
import type { DocPage, DocSection, DocSnippet } from "../types.js";
import { scanFences } from "./fences.js";

const METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "trace"]);

/** Every operation with `x-codeSamples` in an OpenAPI document (already parsed); lines found in `text`. */
export function readCodeSampleOperations(file: string, text: string, doc: unknown, lineOffset = 0): DocPage[] {
  const pages: DocPage[] = [];
  const locate = createLocator(text);
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> } | null)?.paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!METHODS.has(method) || !isRecord(op)) continue;
      const samples = op["x-codeSamples"];
      if (!Array.isArray(samples)) continue;
      const snippets = samples.filter(isRecord).map((s): DocSnippet => {
        const source = typeof s["source"] === "string" ? s["source"] : "";
        const line = locate(source) + lineOffset;
        return { label: String(s["label"] ?? ""), fence: String(s["lang"] ?? ""), request: { file, line, text: source }, output: null, combined: true };
      });
      const sections = statusSection(file, op, snippets[0]?.request.line ?? lineOffset + 1);
      pages.push({ file, format: "mintlify", hint: { path, method }, groups: [{ title: "", snippets }], sections });
    }
  }
  return pages;
}

/** The response codes an operation documents, one per line. */
function statusSection(file: string, op: Record<string, unknown>, line: number): DocSection[] {
  const responses = isRecord(op["responses"]) ? Object.keys(op["responses"]) : [];
  return responses.length === 0 ? [] : [{ kind: "status-codes", file, line, text: responses.join("\n"), status: "" }];
}

/** Mintlify's published OpenAPI document (JSON or YAML). */
export function readMintlifyDocument(file: string, text: string): DocPage[] {
  const doc = file.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
  return readCodeSampleOperations(file, text, doc);
}

/** A Mintlify endpoint page: the ```` ```yaml /openapi.json post /path ```` block holds the operation's slice. */
export function readMintlifyPage(file: string, text: string): DocPage[] {
  const fences = scanFences(text.split(/\r?\n/));
  return fences
    .filter((f) => /^yaml\s+\S*openapi\S*\s+[a-z]+\s+\//i.test(f.info))
    .flatMap((f) => {
      const [, , method = "", path = ""] = f.info.split(/\s+/);
      const pages = readCodeSampleOperations(file, f.text, YAML.parse(f.text), f.openLine);
      return pages.filter((p) => p.hint.path === path && p.hint.method === method.toLowerCase());
    });
}

/**
 * Line of each sample in order: where its source appears as a JSON string, else the next `lang:` entry
 * (YAML), never before the previous sample.
 */
function createLocator(text: string): (source: string) => number {
  let cursor = 0;
  let line = 1;
  let counted = 0;
  const langs = [...text.matchAll(/^\s*-?\s*"?lang"?\s*:/gm)].map((m) => m.index ?? 0);
  return (source) => {
    const json = text.indexOf(JSON.stringify(source), cursor);
    const at = json >= 0 ? json : (langs.find((o) => o >= cursor) ?? cursor);
    cursor = at + 1;
    // lines are counted once, forward only: samples come in document order
    for (let i = text.indexOf("\n", counted); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
      line++;
      counted = i + 1;
    }
    return line;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
