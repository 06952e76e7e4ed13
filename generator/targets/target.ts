import type { Api } from "../model/types.js";
import type { RenderEnv } from "../render/env.js";

/** A target: model → files (paths relative to generated/<api>/<outDir>/). */
export interface Target {
  description: string;
  /** Directory under generated/<api>/ the target owns (stale files in it are removed). */
  outDir: string;
  /** Whether the target makes sense for this API (e.g. SDK snippets need SDK names). */
  appliesTo(api: Api): boolean;
  render(api: Api, env: RenderEnv): Map<string, string> | Promise<Map<string, string>>;
}
