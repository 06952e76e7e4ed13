// openapi-typescript's transforms, required file by file from its CommonJS build: its entry loads the whole of
// @redocly/openapi-core (for the bundling specsmith does itself), and importing typescript's 9 MB CommonJS file
// from ESM scans it for exports; this way the worker is ready in about a quarter of the time. Same code, same text.
// typescript goes first, through V8's code cache (code-cache.ts), so openapi-typescript's requires get that instance.
import { createRequire } from "node:module";
import { requireCached } from "./code-cache.js";
import type * as Ots from "openapi-typescript";
import type TS from "typescript";

const require = createRequire(import.meta.url);
const DIST = "openapi-typescript/dist";

export const ts = requireCached(import.meta.url, "typescript") as typeof TS;

const utils = require(`${DIST}/lib/utils.cjs`) as Pick<typeof Ots, "resolveRef" | "createRef">;
const printing = require(`${DIST}/lib/ts.cjs`) as Pick<typeof Ots, "astToString" | "tsModifiers">;

export const { resolveRef, createRef } = utils;
export const { astToString, tsModifiers } = printing;
export const transformSchema = require(`${DIST}/transform/index.cjs`) as typeof Ots.transformSchema;
export const transformPathsObject = require(`${DIST}/transform/paths-object.cjs`) as typeof Ots.transformPathsObject;
export const transformComponentsObject = (require(`${DIST}/transform/components-object.cjs`) as { default: typeof Ots.transformComponentsObject })
  .default;
