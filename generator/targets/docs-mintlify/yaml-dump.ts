// YAML in the style of Mintlify's OpenAPI blocks (seed 003): single quotes, `>-` for long strings, 80 columns.
import YAML, { isCollection, Scalar } from "yaml";
import { emitYaml, YAML_WIDTH } from "../../render/yaml-emit.js";

/** Dumps a JSON-like value; every string keeps its exact value (quoted or block as needed). */
export function dumpYaml(value: unknown): string {
  return emitYaml(value, foldAtDepth) ?? dumpYamlViaDocument(value);
}

/** The same output through the yaml package's Document model (slower; the reference for tests). */
export function dumpYamlViaDocument(value: unknown): string {
  const doc = new YAML.Document(value, { aliasDuplicateObjects: false });
  YAML.visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== "string" || isKeyOf(node, path.at(-1))) return;
      if (shouldFold(node.value, 2 * path.filter((p) => isCollection(p)).length)) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  return doc.toString({ singleQuote: true, lineWidth: YAML_WIDTH, minContentWidth: 20, indentSeq: true });
}

// Mintlify's rule looks at the block indent only, not at the key before the value.
function foldAtDepth(text: string, _column: number, depth: number): boolean {
  return shouldFold(text, depth);
}

/** A one-line string too long for its indentation, with a space to fold at (multi-line strings the library already blocks). */
export function shouldFold(text: string, indent: number): boolean {
  if (/[\n\r]/.test(text) || text.length <= YAML_WIDTH - indent) return false;
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
