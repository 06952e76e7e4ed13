// GitBook endpoint pages: tab sets of Code/Output blocks per example, the request parameter list and the
// Response section (current templates and older ones: `#### Code:` or `**Code:**`, `---` or `***`).
import type { DocExampleGroup, DocPage, DocSection, DocSnippet } from "../types.js";
import { codeLine, scanFences, type Fence } from "./fences.js";

const TAB = /^\{% tab title="([^"]*)" %\}/;

/** `rel` is the page path under the docs root (e.g. `spaces/add_devices.md`), which names the endpoint's path. */
export function readGitbookPage(file: string, rel: string, text: string): DocPage {
  const lines = text.split(/\r?\n/);
  const fences = scanFences(lines);
  const groups: DocExampleGroup[] = [];
  const sections: DocSection[] = [];
  let title = "";
  let current: DocExampleGroup | null = null;
  let snippet: DocSnippet | null = null;
  let inResponse = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = fences.find((f) => f.openLine === i + 1);
    if (fence) {
      if (snippet) addBlock(snippet, fence, file, lines);
      else if (inResponse) sections.push({ kind: "response-example", file, line: codeLine(fence), text: fence.text, status: "" });
      i = fence.endLine - 2;
      continue;
    }
    if (/^### /.test(line)) title = line.slice(4).trim();
    if (/^## Response\s*$/.test(line)) inResponse = true;
    else if (/^#{1,2} /.test(line)) inResponse = false;
    if (line.startsWith("{% tabs %}")) current = { title: inResponse ? "" : title, snippets: [] };
    const tab = TAB.exec(line);
    if (tab && current) {
      snippet = { label: tab[1] as string, fence: "", request: { file, line: 0, text: "" }, output: null, combined: false };
      if (tab[1] === "JSON" && inResponse) snippet = null;
      else current.snippets.push(snippet);
    }
    if (line.startsWith("{% endtab %}")) snippet = null;
    if (line.startsWith("{% endtabs %}")) {
      if (current && current.snippets.length > 0) groups.push(current);
      current = null;
    }
  }
  sections.push(...readSections(file, lines));
  return { file, format: "gitbook", hint: { path: "/" + rel.replace(/\.md$/, ""), method: "" }, groups, sections };
}

/** The first block of a tab is its code; the one under an Output heading is the output. */
function addBlock(snippet: DocSnippet, fence: Fence, file: string, lines: readonly string[]): void {
  const block = { file, line: codeLine(fence), text: fence.text };
  const heading = previousNonBlank(lines, fence.openLine - 2);
  if (snippet.request.line === 0 && !/Output:/.test(heading)) {
    snippet.request = block;
    snippet.fence = fence.info;
  } else snippet.output = block;
}

function previousNonBlank(lines: readonly string[], from: number): string {
  for (let i = from; i >= 0; i--) if ((lines[i] as string).trim() !== "") return lines[i] as string;
  return "";
}

/** `## Request Parameters` (its `**\`name\`**` entries) and the text of `## Response` before its sample tabs. */
function readSections(file: string, lines: readonly string[]): DocSection[] {
  const sections: DocSection[] = [];
  const params = lines.findIndex((l) => /^## Request Parameters\s*$/.test(l));
  if (params >= 0) {
    const end = findSectionEnd(lines, params);
    sections.push({ kind: "parameters", file, line: params + 1, text: lines.slice(params + 1, end).join("\n"), status: "" });
  }
  const response = lines.findIndex((l) => /^## Response\s*$/.test(l));
  if (response >= 0) {
    let end = findSectionEnd(lines, response);
    const tabs = lines.slice(response, end).findIndex((l) => l.startsWith("{% tabs %}"));
    if (tabs >= 0) end = response + tabs;
    sections.push({ kind: "returns", file, line: response + 1, text: lines.slice(response + 1, end).join("\n"), status: "" });
  }
  return sections;
}

/** A section ends at the next heading of level 1-2, or at a rule followed by one. */
function findSectionEnd(lines: readonly string[], start: number): number {
  for (let i = start + 1; i < lines.length; i++) {
    if (/^#{1,2} /.test(lines[i] as string)) return i;
    if (/^(---|\*\*\*)\s*$/.test(lines[i] as string) && /^#{1,2} /.test(nextNonBlank(lines, i + 1))) return i;
  }
  return lines.length;
}

function nextNonBlank(lines: readonly string[], from: number): string {
  for (let i = from; i < lines.length; i++) if ((lines[i] as string).trim() !== "") return lines[i] as string;
  return "";
}

/** Names of the top-level parameters a parameters section lists, with their line and required flag. */
export function listDocumentedParameters(section: DocSection): { name: string; required: boolean; line: number }[] {
  return section.text.split("\n").flatMap((l, i) => {
    const m = /^\*\*`([^`]+)`\*\*(.*)$/.exec(l);
    return m ? [{ name: m[1] as string, required: /\(Required\)/.test(m[2] as string), line: section.line + 1 + i }] : [];
  });
}
