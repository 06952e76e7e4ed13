// Example values of a spec directory with their schemas, collected through the loader's own walk
// (checkExamples with a recording validator), and a comparison of two validators on them.
import { checkExamples } from "../../generator/load/examples.js";
import { loadSpec } from "../../generator/load/index.js";
import type { Resolve } from "../../generator/load/refs.js";
import type { ExampleError, SchemaValidator } from "../../generator/load/schema-validator.js";

export interface ExampleCase {
  schema: unknown;
  rel: string;
  value: unknown;
}

export interface CollectedExamples {
  resolve: Resolve;
  cases: ExampleCase[];
}

export async function collectExamples(dir: string): Promise<CollectedExamples> {
  const spec = await loadSpec(dir, { examples: "off", displayRoot: dir });
  const cases: ExampleCase[] = [];
  const recorder = {
    validate(schema: unknown, rel: string, value: unknown): ExampleError[] {
      cases.push({ schema, rel, value });
      return [];
    },
  } as unknown as SchemaValidator;
  for (const file of spec.endpoints) checkExamples(file, { resolve: spec.resolve, validator: recorder, report: () => {} });
  return { resolve: spec.resolve, cases };
}

interface Validates {
  validate(schema: unknown, rel: string, value: unknown): ExampleError[];
}

/** Errors, or the message of the error thrown. */
export function runValidator(v: Validates, c: ExampleCase): ExampleError[] | string {
  try {
    return v.validate(c.schema, c.rel, c.value);
  } catch (err) {
    return `throws: ${(err as Error).message}`;
  }
}

export interface Comparison {
  compared: number;
  /** Error entries the oracle reported (summed over the cases). */
  findings: number;
  mismatches: { case: ExampleCase; want: unknown; got: unknown }[];
  /** Time spent in each validator (ms), compiling included. */
  oracleMs: number;
  subjectMs: number;
}

export function compareValidators(oracle: Validates, subject: Validates, cases: readonly ExampleCase[]): Comparison {
  const out: Comparison = { compared: 0, findings: 0, mismatches: [], oracleMs: 0, subjectMs: 0 };
  for (const c of cases) {
    const t0 = performance.now();
    const want = runValidator(oracle, c);
    const t1 = performance.now();
    const got = runValidator(subject, c);
    out.oracleMs += t1 - t0;
    out.subjectMs += performance.now() - t1;
    out.compared++;
    out.findings += Array.isArray(want) ? want.length : 1;
    if (JSON.stringify(want) !== JSON.stringify(got)) out.mismatches.push({ case: c, want, got });
  }
  return out;
}
