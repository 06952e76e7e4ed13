// Matching documented calls to endpoints (SDK method names, HTTP method + path) and to examples (the values shown).
import { toCasings } from "../model/casing.js";
import type { Api, Endpoint, Example } from "../model/types.js";
import type { HttpCall, ParsedCall, SdkCall } from "./parse-call.js";
import type { EndpointHint } from "./types.js";
import { isSameValue } from "./values.js";

export interface EndpointIndex {
  api: Api;
  bySdkName: Map<string, Endpoint>;
  routes: { method: string; pattern: RegExp; names: string[]; endpoint: Endpoint }[];
}

export function buildEndpointIndex(api: Api): EndpointIndex {
  const bySdkName = new Map<string, Endpoint>();
  const routes: EndpointIndex["routes"] = [];
  for (const endpoint of api.endpoints) {
    bySdkName.set(sdkKey([...endpoint.sdk.namespace.map((n) => n.original), endpoint.sdk.method.original]), endpoint);
    const names: string[] = [];
    const source = endpoint.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name === undefined) return part.replace(/[.*+?^$()[\]\\|]/g, "\\$&");
        names.push(name);
        return "([^/]+)";
      })
      .join("");
    for (const method of endpoint.methods) routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, endpoint });
  }
  return { api, bySdkName, routes };
}

/** Names compare in snake case, so `acs.users.removeFromAccessGroup` and `acs users remove-from-access-group` meet. */
function sdkKey(segments: readonly string[]): string {
  return segments.map((s) => toCasings(s).snake).join("/");
}

export function resolveCall(index: EndpointIndex, call: ParsedCall): Endpoint | null {
  if (call.kind === "sdk") return index.bySdkName.get(sdkKey(call.path)) ?? null;
  return matchRoute(index, call.method, call.path)?.endpoint ?? null;
}

function matchRoute(index: EndpointIndex, method: string, path: string) {
  return index.routes.find((r) => r.method === method && r.pattern.test(path)) ?? null;
}

/** The endpoint a page names (path and method), if the spec has it. */
export function resolveHint(index: EndpointIndex, hint: EndpointHint): Endpoint | null {
  if (hint.path === "") return null;
  const sameMethod = (e: Endpoint) => hint.method === "" || e.methods.includes(hint.method as never);
  return (
    index.api.endpoints.find((e) => e.path === hint.path && sameMethod(e)) ??
    (hint.method ? (matchRoute(index, hint.method, hint.path)?.endpoint ?? null) : null)
  );
}

/** The parameter values a call shows, by name, in the terms of the endpoint's examples. */
export function callValues(index: EndpointIndex, call: ParsedCall, endpoint: Endpoint): [string, unknown][] {
  if (call.kind === "sdk") return call.params;
  return httpValues(index, call, endpoint);
}

function httpValues(index: EndpointIndex, call: HttpCall, endpoint: Endpoint): [string, unknown][] {
  const values: [string, unknown][] = [];
  const route = index.routes.find((r) => r.endpoint === endpoint && r.pattern.test(call.path));
  const match = route?.pattern.exec(call.path);
  route?.names.forEach((name, i) => values.push([name, decodeSafe(match?.[i + 1] ?? "")]));
  for (const [name, value] of call.query) values.push([name, value]);
  if (call.body === undefined) return values;
  if (endpoint.requestBody?.isObject && isRecord(call.body)) values.push(...Object.entries(call.body));
  else values.push(["body", call.body]);
  return values;
}

/** The example's values in the same terms: HTTP forms print query/path values as text, non-object bodies whole. */
export function exampleValues(endpoint: Endpoint, example: Example, call: ParsedCall): [string, unknown][] {
  const values = example.request.parameters.map((p): [string, unknown] => {
    const textual = call.kind === "http" && (p.location === "path" || p.location === "query") && typeof p.value !== "string";
    return [p.name, textual ? JSON.stringify(p.value) : p.value];
  });
  const body = example.request.body;
  if (call.kind === "http" && body !== undefined && !(endpoint.requestBody?.isObject && isRecord(body))) values.push(["body", body]);
  return values;
}

/** How well a call's values fit an example: matching values count, differing or extra ones cost. */
export function scoreExample(shown: readonly [string, unknown][], expected: readonly [string, unknown][]): number {
  const want = new Map(expected);
  let score = 0;
  for (const [name, value] of shown) score += want.has(name) && isSameValue(want.get(name), value) ? 2 : -1;
  for (const [name] of expected) if (!shown.some(([n]) => n === name)) score -= 1;
  return score;
}

/** Best-scoring example; a title the docs show and the page's example order break ties. */
export function pickExample(endpoint: Endpoint, scores: readonly number[], title: string, position: number): Example | null {
  const total = (i: number) => (scores[i] ?? 0) + (endpoint.examples[i]?.title === title ? 3 : 0) + (i === position ? 0.5 : 0);
  let best = 0;
  for (let i = 1; i < endpoint.examples.length; i++) if (total(i) > total(best)) best = i;
  return endpoint.examples[best] ?? null;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type { SdkCall };
