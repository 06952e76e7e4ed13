// openapi-typescript's output split by source: one path item's `paths` member and `operations` members, printed
// with its own transforms against the components, and the API-level rest (webhooks, components, $defs, helpers).
// Joined in document order they are the whole-document text (printOpenapiTypes), byte for byte.
import type TS from "typescript";
import { scanDiscriminators, someObject, walkObjects } from "./discriminators.js";
import { astToString, transformComponentsObject, transformPathsObject, transformSchema, ts, tsModifiers } from "./openapi-typescript-cjs.js";
import { assertOpenapi3, createOpenapiContext, type Discriminators } from "./openapi-types.js";
import { OPERATIONS, OPERATIONS_HEAD, PATHS_HEAD, type ApiTypes, type PathTypes } from "./schema-join.js";

export type { ApiTypes, PathTypes } from "./schema-join.js";

type Document = Record<string, any>;

/**
 * A path item whose types depend on other path items in openapi-typescript: an inline discriminator that patches
 * component schemas (its `oneOf` refs or mapping), an `allOf` ref to a discriminated component (inherited in
 * document order), or a ref outside the components. Null when it has none.
 */
export function findEntanglement(item: unknown, componentDiscriminators: Discriminators): string | null {
  let found: string | null = null;
  someObject(item, (obj) => {
    if (typeof obj["$ref"] === "string" && !obj["$ref"].startsWith("#/components/")) found = `ref ${obj["$ref"]}`;
    const d = obj["discriminator"];
    const refs = Array.isArray(obj["oneOf"]) && obj["oneOf"].some((x: any) => typeof x?.$ref === "string");
    if (d?.propertyName && (refs || Object.keys(d.mapping ?? {}).length > 0)) found = "inline discriminator with refs";
    if (Array.isArray(obj["allOf"]) && obj["allOf"].some((x: any) => componentDiscriminators.objects[x?.$ref])) {
      found = "allOf ref to a discriminated component";
    }
    return found !== null;
  });
  return found;
}

/** The component refs a path item's `allOf`s name: their printing reads the (patched) components they resolve to. */
export function findAllOfRefs(item: unknown): string[] {
  const refs = new Set<string>();
  walkObjects(item, (obj) => {
    if (!Array.isArray(obj["allOf"])) return;
    for (const x of obj["allOf"]) if (typeof x?.$ref === "string") refs.add(x.$ref);
  });
  return [...refs];
}

export interface ComponentState {
  /** The document's components after openapi-typescript's discriminator patches (a copy when it patches). */
  components: unknown;
  discriminators: Discriminators;
}

const states = new WeakMap<object, ComponentState>();

/** The discriminator scan of the components alone, once per components object (they are API-level). */
export function componentState(document: Document): ComponentState {
  const components = (document["components"] ?? {}) as object;
  let state = states.get(components);
  if (state) return state;
  const discriminated = someObject(components, (obj) => Boolean(obj["discriminator"]?.propertyName));
  const own = discriminated ? structuredClone(components) : components;
  const discriminators = discriminated ? scanDiscriminators({ components: own }) : { objects: {}, refsHandled: [] };
  state = { components: own, discriminators };
  states.set(components, state);
  return state;
}

/** The types of one path item, as openapi-typescript prints them within the whole document. */
export function printPathTypes(url: string, pathItem: unknown, state: ComponentState): PathTypes {
  const item = structuredClone(pathItem);
  // Components stay out of the scan's walk (they are scanned once) but within reach of $ref resolution.
  const local: Document = { paths: { [url]: item } };
  Object.defineProperty(local, "components", { value: state.components, enumerable: false });
  const own = scanDiscriminators(local);
  const discriminators =
    own.refsHandled.length === 0 && Object.keys(own.objects).length === 0
      ? state.discriminators
      : {
          objects: { ...state.discriminators.objects, ...own.objects },
          refsHandled: [...state.discriminators.refsHandled, ...own.refsHandled],
        };
  return printScannedPathTypes(url, item, local, discriminators);
}

/** A path item's types, its refs resolved in `document` (already scanned, with `discriminators`). */
export function printScannedPathTypes(url: string, item: unknown, document: Document, discriminators: Discriminators): PathTypes {
  const ctx = createOpenapiContext(document, discriminators);
  const type = transformPathsObject({ [url]: item } as never, ctx as never) as TS.TypeLiteralNode;
  const paths = ts.factory.createInterfaceDeclaration(tsModifiers({ export: true }), "paths", undefined, undefined, type.members);
  const printed = printFooter(ctx.injectFooter as TS.Node[]);
  return { url, member: interfaceBody(astToString(paths), PATHS_HEAD), ...printed };
}

/**
 * One component (`section`/`name`) as printed inside `export interface components { … }`, with the helpers it adds;
 * refs resolve in `document`, whose patched value of the component is printed.
 */
export function printComponentMember(document: Document, section: string, name: string, discriminators: Discriminators): { text: string; footer: string[] } {
  const ctx = createOpenapiContext(document, discriminators);
  const only = { [section]: { [name]: document["components"][section][name] } };
  const [type] = transformComponentsObject(only as never, ctx as never) as TS.TypeLiteralNode[];
  const node = ts.factory.createInterfaceDeclaration(tsModifiers({ export: true }), "components", undefined, undefined, type!.members);
  const text = astToString(node);
  const head = `export interface components {\n`;
  const start = text.indexOf(`\n    ${section}: {\n`) + `\n    ${section}: {\n`.length;
  const end = text.indexOf("\n    };\n", start);
  if (!text.startsWith(head) || end < 0) throw new Error(`unexpected components text for ${section}/${name}`);
  return { text: text.slice(start, end + 1), footer: (ctx.injectFooter as TS.Node[]).map((n) => astToString(n)) };
}

/** The API-level types: openapi-typescript's output for the document without its paths, in pieces. */
export function printApiTypes(document: Document): ApiTypes {
  assertOpenapi3(document);
  const rest: Document = { ...document, paths: {} };
  const ctx = createOpenapiContext(rest, scanDiscriminators(rest));
  const nodes = transformSchema(rest as never, ctx as never) as TS.Node[];
  const footerNodes = nodes.slice(4);
  const hasOperations = footerNodes.some((n) => isOperations(n));
  const printed = printFooter(hasOperations ? footerNodes : footerNodes.slice(0, -1));
  return {
    emptyPaths: astToString(nodes[0] as TS.Node),
    middle: nodes.slice(1, 4).map((n) => astToString(n)).join(""),
    ...printed,
    emptyOperations: hasOperations ? "" : astToString(nodes[nodes.length - 1] as TS.Node),
  };
}

function printFooter(nodes: readonly TS.Node[]): { operations: string; footer: string[] } {
  let operations = "";
  const footer: string[] = [];
  for (const node of nodes) {
    if (isOperations(node)) {
      operations = interfaceBody(astToString(node), OPERATIONS_HEAD);
      footer.push(OPERATIONS);
    } else footer.push(astToString(node));
  }
  return { operations, footer };
}

function isOperations(node: TS.Node): boolean {
  return ts.isInterfaceDeclaration(node) && node.name.text === OPERATIONS;
}

/** The members of a printed interface, as printed inside it. */
function interfaceBody(text: string, head: string): string {
  if (!text.startsWith(head) || !text.endsWith("}\n")) throw new Error(`unexpected interface text: ${text.slice(0, 60)}`);
  return text.slice(head.length, -2);
}
