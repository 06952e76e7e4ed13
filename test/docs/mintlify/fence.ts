// Markdown fenced code blocks as CommonMark reads them, for checking that generated content cannot close its fence.

/** The first backtick-fenced block, by CommonMark's rules: a closing fence is at least as long, backticks only. */
export function extractFence(markdown: string): { info: string; content: string } {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => /^ {0,3}`{3,}/.test(l));
  const open = /^ {0,3}(`{3,})(.*)$/.exec(lines[start] as string) as RegExpExecArray;
  const fence = open[1] as string;
  const end = lines.findIndex((l, i) => i > start && new RegExp(`^ {0,3}\`{${fence.length},}[ \\t]*$`).test(l));
  if (start === -1 || end === -1) throw new Error("no complete fenced block");
  return { info: (open[2] as string).trim(), content: lines.slice(start + 1, end).join("\n") };
}
