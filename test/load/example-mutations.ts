// Seeded mutations of example values: each breaks one spot the way a stale example does (a dropped or
// unknown property, a wrong type, null, a bad enum value or format, a length or bound out of range).

import { createRng, type Rng } from "../helpers/random.js";

export { createRng, type Rng };

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** Strings near the edges of the formats and patterns specs use. */
export const TRICKY_STRINGS = [
  "", " ", "x", "not-an-enum-value", "2020-13-01", "2020-02-30", "2024-02-29", "2023-02-29", "2020-01-01T25:00:00Z",
  "2020-01-01T10:00:00", "2020-01-01 10:00:00Z", "2020-01-01t10:00:00.123+01:00", "23:59:60Z", "10:00:00+25:00",
  "http://", "https://example.com/a b", "https://example.com/path?q=1#f", "example.com", "mailto:", "urn:x",
  "a@b", "a@b.c", "user.name+tag@example.co.uk", "@example.com", "::1", "1::", "1:2:3:4:5:6:7:8", "1.2.3.4",
  "256.1.1.1", "01.2.3.4", "abc=", "abcd", "ab==", "QUJD\nx", "550e8400-e29b-41d4-a716-446655440000",
  "550e8400-e29b-41d4-a716-44665544000", "P1D", "PT", "P1W", "/a~0b", "/a~2", "0#", "{var}", "{+x,y:3}",
  "😀😀😀", "é", "x".repeat(300), "-", "UPPER", "with\nnewline", "[", "\\Z", "host-name.example", "-bad.example",
];

const NUMBERS = [-1, 0, 0.5, -0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 1e12, -1e12, 100000, 3, 7];

type Container = Record<string, unknown> | unknown[];
interface Spot {
  parent: Container | null;
  key: string | number;
  value: unknown;
}

function listSpots(root: unknown): Spot[] {
  const spots: Spot[] = [{ parent: null, key: "", value: root }];
  const walk = (value: unknown) => {
    if (spots.length > 2000 || typeof value !== "object" || value === null) return;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      spots.push({ parent: value as Container, key, value: child });
      walk(child);
    }
  };
  walk(root);
  return spots;
}

/** A replacement for `value`, or undefined to delete it from its parent. */
function mutateValue(rng: Rng, value: unknown): unknown {
  const anyKind = [null, "zzz", 42, true, {}, [], pick(rng, TRICKY_STRINGS), pick(rng, NUMBERS)];
  if (typeof value === "string") {
    return pick(rng, [undefined, "", value.repeat(40), value.slice(0, 1), `${value}😀`, value.toUpperCase(), pick(rng, TRICKY_STRINGS), pick(rng, anyKind)]);
  }
  if (typeof value === "number") return pick(rng, [undefined, -value, value * 1000 + 0.5, pick(rng, NUMBERS), String(value), pick(rng, anyKind)]);
  if (Array.isArray(value)) {
    const first = value[0];
    return pick(rng, [undefined, [], [...value, ...value], [...value, first, first], [...value, "x"], value.slice(0, 1), { length: value.length }, pick(rng, anyKind)]);
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    const drop = keys.length ? pick(rng, keys) : "";
    const without = Object.fromEntries(Object.entries(value).filter(([k]) => k !== drop));
    return pick(rng, [undefined, without, { ...value, zz_unknown: 1 }, { ...value, [drop || "k"]: null }, {}, pick(rng, anyKind)]);
  }
  return pick(rng, anyKind);
}

/** A deep copy of `value` with one or two spots changed. */
export function mutateExample(rng: Rng, value: unknown): unknown {
  let root = structuredClone(value);
  const rounds = rng() < 0.7 ? 1 : 2;
  for (let n = 0; n < rounds; n++) {
    const spot = pick(rng, listSpots(root));
    const next = mutateValue(rng, spot.value);
    if (spot.parent === null) root = next === undefined ? null : next;
    else if (next === undefined && Array.isArray(spot.parent)) spot.parent.splice(spot.key as number, 1);
    else if (next === undefined) delete (spot.parent as Record<string, unknown>)[spot.key as string];
    else (spot.parent as Record<string, unknown>)[spot.key as string] = next;
  }
  return root;
}
