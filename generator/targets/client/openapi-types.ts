// The client's types: openapi-typescript's output for a document specsmith has already loaded, validated and bundled
// (its CLI entry, openapiTS, would re-parse, lint and re-bundle it with @redocly/openapi-core first).
//
// Two engines make that text. specsmith's own (type-transform.ts, type-nodes.ts) runs openapi-typescript's transforms
// with its default options over small node objects and prints them as TypeScript's printer does, without loading
// TypeScript: on GitHub's spec in about a third of the time. openapi-typescript itself (7.x, with its
// default options) is the fallback, used for a call whenever the own engine throws (a shape it does not expect):
// the same call is made again with it. test/client/type-emit.test.ts holds the two to the same text on the bundled,
// Seam, Stripe and GitHub documents and on documents made to reach every branch; schema-types.test.ts compares
// the whole text with openapiTS.
import { scanDiscriminators, type Discriminators } from "./discriminators.js";
import { loadOpenapiTypescript } from "./openapi-typescript-cjs.js";
import { resolveRef } from "./pointer.js";
import { printNodes, type Declaration, type TypeNode } from "./type-nodes.js";
import { transformComponentsObject, transformPathsObject, transformSchema, type EmitContext } from "./type-transform.js";

type Document = Record<string, unknown>;

export type { Discriminators };

/** What the type printing needs from an engine; nodes and contexts are its own. */
export interface TypesEngine {
  readonly name: EngineName;
  context(document: Document, discriminators: Discriminators): { injectFooter: unknown[] };
  /** The whole document's top-level declarations (openapi-typescript's transformSchema). */
  transformSchema(document: Document, ctx: unknown): unknown[];
  /** The paths object's type literal. */
  transformPaths(paths: Document, ctx: unknown): unknown;
  /** The components object's type literal. */
  transformComponents(components: Document, ctx: unknown): unknown;
  /** `export interface <name> { …the literal's members }`. */
  exportInterface(name: string, literal: unknown): unknown;
  /** A node's text as openapi-typescript's astToString prints it (ending with a line break). */
  print(node: unknown): string;
  isInterfaceNamed(node: unknown, name: string): boolean;
}

export type EngineName = "specsmith" | "openapi-typescript";

const own: TypesEngine = {
  name: "specsmith",
  context(document, discriminators): EmitContext {
    return { discriminators, injectFooter: [], resolve: (ref) => resolveRef(document, ref) };
  },
  transformSchema: (document, ctx) => transformSchema(document, ctx as EmitContext),
  transformPaths: (paths, ctx) => transformPathsObject(paths, ctx as EmitContext),
  transformComponents: (components, ctx) => transformComponentsObject(components, ctx as EmitContext),
  exportInterface(name, literal) {
    return { k: "interface", name, members: (literal as Extract<TypeNode, { k: "literal" }>).members } satisfies Declaration;
  },
  print: (node) => printNodes([node as Declaration]),
  isInterfaceNamed: (node, name) => (node as Declaration).k === "interface" && (node as Declaration).name === name,
};

const openapiTypescript: TypesEngine = {
  name: "openapi-typescript",
  context: (document, discriminators) => createOpenapiContext(document, discriminators),
  transformSchema: (document, ctx) => loadOpenapiTypescript().transformSchema(document as never, ctx as never) as unknown[],
  transformPaths: (paths, ctx) => loadOpenapiTypescript().transformPathsObject(paths as never, ctx as never),
  transformComponents: (components, ctx) => loadOpenapiTypescript().transformComponentsObject(components as never, ctx as never)[0],
  exportInterface(name, literal) {
    const { ts, tsModifiers } = loadOpenapiTypescript();
    const members = (literal as import("typescript").TypeLiteralNode).members;
    return ts.factory.createInterfaceDeclaration(tsModifiers({ export: true }), name, undefined, undefined, members);
  },
  print: (node) => loadOpenapiTypescript().astToString(node as never),
  isInterfaceNamed(node, name) {
    const { ts } = loadOpenapiTypescript();
    return ts.isInterfaceDeclaration(node as never) && (node as import("typescript").InterfaceDeclaration).name.text === name;
  },
};

/** The engines by name; withTypesEngine looks them up here on each call. */
export const ENGINES: Record<EngineName, TypesEngine> = { specsmith: own, "openapi-typescript": openapiTypescript };

/** Calls made again with openapi-typescript in this thread because the own engine threw, and the last error. */
export const engineFallbacks = { count: 0, last: "" };

/**
 * `print` with the own engine, or with openapi-typescript when it throws; `engine` names one to use alone. `print`
 * must not change anything it is given (the discriminator scan, which patches documents, runs before it).
 */
export function withTypesEngine<T>(print: (engine: TypesEngine) => T, engine?: EngineName): T {
  if (engine) return print(ENGINES[engine]);
  try {
    return print(ENGINES.specsmith);
  } catch (error) {
    engineFallbacks.count++;
    engineFallbacks.last = error instanceof Error ? error.message : String(error);
    return print(ENGINES["openapi-typescript"]);
  }
}

/** The document's types as openapi-typescript prints them with default options (no banner). Mutates `document`. */
export function printOpenapiTypes(document: Document, engine?: EngineName): string {
  assertOpenapi3(document);
  const discriminators = scanDiscriminators(document);
  return withTypesEngine((e) => {
    const ctx = e.context(document, discriminators);
    return e.transformSchema(document, ctx).map((node) => e.print(node)).join("");
  }, engine);
}

/** openapiTS's context with every option at its default (openapi-typescript 7.x, src/index.ts); refs resolve in `document`. */
function createOpenapiContext(document: Document, discriminators: Discriminators) {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [] as unknown[],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref: string) => resolveRef(document, $ref),
  };
}

/** The version check openapiTS makes before linting (same messages). */
export function assertOpenapi3(document: Document): void {
  const declared = document["openapi"];
  const version = Number.parseFloat(String(declared));
  if (document["swagger"]) throw new Error("Unsupported Swagger version: 2.x. Use OpenAPI 3.x instead.");
  if (!declared) throw new Error("Unsupported schema format, expected `openapi: 3.x`");
  if (Number.isNaN(version) || version < 3 || version >= 4) throw new Error(`Unsupported OpenAPI version: ${String(declared)}`);
}
