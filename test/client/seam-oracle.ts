// Method-name oracle: @seamapi/http's route classes, read as source text. A class in `routes/acs/users/users.ts`
// is exposed as `seam.acs.users` (folder names camel-cased); each method's `pathname` names its endpoint.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { REPO } from "./harness.js";

const ROUTES = path.join(REPO, "node_modules/@seamapi/http/src/lib/seam/connect/routes");

/** Endpoint path → SDK method path (`["acs", "users", "removeFromAccessGroup"]`) as @seamapi/http exposes it. */
export function readSeamHttpMethodPaths(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const file of listFiles(ROUTES)) {
    const dir = path.relative(ROUTES, path.dirname(file));
    if (dir === "" || path.basename(file) === "index.ts") continue;
    const namespace = dir.split(path.sep).map((s) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^ {2}(\w+)\(\n[\s\S]*?pathname: '([^']+)'/gm)) {
      result.set(m[2] as string, [...namespace, m[1] as string]);
    }
  }
  return result;
}

/** Paths the SDK's endpoint index lists (`get '/path'()` getters of SeamHttpEndpoints*). */
export function readSeamHttpEndpointPaths(): Set<string> {
  const paths = new Set<string>();
  for (const name of ["seam-http-endpoints.ts", "seam-http-endpoints-without-workspace.ts"]) {
    const text = readFileSync(path.join(ROUTES, name), "utf8");
    for (const m of text.matchAll(/^ {2}get '([^']+)'\(\)/gm)) paths.add(m[1] as string);
  }
  return paths;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}
