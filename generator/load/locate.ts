// Maps a JSON pointer to a line/column, only when a problem needs it: by indentation for YAML the fast
// reader accepts (locate-fast.ts), otherwise by re-parsing with positions.
import YAML, { LineCounter, isMap, isSeq, isScalar, isAlias, type Node, type Document } from "yaml";
import { fromPointer } from "../errors.js";
import { createFastLocate } from "./locate-fast.js";

export type Locate = (pointer: string) => { line: number; col: number };

/** A document parsed with positions (kept from the first parse so findings need no re-parse). */
export interface Positions {
  doc: Document;
  counter: LineCounter;
}

export interface Locator extends Locate {
  /** Drops the positions held from the first parse (the next call re-parses), to free memory after a load. */
  release(): void;
}

/** A locator that reads `text` on first use (JSON parses as YAML too), or starts from `positions`. */
export function createLocator(text: string, positions: Positions | null = null, fastParsed = false): Locator {
  if (positions) return createYamlLocator(text, positions);
  let locate: Locate | null = null;
  const locator = (pointer: string) => {
    // `fastParsed`: the fast reader already accepted this text, so the fast locator applies without checking.
    locate ??= createFastLocate(text, fastParsed) ?? createYamlLocator(text);
    return locate(pointer);
  };
  return Object.assign(locator, { release: () => void (locate = null) });
}

/** The locator by yaml's positioned parse (the fast locator's fallback, and its reference in tests). */
export function createYamlLocator(text: string, positions: Positions | null = null): Locator {
  let parsed = positions;
  const locate = (pointer: string) => {
    if (!parsed) {
      const counter = new LineCounter();
      parsed = { doc: YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: false }), counter };
    }
    const offset = findOffset(parsed.doc, fromPointer(pointer));
    return parsed.counter.linePos(offset);
  };
  return Object.assign(locate, { release: () => void (parsed = null) });
}

/** Offset of the key (map entry) or item (sequence) the pointer names, or of its deepest existing ancestor. */
function findOffset(doc: Document, segments: readonly string[]): number {
  let node = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const seg of segments) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = /^\d+$/.test(seg) ? (node.items[Number(seg)] as Node | undefined) : undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
