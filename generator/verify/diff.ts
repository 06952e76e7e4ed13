// Unified diff of two small texts (documented vs generated blocks): LCS over lines, hunks with context.

type Op = { kind: " " | "-" | "+"; line: string; a: number; b: number };

/** `--- a` / `+++ b` and `@@` hunks, "" when the texts are equal; line numbers start at `startA`/`startB`. */
export function unifiedDiff(a: string, b: string, opts: { labelA: string; labelB: string; startA?: number; context?: number }): string {
  if (a === b) return "";
  const ops = diffLines(a.split("\n"), b.split("\n"));
  const context = opts.context ?? 3;
  const hunks = groupHunks(ops, context);
  const startA = opts.startA ?? 1;
  const lines = [`--- ${opts.labelA}`, `+++ ${opts.labelB}`];
  for (const hunk of hunks) {
    const first = hunk[0] as Op;
    const countA = hunk.filter((o) => o.kind !== "+").length;
    const countB = hunk.filter((o) => o.kind !== "-").length;
    lines.push(`@@ -${first.a + startA},${countA} +${first.b + 1},${countB} @@`);
    for (const op of hunk) lines.push(`${op.kind}${op.line}`);
  }
  return lines.join("\n");
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // lengths of the longest common suffixes, filled from the end
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: " ", line: a[i++] as string, a: i - 1, b: j++ });
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: "-", line: a[i++] as string, a: i - 1, b: j });
    else ops.push({ kind: "+", line: b[j++] as string, a: i, b: j - 1 });
  }
  return ops;
}

function groupHunks(ops: readonly Op[], context: number): Op[][] {
  const changed = ops.map((o, i) => (o.kind === " " ? -1 : i)).filter((i) => i >= 0);
  const hunks: Op[][] = [];
  let start = -1;
  let end = -1;
  for (const i of changed) {
    if (start >= 0 && i - context <= end + context) {
      end = i;
      continue;
    }
    if (start >= 0) hunks.push(ops.slice(Math.max(0, start - context), end + context + 1));
    start = i;
    end = i;
  }
  if (start >= 0) hunks.push(ops.slice(Math.max(0, start - context), end + context + 1));
  return hunks;
}
