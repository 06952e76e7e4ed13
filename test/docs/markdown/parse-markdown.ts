// Reads generated markdown back with a real CommonMark+GFM parser (prettier's remark-based markdown parser).
import * as prettier from "prettier";

export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  lang?: string | null;
  children?: MdNode[];
}

export async function parseMarkdown(text: string): Promise<MdNode> {
  const { ast } = await (prettier as any).__debug.parse(text, { parser: "markdown" });
  return ast as MdNode;
}

/** Text as a reader sees it: escapes resolved, code spans' text kept, `<br>` as a line break. */
export function plainText(node: MdNode): string {
  if (node.type === "html" && /^<br\s*\/?>$/i.test(node.value ?? "")) return "\n";
  if (node.type === "break") return "\n";
  if (node.value !== undefined && !node.children) return node.value;
  return (node.children ?? []).map(plainText).join("");
}

export function tableRows(table: MdNode): string[][] {
  return (table.children ?? []).map((row) => (row.children ?? []).map(plainText));
}

/** Top-level blocks grouped under each `##` heading (key: heading text). */
export function sectionsOf(root: MdNode): Map<string, MdNode[]> {
  const sections = new Map<string, MdNode[]>();
  let current = "";
  sections.set(current, []);
  for (const block of root.children ?? []) {
    if (block.type === "heading" && block.depth === 2) {
      current = plainText(block);
      sections.set(current, []);
    } else sections.get(current)?.push(block);
  }
  return sections;
}
