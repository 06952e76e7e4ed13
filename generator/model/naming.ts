// SDK naming: from x-fern-sdk-* extensions when present, else from operationId, tags and path.
import { splitWords, toCasings } from "./casing.js";
import type { SdkNaming } from "./types.js";

const PREPOSITIONS = new Set(["to", "from", "for", "of", "in", "on", "by", "at", "with"]);
const PATH_NOISE = /^(api|v\d+(\.\d+)*|\{.*\})$/;

export interface NamingInput {
  path: string;
  method: string;
  operationId: string;
  tags: readonly string[];
  groupName: unknown; // x-fern-sdk-group-name: string | string[]
  methodName: unknown; // x-fern-sdk-method-name
}

export function buildSdkNaming(input: NamingInput): SdkNaming {
  if (typeof input.methodName === "string" && input.methodName !== "") {
    const groups = Array.isArray(input.groupName) ? input.groupName : input.groupName ? [input.groupName] : [];
    return {
      namespace: groups.map((g) => toCasings(String(g))),
      method: toCasings(input.methodName),
      fromExtensions: true,
    };
  }
  const { namespace, method } = deriveRestNames(input);
  return { namespace: namespace.map(toCasings), method: toCasings(method), fromExtensions: false };
}

/** REST naming: `repos/list-for-org` operationIds split on `/`; else namespace = first tag (or path segment), method = operationId minus the namespace words. */
export function deriveRestNames(input: Pick<NamingInput, "path" | "method" | "operationId" | "tags">): {
  namespace: string[];
  method: string;
} {
  const opId = input.operationId;
  if (opId.includes("/")) {
    const parts = opId.split("/").filter(Boolean);
    const method = parts.pop() ?? opId;
    return { namespace: parts, method };
  }
  const segments = input.path.split("/").filter((s) => s && !PATH_NOISE.test(s));
  const namespace = input.tags[0] ?? segments[0] ?? "default";
  const nsWords = new Set(splitWords(namespace).flatMap((w) => [w, singular(w), plural(w)]));
  if (!opId) {
    const rest = segments.slice(1).filter((s) => !s.startsWith("{"));
    return { namespace: [namespace], method: [input.method, ...rest].join("_") };
  }
  let words = splitWords(opId);
  // Drop the namespace word where it only repeats the group: `removeDevicesFromGroup` → `removeDevices`.
  const head = words.slice(0, -1);
  if (head.length > 0 && nsWords.has(words[words.length - 1] as string) && !head.some((w) => nsWords.has(w))) {
    words = head;
    if (words.length > 1 && PREPOSITIONS.has(words[words.length - 1] as string)) words = words.slice(0, -1);
  }
  if (words.length > 1 && nsWords.has(words[0] as string)) words = words.slice(1);
  return { namespace: [namespace], method: toCasings(words.join("_")).camel };
}

function singular(word: string): string {
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

function plural(word: string): string {
  if (word.endsWith("y")) return word.slice(0, -1) + "ies";
  return word.endsWith("s") ? word : word + "s";
}
