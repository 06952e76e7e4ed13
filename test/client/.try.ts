import { importSpec } from "../../generator/import/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { buildClientApi, writeClient, compilePackage } from "./harness.js";
import { rmSync, mkdirSync } from "node:fs";
const which = process.argv[2] ?? "seam";
let specDir = "spec/" + which;
if (which === "seam") specDir = "/tmp/cl/seam";
if (which === "seam" && !process.env.NOIMPORT) {
  let t = performance.now();
  const r = await importSpec({ source: "@seamapi/types/connect#openapi", out: specDir });
  console.log("import", performance.now() - t, r.counts, r.warnings.length);
}
let t = performance.now();
const spec = await loadSpec(specDir);
console.log("load", performance.now() - t);
t = performance.now();
const api = buildClientApi(spec as any);
console.log("model+bundle", performance.now() - t, api.endpoints.length);
const dir = "/tmp/cl/out-" + which; rmSync(dir, { recursive: true, force: true }); mkdirSync(dir, { recursive: true });
t = performance.now();
await writeClient(api, dir);
console.log("render", performance.now() - t);
t = performance.now();
const diags = compilePackage(dir, { emit: true });
console.log("tsc", performance.now() - t, diags.length, diags.slice(0, 20));
