// Fenced code blocks of a markdown text, with the line each one's code starts on.

export interface Fence {
  /** Info string, e.g. `javascript`, `yaml /openapi.json post /a/b`. */
  info: string;
  text: string;
  /** 1-based line of the opening fence. */
  openLine: number;
  /** 1-based line after the closing fence. */
  endLine: number;
}

/** Every fenced block (``` or ~~~, three or more), in order; an unclosed block runs to the end. */
export function scanFences(lines: readonly string[]): Fence[] {
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const marker = open[1] as string;
    let j = i + 1;
    while (j < lines.length && !isClosing(lines[j] as string, marker)) j++;
    fences.push({ info: (open[2] as string).trim(), text: lines.slice(i + 1, j).join("\n"), openLine: i + 1, endLine: j + 2 });
    i = j;
  }
  return fences;
}

function isClosing(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(marker) && /^[`~]+$/.test(trimmed) && trimmed[0] === marker[0];
}

/** The line of a block's first code line (the fence line + 1), which is where reports point. */
export function codeLine(fence: Fence): number {
  return fence.openLine + 1;
}
