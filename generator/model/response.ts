// Response kinds: void | resource | resource_list | action_attempt | other.
import type { FlatSchema, Response, ResponseKind } from "./types.js";

export interface KindInput {
  status: string;
  schema: FlatSchema | null;
  /** `x-response-key` of the operation: undefined when absent, null for void. */
  responseKey: string | null | undefined;
  /** `x-action-attempt-type` of the operation, if any. */
  actionAttemptType: unknown;
}

export function classifyResponse(input: KindInput): { kind: ResponseKind; resourceType: string | null } {
  const { schema, responseKey } = input;
  if (input.status === "204" || schema === null) return { kind: "void", resourceType: null };
  if (responseKey === null) return { kind: "void", resourceType: null };
  if (typeof responseKey === "string") {
    const prop = schema.properties.find((p) => p.name === responseKey)?.schema ?? null;
    if (prop === null) return { kind: "other", resourceType: null };
    return classifyValue(prop, responseKey, input.actionAttemptType !== undefined);
  }
  return classifyValue(schema, null, false);
}

function classifyValue(
  schema: FlatSchema,
  key: string | null,
  isActionAttempt: boolean,
): { kind: ResponseKind; resourceType: string | null } {
  if (schema.type === "array") {
    const itemType = schema.items?.refName ?? null;
    return { kind: itemType || key ? "resource_list" : "other", resourceType: itemType ?? singularKey(key) };
  }
  const refName = schema.refName ?? (schema.type === "object" ? key : null);
  if (isActionAttempt || refName === "action_attempt") return { kind: "action_attempt", resourceType: "action_attempt" };
  if (refName) return { kind: "resource", resourceType: refName };
  return { kind: "other", resourceType: null };
}

function singularKey(key: string | null): string | null {
  if (!key) return null;
  return key.endsWith("ies") ? key.slice(0, -3) + "y" : key.replace(/s$/, "");
}

export function isSuccessStatus(status: string): boolean {
  return /^2/.test(status);
}

export function isErrorStatus(status: string): boolean {
  return /^[45]/.test(status) || status === "default";
}

/** The response that carries the result: the first 2xx (by status order). */
export function pickSuccess(responses: readonly Response[]): Response | null {
  return responses.find((r) => r.isSuccess) ?? null;
}
