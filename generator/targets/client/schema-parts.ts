// openapi-typescript's output split by source: one path item's `paths` member and `operations` members, printed
// with its own transforms against the components, and the API-level rest (webhooks, components, $defs, helpers).
// Joined in document order they are the whole-document text (printOpenapiTypes), byte for byte.
import { scanDiscriminators, someObject, walkObjects } from "./discriminators.js";
import { assertOpenapi3, withTypesEngine, type Discriminators, type EngineName, type TypesEngine } from "./openapi-types.js";
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
export function printScannedPathTypes(url: string, item: unknown, document: Document, discriminators: Discriminators, engine?: EngineName): PathTypes {
  return withTypesEngine((e) => {
    const ctx = e.context(document, discriminators);
    const paths = e.exportInterface("paths", e.transformPaths({ [url]: item }, ctx));
    const printed = printFooter(e, ctx.injectFooter);
    return { url, member: interfaceBody(e.print(paths), PATHS_HEAD), ...printed };
  }, engine);
}

/**
 * One component (`section`/`name`) as printed inside `export interface components { … }`, with the helpers it adds;
 * refs resolve in `document`, whose patched value of the component is printed.
 */
export function printComponentMember(
  document: Document,
  section: string,
  name: string,
  discriminators: Discriminators,
  engine?: EngineName,
): { text: string; footer: string[] } {
  return withTypesEngine((e) => {
    const ctx = e.context(document, discriminators);
    const only = { [section]: { [name]: document["components"][section][name] } };
    const text = e.print(e.exportInterface("components", e.transformComponents(only, ctx)));
    const head = `export interface components {\n`;
    const start = text.indexOf(`\n    ${section}: {\n`) + `\n    ${section}: {\n`.length;
    const end = text.indexOf("\n    };\n", start);
    if (!text.startsWith(head) || end < 0) throw new Error(`unexpected components text for ${section}/${name}`);
    return { text: text.slice(start, end + 1), footer: ctx.injectFooter.map((n) => e.print(n)) };
  }, engine);
}

/** The API-level types: openapi-typescript's output for the document without its paths, in pieces. */
export function printApiTypes(document: Document, engine?: EngineName): ApiTypes {
  assertOpenapi3(document);
  const rest: Document = { ...document, paths: {} };
  const discriminators = scanDiscriminators(rest);
  return withTypesEngine((e) => {
    const nodes = e.transformSchema(rest, e.context(rest, discriminators));
    const footerNodes = nodes.slice(4);
    const hasOperations = footerNodes.some((n) => e.isInterfaceNamed(n, OPERATIONS));
    const printed = printFooter(e, hasOperations ? footerNodes : footerNodes.slice(0, -1));
    return {
      emptyPaths: e.print(nodes[0]),
      middle: nodes
        .slice(1, 4)
        .map((n) => e.print(n))
        .join(""),
      ...printed,
      emptyOperations: hasOperations ? "" : e.print(nodes[nodes.length - 1]),
    };
  }, engine);
}

function printFooter(e: TypesEngine, nodes: readonly unknown[]): { operations: string; footer: string[] } {
  let operations = "";
  const footer: string[] = [];
  for (const node of nodes) {
    if (e.isInterfaceNamed(node, OPERATIONS)) {
      operations = interfaceBody(e.print(node), OPERATIONS_HEAD);
      footer.push(OPERATIONS);
    } else footer.push(e.print(node));
  }
  return { operations, footer };
}

/** The members of a printed interface, as printed inside it. */
function interfaceBody(text: string, head: string): string {
  if (!text.startsWith(head) || !text.endsWith("}\n")) throw new Error(`unexpected interface text: ${text.slice(0, 60)}`);
  return text.slice(head.length, -2);
}
