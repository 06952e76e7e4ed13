#!/usr/bin/env node
// Part of `npm run build` (after tsc): what a first run would otherwise make for itself.
// - dist/templates-precompiled.json: the bundled templates' Handlebars sources (generator/render/template-precompile.ts);
// - dist/v8/: V8's code cache of typescript, which the client worker loads when its types fall back to
//   openapi-typescript (generator/targets/client/code-cache.ts, openapi-types.ts),
//   made after printing the types of a small document so that the functions a run needs are in it. V8 accepts a
//   code cache only under the flags it was made with: these are the ones bin/specsmith.js sets (bin/v8-flags.js).
import { writeFileSync } from "node:fs";
import { applyV8Flags } from "../bin/v8-flags.js";

applyV8Flags([]);
// The cache directory plays no part in what the build makes.
process.env["SPECSMITH_CACHE"] = "off";

const { BUNDLED_TEMPLATES } = await import("../dist/render/env.js");
const { PRECOMPILED_FILE, precompiledFileText } = await import("../dist/render/template-precompile.js");
writeFileSync(PRECOMPILED_FILE, precompiledFileText(BUNDLED_TEMPLATES));

const codeCache = await import("../dist/targets/client/code-cache.js");
codeCache.collectCodeCaches();
// With openapi-typescript's engine (the fallback of specsmith's own, which does not load typescript).
const { printOpenapiTypes } = await import("../dist/targets/client/openapi-types.js");
printOpenapiTypes(sampleDocument(), "openapi-typescript");
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
