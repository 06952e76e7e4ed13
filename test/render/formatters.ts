// The real formatters Seam's pipeline used, as oracles: formatting our output must leave it unchanged.
import * as phpPlugin from "@prettier/plugin-php";
import { format as formatPython } from "@wasm-fmt/ruff_fmt";
import * as prettier from "prettier";
import { print as printShell } from "sh-syntax";

export async function prettierTypescript(code: string): Promise<string> {
  return (await prettier.format(code, { parser: "typescript", printWidth: 80 })).replace(/\n$/, "");
}

export async function prettierJson(code: string): Promise<string> {
  return (await prettier.format(code, { parser: "json", printWidth: 80 })).replace(/\n$/, "");
}

export async function prettierPhp(code: string, opts: { trailingCommaPHP?: boolean } = {}): Promise<string> {
  const options = { parser: "php", plugins: [phpPlugin as prettier.Plugin], printWidth: 80, ...opts } as prettier.Options;
  const out = await prettier.format(`<?php\n${code}`, options);
  return out.replace(/^<\?php\n/, "").replace(/\n$/, "");
}

export function ruff(code: string): string {
  return formatPython(code).replace(/\n$/, "");
}

export async function shfmt(code: string): Promise<string> {
  return (await printShell(code, { filepath: "snippet.sh", spaceRedirects: false })).replace(/\n$/, "");
}
