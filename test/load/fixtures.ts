// Paths of the loader's spec fixtures, and a helper that returns the full error report of a load.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../../generator/errors.js";
import { loadSpec } from "../../generator/load/index.js";

export const repoRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");
export const fixturesDir = path.join(repoRoot, "test/fixtures/specs");

export function fixture(name: string): string {
  return path.join(fixturesDir, name);
}

/** The UserError report of loading a fixture (file paths relative to the repo root). */
export async function loadReport(name: string): Promise<string> {
  try {
    await loadSpec(fixture(name), { displayRoot: repoRoot });
  } catch (err) {
    if (err instanceof UserError) return err.report();
    throw err;
  }
  throw new Error(`${name} loaded without problems`);
}
