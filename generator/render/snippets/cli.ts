// `<client> CLI` snippets: `seam ns method --param value`, one line, values as JSON.
import { toCasings } from "../../model/casing.js";
import { printPrettierJson } from "./estree-values.js";
import { type OutputInput, type SdkCallInput, type SdkSnippetLanguage, unwrapResponse } from "./types.js";

// inside double quotes the shell still expands these; `!` is history expansion in interactive shells
const UNSAFE_IN_DOUBLE_QUOTES = /[$`\\!\n\r]/;
// outside quotes, shell syntax (`'`, `;`, `&`, globs other than [...]) would change the word
const UNSAFE_BARE = /[\s'$`\\!;&|<>()*?~#^]/;

function quoteSingle(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Seam's form (`"text"`, bare JSON) when the shell leaves it intact, else a single-quoted word. */
function printArgument(value: unknown): string {
  if (typeof value === "string") {
    return UNSAFE_IN_DOUBLE_QUOTES.test(value) || value.includes('"') ? quoteSingle(value) : `"${value}"`;
  }
  const json = JSON.stringify(value) ?? "null";
  const outsideStrings = json.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const unsafe = UNSAFE_BARE.test(outsideStrings) || /[$`\\!'\n]/.test(json);
  return unsafe ? quoteSingle(json) : json;
}

export function printCliRequest(call: SdkCallInput): string {
  const words = [call.clientName, ...call.namespace.map((s) => toCasings(s).kebab), toCasings(call.method).kebab];
  for (const [name, value] of call.params) words.push(`--${name}`, printArgument(value));
  return words.join(" ");
}

export function printCliOutput(out: OutputInput): string {
  if (out.kind === "void") return "{}";
  return printPrettierJson(unwrapResponse(out));
}

function pascal(name: string): string {
  return toCasings(name).pascal;
}

export const cliLanguage = {
  id: "cli",
  title: (clientName: string) => `${pascal(clientName)} CLI`,
  fence: (clientName: string) => `${clientName}_cli`,
  request: printCliRequest,
  output: printCliOutput,
} satisfies SdkSnippetLanguage;
