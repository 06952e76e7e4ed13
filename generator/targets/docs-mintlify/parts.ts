// docs/mintlify split per endpoint: each endpoint makes its page and its members of openapi.json's paths (as
// JSON text); openapi.json is the document's other members with those texts spliced in, in endpoint order.
import type { JsonRecord } from "../../model/document.js";
import type { Api, Endpoint } from "../../model/types.js";
import type { RenderEnv } from "../../render/env.js";
import type { EndpointFragment, EndpointPart, TargetParts } from "../target.js";
import { renderAround } from "../../render/render-around.js";
import { type ComponentIndex, createComponentIndex } from "./component-slice.js";
import { buildEndpointPage } from "./endpoint-page.js";
import {
  documentWithoutPaths,
  mergePathItems,
  type PathEntries,
  publishEndpointEntries,
  publishedShape,
} from "./mintlify-document.js";
import { type MintlifyOptions, pageFileName, readOptions } from "./options.js";
import { buildCodeSamples } from "./samples.js";

export const FOLDER = "docs/mintlify";

/** Where the parts read the whole-API document (never its `paths`: they may be empty) and one endpoint's path item. */
export interface MintlifySource {
  document(api: Api): JsonRecord;
  pathItem(api: Api, endpoint: Endpoint): JsonRecord | undefined;
}

/** The model's bundled document and each endpoint's own bundled path item (models not made by buildApi: the document's). */
export const apiDocumentSource: MintlifySource = {
  document: (api) => api.documentFrame ?? api.document,
  pathItem: (api, endpoint) => endpoint.pathItem ?? api.document["paths"]?.[endpoint.path],
};

/** An endpoint's fragment: its path, the path item's keys in order, and its members as JSON at path-item depth. */
export type MintlifyFragment = PathEntries<string>;

/** openapi.json around its `paths` value (JSON text), from the API-level members only. */
export interface DocumentFrame {
  head: string;
  tail: string;
  hasPaths: boolean;
}

/** Per model: the document's other members and the component YAML every page reuses. */
interface PageContext {
  document: JsonRecord;
  components: ComponentIndex;
  options: MintlifyOptions;
}

export function createMintlifyParts(source: MintlifySource = apiDocumentSource): TargetParts {
  const contexts = new WeakMap<Api, PageContext>();
  const contextOf = (api: Api): PageContext => {
    let context = contexts.get(api);
    if (!context) {
      const document = documentWithoutPaths(source.document(api));
      context = { document, components: createComponentIndex(document), options: readOptions(api) };
      contexts.set(api, context);
    }
    return context;
  };
  return {
    endpoint: (api, endpoint, env) => renderEndpointPart(api, endpoint, env, source.pathItem(api, endpoint), contextOf(api)),
    prepare: (api) => buildDocumentFrame(source.document(api)),
    assemble(api, fragments, env, prepared) {
      const frame = isFrame(prepared) ? prepared : buildDocumentFrame(source.document(api));
      return new Map([["openapi.json", renderAround(env, FOLDER, "openapi.json", {}, "documentJson", printDocumentPieces(frame, fragments))]]);
    },
  };
}

function renderEndpointPart(
  api: Api,
  endpoint: Endpoint,
  env: RenderEnv,
  item: JsonRecord | undefined,
  context: PageContext,
): EndpointPart {
  const files = new Map<string, string>();
  if (!item) return { files, fragment: null };
  const { options } = context;
  const entries = publishEndpointEntries({
    item,
    endpoint,
    samplesFor: (e) => buildCodeSamples(api, e),
    hrefPrefix: options.hrefPrefix,
  });
  const operation = entries.find(([key]) => key === endpoint.preferredMethod)?.[1] as JsonRecord | undefined;
  if (!endpoint.flags.undocumented && operation) {
    const page = buildEndpointPage({
      document: context.document,
      path: endpoint.path,
      method: endpoint.preferredMethod,
      title: endpoint.title,
      description: endpoint.description,
      openapiFile: options.openapiFile,
      indexUrl: options.indexUrl,
      components: context.components,
      operation,
    });
    files.set(pageFileName(options.hrefPrefix, endpoint), env.render(FOLDER, "endpoint.md", { page, endpoint }));
  }
  const fragment: MintlifyFragment = {
    path: endpoint.path,
    keys: Object.keys(item),
    entries: entries.map(([key, value]) => [key, printMember(value)]),
  };
  return { files, fragment };
}

// A string no document holds: it marks where the paths go in the document's JSON text.
const PATHS_MARK = "\u0000specsmith:paths\u0000";

/** The published document without its paths, printed as `JSON.stringify(document, null, 2)` prints it. */
export function buildDocumentFrame(document: JsonRecord): DocumentFrame {
  const hasPaths = Object.keys(document).includes("paths");
  const text = JSON.stringify(publishedShape({ ...documentWithoutPaths(document), paths: hasPaths ? PATHS_MARK : undefined }), null, 2);
  const mark = JSON.stringify(PATHS_MARK);
  const at = text.indexOf(mark);
  if (!hasPaths) return { head: text, tail: "", hasPaths };
  if (at < 0 || text.lastIndexOf(mark) !== at) throw new Error("docs/mintlify: the paths mark is not unique in the document");
  return { head: text.slice(0, at), tail: text.slice(at + mark.length), hasPaths };
}

/** The whole document text: the frame with the merged path items (members already printed) in between. */
export function printDocument(frame: DocumentFrame, fragments: readonly EndpointFragment[]): string {
  return printDocumentPieces(frame, fragments).join("");
}

/**
 * printDocument's text in pieces: each member's text is the fragment's own string (a watch session's next run hands
 * over the same ones, and the writer then copies their bytes; see TextPieces).
 */
export function printDocumentPieces(frame: DocumentFrame, fragments: readonly EndpointFragment[]): string[] {
  if (!frame.hasPaths) return [frame.head];
  const items = mergePathItems(fragments.flatMap(({ fragment }) => (fragment ? [fragment as MintlifyFragment] : [])));
  if (items.length === 0) return [frame.head, "{}", frame.tail];
  const pieces = [frame.head, "{\n"];
  items.forEach(([path, entries], i) => {
    pieces.push(`${i > 0 ? ",\n" : ""}    ${JSON.stringify(path)}: {\n`);
    entries.forEach(([key, text], j) => pieces.push(`${j > 0 ? ",\n" : ""}      ${JSON.stringify(key)}: `, text));
    pieces.push("\n    }");
  });
  pieces.push("\n  }", frame.tail);
  return pieces;
}

/** A path item member as it prints three levels deep in the document (strings hold no raw line breaks). */
function printMember(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n      ");
}

function isFrame(value: unknown): value is DocumentFrame {
  return typeof value === "object" && value !== null && typeof (value as DocumentFrame).head === "string";
}
