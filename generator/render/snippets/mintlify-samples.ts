// Mintlify's x-codeSamples show the request and its output in one block, the output as a comment.
import { cliLanguage } from "./cli.js";
import { curlLanguage } from "./curl.js";
import { javascriptLanguage } from "./javascript.js";
import { phpLanguage } from "./php.js";
import { pythonLanguage } from "./python.js";
import { rubyLanguage } from "./ruby.js";
import { type CurlInput, type OutputInput, type SdkCallInput, isJsonObject, unwrapResponse } from "./types.js";

export interface MintlifyCodeSample {
  lang: string;
  label: string;
  source: string;
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");
}

/** Mintlify's outputs of JSON languages are plain two-space JSON.stringify, not prettier's layout. */
function stringifyOutput(out: OutputInput, wrapped: boolean): string {
  if (out.kind === "void") return "{}";
  if (!wrapped || out.responseKey === null) return JSON.stringify(unwrapResponse(out), null, 2);
  const value = isJsonObject(out.body) ? out.body[out.responseKey] : null;
  return JSON.stringify({ [out.responseKey]: value ?? null }, null, 2);
}

export function printMintlifySamples(call: SdkCallInput, curl: CurlInput, out: OutputInput): MintlifyCodeSample[] {
  const sdk = `${call.clientName.charAt(0).toUpperCase()}${call.clientName.slice(1)} SDK`;
  const jsOutput = out.kind === "void" ? "// void" : stringifyOutput(out, false).replaceAll("*/", "*\\/");
  const phpOutput = phpLanguage.output(out);
  return [
    { lang: "javascript", label: sdk, source: `${javascriptLanguage.request(call)}\n\n/*\n${jsOutput}\n*/` },
    {
      lang: "bash",
      label: curlLanguage.title(),
      source: `${curlLanguage.request(curl)}\n\n# Response:\n${prefixLines(stringifyOutput(out, true), "# ")}`,
    },
    { lang: "python", label: sdk, source: `${pythonLanguage.request(call)}\n\n# ${pythonLanguage.output(out)}` },
    { lang: "ruby", label: sdk, source: `${rubyLanguage.request(call)}\n\n# => ${rubyLanguage.output(out)}` },
    {
      lang: "php",
      label: sdk,
      source: phpOutput === "" ? phpLanguage.request(call) : `${phpLanguage.request(call)}\n\n// ${phpOutput}`,
    },
    {
      lang: "bash",
      label: cliLanguage.title(call.clientName),
      source: `${cliLanguage.request(call)}\n\n${prefixLines(stringifyOutput(out, false), "# ")}`,
    },
  ];
}
