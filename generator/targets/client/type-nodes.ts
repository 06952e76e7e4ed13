// The type syntax openapi-typescript builds (a small part of TypeScript's), as plain objects, and its printer: the
// text TypeScript's printer makes of the same nodes with openapi-typescript's settings (four-space indent, LF,
// comments kept). The factories add parentheses where TypeScript's factory does, so a node tree here has the shape
// of the one openapi-typescript builds; test/client/type-emit.test.ts compares the printed text with its output.

export type TypeNode =
  | { k: "keyword"; text: "string" | "number" | "boolean" | "unknown" | "never" | "undefined" }
  | { k: "null" }
  | { k: "bool"; value: boolean }
  /** A number literal; negative ones are a prefix minus on the absolute value, as openapi-typescript makes them. */
  | { k: "num"; text: string; negative: boolean }
  /** A string literal type (escaped when printed). */
  | { k: "str"; text: string }
  /** An identifier used as a type: openapi-typescript prints string constants this way, as JSON text. */
  | { k: "ident"; text: string }
  | { k: "ref"; name: string; args: TypeNode[] }
  | { k: "index"; object: TypeNode; index: TypeNode }
  | { k: "array"; element: TypeNode }
  | { k: "tuple"; elements: TypeNode[] }
  | { k: "union"; types: TypeNode[] }
  | { k: "intersection"; types: TypeNode[] }
  | { k: "paren"; type: TypeNode }
  | { k: "literal"; members: Member[] };

export type Name = { k: "id" | "str" | "num"; text: string };

export type Member =
  | { k: "property"; name: Name; optional: boolean; readonly: boolean; type: TypeNode; comment?: string }
  | { k: "indexSignature"; param: string; type: TypeNode };

export type Declaration =
  | { k: "interface"; name: string; members: Member[] }
  | { k: "alias"; name: string; type: TypeNode }
  /** A declaration openapi-typescript parses from source (its helper types), as TypeScript prints it. */
  | { k: "source"; name: string; text: string };

export type PrintNode = TypeNode | Declaration;

export const NEVER: TypeNode = { k: "keyword", text: "never" };
export const UNKNOWN: TypeNode = { k: "keyword", text: "unknown" };
export const STRING: TypeNode = { k: "keyword", text: "string" };
export const NUMBER: TypeNode = { k: "keyword", text: "number" };
export const BOOLEAN: TypeNode = { k: "keyword", text: "boolean" };
export const UNDEFINED: TypeNode = { k: "keyword", text: "undefined" };
export const NULL: TypeNode = { k: "null" };
export const TRUE: TypeNode = { k: "bool", value: true };
export const FALSE: TypeNode = { k: "bool", value: false };

/** TypeScript's parenthesizer for union and intersection constituents, array elements and indexed objects. */
function parenthesized(type: TypeNode): TypeNode {
  return type.k === "union" || type.k === "intersection" ? { k: "paren", type } : type;
}

export function unionNode(types: readonly TypeNode[]): TypeNode {
  return { k: "union", types: types.map(parenthesized) };
}

export function intersectionNode(types: readonly TypeNode[]): TypeNode {
  return { k: "intersection", types: types.map(parenthesized) };
}

export function arrayNode(element: TypeNode): TypeNode {
  return { k: "array", element: parenthesized(element) };
}

export function indexNode(object: TypeNode, index: TypeNode): TypeNode {
  return { k: "index", object: parenthesized(object), index };
}

/** The text of nodes as `astToString` prints them: each statement on its own line. */
export function printNodes(nodes: readonly PrintNode[]): string {
  const p = new Printer();
  for (const node of nodes) {
    p.node(node);
    p.line();
  }
  return p.out;
}

