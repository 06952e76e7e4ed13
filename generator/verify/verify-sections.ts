// The non-code parts of a page against the spec: listed parameters, the Returns line and resource sample,
// status codes, and the request/response examples of plain REST pages.
import type { Endpoint, Example } from "../model/types.js";
import { checkValue } from "./check-call.js";
import { describeValueDifference, isSameTokens, readOutputValue } from "./compare.js";
import { unifiedDiff } from "./diff.js";
import { isRecord } from "./match.js";
import { listDocumentedParameters } from "./readers/gitbook.js";
import { listStatusCodes } from "./readers/markdown.js";
import type { BlockResult, DocPage, DocSection, DriftKind } from "./types.js";
import { isSameValue } from "./values.js";
import type { VerifyContext } from "./verify-page.js";

type Verdict = Pick<BlockResult, "class" | "kinds" | "messages" | "diff">;

export function verifySections(page: DocPage, ctx: VerifyContext, endpoint: Endpoint): BlockResult[] {
  return page.sections.map((section) => {
    const verdict = judgeSection(section, page, ctx, endpoint);
    return { file: section.file, line: section.line, language: section.kind, role: section.kind, endpoint: endpoint.id, example: "", ...verdict };
  });
}

function judgeSection(section: DocSection, page: DocPage, ctx: VerifyContext, endpoint: Endpoint): Verdict {
  switch (section.kind) {
    case "parameters":
      return judgeParameters(section, ctx, endpoint);
    case "returns":
      return judgeReturns(section, ctx.generated.returns(endpoint).returns);
    case "status-codes":
      return judgeStatusCodes(section, page, endpoint);
    case "request-body":
      return judgeRequestBody(section, endpoint);
    case "response-example":
      return section.status === "" ? judgeJson(section, ctx.generated.returns(endpoint).sample) : judgeResponseExample(section, endpoint);
  }
}

function drift(kinds: DriftKind[], messages: string[], diff = ""): Verdict {
  return { class: "drift", kinds: [...new Set(kinds)], messages, diff };
}

const IDENTICAL: Verdict = { class: "identical", kinds: [], messages: [], diff: "" };

function judgeParameters(section: DocSection, ctx: VerifyContext, endpoint: Endpoint): Verdict {
  const listed = listDocumentedParameters(section);
  const want = ctx.generated.listedParameters(endpoint);
  const known = new Set(endpoint.parameters.map((p) => p.name).concat(want.map((p) => p.name)));
  const kinds: DriftKind[] = [];
  const messages: string[] = [];
  for (const p of listed.filter((p) => !known.has(p.name))) {
    kinds.push("unknown-parameter");
    messages.push(`line ${p.line}: unknown parameter "${p.name}"`);
  }
  for (const p of want.filter((w) => !listed.some((l) => l.name === w.name))) {
    kinds.push(p.required ? "missing-parameter" : "stale-code");
    messages.push(`${p.required ? "required" : "optional"} parameter "${p.name}" is not listed`);
  }
  const diff = unifiedDiff(listed.map(showParam).join("\n"), want.map(showParam).join("\n"), { labelA: `${section.file}:${section.line} (parameters)`, labelB: `generated ${endpoint.id}` });
  if (kinds.length > 0) return drift(kinds, messages, diff);
  if (diff === "") return IDENTICAL;
  return { class: "formatting-only", kinds: [], messages: ["same parameters, different order or required marks"], diff };
}

function showParam(p: { name: string; required: boolean }): string {
  return `${p.name}${p.required ? " (Required)" : ""}`;
}

/** `Returns: **[space](.)**` in any of the templates' layouts: hint tags, bold and line breaks aside. */
function normalizeReturns(text: string): string {
  return text.replace(/\{%[^%]*%\}/g, " ").replace(/Returns:/g, " ").replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
}

function judgeReturns(section: DocSection, returns: string): Verdict {
  const doc = normalizeReturns(section.text);
  const want = normalizeReturns(returns);
  const diff = unifiedDiff(doc, want, { labelA: `${section.file}:${section.line} (returns)`, labelB: "generated" });
  if (doc !== want) return drift(["stale-response"], [`returns "${doc}", the spec says "${want}"`], diff);
  return section.text.includes(returns) ? IDENTICAL : { class: "formatting-only", kinds: [], messages: ["same return type, older layout"], diff: "" };
}

