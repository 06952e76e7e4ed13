// JSON types as the reference validator tells them apart, and its deep equality (enum, const, uniqueItems).

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "null", "object", "array"]);

/** The `type` keyword as a list; throws the reference's compile error for an unknown type name. */
export function readTypes(type: unknown): string[] {
  const types: unknown[] = Array.isArray(type) ? type : type ? [type] : [];
  if (types.every((t) => typeof t === "string" && JSON_TYPES.has(t))) return types as string[];
  throw new Error(`type must be JSONType or JSONType[]: ${types.join(",")}`);
}

export function matchesType(type: string, d: unknown): boolean {
  switch (type) {
    case "null":
      return d === null;
    case "array":
      return Array.isArray(d);
    case "object":
      return typeof d === "object" && d !== null && !Array.isArray(d);
    case "integer":
      // Infinity passes, as in the reference (numbers are not required to be finite).
      return typeof d === "number" && !(d % 1) && !Number.isNaN(d);
    default:
      return typeof d === type;
  }
}

export function matchesTypes(types: readonly string[], d: unknown): boolean {
  for (const t of types) if (matchesType(t, d)) return true;
  return false;
}

/** Structural equality of JSON values; NaN equals NaN. */
export function isEqualJson(a: any, b: any): boolean {
  if (a === b) return true;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = a.length - 1; i >= 0; i--) if (!isEqualJson(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    return keys.every((key) => isEqualJson(a[key], b[key]));
  }
  return a !== a && b !== b;
}
