// The output style shared by the fast emitter and the yaml-Document path.
import { Scalar } from "yaml";

export const YAML_WIDTH = 80;
export const YAML_OPTIONS = { lineWidth: YAML_WIDTH, singleQuote: true, aliasDuplicateObjects: false, indentSeq: true } as const;

/** A one-line string that would end past column 80 where it starts at `column` is folded (`>-`). */
export function isFoldable(s: string, column: number): boolean {
  return column + s.length > YAML_WIDTH && !s.includes("\n") && s.includes(" ");
}

export function foldedScalar(s: string): Scalar {
  const node = new Scalar(s);
  node.type = Scalar.BLOCK_FOLDED;
  return node;
}
