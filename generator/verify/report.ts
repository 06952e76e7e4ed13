// The text report: one entry per non-identical block (file:line, class, kinds, reasons, unified diff), then
// counts per class and per language.
import type { BlockClass, BlockResult, VerifyReport } from "./types.js";

const CLASSES: BlockClass[] = ["identical", "formatting-only", "drift"];

export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  for (const r of report.results.filter((x) => x.class !== "identical")) lines.push(...formatResult(r), "");
  lines.push(...formatCounts(report));
  return lines.join("\n");
}

function formatResult(r: BlockResult): string[] {
  const kinds = r.kinds.length > 0 ? ` [${r.kinds.join(", ")}]` : "";
  const target = r.endpoint ? `  ${r.endpoint}${r.example ? ` (${r.example})` : ""}` : "";
  const head = `${r.file}:${r.line}  ${r.class === "drift" ? "drift" : "warning: formatting-only"}${kinds}  ${r.language} ${r.role}${target}`;
  const diff = r.diff ? r.diff.split("\n").map((l) => `    ${l}`) : [];
  return [head, ...r.messages.map((m) => `  ${m}`), ...diff];
}

function formatCounts(report: VerifyReport): string[] {
  const c = report.counts;
  const total = CLASSES.reduce((n, k) => n + c[k], 0);
  const langs = Object.keys(report.byLanguage).sort();
  const width = Math.max(8, ...langs.map((l) => l.length));
  const row = (name: string, counts: Record<BlockClass, number>) =>
    `  ${name.padEnd(width)}  ${CLASSES.map((k) => String(counts[k]).padStart(k.length)).join("  ")}`;
  return [
    `${report.files} file${report.files === 1 ? "" : "s"}, ${total} blocks: ${c.identical} identical, ${c["formatting-only"]} formatting-only, ${c.drift} drift`,
    `  ${"".padEnd(width)}  ${CLASSES.join("  ")}`,
    ...langs.map((l) => row(l, report.byLanguage[l] as Record<BlockClass, number>)),
  ];
}

/** 1 on drift; formatting-only fails only under `strict`. */
export function exitCodeOf(report: VerifyReport, strict: boolean): number {
  return report.counts.drift > 0 || (strict && report.counts["formatting-only"] > 0) ? 1 : 0;
}
