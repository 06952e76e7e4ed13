// Validates example values against OpenAPI 3.0 schemas whose $refs span the spec's files, by walking the
// schemas (converted and prepared once per schema) — the same errors, in the same order, as ajv with allErrors.
import { isObject } from "./types.js";
import type { Resolve } from "./refs.js";
import { SchemaCompiler } from "./validate-compile.js";
import { SchemaConverter } from "./validate-convert.js";
import type { Check, ValidationError } from "./validate-keywords.js";

export type ExampleError = ValidationError;

export class SchemaValidator {
  private readonly converter: SchemaConverter;
  private readonly compiler: SchemaCompiler;
  private readonly compiled = new WeakMap<object, Check>();

  constructor(private readonly resolve: Resolve) {
    this.converter = new SchemaConverter(resolve);
    this.compiler = new SchemaCompiler(this.converter.targets);
  }

  /** Errors of `value` against the schema written in `fromRel` ([] when valid); throws when the schema is broken. */
  validate(schema: unknown, fromRel: string, value: unknown): ExampleError[] {
    const target = isObject(schema) && typeof schema["$ref"] === "string" ? this.resolve(fromRel, schema["$ref"]) : null;
    const root = target ? target.value : schema;
    if (!isObject(root)) return [];
    let check = this.compiled.get(root);
    if (check === undefined) {
      check = this.compiler.compileRoot(this.converter.convert(root, target ? target.file.rel : fromRel));
      this.compiled.set(root, check);
    }
    const errors: ExampleError[] = [];
    check(value, "", errors);
    return errors;
  }
}
