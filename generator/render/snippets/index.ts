// The snippet languages of SDK-call style docs, in the tab order of the pages.
import { cliLanguage } from "./cli.js";
import { curlLanguage } from "./curl.js";
import { javascriptLanguage } from "./javascript.js";
import { phpLanguage } from "./php.js";
import { pythonLanguage } from "./python.js";
import { rubyLanguage } from "./ruby.js";
import type { SnippetLanguage } from "./types.js";

export const sdkSnippetLanguages = {
  javascript: javascriptLanguage,
  curl: curlLanguage,
  python: pythonLanguage,
  ruby: rubyLanguage,
  php: phpLanguage,
  cli: cliLanguage,
} satisfies Record<string, SnippetLanguage>;

export type SdkSnippetLanguageId = keyof typeof sdkSnippetLanguages;

export { printCliOutput, printCliRequest } from "./cli.js";
export { printCurlOutput, printCurlRequest } from "./curl.js";
export { printJavascriptOutput, printJavascriptRequest } from "./javascript.js";
export { printPhpOutput, printPhpRequest } from "./php.js";
export { printPythonOutput, printPythonRequest } from "./python.js";
export { printRubyOutput, printRubyRequest } from "./ruby.js";
export type { CurlInput, OutputInput, SdkCallInput, SnippetLanguage } from "./types.js";