function judgeJson(section: DocSection, want: string): Verdict {
  if (section.text === want) return IDENTICAL;
  const diff = unifiedDiff(section.text, want, { labelA: `${section.file}:${section.line}`, labelB: "generated", startA: section.line });
  if (isSameTokens("json", section.text, want)) return { class: "formatting-only", kinds: [], messages: ["same JSON, different layout"], diff };
  return drift(["stale-response"], [describeValueDifference(readOutputValue(section.text), readOutputValue(want), "sample") || "the sample differs"], diff);
}

function judgeStatusCodes(section: DocSection, page: DocPage, endpoint: Endpoint): Verdict {
  const codes = page.format === "mintlify" ? section.text.split("\n").map((code, i) => ({ code, line: section.line })) : listStatusCodes(section);
  const known = new Set(endpoint.responses.map((r) => r.status.toUpperCase()));
  const extra = codes.filter((c) => !known.has(c.code.toUpperCase()));
  const missing = endpoint.responses.filter((r) => !codes.some((c) => c.code.toUpperCase() === r.status.toUpperCase()));
  const kinds: DriftKind[] = [...extra.map((): DriftKind => "undocumented-status"), ...missing.map((): DriftKind => "stale-response")];
  const messages = [
    ...extra.map((c) => `line ${c.line}: status ${c.code} is not in the spec`),
    ...missing.map((r) => `status ${r.status} of the spec is not listed`),
  ];
  return kinds.length > 0 ? drift(kinds, messages) : IDENTICAL;
}

function requestBodyOf(endpoint: Endpoint, example: Example): unknown {
  if (example.request.body !== undefined) return example.request.body;
  const body = example.request.parameters.filter((p) => p.location === "body");
  return body.length > 0 ? Object.fromEntries(body.map((p) => [p.name, p.value])) : undefined;
}

/** A request example matches when it is the body of any example of the endpoint. */
function judgeRequestBody(section: DocSection, endpoint: Endpoint): Verdict {
  const bodies = endpoint.examples.map((e) => requestBodyOf(endpoint, e)).filter((b) => b !== undefined);
  const doc = readOutputValue(section.text);
  const first = bodies[0];
  const want = JSON.stringify(bodies.find((b) => isSameValue(b, doc)) ?? first, null, 2) ?? "";
  if (bodies.some((b) => JSON.stringify(b, null, 2) === section.text)) return IDENTICAL;
  const diff = unifiedDiff(section.text, want, { labelA: `${section.file}:${section.line}`, labelB: "generated", startA: section.line });
  if (bodies.some((b) => isSameValue(b, doc))) return { class: "formatting-only", kinds: [], messages: ["same body, different layout"], diff };
  const schema = endpoint.requestBody?.schema;
  const problem = schema && doc !== undefined ? checkValue(doc, schema, "body") : "the body is not JSON";
  if (problem) return drift(["wrong-type"], [problem], diff);
  const unknown = isRecord(doc) && endpoint.requestBody?.isObject ? Object.keys(doc).filter((k) => !endpoint.parameters.some((p) => p.name === k)) : [];
  if (unknown.length > 0) return drift(["unknown-parameter"], unknown.map((k) => `unknown parameter "${k}"`), diff);
  return drift(["wrong-value"], [describeValueDifference(doc, readOutputValue(want), "body") || "the body differs from every example"], diff);
}

function judgeResponseExample(section: DocSection, endpoint: Endpoint): Verdict {
  if (!endpoint.responses.some((r) => r.status.toUpperCase() === section.status.toUpperCase())) {
    return drift(["undocumented-status"], [`status ${section.status} is not in the spec`]);
  }
  const bodies = endpoint.examples.filter((e) => e.response.status === section.status).map((e) => e.response.body);
  if (bodies.some((b) => JSON.stringify(b, null, 2) === section.text)) return IDENTICAL;
  const doc = readOutputValue(section.text);
  const want = JSON.stringify(bodies.find((b) => isSameValue(b, doc)) ?? bodies[0] ?? null, null, 2);
  const diff = unifiedDiff(section.text, want, { labelA: `${section.file}:${section.line}`, labelB: `generated ${endpoint.id}`, startA: section.line });
  if (bodies.some((b) => isSameValue(b, doc))) return { class: "formatting-only", kinds: [], messages: ["same body, different layout"], diff };
  const message = bodies.length === 0 ? `the spec has no example response for status ${section.status}` : describeValueDifference(doc, bodies[0], "response") || "the response differs";
  return drift(["stale-response"], [message], diff);
}
