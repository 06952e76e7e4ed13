// `specsmith verify`: load → model → verify, each stage timed; text or JSON report and the exit code.
import { UserError } from "../errors.js";
import { loadSpec } from "../load/index.js";
import { buildApi } from "../model/index.js";
import { findApiDirs } from "../pipeline.js";
import { type FormatOption, verifyDocs } from "./index.js";
import { exitCodeOf, formatReport } from "./report.js";
import type { VerifyReport } from "./types.js";

export interface RunVerifyOptions {
  docs: string;
  /** A spec root holding one API, or the API directory itself. */
  spec: string;
  format: FormatOption;
  examples: "error" | "warn" | "off";
  strict: boolean;
}

const FORMATS: readonly FormatOption[] = ["auto", "gitbook", "mintlify", "markdown"];

export function parseFormat(value: unknown): FormatOption {
  if (FORMATS.includes(value as FormatOption)) return value as FormatOption;
  throw new UserError(`--format must be one of ${FORMATS.join(", ")}, not ${JSON.stringify(value)}`);
}

export async function runVerify(opts: RunVerifyOptions): Promise<{ report: VerifyReport; exitCode: number; text: string }> {
  const dirs = findApiDirs(opts.spec);
  if (dirs.length !== 1) throw new UserError(`${opts.spec} holds ${dirs.length} APIs; name one with --spec ${dirs[0] ?? "spec/<api>"}`);
  const t0 = performance.now();
  const spec = await loadSpec(dirs[0] as string, { examples: opts.examples });
  const t1 = performance.now();
  const api = buildApi(spec);
  const t2 = performance.now();
  const report = verifyDocs(api, { docs: opts.docs, format: opts.format });
  const timings = { load: t1 - t0, model: t2 - t1, ...report.timings };
  const timed = { ...report, timings };
  const stages = Object.entries(timings).map(([k, ms]) => `${k} ${ms.toFixed(0)}ms`).join(", ");
  return { report: timed, exitCode: exitCodeOf(timed, opts.strict), text: `${formatReport(timed)}\n(${stages})` };
}
