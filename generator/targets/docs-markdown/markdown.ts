// Markdown building blocks that keep any text inside its span, cell, heading or fence (CommonMark + GFM tables).

/** Characters that start or end inline constructs; a backslash makes each literal. */
const INLINE_SPECIALS = /[\\`*_[\]<>#|~&]/g;

/** Plain text (a title, a name) as inline markdown on one line. */
export function escapeText(text: string): string {
  return text.replace(/\r\n?|\n/g, " ").replace(INLINE_SPECIALS, (c) => "\\" + c);
}

/** Plain text as an inline code span; text with `|` falls back to escaped text (GFM strips `\|` inside cells). */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, " ");
  if (flat.includes("|") || flat.trim() === "") return escapeText(flat);
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" ")) ? " " : "";
  return fence + pad + flat + pad + fence;
}

/** A fenced block longer than any backtick run inside it, so the content cannot close it. */
export function codeBlock(code: string, lang: string): string {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return `${fence}${lang}\n${trimTrailingNewlines(code)}\n${fence}`;
}

/** Markdown (e.g. a description) as one table cell: line breaks become `<br>`, unescaped `|` get a backslash. */
export function toCell(markdown: string): string {
  // Most cells (names, types, one-line descriptions) have nothing to rewrite.
  if (!/[\r\n|]/.test(markdown)) return markdown.trim();
  const oneLine = markdown.trim().replace(/\r\n?|\n/g, "<br>");
  return oneLine.replace(/(\\*)\|/g, (whole, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\|` : whole));
}

/** A GFM table; every cell is markdown and goes through toCell. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => toCell(c) || " ").join(" | ")} |`;
  return [line(headers), `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** Markdown paragraphs (a description), trimmed; a code fence left open is closed so it cannot swallow the page. */
export function toBlock(markdown: string): string {
  const text = markdown.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim();
  const open = findOpenFence(text);
  return open ? `${text}\n${open}` : text;
}

/** The fence (e.g. ```` ``` ````) still open at the end of `text`, per CommonMark's fenced code block rules. */
export function findOpenFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split("\n")) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m) continue;
    const fence = m[1] as string;
    if (open === null) {
      if (!(fence.startsWith("`") && (m[2] ?? "").includes("`"))) open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length && (m[2] ?? "").trim() === "") {
      open = null;
    }
  }
  return open;
}

/** `text` without its trailing line feeds (a `/\n+$/` replace retries at every line break of a long text). */
function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

function longestRun(text: string, char: string): number {
  if (!text.includes(char)) return 0;
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
