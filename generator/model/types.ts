// The endpoint model: the one shape every target reads. Built from the loaded,
// validated per-endpoint documents; no target reaches back into raw OpenAPI.

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete" | "head" | "options" | "trace";

export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "head",
  "options",
  "trace",
];

/** Where a model node came from, for error messages and verify reports. */
export interface Source {
  /** Path of the spec file, relative to the spec root (posix separators). */
  file: string;
  /** JSON pointer inside that file. */
  pointer: string;
}

/** A name in the casings each language needs. */
export interface Casings {
  /** As written in the spec, e.g. `remove_devices`. */
  original: string;
  snake: string; // remove_devices
  camel: string; // removeDevices
  pascal: string; // RemoveDevices
  kebab: string; // remove-devices
}

export type SchemaType =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "object"
  | "array"
  | "null"
  | "any";

/** A schema flattened for display and value printing. `$ref`s are resolved. */
export interface FlatSchema {
  type: SchemaType;
  /** Name of the referenced component schema, if the schema was a `$ref`. */
  refName: string | null;
  format: string | null;
  description: string;
  enum: readonly (string | number | boolean | null)[] | null;
  default: unknown;
  hasDefault: boolean;
  nullable: boolean;
  deprecated: boolean;
  deprecationMessage: string;
  undocumented: boolean;
  /** Item schema for arrays. */
  items: FlatSchema | null;
  /** Object properties, in spec order. */
  properties: readonly Property[];
  /** True when the object allows properties beyond `properties`. */
  additionalProperties: boolean;
  /** Alternatives of a oneOf/anyOf (already flattened); empty otherwise. */
  variants: readonly FlatSchema[];
  /** The raw (ref-resolved one level) JSON schema, for validation and the client target. */
  raw: Record<string, unknown>;
}

export interface Property {
  name: string;
  required: boolean;
  schema: FlatSchema;
}

export type ParameterLocation = "path" | "query" | "header" | "cookie" | "body";

export interface Parameter {
  name: string;
  location: ParameterLocation;
  required: boolean;
  description: string;
  deprecated: boolean;
  undocumented: boolean;
  schema: FlatSchema;
  source: Source;
}

export interface RequestBody {
  required: boolean;
  mediaType: string;
  description: string;
  schema: FlatSchema;
  /** True when the body is a JSON object whose properties are listed as `body` parameters. */
  isObject: boolean;
}

export type ResponseKind = "void" | "resource" | "resource_list" | "action_attempt" | "other";

export interface Response {
  /** HTTP status as written: `200`, `4XX`, `default`. */
  status: string;
  description: string;
  isSuccess: boolean;
  isError: boolean;
  mediaType: string | null;
  schema: FlatSchema | null;
  kind: ResponseKind;
  /** `x-response-key` (RPC APIs): the property of the body that holds the result. */
  responseKey: string | null;
  /** Resource type name (e.g. `space`, `action_attempt`) for resource kinds. */
  resourceType: string | null;
}

export interface Example {
  /** The key linking request and response examples in the spec. */
  key: string;
  title: string;
  description: string;
  /** Request parameter values in the order the example gives them (path, query, header and body). */
  request: {
    parameters: readonly ExampleValue[];
    /** The whole body value (object, array or scalar), or undefined when none. */
    body: unknown;
  };
  response: {
    status: string;
    /** The response body, or null for void. */
    body: unknown;
  };
  source: Source;
}

export interface ExampleValue {
  name: string;
  location: ParameterLocation;
  value: unknown;
}

export interface AuthScheme {
  /** Key in `components.securitySchemes`. */
  id: string;
  type: "http" | "apiKey" | "oauth2" | "openIdConnect" | "mutualTLS";
  /** For http: `bearer`, `basic`... */
  scheme: string | null;
  bearerFormat: string | null;
  /** For apiKey: the header/query/cookie name and location. */
  name: string | null;
  in: "header" | "query" | "cookie" | null;
  description: string;
}

/** One way to authenticate an endpoint: every scheme in it must be satisfied (an OpenAPI security requirement). */
export interface AuthMethod {
  schemeIds: readonly string[];
}

export interface SdkNaming {
  /** Namespace segments, e.g. `["acs", "users"]`. */
  namespace: readonly Casings[];
  method: Casings;
  /** True when names came from `x-fern-sdk-*` extensions (RPC-style SDK), false when derived from path/operationId. */
  fromExtensions: boolean;
}

