// openapi-typescript's own transform on a document specsmith has already loaded, validated and bundled:
// its CLI entry (openapiTS) first re-parses, lints and re-bundles the document with @redocly/openapi-core,
// which is most of its time and adds nothing here. Output is the same text (test/client/schema-types.test.ts
// compares with openapiTS on the bundled, Seam, GitHub and Stripe documents).
import { scanDiscriminators, type Discriminators } from "./discriminators.js";
import { astToString, resolveRef, transformSchema } from "./openapi-typescript-cjs.js";

type Document = Record<string, unknown>;

/** The document's types as openapi-typescript prints them with default options (no banner). Mutates `document`. */
export function printOpenapiTypes(document: Document): string {
  assertOpenapi3(document);
  const ctx = createOpenapiContext(document, scanDiscriminators(document));
  return astToString(transformSchema(document as never, ctx as never));
}

export type { Discriminators };
export type OpenapiContext = ReturnType<typeof createOpenapiContext>;

/** openapiTS's context with every option at its default (openapi-typescript 7.x, src/index.ts); refs resolve in `document`. */
export function createOpenapiContext(document: Document, discriminators: Discriminators) {
  const options = { silent: true };
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
    resolve($ref: string) {
      return resolveRef(document, $ref, options);
    },
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
