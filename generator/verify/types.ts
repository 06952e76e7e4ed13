// Shapes shared by the verify readers, the matcher and the report: documented blocks in, classified findings out.

/** Where a documented block sits: the file as the user named it, 1-based line of its first code line. */
export interface Location {
  file: string;
  line: number;
}

export interface LocatedText extends Location {
  text: string;
}

/** One documented code sample in one language: the request code and, when shown, its output. */
export interface DocSnippet {
  /** Tab title (GitBook) or sample label (Mintlify), e.g. `JavaScript`, `Seam SDK`. */
  label: string;
  /** Code fence info string or Mintlify `lang`, e.g. `javascript`, `bash`. */
  fence: string;
  request: LocatedText;
  output: LocatedText | null;
  /** Mintlify samples hold request and output in one text; `request.text` is then the whole sample. */
  combined: boolean;
}

/** Samples shown for one example (one tab set, one x-codeSamples list). */
export interface DocExampleGroup {
  /** Example title when the docs show one (GitBook `### title`), else "". */
  title: string;
  snippets: DocSnippet[];
}

/** What a reader knows about the endpoint a page documents before looking at the code. */
export interface EndpointHint {
  /** e.g. `/spaces/add_devices`; "" when unknown. */
  path: string;
  /** Lower-case HTTP method, "" when unknown. */
  method: string;
}

/** A parameter list or response section of a page, checked against the spec. */
export interface DocSection extends LocatedText {
  kind: "parameters" | "returns" | "status-codes" | "request-body" | "response-example";
  /** For response examples: the status the docs give, e.g. `200`. */
  status: string;
}

/** Everything one documented page (or operation) says about one endpoint. */
export interface DocPage {
  file: string;
  format: DocFormat;
  hint: EndpointHint;
  groups: DocExampleGroup[];
  sections: DocSection[];
}

export type DocFormat = "gitbook" | "mintlify" | "markdown";

export type BlockClass = "identical" | "formatting-only" | "drift";

export type DriftKind =
  | "unknown-endpoint"
  | "unknown-method"
  | "unknown-parameter"
  | "missing-parameter"
  | "wrong-type"
  | "wrong-value"
  | "stale-response"
  | "undocumented-status"
  | "stale-code";

/** The verdict on one documented block. */
export interface BlockResult extends Location {
  language: string;
  /** `request`, `output`, `sample` (Mintlify request + output) or a section kind. */
  role: string;
  class: BlockClass;
  kinds: DriftKind[];
  messages: string[];
  /** Endpoint id and example key the block was matched to ("" when none). */
  endpoint: string;
  example: string;
  /** Unified diff documented → generated; "" when identical. */
  diff: string;
}

export interface VerifyReport {
  files: number;
  results: BlockResult[];
  counts: Record<BlockClass, number>;
  /** Per language: counts per class. */
  byLanguage: Record<string, Record<BlockClass, number>>;
  timings: Record<string, number>;
}
