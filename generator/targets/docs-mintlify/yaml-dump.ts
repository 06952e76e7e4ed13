// YAML in the style of Mintlify's OpenAPI blocks (seed 003): single quotes, `>-` for long strings, 80 columns.
import YAML, { isCollection, Scalar } from "yaml";

const LINE_WIDTH = 80;

/** Dumps a JSON-like value; every string keeps its exact value (quoted or block as needed). */
export function dumpYaml(value: unknown): string {
  const doc = new YAML.Document(value, { aliasDuplicateObjects: false });
  YAML.visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== "string" || isKeyOf(node, path.at(-1))) return;
      if (shouldFold(node.value, 2 * path.filter((p) => isCollection(p)).length)) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  return doc.toString({ singleQuote: true, lineWidth: LINE_WIDTH, minContentWidth: 20, indentSeq: true });
}

/** A one-line string too long for its indentation, with a space to fold at (multi-line strings the library already blocks). */
export function shouldFold(text: string, indent: number): boolean {
  if (/[\n\r]/.test(text) || text.length <= LINE_WIDTH - indent) return false;
  // Folding needs a single space between non-spaces, and block scalars cannot keep edge whitespace in plain form.
  return (
    /\S \S/.test(text) &&
    text.trim() === text &&
    !/[\t\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/.test(text)
  );
}

function isKeyOf(node: Scalar, parent: unknown): boolean {
  return YAML.isPair(parent) && parent.key === node;
}
