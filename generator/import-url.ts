// import() of a module URL known only at run time, through dynamic-import.cjs (the bundle cannot run import()
// itself: see there). The file sits beside the code, in generator/ or, copied by the build, in dist/.
import { createRequire } from "node:module";
import path from "node:path";
import { CODE_ROOT } from "./code-root.js";

export function importUrl(url: string): Promise<unknown> {
  const file = path.join(CODE_ROOT, "dynamic-import.cjs");
  return (createRequire(file)(file) as (url: string) => Promise<unknown>)(url);
}
