// Plain inputs of the snippet printers: what a docs page needs to show one example in one language.

export interface SdkCallInput {
  /** Variable holding the client, e.g. "seam". */
  clientName: string;
  /** Namespace segments in snake case, e.g. ["acs", "users"]. */
  namespace: string[];
  /** Method name in snake case, e.g. "remove_from_access_group". */
  method: string;
  /** Request parameters in example order. */
  params: Array<[name: string, value: unknown]>;
  /** PHP only: a trailing comma after the last item of a broken list, as @prettier/plugin-php's `trailingCommaPHP` (default true). */
  trailingComma?: boolean;
}

export interface CurlInput {
  serverUrl: string;
  /** HTTP method, e.g. "POST". */
  method: string;
  path: string;
  params: Array<[name: string, value: unknown]>;
  /** Header line, e.g. 'Authorization: Bearer $SEAM_API_KEY'. */
  authHeader: string;
}

export type OutputKind = "void" | "resource" | "resource_list" | "action_attempt" | "other";

export interface OutputInput {
  kind: OutputKind;
  /** Property of the response body holding the resource (x-response-key); null when there is none. */
  responseKey: string | null;
  /** Snake-case resource type, e.g. "action_attempt", "space". */
  resourceType: string | null;
  /** The full response body; null for void. */
  body: unknown;
}

export interface SnippetLanguage {
  id: string;
  /** Tab title on a docs page. */
  title(clientName: string): string;
  /** Info string of the code fence. */
  fence(clientName: string): string;
}

export interface SdkSnippetLanguage extends SnippetLanguage {
  request(call: SdkCallInput): string;
  output(out: OutputInput, clientName?: string): string;
}

export interface HttpSnippetLanguage extends SnippetLanguage {
  request(call: CurlInput): string;
  output(out: OutputInput): string;
}

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What the SDKs return: the resource unwrapped from its response key (the whole body when there is no key). */
export function unwrapResponse(out: OutputInput): unknown {
  if (out.kind === "void") return null;
  if (out.responseKey !== null && isJsonObject(out.body)) return out.body[out.responseKey] ?? null;
  return out.body;
}
