// Method order inside a path: aliases of one RPC endpoint (same x-fern-sdk-group-name +
// x-fern-sdk-method-name) are written with `post` first; other operations keep source order.
import { HTTP_METHODS, type HttpMethod } from "../model/types.js";

export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** The alias key of an operation, or null for an operation that stands alone. */
function aliasKey(op: unknown): string | null {
  if (!op || typeof op !== "object") return null;
  const o = op as Record<string, unknown>;
  const name = o["x-fern-sdk-method-name"];
  return typeof name === "string" ? JSON.stringify([o["x-fern-sdk-group-name"] ?? null, name]) : null;
}

/** Methods of a path item, grouped by alias (groups in order of first appearance), preferred first. */
export function orderMethods(pathItem: Record<string, unknown>): HttpMethod[] {
  const groups = new Map<string, HttpMethod[]>();
  for (const key of Object.keys(pathItem)) {
    if (!isHttpMethod(key)) continue;
    const alias = aliasKey(pathItem[key]) ?? `method:${key}`;
    const group = groups.get(alias) ?? [];
    group.push(key);
    groups.set(alias, group);
  }
  return [...groups.values()].flatMap((g) => (g.length > 1 && g.includes("post") ? ["post" as const, ...g.filter((m) => m !== "post")] : g));
}

/** A copy of the path item with its methods in written order, at the place of the first method. */
export function orderPathItem(pathItem: Record<string, unknown>): Record<string, unknown> {
  const methods = orderMethods(pathItem);
  const first = methods.length > 0 ? Object.keys(pathItem).find(isHttpMethod) : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pathItem)) {
    if (!isHttpMethod(key)) out[key] = value;
    else if (key === first) for (const m of methods) out[m] = pathItem[m];
  }
  return out;
}
