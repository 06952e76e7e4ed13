// One documented page against the spec: find its endpoint and each group's example, then classify every block
// against what generate prints for them.
import type { Api, Endpoint, Example } from "../model/types.js";
import { checkCall, type CallIssue } from "./check-call.js";
import { describeValueDifference, isSameTokens, readOutputValue, splitSample } from "./compare.js";
import { unifiedDiff } from "./diff.js";
import { createGenerated, joinMintlifySample, type ExpectedSnippet, type Generated, type OutputWrap } from "./generated.js";
import { buildEndpointIndex, callValues, exampleValues, pickExample, resolveCall, resolveHint, scoreExample, type EndpointIndex } from "./match.js";
import { canParseCall, parseCall, type ParsedCall } from "./parse-call.js";
import { verifySections } from "./verify-sections.js";
import type { BlockClass, BlockResult, DocPage, DocSnippet, DriftKind } from "./types.js";

export interface VerifyContext {
  api: Api;
  index: EndpointIndex;
  generated: Generated;
  /** Titles, fences and output wraps of each flavour's languages, from the API's first example. */
  reference: { gitbook: readonly ExpectedSnippet[]; mintlify: readonly ExpectedSnippet[] };
}

export function createVerifyContext(api: Api): VerifyContext {
  const generated = createGenerated(api);
  const endpoint = api.endpoints.find((e) => e.examples.length > 0);
  const example = endpoint?.examples[0];
  const reference = endpoint && example ? { gitbook: generated.gitbook(endpoint, example), mintlify: generated.mintlify(endpoint, example) } : { gitbook: [], mintlify: [] };
  return { api, index: buildEndpointIndex(api), generated, reference };
}

interface ReadSnippet {
  doc: DocSnippet;
  language: string;
  wrap: OutputWrap | null;
  request: string;
  output: string | null;
  call: ParsedCall | null;
  parseError: string;
}

interface Verdict {
  class: BlockClass;
  kinds: DriftKind[];
  messages: string[];
}

export function verifyPage(page: DocPage, ctx: VerifyContext): BlockResult[] {
  const ref = page.format === "mintlify" ? ctx.reference.mintlify : ctx.reference.gitbook;
  const groups = page.groups.map((g) => g.snippets.map((s) => readSnippet(s, ref)));
  const endpoint = pickEndpoint(ctx, page, groups);
  const results: BlockResult[] = [];
  groups.forEach((snippets, gi) => {
    const example = endpoint ? chooseExample(ctx.index, endpoint, snippets, page.groups[gi]?.title ?? "", gi) : null;
    const expected = endpoint && example ? (page.format === "mintlify" ? ctx.generated.mintlify(endpoint, example) : ctx.generated.gitbook(endpoint, example)) : [];
    snippets.forEach((s, si) => {
      const want = expected.find((e) => e.language === s.language) ?? expected[si] ?? null;
      results.push(...compareSnippet(ctx, s, want, endpoint, example, page));
    });
  });
  if (endpoint) results.push(...verifySections(page, ctx, endpoint));
  return results;
}

function readSnippet(doc: DocSnippet, ref: readonly ExpectedSnippet[]): ReadSnippet {
  const match = ref.find((r) => r.fence === doc.fence && r.title === doc.label) ?? ref.find((r) => r.title === doc.label) ?? ref.find((r) => r.fence === doc.fence);
  const language = match?.language ?? doc.fence;
  const wrap = doc.combined ? (match?.wrap ?? null) : null;
  const parts = doc.combined ? splitSample(doc.request.text, wrap) : { request: doc.request.text, output: doc.output?.text ?? null };
  let call: ParsedCall | null = null;
  let parseError = "";
  if (canParseCall(language)) {
    try {
      call = parseCall(language, parts.request);
    } catch (error) {
      parseError = (error as Error).message;
    }
  }
  return { doc, language, wrap, request: parts.request, output: doc.combined && wrap === null ? null : parts.output, call, parseError };
}

/** Pages that name path and method (Mintlify, Markdown) decide; GitBook pages go by what their calls name, then their path. */
function pickEndpoint(ctx: VerifyContext, page: DocPage, groups: readonly ReadSnippet[][]): Endpoint | null {
  const hinted = resolveHint(ctx.index, page.hint);
  if (hinted && page.format !== "gitbook") return hinted;
  const votes = new Map<Endpoint, number>();
  for (const s of groups.flat()) {
    const e = s.call ? resolveCall(ctx.index, s.call) : null;
    if (e) votes.set(e, (votes.get(e) ?? 0) + 1);
  }
  let best: Endpoint | null = null;
  for (const [e, n] of votes) if (!best || n > (votes.get(best) ?? 0)) best = e;
  if (hinted && (votes.get(hinted) ?? 0) >= (best ? (votes.get(best) ?? 0) : 0)) return hinted;
  return best ?? hinted;
}

