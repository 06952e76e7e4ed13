// The `x-codeSamples` of one endpoint, from its first example: SDK calls (with results) for APIs with an SDK,
// raw HTTP requests otherwise.
import { buildSnippetInputs, exampleTabs, type SnippetTab } from "../../render/endpoint-snippets.js";
import type { Api, Endpoint, Example } from "../../model/types.js";
import { httpSnippetLanguages } from "../../render/http-snippets/index.js";
import { sdkSnippetLanguages } from "../../render/snippets/index.js";
import type { CurlInput, OutputInput, SdkCallInput } from "../../render/snippets/types.js";
import {
  type CodeSample,
  formatCliResult,
  formatCurlResult,
  formatJavascriptResult,
  joinSample,
  type OutputWrap,
} from "./code-samples.js";

export interface SdkSampleInputs {
  call: SdkCallInput;
  curl: CurlInput;
  out: OutputInput;
}

/** One SDK-style sample language: which printer writes the request, how the result is shown under it. */
export interface SdkSampleLanguage {
  lang: string;
  label(client: string): string;
  wrap: OutputWrap;
  request(inputs: SdkSampleInputs): string;
  output(inputs: SdkSampleInputs): string;
}

const sdk = sdkSnippetLanguages;
const sdkLabel = (client: string) => `${client} SDK`;

/** Tab order of the corpus; JSON results are plain `JSON.stringify` here, Python/Ruby/PHP results as the pages print them. */
export const SDK_SAMPLE_LANGUAGES: readonly SdkSampleLanguage[] = [
  {
    lang: "javascript",
    label: sdkLabel,
    wrap: "block-comment",
    request: (i) => sdk.javascript.request(i.call),
    output: (i) => formatJavascriptResult(i.out),
  },
  {
    lang: "bash",
    label: () => "cURL",
    wrap: "response-comment",
    request: (i) => sdk.curl.request(i.curl),
    output: (i) => formatCurlResult(i.out),
  },
  {
    lang: "python",
    label: sdkLabel,
    wrap: "first-line-hash",
    request: (i) => sdk.python.request(i.call),
    output: (i) => sdk.python.output(i.out),
  },
  {
    lang: "ruby",
    label: sdkLabel,
    wrap: "first-line-ruby",
    request: (i) => sdk.ruby.request(i.call),
    output: (i) => sdk.ruby.output(i.out),
  },
  {
    lang: "php",
    label: sdkLabel,
    wrap: "first-line-slashes",
    request: (i) => sdk.php.request(i.call),
    output: (i) => sdk.php.output(i.out),
  },
  {
    lang: "bash",
    label: (client) => `${client} CLI`,
    wrap: "line-comments",
    request: (i) => sdk.cli.request(i.call),
    output: (i) => formatCliResult(i.out),
  },
];

/** Mintlify's `lang` for each raw-HTTP printer (Mintlify highlights shell as `bash`). */
const HTTP_LANGS: Record<string, string> = { shell: "bash" };

export function buildCodeSamples(api: Api, endpoint: Endpoint): CodeSample[] {
  const example = endpoint.examples[0];
  if (!example) return [];
  if (api.hasSdk) {
    const inputs = buildSdkSampleInputs(api, endpoint, example);
    const client = api.clientName.pascal;
    return SDK_SAMPLE_LANGUAGES.map((l) => ({
      lang: l.lang,
      label: l.label(client),
      source: joinSample(l.request(inputs), l.output(inputs), l.wrap),
    }));
  }
  // The example's tabs (exampleTabs: one per raw-HTTP printer, in this order) hold these requests, printed once for
  // the docs pages and the snippet files.
  const tabs = exampleTabs(api, endpoint, example);
  return Object.values(httpSnippetLanguages).map((l, i) => ({
    lang: HTTP_LANGS[l.fence] ?? l.fence,
    label: l.title,
    // Printers end files with a newline; samples end at their last line, as the SDK samples do.
    source: trimTrailingNewlines((tabs[i] as SnippetTab).request),
  }));
}

export function buildSdkSampleInputs(api: Api, endpoint: Endpoint, example: Example): SdkSampleInputs {
  const inputs = buildSnippetInputs(api, endpoint, example);
  const body = example.response.body;
  // A sample without a response body prints as void, whatever the endpoint's kind.
  const out = body === null || body === undefined ? { ...inputs.output, kind: "void" as const, body: null } : inputs.output;
  return { call: inputs.sdk, curl: inputs.curl, out };
}

/** `text` without its trailing line feeds (a `/\n+$/` replace retries at every line break of a long text). */
function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}
