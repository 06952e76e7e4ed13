// openapi-typescript 7.x's transforms with its default options, building the nodes of type-nodes.ts instead of
// TypeScript's: the same walk over the document, the same decisions in the same order (unions, intersections,
// required keys, discriminator properties, JSDoc comments, helper types in the footer), so the printed text is the
// same without loading TypeScript. Where the document has a shape these functions do not expect, they throw as
// openapi-typescript would, or fail otherwise; the caller then runs openapi-typescript itself (see types-engine.ts).
import type { Discriminators } from "./discriminators.js";
import { childRef, createRef, escapePointer, refSegments } from "./pointer.js";
import {
  BOOLEAN,
  FALSE,
  NEVER,
  NULL,
  NUMBER,
  STRING,
  TRUE,
  UNKNOWN,
  arrayNode,
  indexNode,
  intersectionNode,
  unionNode,
  type Declaration,
  type Member,
  type Name,
  type TypeNode,
} from "./type-nodes.js";

type Obj = Record<string, any>;

export interface EmitContext {
  discriminators: Discriminators;
  /** Declarations printed after the roots: the `operations` interface and helper types, in the order first needed. */
  injectFooter: Declaration[];
  resolve(ref: string): unknown;
}

interface Options {
  path: string;
  ctx: EmitContext;
}

const PROPERTY_NAME = /^[A-Za-z_$][A-Za-z_$0-9]*$/;
const LINE_BREAKS = /\r?\n/g;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const PRIMITIVE_TYPES = ["boolean", "string", "number", "integer", "null"];

const WITH_REQUIRED: Declaration = {
  k: "source",
  name: "WithRequired",
  text: "type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};",
};

// --- nodes as openapi-typescript's helpers make them (lib/ts) ---

function literal(members: Member[]): TypeNode {
  return { k: "literal", members };
}

function property(name: Name, type: TypeNode, optional = false, readonly = false, comment?: string): Member {
  return comment === undefined ? { k: "property", name, optional, readonly, type } : { k: "property", name, optional, readonly, type, comment };
}

function recordOf(key: TypeNode, value: TypeNode): TypeNode {
  return { k: "ref", name: "Record", args: [key, value] };
}

function propertyIndex(index: unknown): Name {
  if ((typeof index === "number" && !(index < 0)) || (typeof index === "string" && String(Number(index)) === index && index[0] !== "-")) {
    return { k: "num", text: String(index) };
  }
  return typeof index === "string" && PROPERTY_NAME.test(index) ? { k: "id", text: index } : { k: "str", text: String(index) };
}

function numberNode(value: number): TypeNode {
  return value < 0 ? { k: "num", text: String(Math.abs(value)), negative: true } : { k: "num", text: String(value), negative: false };
}

function tsLiteral(value: unknown): TypeNode {
  if (typeof value === "string") return { k: "ident", text: JSON.stringify(value) };
  if (typeof value === "number") return numberNode(value);
  if (typeof value === "boolean") return value ? TRUE : FALSE;
  if (value === null) return NULL;
  if (Array.isArray(value)) {
    if (value.length === 0) return arrayNode(NEVER);
    return { k: "tuple", elements: value.map((v) => tsLiteral(v)) };
  }
  if (typeof value === "object") {
    const keys = Object.entries(value).map(([k, v]) => property(propertyIndex(k), tsLiteral(v)));
    return keys.length ? literal(keys) : recordOf(STRING, NEVER);
  }
  return UNKNOWN;
}

/** The kinds openapi-typescript's `tsDedupe` drops repeats of (keywords and null); null for kinds it keeps. */
function primitiveKind(type: TypeNode): string | null {
  if (type.k === "null") return "null";
  if (type.k === "keyword" && type.text !== "unknown") return type.text;
  return null;
}

function isPrimitive(type: TypeNode | undefined): boolean {
  return !type || primitiveKind(type) !== null;
}

