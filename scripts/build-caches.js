#!/usr/bin/env node
// Part of `npm run build` (after tsc): what a first run would otherwise make for itself.
// - dist/templates-precompiled.json: the bundled templates' Handlebars sources (generator/render/template-precompile.ts);
// - dist/v8/: V8's code cache of typescript, which the client worker loads when its types fall back to
//   openapi-typescript (generator/code-cache.ts, targets/client/openapi-types.ts),
//   made after printing the types of a small document so that the functions a run needs are in it; and of the CLI's
//   bundle (bin/specsmith.js), made after generating the bundled spec/ through it (cold, warm, check). V8 accepts a
//   code cache only under the flags it was made with: these are the ones bin/specsmith.js sets (bin/v8-flags.js).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyV8Flags } from "../bin/v8-flags.js";

applyV8Flags([]);
// The cache directory plays no part in what the build makes.
process.env["SPECSMITH_CACHE"] = "off";

const { BUNDLED_TEMPLATES } = await import("../dist/render/env.js");
const { PRECOMPILED_FILE, precompiledFileText } = await import("../dist/render/template-precompile.js");
writeFileSync(PRECOMPILED_FILE, precompiledFileText(BUNDLED_TEMPLATES));

const codeCache = await import("../dist/code-cache.js");
codeCache.collectCodeCaches();
// With openapi-typescript's engine (the fallback of specsmith's own, which does not load typescript).
const { printOpenapiTypes } = await import("../dist/targets/client/openapi-types.js");
printOpenapiTypes(sampleDocument(), "openapi-typescript");
await runBundle();
await codeCache.writeCodeCachesTo(codeCache.BUILD_CODE_CACHE_DIR);

/** A document that takes openapi-typescript through its usual transforms (paths, parameters, bodies, schemas). */
function sampleDocument() {
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema) => ({ content: { "application/json": { schema } } });
  return {
    openapi: "3.1.0",
    info: { title: "Sample", version: "1" },
    paths: {
      "/things/{thing_id}": {
        parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        get: {
          operationId: "getThing",
          summary: "Get a thing",
          parameters: [{ name: "expand", in: "query", schema: { type: "array", items: { type: "string", enum: ["a", "b"] } } }],
          responses: { 200: { description: "OK", ...json(ref("Thing")) }, 404: { description: "Not found", ...json(ref("Error")) } },
        },
        post: {
          operationId: "updateThing",
          requestBody: { required: true, ...json({ allOf: [ref("Thing"), { type: "object", required: ["name"] }] }) },
          responses: { 204: { description: "Done" } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          description: "A thing.",
          required: ["id"],
          properties: {
            id: { type: "string", readOnly: true },
            name: { type: ["string", "null"], default: "x", example: "y" },
            tags: { type: "object", additionalProperties: { type: "integer" } },
            kind: { oneOf: [ref("Box"), ref("Bag")], discriminator: { propertyName: "type" } },
            old: { type: "boolean", deprecated: true },
          },
        },
        Box: { type: "object", properties: { type: { type: "string" }, size: { type: "number", nullable: true } } },
        Bag: { type: "object", properties: { type: { type: "string" }, items: { type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } } } },
        Error: { type: "object", properties: { message: { type: "string" }, code: { const: 404 } } },
      },
    },
  };
}

/**
 * The bundle loaded through the code cache module (as bin/specsmith.js loads it), then run on every target of the
 * bundled spec/ into a temporary directory, cold and then warm (with a cache directory of its own: the path a
 * regeneration takes), then `check`: its code cache, written with typescript's, then holds what runs compile.
 */
async function runBundle() {
  const { runCli } = codeCache.requireCached(import.meta.url, fileURLToPath(new URL("../dist/cli.bundle.cjs", import.meta.url)));
  const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-build-"));
  const saved = { ...process.env };
  try {
    delete process.env["SPECSMITH_CACHE"];
    process.env["SPECSMITH_CACHE_DIR"] = path.join(tmp, "cache");
    const spec = fileURLToPath(new URL("../spec", import.meta.url));
    const run = async (command) => {
      const problems = [];
      const code = await runCli([command, "--spec", spec, "--out", path.join(tmp, "out"), "-q"], { out: () => undefined, err: (line) => problems.push(line) });
      if (code !== 0) throw new Error(`build: ${command} through the bundle failed (${code}):\n${problems.join("\n")}`);
    };
    await run("generate");
    await run("generate");
    await run("check");
  } finally {
    process.env = saved;
    rmSync(tmp, { recursive: true, force: true });
  }
}
