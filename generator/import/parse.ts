// Reads JSON or YAML text into a value, turning syntax errors into located UserErrors.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { UserError, type Problem } from "../errors.js";
import { offsetToLineCol } from "../load/parse.js";

/** Path as the user should see it: relative to the cwd when below it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

export async function readDataFile(abs: string, what = "file"): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(abs, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${what} not found: ${displayPath(abs)}`);
    if (code === "EISDIR") throw new UserError(`${what} is a directory, not a file: ${displayPath(abs)}`);
    throw error;
  }
  return parseDataText(text, displayPath(abs));
}

/** JSON for `.json` files or text that starts with `{`/`[` (fast), YAML otherwise. */
export function parseDataText(text: string, file: string): unknown {
  const looksJson = file.endsWith(".json") || /^\s*[[{]/.test(text);
  if (looksJson && !/\.ya?ml$/.test(file)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (file.endsWith(".json")) throw jsonError(error as Error, text, file);
      // `{` can start a YAML flow mapping too; let the YAML parser decide.
    }
  }
  return parseYamlText(text, file);
}

export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((e) => ({
      file,
      ...offsetToLineCol(text, e.pos[0]),
      pointer: "",
      message: e.message.split("\n")[0] ?? e.message,
    }));
    throw new UserError(`${file}: invalid YAML`, problems);
  }
  return doc.toJS({ maxAliasCount: -1 });
}

function jsonError(error: Error, text: string, file: string): UserError {
  const offset = /position (\d+)/.exec(error.message)?.[1];
  const { line, col } = offset === undefined ? { line: 0, col: 0 } : offsetToLineCol(text, Number(offset));
  const message = error.message.replace(/ in JSON at position \d+.*$/, "");
  return new UserError(`${file}: invalid JSON`, [{ file, line, col, pointer: "", message }]);
}
