// Plain REST reference pages (seed 002 and docs/markdown): resource name and method, the request example, the
// cURL example, the status codes and the response examples. Headings may be markdown (`## x`) or plain lines
// (text copied from a web page, where a block follows a `Copy` line).
import type { DocPage, DocSection, DocSnippet } from "../types.js";
import { scanFences } from "./fences.js";

type SectionName = "parameters" | "request" | "curl" | "status" | "response-parameters" | "response";

const HEADINGS: [SectionName, RegExp][] = [
  ["parameters", /^(?:#+\s*)?Request parameters\s*$/i],
  ["request", /^(?:#+\s*)?Request example\s*$/i],
  ["curl", /^(?:#+\s*)?curl example\s*$/i],
  ["status", /^(?:#+\s*)?Status codes\s*$/i],
  ["response-parameters", /^(?:#+\s*)?Response parameters\s*$/i],
  ["response", /^(?:#+\s*)?Response example (?:success|failure) (\S+)\s*$/i],
];

interface RawSection {
  name: SectionName;
  status: string;
  /** 1-based line of the content's first line. */
  line: number;
  text: string;
}

export function readMarkdownPage(file: string, text: string): DocPage {
  const lines = text.split(/\r?\n/);
  const path = /^Resource name:\s*`?([^`\s]+)`?/im.exec(text)?.[1] ?? "";
  const method = /^Request method:\s*`?([A-Za-z]+)`?/im.exec(text)?.[1]?.toLowerCase() ?? "";
  const snippets: DocSnippet[] = [];
  const sections: DocSection[] = [];
  for (const s of splitSections(lines)) {
    if (s.name === "curl") {
      snippets.push({ label: "cURL", fence: "curl", request: { file, line: s.line, text: s.text }, output: null, combined: false });
    } else if (s.name === "request") sections.push({ kind: "request-body", file, line: s.line, text: s.text, status: "" });
    else if (s.name === "status") sections.push({ kind: "status-codes", file, line: s.line, text: s.text, status: "" });
    else if (s.name === "response") sections.push({ kind: "response-example", file, line: s.line, text: s.text, status: s.status });
  }
  return { file, format: "markdown", hint: { path, method }, groups: snippets.length ? [{ title: "", snippets }] : [], sections };
}

function splitSections(lines: readonly string[]): RawSection[] {
  const starts: { name: SectionName; status: string; at: number }[] = [];
  lines.forEach((line, at) => {
    for (const [name, re] of HEADINGS) {
      const m = re.exec(line);
      if (m) starts.push({ name, status: m[1] ?? "", at });
    }
  });
  return starts.map((s, i) => {
    const end = starts[i + 1]?.at ?? nextTopHeading(lines, s.at);
    return { name: s.name, status: s.status, ...readContent(lines, s.at + 1, end) };
  });
}

function nextTopHeading(lines: readonly string[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) if (/^#{1,2} /.test(lines[i] as string)) return i;
  return lines.length;
}

/** A fenced block when there is one, else the lines after an optional `Copy` line, trimmed. */
function readContent(lines: readonly string[], start: number, end: number): { line: number; text: string } {
  const slice = lines.slice(start, end);
  const fence = scanFences(slice)[0];
  if (fence) return { line: start + fence.openLine + 1, text: fence.text };
  let first = slice.findIndex((l) => l.trim() !== "");
  if (first >= 0 && slice[first]?.trim() === "Copy") first = slice.findIndex((l, i) => i > first && l.trim() !== "");
  if (first < 0) return { line: start + 1, text: "" };
  const body = slice.slice(first).map((l) => l.replace(/\s+$/, ""));
  while (body.length > 0 && body[body.length - 1] === "") body.pop();
  return { line: start + first + 1, text: body.join("\n") };
}

/** Status codes of a status section: markdown table rows (`| 200 | ... |`) or plain rows (`200 Devices removed`). */
export function listStatusCodes(section: DocSection): { code: string; line: number }[] {
  return section.text.split("\n").flatMap((l, i) => {
    const m = /^\|?\s*([1-5][0-9X]{2}|default)\b/i.exec(l.trim());
    return m ? [{ code: m[1] as string, line: section.line + i }] : [];
  });
}