export interface EndpointFlags {
  alpha: boolean;
  alphaMessage: string;
  draft: boolean;
  draftMessage: string;
  deprecated: boolean;
  deprecationMessage: string;
  undocumented: boolean;
  undocumentedMessage: string;
}

export interface Endpoint {
  /** Stable id: the path plus, for non-RPC APIs, the method (e.g. `/spaces/remove_devices`, `get /api/v1/groups`). */
  id: string;
  path: string;
  /** All methods of this path in the document, preferred first. */
  methods: readonly HttpMethod[];
  preferredMethod: HttpMethod;
  operationId: string;
  title: string;
  summary: string;
  description: string;
  tags: readonly string[];
  flags: EndpointFlags;
  sdk: SdkNaming;
  authMethods: readonly AuthMethod[];
  parameters: readonly Parameter[];
  requestBody: RequestBody | null;
  responses: readonly Response[];
  /** The first 2xx response. */
  successResponse: Response | null;
  examples: readonly Example[];
  /** Route (namespace path) this endpoint belongs to, e.g. `/acs/users`. */
  routePath: string;
  /** Vendor extensions of the operation, as written (for templates that need a custom one). */
  extensions: Readonly<Record<string, unknown>>;
  // Flags precomputed for templates.
  hasParameters: boolean;
  hasRequiredParameters: boolean;
  isVoid: boolean;
  source: Source;
  /**
   * The endpoint file's path item as the bundled document (`Api.document.paths[path]`) has it: `$ref`s rewritten
   * to `#/components/...`. Set by buildApi, lazily and not enumerable (not part of model/json). Read-only, like
   * `Api.document`.
   */
  readonly pathItem?: Record<string, any>;
}

export interface Route {
  /** e.g. `/acs/users`. */
  path: string;
  title: string;
  description: string;
  alpha: boolean;
  alphaMessage: string;
  undocumented: boolean;
  /** Endpoint ids in this route, in path order. */
  endpointIds: readonly string[];
  /** Child route paths. */
  children: readonly string[];
  /** Resource type names shown on this route (e.g. `device`). */
  resources: readonly string[];
}

export interface ResourceSample {
  title: string;
  description: string;
  value: unknown;
}

export interface Resource {
  name: string;
  description: string;
  schema: FlatSchema;
  routePath: string | null;
  /** Sample values (`x-resource-samples` on the schema), shown on route pages and under "Returns". */
  samples: readonly ResourceSample[];
}

export interface Api {
  /** Directory name under spec/, e.g. `groups`. */
  id: string;
  title: string;
  version: string;
  description: string;
  servers: readonly { url: string; description: string }[];
  authSchemes: readonly AuthScheme[];
  /** True when the spec names SDK groups/methods (`x-fern-sdk-*`): snippets are SDK calls. */
  hasSdk: boolean;
  /** Client/SDK variable name, e.g. `seam`. */
  clientName: Casings;
  endpoints: readonly Endpoint[];
  routes: readonly Route[];
  /** Every object schema of `_api.yaml`, in its order. Flattened on first access: prefer `findResources` for a few. */
  readonly resources: readonly Resource[];
  /**
   * The resources whose name and `x-route-path` pass `where` (null: none), in `resources` order; flattens only the
   * schemas it has to look at. Not enumerable; set by buildApi.
   */
  findResources(where: (name: string, routePath: string | null) => boolean): Resource[];
  /** API-level vendor extensions (top-level `x-` keys of `_api.yaml`). */
  extensions: Readonly<Record<string, unknown>>;
  /**
   * The whole API as one bundled OpenAPI document (refs point inside it). Built on first access
   * and not enumerable, so model dumps leave it out. Read-only: it shares every subtree bundling left
   * unchanged with the loaded files (which a watch session keeps), so copy before changing anything.
   */
  readonly document: Record<string, any>;
  /**
   * `document` with empty `paths`, for whole-API work that reads no path item (components, info, servers...).
   * Not enumerable; set by buildApi, which hands a watch session's next build the same object while the
   * components and the API-level members are unchanged. Read-only: never mutate it.
   */
  readonly documentFrame?: Record<string, any>;
  /**
   * Which components bundling renamed (a name clashing with another file's component gets `_2`...): with it,
   * one endpoint's bundled path item depends only on its own files. Not enumerable; set by buildApi.
   */
  readonly componentNamesKey?: string;
}
