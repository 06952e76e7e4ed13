// Value syntax per language, for the layout in layout.ts.
import type { Syntax } from "./layout.js";
import { quoteJs, quoteJson, quotePhp, quotePython, quoteRuby } from "./quote.js";

const WIDTH = 80;
const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function cScalar(v: number | boolean | null): string {
  return v === null ? "null" : String(v);
}

export const jsonSyntax: Syntax = {
  quote: quoteJson,
  scalar: cScalar,
  key: quoteJson,
  entrySeparator: ": ",
  objectOpen: () => "{",
  objectClose: "}",
  objectPadding: false,
  kwargSeparator: "",
  trailingComma: false,
  hugLastArgument: true,
  indent: "  ",
  width: WIDTH,
};

export const jsSyntax: Syntax = {
  ...jsonSyntax,
  quote: quoteJs,
  // `__proto__` as a plain key would set the prototype instead of a property.
  key: (k) => (k === "__proto__" ? `["__proto__"]` : JS_IDENTIFIER.test(k) ? k : quoteJs(k)),
  objectPadding: true,
  trailingComma: true,
};

export const pythonSyntax: Syntax = {
  ...jsonSyntax,
  quote: quotePython,
  scalar: (v) => (v === null ? "None" : v === true ? "True" : v === false ? "False" : String(v)),
  key: quotePython,
  kwargSeparator: "=",
  trailingComma: true,
  hugLastArgument: false,
  indent: "    ",
};

export const rubySyntax: Syntax = {
  ...jsonSyntax,
  quote: quoteRuby,
  scalar: (v) => (v === null ? "nil" : String(v)),
  key: quoteRuby,
  entrySeparator: " => ",
  objectPadding: true,
};

export const phpSyntax: Syntax = {
  ...jsonSyntax,
  quote: quotePhp,
  key: quotePhp,
  entrySeparator: " => ",
  // A JSON object whose keys are empty or 0..n-1 would encode as a JSON array unless cast to an object.
  objectOpen: (keys) => (keys !== null && isListLike(keys) ? "(object) [" : "["),
  objectClose: "]",
  trailingComma: true,
  indent: "    ",
};

function isListLike(keys: readonly string[]): boolean {
  return keys.every((k, i) => k === String(i));
}
