// openapi-typescript's transforms, required file by file from its CommonJS build, on first use only: specsmith's
// own emitter prints the same text (types-engine.ts), so a run loads them only where that emitter gives up. Its entry
// would load the whole of @redocly/openapi-core (for the bundling specsmith does itself), and importing typescript's
// 9 MB CommonJS file from ESM scans it for exports; this way it is ready in about a quarter of the time.
// typescript goes first, through V8's code cache (generator/code-cache.ts), so openapi-typescript's requires get that instance.
import { createRequire } from "node:module";
import { requireCached } from "../../code-cache.js";
import type * as Ots from "openapi-typescript";
import type TS from "typescript";

const DIST = "openapi-typescript/dist";

export interface OpenapiTypescript {
  ts: typeof TS;
  astToString: typeof Ots.astToString;
  tsModifiers: typeof Ots.tsModifiers;
  transformSchema: typeof Ots.transformSchema;
  transformPathsObject: typeof Ots.transformPathsObject;
  transformComponentsObject: typeof Ots.transformComponentsObject;
}

let loaded: OpenapiTypescript | undefined;

/** openapi-typescript's printing and transforms (and typescript), loaded on the first call. */
export function loadOpenapiTypescript(): OpenapiTypescript {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const ts = requireCached(import.meta.url, "typescript") as typeof TS;
  const printing = require(`${DIST}/lib/ts.cjs`) as Pick<typeof Ots, "astToString" | "tsModifiers">;
  const components = require(`${DIST}/transform/components-object.cjs`) as { default: typeof Ots.transformComponentsObject };
  loaded = {
    ts,
    astToString: printing.astToString,
    tsModifiers: printing.tsModifiers,
    transformSchema: require(`${DIST}/transform/index.cjs`) as typeof Ots.transformSchema,
    transformPathsObject: require(`${DIST}/transform/paths-object.cjs`) as typeof Ots.transformPathsObject,
    transformComponentsObject: components.default,
  };
  return loaded;
}