function dedupe(types: readonly TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  const kept: TypeNode[] = [];
  for (const t of types) {
    const kind = primitiveKind(t);
    if (kind !== null) {
      if (seen.has(kind)) continue;
      seen.add(kind);
    }
    kept.push(t);
  }
  return kept;
}

function tsUnion(types: readonly TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0]!;
  return unionNode(dedupe(types));
}

function tsIntersection(types: readonly TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0]!;
  return intersectionNode(dedupe(types));
}

function tsWithRequired(type: TypeNode, keys: readonly string[], footer: Declaration[]): TypeNode {
  if (keys.length === 0) return type;
  if (!footer.some((d) => d.k !== "interface" && d.name === "WithRequired")) footer.push(WITH_REQUIRED);
  return { k: "ref", name: "WithRequired", args: [type, tsUnion(keys.map(tsLiteral))] };
}

function segmentLiteral(segment: unknown): TypeNode {
  return typeof segment === "number" ? numberNode(segment) : { k: "str", text: segment as string };
}

/** The type a `$ref` names: `components["schemas"]["x"]`, skipping `properties` segments past the third. */
function oapiRef(ref: string, resolved?: Obj): TypeNode {
  const pointer = refSegments(ref);
  if (pointer.length === 0) throw new Error(`Error parsing $ref: ${ref}. Is this a valid $ref?`);
  const isParameter = Boolean(resolved && !resolved["$ref"] && resolved["in"]);
  let node: TypeNode = { k: "ref", name: String(pointer[0]), args: [] };
  for (const segment of pointer.slice(1, 3)) node = indexNode(node, segmentLiteral(segment));
  const rest = pointer.slice(3);
  rest.forEach((segment, i) => {
    if (segment === "properties") return;
    if (isParameter && i === rest.length - 1) {
      node = indexNode(indexNode(node, segmentLiteral(resolved!["in"])), segmentLiteral(resolved!["name"]));
      return;
    }
    node = indexNode(node, segmentLiteral(segment));
  });
  return node;
}

function commentLine(value: unknown): string {
  return String(value).trim().replace(LINE_BREAKS, "\n *     ");
}