const WHITESPACE_SINGLE_LINE = /[ \t\v\f\u00a0\u0085\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;
const ESCAPED = /[\\"\u0000-\u001f\u2028\u2029\u0085]/g;
const NON_ASCII = /[^\u0000-\u007f]/g;
const ESCAPES: Record<string, string> = {
  "\t": "\\t",
  "\v": "\\v",
  "\f": "\\f",
  "\b": "\\b",
  "\r": "\\r",
  "\n": "\\n",
  "\\": "\\\\",
  '"': '\\"',
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
  "\u0085": "\\u0085",
};

function utf16Escape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A string literal as TypeScript prints a synthesized one: double quotes, control and non-ASCII characters escaped. */
export function quoteString(text: string): string {
  let s = text.replace(ESCAPED, (c, offset: number, input: string) => {
    if (c === "\0") {
      const next = input.charCodeAt(offset + 1);
      return next >= 48 && next <= 57 ? "\\x00" : "\\0";
    }
    return ESCAPES[c] ?? utf16Escape(c.charCodeAt(0));
  });
  NON_ASCII.lastIndex = 0;
  if (NON_ASCII.test(s)) s = s.replace(NON_ASCII, (c) => utf16Escape(c.charCodeAt(0)));
  return `"${s}"`;
}

const INDENTS = [""];
function indentString(level: number): string {
  while (INDENTS.length <= level) INDENTS.push(INDENTS[INDENTS.length - 1] + "    ");
  return INDENTS[level]!;
}

/** TypeScript's text writer, reduced to what these nodes need: text, indentation at line starts, line breaks. */
class Printer {
  out = "";
  private indent = 0;
  private lineStart = true;

  private write(s: string): void {
    if (this.lineStart) {
      this.out += indentString(this.indent);
      this.lineStart = false;
    }
    this.out += s;
  }

  line(): void {
    if (!this.lineStart) {
      this.out += "\n";
      this.lineStart = true;
    }
  }

  node(node: PrintNode): void {
    switch (node.k) {
      case "interface":
        this.write(`export interface ${node.name} {`);
        this.members(node.members);
        this.write("}");
        return;
      case "alias":
        this.write(`export type ${node.name} = `);
        this.type(node.type);
        this.write(";");
        return;
      case "source":
        this.write(node.text);
        return;
      default:
        this.type(node);
    }
  }

  private type(node: TypeNode): void {
    switch (node.k) {
      case "keyword":
        return this.write(node.text);
      case "null":
        return this.write("null");
      case "bool":
        return this.write(node.value ? "true" : "false");
      case "num":
        return this.write(node.negative ? `-${node.text}` : node.text);
      case "str":
        return this.write(quoteString(node.text));
      case "ident":
        return this.write(node.text);
      case "ref":
        this.write(node.name);
        if (node.args.length > 0) {
          this.write("<");
          node.args.forEach((arg, i) => {
            if (i > 0) this.write(", ");
            this.type(arg);
          });
          this.write(">");
        }
        return;
      case "index":
        this.type(node.object);
        this.write("[");
        this.type(node.index);
        return this.write("]");
      case "array":
        this.type(node.element);
        return this.write("[]");
      case "paren":
        this.write("(");
        this.type(node.type);
        return this.write(")");
      case "union":
      case "intersection": {
        const sep = node.k === "union" ? " | " : " & ";
        node.types.forEach((t, i) => {
          if (i > 0) this.write(sep);
          this.type(t);
        });
        return;
      }
      case "tuple":
        this.write("[");
        if (node.elements.length > 0) {
          this.line();
          this.indent++;
          node.elements.forEach((t, i) => {
            if (i > 0) {
              this.write(",");
              this.line();
            }
            this.type(t);
          });
          this.indent--;
          this.line();
        }
        return this.write("]");
      case "literal":
        this.write("{");
        if (node.members.length > 0) this.members(node.members);
        return this.write("}");
    }
  }

  /** A multi-line member list between braces (an empty one is a line break). */
  private members(members: readonly Member[]): void {
    this.line();
    this.indent++;
    for (const m of members) {
      if (m.k === "property") {
        if (m.comment !== undefined) this.comment(m.comment);
        this.write(m.readonly ? "readonly " : "");
        this.write(m.name.k === "str" ? quoteString(m.name.text) : m.name.text);
        this.write(m.optional ? "?: " : ": ");
      } else {
        this.write(`[${m.param}: string]: `);
      }
      this.type(m.type);
      this.write(";");
      this.line();
    }
    this.indent--;
  }

  /**
   * A synthesized `/*…*\/` comment and the line break after it, as TypeScript writes one: each line after the first
   * trimmed and re-indented by the writer's indent plus the whitespace it started with.
   */
  private comment(text: string): void {
    const full = `/*${text}*/`;
    const lines = full.split(LINE_BREAK);
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (i > 0) {
        const spaces = this.indent * 4 + leadingColumns(raw);
        if (spaces > 0) {
          this.out += indentString(Math.floor(spaces / 4)) + " ".repeat(spaces % 4);
        }
        this.lineStart = false;
      }
      const trimmed = raw.trim();
      if (trimmed) {
        this.write(trimmed);
        if (i < lines.length - 1) this.line();
      } else {
        this.out += "\n";
        this.lineStart = true;
      }
    }
    this.line();
  }
}

/** The column a line's leading whitespace reaches (tabs to the next multiple of four), as TypeScript counts it. */
function leadingColumns(line: string): number {
  let column = 0;
  for (const c of line) {
    if (!WHITESPACE_SINGLE_LINE.test(c)) break;
    column = c === "\t" ? column + 4 - (column % 4) : column + 1;
  }
  return column;
}
