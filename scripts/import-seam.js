// `npm run import:seam -- <dir>`: imports @seamapi/types' spec with Seam's sample definitions and
// paths.yaml (from ../shared/corpus/seam) into <dir>. Needs `npm run build` first.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importSpec } from "../dist/import/index.js";

const out = process.argv[2];
if (!out) {
  console.error("usage: npm run import:seam -- <dir>");
  process.exit(2);
}
const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/corpus/seam");
const started = performance.now();
try {
  const result = await importSpec({
    source: "@seamapi/types/connect#openapi",
    out,
    codeSamples: path.join(corpus, "code-sample-definitions"),
    pathsMetadata: path.join(corpus, "paths.yaml"),
    resourceSamples: path.join(corpus, "resource-sample-definitions/all-resources.yaml"),
    settings: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../config/seam-settings.yaml"),
  });
  const c = result.counts;
  const ms = Math.round(performance.now() - started);
  console.log(`${c.paths} paths, ${c.operations} operations, ${c.files} files: ${c.written} written, ${c.unchanged} unchanged, ${c.removed} removed (${ms} ms)`);
  for (const w of result.warnings) console.warn(`warning: ${w}`);
} catch (error) {
  if (error && error.name === "UserError" && typeof error.report === "function") {
    console.error(error.report());
    process.exit(1);
  }
  throw error;
}
