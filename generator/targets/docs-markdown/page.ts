// Endpoint → the sections of a plain REST reference page (seed 002's facts), each already laid out as markdown.
import type { Api, Endpoint, Example, FlatSchema, Response } from "../../model/types.js";
import { buildHttpRequestInput, httpSnippetLanguages } from "../../render/http-snippets/index.js";
import { codeBlock, codeSpan, escapeText, renderTable, toBlock } from "./markdown.js";
import { describeType, listPropertyRows } from "./schema-rows.js";

export interface ResponseExampleSection {
  /** Escaped heading text, e.g. `Response example failure 400`. */
  heading: string;
  /** Escaped example title when several examples share a heading, else empty. */
  title: string;
  block: string;
}

export interface MarkdownPage {
  title: string;
  notices: string[];
  description: string;
  resourceName: string;
  method: string;
  parametersTable: string;
  requestExample: string;
  curlExample: string;
  statusTable: string;
  responseParameters: ResponseParametersSection[];
  responseExamples: ResponseExampleSection[];
}

export function buildMarkdownPage(api: Api, endpoint: Endpoint): MarkdownPage {
  return {
    title: escapeText(endpoint.title),
    notices: listNotices(endpoint),
    description: toBlock(endpoint.description),
    resourceName: codeSpan(endpoint.path),
    method: codeSpan(endpoint.preferredMethod.toUpperCase()),
    parametersTable: renderParametersTable(endpoint),
    requestExample: renderRequestExample(endpoint),
    curlExample: renderCurlExample(api, endpoint),
    statusTable: renderStatusTable(endpoint.responses),
    responseParameters: listResponseParameters(endpoint.responses),
    responseExamples: listResponseExamples(endpoint),
  };
}

function listNotices(endpoint: Endpoint): string[] {
  const f = endpoint.flags;
  const notice = (on: boolean, label: string, message: string) =>
    on ? [`**${label}**${message ? ": " + toBlock(message).replace(/\n+/g, " ") : ""}`] : [];
  return [...notice(f.deprecated, "Deprecated", f.deprecationMessage), ...notice(f.alpha, "Alpha", f.alphaMessage), ...notice(f.draft, "Draft", f.draftMessage)];
}

/** Path, query, header and cookie parameters as `type (location)`, then the body: its properties, or one `body` row. */
export function renderParametersTable(endpoint: Endpoint): string {
  const rows: string[][] = endpoint.parameters
    .filter((p) => p.location !== "body" && !p.undocumented)
    .map((p) => [codeSpan(p.name), `${escapeText(describeType(p.schema))} (${p.location})`, p.description]);
  const body = endpoint.requestBody;
  if (body?.isObject) {
    for (const p of endpoint.parameters.filter((x) => x.location === "body" && !x.undocumented)) {
      rows.push([codeSpan(p.name), `${escapeText(describeType(p.schema))} (JSON)`, p.description]);
    }
  } else if (body) {
    rows.push([codeSpan("body"), `${escapeText(describeType(body.schema))} (JSON)`, body.description || body.schema.description]);
  }
  return rows.length === 0 ? "" : renderTable(["Parameter", "Type", "Description"], rows);
}

function firstRequestExample(endpoint: Endpoint): Example | undefined {
  return endpoint.examples.find((e) => e.request.body !== undefined || e.request.parameters.length > 0) ?? endpoint.examples[0];
}

function renderRequestExample(endpoint: Endpoint): string {
  const body = endpoint.examples.find((e) => e.request.body !== undefined)?.request.body;
  return body === undefined ? "" : codeBlock(JSON.stringify(body, null, 2), "json");
}

function renderCurlExample(api: Api, endpoint: Endpoint): string {
  const input = buildHttpRequestInput(api, endpoint, firstRequestExample(endpoint));
  return codeBlock(httpSnippetLanguages.curl.request(input), httpSnippetLanguages.curl.fence);
}

function renderStatusTable(responses: readonly Response[]): string {
  if (responses.length === 0) return "";
  return renderTable(["Code", "Description"], responses.map((r) => [escapeText(r.status), r.description]));
}

export interface ResponseParametersSection {
  /** Empty when the responses share one schema (seed 002); else e.g. `Failure 400, 404 (Error)`. */
  label: string;
  table: string;
}

/** One table per distinct response schema with properties, success first; nested properties as dotted rows. */
export function listResponseParameters(responses: readonly Response[]): ResponseParametersSection[] {
  const groups: { schema: FlatSchema; success: boolean; statuses: string[] }[] = [];
  for (const r of [...responses].sort((a, b) => Number(b.isSuccess) - Number(a.isSuccess))) {
    if (!r.schema) continue;
    const same = groups.find((g) => g.success === r.isSuccess && isSameSchema(g.schema, r.schema as FlatSchema));
    if (same) same.statuses.push(r.status);
    else groups.push({ schema: r.schema, success: r.isSuccess, statuses: [r.status] });
  }
  const sections = groups.flatMap((g) => {
    const table = renderPropertyTable(g.schema);
    if (table === "") return [];
    const label = `${g.success ? "Success" : "Failure"} ${g.statuses.join(", ")} (${describeType(g.schema)})`;
    return [{ label: escapeText(label), table }];
  });
  return sections.length === 1 ? sections.map((s) => ({ ...s, label: "" })) : sections;
}

// Response schemas are mostly shared components (one FlatSchema object each), so many pages repeat a table.
const propertyTables = new WeakMap<FlatSchema, string>();

/** The schema's property rows as a table, "" when it has none; made once per schema object. */
function renderPropertyTable(schema: FlatSchema): string {
  let table = propertyTables.get(schema);
  if (table === undefined) {
    const rows = listPropertyRows(schema).map((row) => [codeSpan(row.name), escapeText(row.type), row.description]);
    table = rows.length === 0 ? "" : renderTable(["Parameter", "Type", "Description"], rows);
    propertyTables.set(schema, table);
  }
  return table;
}

function isSameSchema(a: FlatSchema, b: FlatSchema): boolean {
  return a === b || (a.refName !== null && a.refName === b.refName);
}

/** One section per example with a response body: `Response example success 200` / `failure 400`. */
export function listResponseExamples(endpoint: Endpoint): ResponseExampleSection[] {
  const withBody = endpoint.examples.filter((e) => e.response.body !== null && e.response.body !== undefined);
  const headingOf = (e: Example) => {
    const response = endpoint.responses.find((r) => r.status === e.response.status);
    const success = response ? response.isSuccess : e.response.status.startsWith("2");
    return `Response example ${success ? "success" : "failure"} ${escapeText(e.response.status)}`;
  };
  const headings = withBody.map(headingOf);
  return withBody.map((e, i) => {
    const heading = headings[i] as string;
    const shared = headings.filter((h) => h === heading).length > 1;
    return { heading, title: shared ? escapeText(e.title) : "", block: codeBlock(JSON.stringify(e.response.body, null, 2), "json") };
  });
}
