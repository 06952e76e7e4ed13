// What `generate` prints for one endpoint + example, per language and docs flavour. The only module of verify/
// that reaches into the targets, so that their moving (e.g. to render/) is a change of import paths here.
import type { Api, Endpoint, Example } from "../model/types.js";
import { buildHttpRequestInput, httpSnippetLanguages } from "../render/http-snippets/index.js";
import { sdkSnippetLanguages } from "../render/snippets/index.js";
import { buildParameterViews } from "../targets/docs-gitbook/parameters.js";
import { buildReturnsView } from "../targets/docs-gitbook/response.js";
import { buildSnippetInputs, buildSnippetTabs, defaultSnippetPrinters, type SnippetPrinter } from "../render/endpoint-snippets.js";
import { wrapOutput, type OutputWrap } from "../targets/docs-mintlify/code-samples.js";
import { buildSdkSampleInputs, SDK_SAMPLE_LANGUAGES } from "../targets/docs-mintlify/samples.js";

export interface ExpectedSnippet {
  /** Language id (`javascript`, `curl`, `python`, `ruby`, `php`, `cli`, or a raw-HTTP id such as `fetch`). */
  language: string;
  /** Tab title (GitBook) or sample label (Mintlify). */
  title: string;
  /** Code fence info string (GitBook) or `lang` (Mintlify). */
  fence: string;
  request: string;
  output: string;
  /** How a Mintlify sample appends the output; null for raw-HTTP samples, which show none. */
  wrap: OutputWrap | null;
}

/** Printers and language ids of one API, built once per verify run. */
export interface Generated {
  gitbook(endpoint: Endpoint, example: Example): ExpectedSnippet[];
  mintlify(endpoint: Endpoint, example: Example): ExpectedSnippet[];
  returns(endpoint: Endpoint): { returns: string; sample: string };
  /** Parameters a GitBook page lists (documented ones), required first. */
  listedParameters(endpoint: Endpoint): { name: string; required: boolean }[];
}

export function createGenerated(api: Api): Generated {
  const printers: readonly SnippetPrinter[] = defaultSnippetPrinters(api);
  const ids = Object.keys(api.hasSdk ? sdkSnippetLanguages : httpSnippetLanguages);
  return {
    gitbook(endpoint, example) {
      const tabs = buildSnippetTabs(buildSnippetInputs(api, endpoint, example), printers);
      return tabs.map((t, i) => ({ language: ids[i] ?? t.fence, title: t.title, fence: t.fence, request: t.request, output: t.output, wrap: null }));
    },
    mintlify: (endpoint, example) => (api.hasSdk ? printSdkSamples(api, endpoint, example) : printHttpSamples(api, endpoint, example)),
    returns(endpoint) {
      const view = buildReturnsView(endpoint, api);
      return { returns: view.returns, sample: view.sample };
    },
    listedParameters: (endpoint) => buildParameterViews(endpoint).map((p) => ({ name: p.name, required: p.required })),
  };
}

const SDK_IDS = ["javascript", "curl", "python", "ruby", "php", "cli"];

function printSdkSamples(api: Api, endpoint: Endpoint, example: Example): ExpectedSnippet[] {
  const inputs = buildSdkSampleInputs(api, endpoint, example);
  return SDK_SAMPLE_LANGUAGES.map((l, i) => ({
    language: SDK_IDS[i] ?? l.lang,
    title: l.label(api.clientName.pascal),
    fence: l.lang,
    request: l.request(inputs),
    output: l.output(inputs),
    wrap: l.wrap,
  }));
}

function printHttpSamples(api: Api, endpoint: Endpoint, example: Example): ExpectedSnippet[] {
  const input = buildHttpRequestInput(api, endpoint, example);
  return Object.entries(httpSnippetLanguages).map(([id, l]) => ({
    language: id,
    title: l.title,
    // Mintlify highlights shell as `bash`
    fence: l.fence === "shell" ? "bash" : l.fence,
    request: l.request(input).replace(/\n+$/, ""),
    output: "",
    wrap: null,
  }));
}

/** A Mintlify sample's text: request, then the output wrapped in comments (nothing when there is no output). */
export function joinMintlifySample(s: ExpectedSnippet): string {
  return s.output === "" || s.wrap === null ? s.request : `${s.request}\n\n${wrapOutput(s.output, s.wrap)}`;
}

export type { OutputWrap };
