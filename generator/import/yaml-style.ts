// The importer's folding rule; the rest of the style lives with the shared emitter (generator/render/yaml-emit.ts).
import { YAML_WIDTH } from "../render/yaml-emit.js";

/**
 * A one-line string that would end past column 80 where it starts at `column` is folded (`>-`), unless it starts
 * with a space or tab: a folded block cannot keep leading whitespace (it would read back shorter or empty).
 */
export function isFoldable(s: string, column: number): boolean {
  return column + s.length > YAML_WIDTH && !s.includes("\n") && s.includes(" ") && !/^[ \t]/.test(s);
}