function chooseExample(index: EndpointIndex, endpoint: Endpoint, snippets: readonly ReadSnippet[], title: string, position: number): Example | null {
  const scores = endpoint.examples.map((example) =>
    snippets.reduce((sum, s) => (s.call ? sum + scoreExample(callValues(index, s.call, endpoint), exampleValues(endpoint, example, s.call)) : sum), 0),
  );
  return pickExample(endpoint, scores, title, position);
}

function compareSnippet(ctx: VerifyContext, s: ReadSnippet, want: ExpectedSnippet | null, endpoint: Endpoint | null, example: Example | null, page: DocPage): BlockResult[] {
  const base = { language: s.language, endpoint: endpoint?.id ?? "", example: example?.key ?? "" };
  const label = endpoint ? `generated ${endpoint.id}${example ? ` (${example.key})` : ""}` : "generated";
  if (!endpoint || !want) {
    const message = endpoint ? `the spec has no example for ${endpoint.id}` : `no endpoint of the spec matches this page (${page.hint.path || "no path"})`;
    const kind: DriftKind = endpoint ? "stale-code" : "unknown-endpoint";
    return [{ ...s.doc.request, ...base, role: s.doc.combined ? "sample" : "request", class: "drift", kinds: [kind], messages: [message], diff: "" }];
  }
  const diffOf = (doc: string, gen: string, line: number) => unifiedDiff(doc, gen, { labelA: `${s.doc.request.file}:${line}`, labelB: label, startA: line });
  if (s.doc.combined) {
    const full = joinMintlifySample(want);
    const verdict = s.doc.request.text === full ? identical() : merge(judgeRequest(ctx, s, want, endpoint, example), judgeOutput(s.language, s.output ?? "", want.output));
    return [{ ...s.doc.request, ...base, role: "sample", ...verdict, diff: diffOf(s.doc.request.text, full, s.doc.request.line) }];
  }
  // a fenced block cannot end in a newline that the printer ends files with: trailing newlines are not content
  want = { ...want, request: want.request.replace(/\n+$/, ""), output: want.output.replace(/\n+$/, "") };
  s = { ...s, request: s.request.replace(/\n+$/, "") };
  const results: BlockResult[] = [];
  const request = s.request === want.request ? identical() : judgeRequest(ctx, s, want, endpoint, example);
  results.push({ ...s.doc.request, ...base, role: "request", ...request, diff: diffOf(s.request, want.request, s.doc.request.line) });
  if (s.doc.output) {
    const output = s.doc.output.text === want.output ? identical() : judgeOutput(s.language, s.doc.output.text, want.output);
    results.push({ ...s.doc.output, ...base, role: "output", ...output, diff: diffOf(s.doc.output.text, want.output, s.doc.output.line) });
  }
  return results;
}

function judgeRequest(ctx: VerifyContext, s: ReadSnippet, want: ExpectedSnippet, endpoint: Endpoint, example: Example | null): Verdict {
  if (s.request === want.request) return identical();
  let issues: CallIssue[] = [];
  if (s.call) issues = checkCall(ctx.index, s.call, endpoint, example);
  else if (s.parseError) issues = [{ kind: "stale-code", message: `cannot read the call: ${s.parseError}` }];
  if (issues.length === 0 && isSameTokens(s.language, s.request, want.request)) return { class: "formatting-only", kinds: [], messages: ["same tokens, different layout"] };
  if (issues.length === 0) issues = [{ kind: "stale-code", message: "the code differs from the generated snippet" }];
  return { class: "drift", kinds: [...new Set(issues.map((i) => i.kind))], messages: issues.map((i) => i.message) };
}

function judgeOutput(language: string, doc: string, want: string): Verdict {
  if (doc === want) return identical();
  if (isSameTokens(language, doc, want)) return { class: "formatting-only", kinds: [], messages: ["output: same tokens, different layout"] };
  const detail = describeValueDifference(readOutputValue(doc), readOutputValue(want)) || "output differs from the generated output";
  return { class: "drift", kinds: ["stale-response"], messages: [detail] };
}

function identical(): Verdict {
  return { class: "identical", kinds: [], messages: [] };
}

function merge(a: Verdict, b: Verdict): Verdict {
  const order: BlockClass[] = ["identical", "formatting-only", "drift"];
  const cls = order[Math.max(order.indexOf(a.class), order.indexOf(b.class))] as BlockClass;
  return { class: cls, kinds: [...new Set([...a.kinds, ...b.kinds])], messages: [...a.messages, ...b.messages] };
}
