// openapi-typescript's discriminator scan, done again by specsmith over walks that allocate nothing per node.
// openapi-typescript 7.x walks the document once per question and builds the pointer of every node it passes
// (a fresh array per step), although the pointer is needed only where a discriminator is found: on GitHub's spec
// that walking was a quarter of the client worker's time. The result, and the patches made to the document on the
// way, are the same as its `scanDiscriminators` (test/client/discriminators.test.ts compares them on every spec we
// have), so the types it prints from them are too.
import type { DiscriminatorObject } from "openapi-typescript";
import { createRef, resolveRef } from "./pointer.js";

type Node = Record<string, any>;

/** What a scan finds: discriminators by pointer, and the refs it patched the discriminator property into. */
export interface Discriminators {
  objects: Record<string, DiscriminatorObject>;
  refsHandled: string[];
}

/**
 * Calls `visit` on every object (not array) under `value`, parent before children, keys in `Object.keys` order read
 * after the visit, array items by index with the length read at each step: the order openapi-typescript's `walk`
 * takes, which matters because a visit may patch what comes later.
 */
export function walkObjects(value: unknown, visit: (obj: Node) => void): void {
  someObject(value, (obj) => (visit(obj), false));
}

/** True when `test` is true for some object under `value`, walked in walkObjects' order; stops at the first. */
export function someObject(value: unknown, test: (obj: Node) => boolean): boolean {
  if (!value || typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (someObject(value[i], test)) return true;
    return false;
  }
  if (test(value as Node)) return true;
  for (const key of Object.keys(value)) if (someObject((value as Node)[key], test)) return true;
  return false;
}

/** Like walkObjects, with the path to each object: one stack, valid only during the visit (copy to keep it). */
function walkWithPath(value: unknown, visit: (obj: Node, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (!value || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkWithPath(value[i], visit, path);
      path.pop();
    }
    return;
  }
  visit(value as Node, path);
  for (const key of Object.keys(value)) {
    path.push(key);
    walkWithPath((value as Node)[key], visit, path);
    path.pop();
  }
}

/**
 * The discriminators of `document` by pointer, and the refs whose discriminator property was patched in: what
 * openapi-typescript's `scanDiscriminators` returns. Patches `document` as it does (oneOf members and mapped
 * schemas get the discriminator property as an enum of their values).
 */
export function scanDiscriminators(document: Node): Discriminators {
  const objects: Record<string, DiscriminatorObject> = {};
  const refsHandled: string[] = [];
  // First pass: each discriminator, and the values its oneOf members and mapping give each ref.
  walkWithPath(document, (obj, path) => {
    const discriminator = obj["discriminator"];
    if (!discriminator?.propertyName) return;
    const ref = createRef(path as (string | number)[]);
    objects[ref] = discriminator;
    if (!Array.isArray(obj["oneOf"])) return;
    const values: Record<string, { inferred?: string; defined?: string[] }> = {};
    for (const member of obj["oneOf"]) {
      if (!("$ref" in member)) continue;
      const last = member.$ref.split("/").pop();
      if (!last) continue;
      (values[member.$ref] ??= {}).inferred = last;
    }
    const mapping = discriminator.mapping;
    if (mapping) {
      for (const value in mapping) {
        const target = mapping[value];
        if (!target) continue;
        if (!values[target]?.defined) values[target] = { defined: [] };
        values[target]!.defined!.push(value);
      }
    }
    for (const [target, { inferred, defined }] of Object.entries(values)) {
      if (refsHandled.includes(target) || (!inferred && !defined)) continue;
      if (patchDiscriminated(document, target, defined ?? [inferred as string], discriminator)) refsHandled.push(target);
    }
  });
  // Second pass: an allOf naming a discriminated ref inherits its discriminator (and the values the mapping gives it).
  walkWithPath(document, (obj, path) => {
    if (!Array.isArray(obj["allOf"])) return;
    for (const item of obj["allOf"]) {
      if ("$ref" in item) {
        const inherited = objects[item.$ref];
        if (!inherited) return;
        const ref = createRef(path as (string | number)[]);
        const mapped: string[] = [];
        if (inherited.mapping) {
          for (const value in inherited.mapping) if (inherited.mapping[value] === ref) mapped.push(value);
          if (mapped.length > 0 && patchDiscriminated(document, ref, mapped, inherited)) refsHandled.push(ref);
        }
        objects[ref] = { ...inherited };
      } else if (item.discriminator?.propertyName) {
        objects[createRef(path as (string | number)[])] = { ...item.discriminator };
      }
    }
  });
  return { objects, refsHandled };
}

/** Gives the schema at `ref` the discriminator property as an enum of `values`; false when it is not an object or allOf. */
function patchDiscriminated(document: Node, ref: string, values: string[], discriminator: DiscriminatorObject): boolean {
  const schema = resolveRef(document, ref) as Node | undefined;
  const name = discriminator.propertyName;
  if (schema?.["allOf"]) {
    schema["allOf"].push({ type: "object", required: [name], properties: { [name]: discriminatorEnum(values) } });
    return true;
  }
  if (typeof schema === "object" && "type" in schema && schema["type"] === "object") {
    if (!schema["properties"]) schema["properties"] = {};
    if (!schema["required"]) schema["required"] = [name];
    else if (!schema["required"].includes(name)) schema["required"].push(name);
    schema["properties"][name] = discriminatorEnum(values, schema["properties"][name]);
    return true;
  }
  return false;
}

/** The enum schema openapi-typescript puts in place of a discriminator property (its descriptions, word for word). */
function discriminatorEnum(values: string[], previous?: Node): Node {
  const description = previous?.["description"]
    ? `${previous["description"]} (enum property replaced by openapi-typescript)`
    : "discriminator enum property added by openapi-typescript";
  return { type: "string", enum: values, description };
}