/** The JSDoc text openapi-typescript attaches to a member for this object, or undefined. */
function jsDoc(schemaObject: unknown): string | undefined {
  if (!schemaObject || typeof schemaObject !== "object" || Array.isArray(schemaObject)) return undefined;
  const s = schemaObject as Obj;
  const output: string[] = [];
  if (s["title"]) output.push(s["title"].trim().replace(LINE_BREAKS, "\n *     "));
  if (s["summary"]) output.push(s["summary"].trim().replace(LINE_BREAKS, "\n *     "));
  if (s["format"]) output.push(`Format: ${s["format"]}`);
  if (s["deprecated"]) output.push("@deprecated");
  for (const field of ["description", "default", "example"]) {
    const value = s[field];
    if (value === undefined) continue;
    if (value === "" && field === "description") continue;
    output.push(`@${field} ${commentLine(typeof value === "object" ? JSON.stringify(value, null, 2) : value)}`);
  }
  if (Array.isArray(s["examples"])) {
    for (const example of s["examples"]) output.push(`@example ${commentLine(typeof example === "object" ? JSON.stringify(example, null, 2) : example)}`);
  }
  if ("const" in s) output.push("@constant");
  if (s["enum"]) {
    let type = "unknown";
    if (Array.isArray(s["type"])) type = s["type"].join("|");
    else if (typeof s["type"] === "string") type = s["type"];
    output.push(`@enum {${type}${s["nullable"] ? "|null" : ""}}`);
  }
  if (output.length === 0) return undefined;
  const multiLine = output.some((item) => item.includes("\n"));
  const text = output.length === 1 && !multiLine ? `* ${output.join("\n")} ` : `*\n * ${output.join("\n * ")}\n `;
  return text.replace(/\*\//g, "*\\/");
}

// --- schema objects (transform/schema-object) ---

export function transformSchemaObject(schemaObject: unknown, options: Options): TypeNode {
  if (!schemaObject) return NEVER;
  if (schemaObject === true) return UNKNOWN;
  if (Array.isArray(schemaObject) || typeof schemaObject !== "object") {
    throw new Error(`Expected SchemaObject, received ${Array.isArray(schemaObject) ? "Array" : typeof schemaObject} at ${options.path}`);
  }
  const s = schemaObject as Obj;
  if ("$ref" in s) return oapiRef(s["$ref"]);
  if (s["const"] !== null && s["const"] !== undefined) return tsLiteral(s["const"]);
  if (Array.isArray(s["enum"]) && (!("type" in s) || s["type"] !== "object") && !("properties" in s) && !("additionalProperties" in s)) {
    const enumType = s["enum"].map((v: unknown) => tsLiteral(v));
    if ((Array.isArray(s["type"]) && s["type"].includes("null")) || s["nullable"]) enumType.push(NULL);
    return tsUnion(enumType);
  }
  let finalType: TypeNode | undefined;
  const core = transformSchemaObjectCore(s, options);
  const allOfType = collectAllOf(s["allOf"] ?? [], s["required"], options);
  if (core || allOfType.length) {
    const allOf = allOfType.length ? tsIntersection(allOfType) : undefined;
    finalType = tsIntersection([...(core ? [core] : []), ...(allOf ? [allOf] : [])]);
  }
  const anyOfType = collectUnion(s["anyOf"] ?? [], "anyOf", options);
  if (anyOfType.length) finalType = tsUnion([...(finalType ? [finalType] : []), ...anyOfType]);
  const oneOfType = collectUnion(s["oneOf"] || ("type" in s && s["type"] === "object" && s["enum"]) || [], "oneOf", options);
  if (oneOfType.length) {
    if (oneOfType.every(isPrimitive)) finalType = tsUnion([...(finalType ? [finalType] : []), ...oneOfType]);
    else finalType = tsIntersection([...(finalType ? [finalType] : []), tsUnion(oneOfType)]);
  }
  if (!finalType) finalType = "type" in s ? recordOf(STRING, NEVER) : UNKNOWN;
  if (finalType !== UNKNOWN && s["nullable"]) finalType = unionNode([finalType, NULL]);
  return finalType;
}

function items(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error("expected an array of schemas");
  return value;
}

function collectUnion(list: unknown, key: "anyOf" | "oneOf", options: Options): TypeNode[] {
  return items(list).map((item, index) => transformSchemaObject(item, { ...options, path: childRef(options.path, key, String(index)) }));
}

function collectAllOf(list: unknown, required: unknown, options: Options): TypeNode[] {
  const { ctx } = options;
  const output: TypeNode[] = [];
  for (const item of items(list) as Obj[]) {
    let itemType: TypeNode;
    if ("$ref" in item) {
      itemType = transformSchemaObject(item, options);
      const resolved = ctx.resolve(item["$ref"]) as Obj | undefined;
      if (resolved && typeof resolved === "object" && "properties" in resolved && !ctx.discriminators.refsHandled.includes(item["$ref"])) {
        const valid = ((required ?? []) as string[]).filter((key) => !!resolved["properties"]?.[key]);
        if (valid.length) itemType = tsWithRequired(itemType, valid, ctx.injectFooter);
      }
    } else {
      const itemRequired = [...((required ?? []) as unknown[])];
      if (typeof item === "object" && Array.isArray(item["required"])) itemRequired.push(...item["required"]);
      itemType = transformSchemaObject({ ...item, required: itemRequired }, options);
    }
    const discriminator = ("$ref" in item && ctx.discriminators.objects[item["$ref"]]) || item["discriminator"];
    output.push(discriminator ? { k: "ref", name: "Omit", args: [itemType, unionNode([tsLiteral(discriminator.propertyName)])] } : itemType);
  }
  return output;
}

function transformSchemaObjectCore(s: Obj, options: Options): TypeNode | undefined {
  const { ctx } = options;
  if ("type" in s && s["type"]) {
    const type = s["type"];
    if (type === "null") return NULL;
    if (type === "string") return STRING;
    if (type === "number" || type === "integer") return NUMBER;
    if (type === "boolean") return BOOLEAN;
    if (type === "array") {
      let itemType = UNKNOWN;
      if (s["prefixItems"] || Array.isArray(s["items"])) {
        const prefixItems = (s["prefixItems"] ?? s["items"]) as unknown[];
        itemType = { k: "tuple", elements: prefixItems.map((item) => transformSchemaObject(item, options)) };
      } else if (s["items"]) {
        const itemsSchema = s["items"];
        const nested = typeof itemsSchema === "object" && itemsSchema !== null && "type" in itemsSchema && itemsSchema.type === "array";
        itemType = nested ? arrayNode(transformSchemaObject(itemsSchema, options)) : transformSchemaObject(itemsSchema, options);
      }
      return itemType.k === "tuple" || itemType.k === "array" ? itemType : arrayNode(itemType);
    }
    if (Array.isArray(type)) {
      const unique: TypeNode[] = [];
      if (Array.isArray(s["oneOf"])) {
        for (const t of type) {
          if (PRIMITIVE_TYPES.includes(t) && s["oneOf"].find((o: unknown) => typeof o === "object" && "type" in (o as Obj) && (o as Obj)["type"] === t)) continue;
          unique.push(t === "null" || t === null ? NULL : transformSchemaObject({ ...s, type: t, oneOf: undefined }, options));
        }
      } else {
        for (const t of type) unique.push(t === "null" || t === null ? NULL : transformSchemaObject({ ...s, type: t }, options));
      }
      return tsUnion(unique);
    }
  }
  const members: Member[] = [];
  const path = options.path;
  for (const k of ["allOf", "anyOf"]) {
    if (!s[k]) continue;
    const discriminator = !s["discriminator"] && !ctx.discriminators.refsHandled.includes(path) && ctx.discriminators.objects[path];
    if (discriminator) {
      members.unshift(discriminatorProperty(discriminator, path));
      break;
    }
  }
  const properties = s["properties"];
  const additional = s["additionalProperties"];
  const patterns = s["patternProperties"];
  const hasProperties = properties && Object.keys(properties).length;
  if (!(hasProperties || ("additionalProperties" in s && additional) || ("patternProperties" in s && patterns) || ("$defs" in s && s["$defs"]))) {
    return members.length ? literal(members) : undefined;
  }
  if (Object.keys(properties ?? {}).length) {
    for (const [k, v] of Object.entries(properties ?? {}) as [string, any][]) {
      if ((typeof v !== "object" && typeof v !== "boolean") || Array.isArray(v)) {
        throw new Error(`${path}: invalid property ${k}. Expected Schema Object or boolean, got ${Array.isArray(v) ? "Array" : typeof v}`);
      }
      const isObject = typeof v === "object";
      const $ref = isObject && "$ref" in v && v.$ref;
      const readOnly = isObject && "readOnly" in v && v.readOnly;
      const hasDefault = isObject && "default" in v && v.default !== undefined;
      const required =
        s["required"]?.includes(k) || (hasDefault && !path.includes("parameters") && !path.includes("requestBody") && !path.includes("requestBodies"));
      const type = $ref ? oapiRef($ref) : transformSchemaObject(v, { ...options, path: childRef(path, k) });
      members.push(property(propertyIndex(k), type, !required, Boolean(readOnly), jsDoc(v)));
    }
  }
  const defs = s["$defs"];
  if (defs && typeof defs === "object" && Object.keys(defs).length) {
    const defMembers: Member[] = [];
    for (const [k, v] of Object.entries(defs) as [string, any][]) {
      const readOnly = "readOnly" in v && !!v.readOnly;
      const type = transformSchemaObject(v, { ...options, path: childRef(path, "$defs", k) });
      defMembers.push(property(propertyIndex(k), type, false, readOnly, jsDoc(v)));
    }
    members.push(property(propertyIndex("$defs"), literal(defMembers)));
  }
  const explicitAdditional = typeof additional === "object" && Object.keys(additional).length;
  const implicitAdditional = additional === true || (typeof additional === "object" && Object.keys(additional).length === 0);
  const explicitPatterns = typeof patterns === "object" && Object.keys(patterns).length;
  const indexTypes: TypeNode[] = [];
  if (explicitAdditional) indexTypes.push(transformSchemaObject(additional, options));
  if (implicitAdditional) indexTypes.push(UNKNOWN);
  if (explicitPatterns) for (const v of Object.values(patterns)) indexTypes.push(transformSchemaObject(v, options));
  if (indexTypes.length === 0) return members.length ? literal(members) : undefined;
  const indexSignature: Member = { k: "indexSignature", param: "key", type: tsUnion(indexTypes) };
  return tsIntersection([...(members.length ? [literal(members)] : []), literal([indexSignature])]);
}

function discriminatorProperty(discriminator: Obj, path: string): Member {
  let value: unknown = refSegments(path).pop();
  if (discriminator["mapping"]) {
    const matched = Object.entries(discriminator["mapping"] as Record<string, string>).find(
      ([, v]) => (!v.startsWith("#") && v === value) || (v.startsWith("#") && refSegments(v).pop() === value),
    );
    if (matched) value = matched[0];
  }
  return property(propertyIndex(discriminator["propertyName"]), tsLiteral(value));
}

// --- the rest of the document (transform/*-object) ---

function transformParametersArray(parameters: unknown[], options: Options): Member[] {
  const { ctx } = options;
  const resolvedAll = (parameters as Obj[]).map((param) => ({ original: param, resolved: ("$ref" in param ? ctx.resolve(param["$ref"]) : param) as Obj | undefined }));
  const byLocation: Member[] = [];
  for (const location of ["query", "header", "path", "cookie"]) {
    const members: Member[] = [];
    for (const { original, resolved } of resolvedAll) {
      if (resolved?.["in"] !== location) continue;
      const optional = location !== "path" && !resolved["required"];
      const type =
        "$ref" in original
          ? oapiRef(original["$ref"], resolved)
          : transformParameterObject(resolved, { ...options, path: childRef(options.path, "parameters", resolved["in"], resolved["name"]) });
      members.push(property(propertyIndex(resolved["name"]), type, optional, false, jsDoc(resolved)));
    }
    const allOptional = members.every((m) => m.k === "property" && m.optional);
    byLocation.push(property(propertyIndex(location), members.length ? literal(members) : NEVER, allOptional || !members.length));
  }
  return [property(propertyIndex("parameters"), literal(byLocation))];
}

function transformParameterObject(parameter: Obj, options: Options): TypeNode {
  return parameter["schema"] ? transformSchemaObject(parameter["schema"], options) : STRING;
}

function transformPathItemObject(pathItem: Obj, options: Options): TypeNode {
  const { ctx } = options;
  const members = transformParametersArray(pathItem["parameters"] ?? [], { ...options, path: childRef(options.path, "parameters") });
  for (const method of METHODS) {
    const operation = pathItem[method] as Obj | undefined;
    if (!operation) {
      members.push(property(propertyIndex(method), NEVER, true));
      continue;
    }
    const keyed: Record<string, unknown> = {};
    if (!("$ref" in operation)) {
      for (const parameter of [...(pathItem["parameters"] ?? []), ...(operation["parameters"] ?? [])] as Obj[]) {
        const name =
          "$ref" in parameter
            ? `${(ctx.resolve(parameter["$ref"]) as Obj | undefined)?.["in"]}-${(ctx.resolve(parameter["$ref"]) as Obj | undefined)?.["name"]}`
            : `${parameter["in"]}-${parameter["name"]}`;
        keyed[name] = parameter;
      }
    }
    let type: TypeNode;
    const opPath = childRef(options.path, method);
    if ("$ref" in operation) type = oapiRef(operation["$ref"]);
    else if (operation["operationId"]) {
      const operationId = (operation["operationId"] as string).replace(/#/g, "/");
      type = oapiRef(createRef(["operations", operationId]));
      injectOperation(operationId, { ...operation, parameters: Object.values(keyed) }, { ...options, path: opPath });
    } else {
      type = literal(transformOperationObject({ ...operation, parameters: Object.values(keyed) }, { ...options, path: opPath }));
    }
    members.push(property(propertyIndex(method), type, false, false, jsDoc(operation)));
  }
  return literal(members);
}

function injectOperation(operationId: string, operation: Obj, options: Options): void {
  const footer = options.ctx.injectFooter;
  let operations = footer.find((d) => d.k === "interface" && d.name === "operations") as Extract<Declaration, { k: "interface" }> | undefined;
  if (!operations) {
    operations = { k: "interface", name: "operations", members: [] };
    footer.push(operations);
  }
  const members = transformOperationObject(operation, options);
  operations.members.push(property(propertyIndex(operationId), literal(members)));
}

function transformOperationObject(operation: Obj, options: Options): Member[] {
  const members = transformParametersArray(operation["parameters"] ?? [], options);
  const body = operation["requestBody"] as Obj | undefined;
  if (body) {
    const type = "$ref" in body ? oapiRef(body["$ref"]) : transformRequestBodyObject(body, { ...options, path: childRef(options.path, "requestBody") });
    const required = !!(("$ref" in body ? options.ctx.resolve(body["$ref"]) : body) as Obj | undefined)?.["required"];
    members.push(property(propertyIndex("requestBody"), type, !required, false, jsDoc(body)));
  } else {
    members.push(property(propertyIndex("requestBody"), NEVER, true));
  }
  members.push(property(propertyIndex("responses"), transformResponsesObject(operation["responses"] ?? {}, options)));
  return members;
}

function transformRequestBodyObject(body: Obj, options: Options): TypeNode {
  const members: Member[] = [];
  for (const [contentType, media] of Object.entries((body["content"] ?? {}) as Obj)) {
    const next = { ...options, path: childRef(options.path, "content", contentType) };
    const type = "$ref" in media ? transformSchemaObject(media, next) : transformMediaTypeObject(media, next);
    members.push(property(propertyIndex(contentType), type, false, false, jsDoc(media)));
  }
  const content = members.length ? members : [property(propertyIndex("*/*"), NEVER, true)];
  return literal([property(propertyIndex("content"), literal(content))]);
}

function transformMediaTypeObject(media: Obj, options: Options): TypeNode {
  return media["schema"] ? transformSchemaObject(media["schema"], options) : UNKNOWN;
}

function transformResponsesObject(responses: Obj, options: Options): TypeNode {
  const members: Member[] = [];
  for (const [code, response] of Object.entries(responses) as [string, Obj][]) {
    const type = "$ref" in response ? oapiRef(response["$ref"]) : transformResponseObject(response, { ...options, path: childRef(options.path, "responses", code) });
    members.push(property(propertyIndex(code), type, false, false, jsDoc(response)));
  }
  return members.length ? literal(members) : NEVER;
}

function transformResponseObject(response: Obj, options: Options): TypeNode {
  const headers: Member[] = [];
  if (response["headers"]) {
    for (const [name, header] of Object.entries(response["headers"] as Obj) as [string, Obj][]) {
      const optional = !("$ref" in header || header["required"]);
      const type = "$ref" in header ? oapiRef(header["$ref"]) : transformHeaderObject(header, { ...options, path: childRef(options.path, "headers", name) });
      headers.push(property(propertyIndex(name), type, optional, false, jsDoc(header)));
    }
  }
  headers.push({ k: "indexSignature", param: "name", type: UNKNOWN });
  const members: Member[] = [property(propertyIndex("headers"), literal(headers))];
  const content: Member[] = [];
  if (response["content"]) {
    for (const [contentType, media] of Object.entries(response["content"] as Obj)) {
      const type = transformMediaTypeObject(media, { ...options, path: childRef(options.path, "content", contentType) });
      content.push(property(propertyIndex(contentType), type, false, false, jsDoc(media)));
    }
  }
  members.push(content.length ? property(propertyIndex("content"), literal(content)) : property(propertyIndex("content"), NEVER, true));
  return literal(members);
}

function transformHeaderObject(header: Obj, options: Options): TypeNode {
  if (header["schema"]) return transformSchemaObject(header["schema"], options);
  if (header["content"]) {
    const members: Member[] = [];
    for (const [contentType, media] of Object.entries(header["content"] as Obj)) {
      const next = { ...options, path: `${options.path ?? "#"}/${escapePointer(contentType)}` };
      const type = "$ref" in media ? transformSchemaObject(media, next) : transformMediaTypeObject(media, next);
      members.push(property(propertyIndex(contentType), type, false, false, jsDoc(media)));
    }
    return literal(members);
  }
  return UNKNOWN;
}

export function transformPathsObject(paths: Obj, ctx: EmitContext): TypeNode {
  const members: Member[] = [];
  for (const [url, item] of Object.entries(paths) as [string, Obj][]) {
    if (!item || typeof item !== "object") continue;
    if ("$ref" in item) members.push(property(propertyIndex(url), oapiRef(item["$ref"]), false, false, jsDoc(item)));
    else members.push(property(propertyIndex(url), transformPathItemObject(item, { path: createRef(["paths", url]), ctx })));
  }
  return literal(members);
}

function transformWebhooksObject(webhooks: Obj, ctx: EmitContext): TypeNode {
  const members = (Object.entries(webhooks) as [string, Obj][]).map(([name, item]) =>
    property(propertyIndex(name), transformPathItemObject(item, { path: createRef(["webhooks", name]), ctx })),
  );
  return literal(members);
}

const COMPONENT_TRANSFORMS: Record<string, (item: any, options: Options) => TypeNode> = {
  schemas: transformSchemaObject,
  responses: transformResponseObject,
  parameters: transformParameterObject,
  requestBodies: transformRequestBodyObject,
  headers: transformHeaderObject,
  pathItems: transformPathItemObject,
};

/** The components object's type literal (openapi-typescript returns it first in a list; root types are off). */
export function transformComponentsObject(components: Obj, ctx: EmitContext): TypeNode {
  const sections: Member[] = [];
  for (const [key, transform] of Object.entries(COMPONENT_TRANSFORMS)) {
    const members: Member[] = [];
    if (components[key]) {
      for (const [name, item] of Object.entries(components[key] as Obj)) {
        const type = transform(item, { path: createRef(["components", key, name]), ctx });
        members.push(property(propertyIndex(name), type, false, false, jsDoc(item)));
      }
    }
    sections.push(property(propertyIndex(key), members.length ? literal(members) : NEVER));
  }
  return literal(sections);
}

function emptyRoot(name: string): Declaration {
  return { k: "alias", name, type: recordOf(STRING, NEVER) };
}

/** The whole document's declarations, as openapi-typescript's `transformSchema` returns them. */
export function transformSchema(document: Obj, ctx: EmitContext): Declaration[] {
  const roots: [string, (node: Obj) => TypeNode][] = [
    ["paths", (node) => transformPathsObject(node, ctx)],
    ["webhooks", (node) => transformWebhooksObject(node, ctx)],
    ["components", (node) => transformComponentsObject(node, ctx)],
    ["$defs", (node) => transformSchemaObject(node, { path: createRef(["$defs"]), ctx })],
  ];
  const out: Declaration[] = [];
  for (const [root, transform] of roots) {
    const value = document[root];
    if (!value || typeof value !== "object") {
      out.push(emptyRoot(root));
      continue;
    }
    const type = transform(value);
    out.push(type.k === "literal" && type.members.length ? { k: "interface", name: root, members: type.members } : emptyRoot(root));
  }
  let hasOperations = false;
  for (const injected of ctx.injectFooter) {
    if (injected.name === "operations") hasOperations = true;
    out.push(injected);
  }
  if (!hasOperations) out.push(emptyRoot("operations"));
  return out;
}
