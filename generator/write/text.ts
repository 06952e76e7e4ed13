// A generated file's text, whole or as pieces. A whole-API file (a document's JSON, the client's types) is mostly
// other strings laid end to end; handed over as those pieces, it is encoded piece by piece and never joined into one
// string (a join, or flattening a concatenation, copies it all again), and a watch session rewrites only the bytes
// of the pieces that changed (see write-offload.ts).

export class TextPieces {
  /** Characters (UTF-16 units) in all. */
  readonly length: number;
  /**
   * Whether a watch session keeps this text's bytes for the file's next write (see retainWrites): not for a file
   * that an endpoint edit leaves as it is (api.json changes with the API-level data only), whose kept bytes would
   * only cost memory.
   */
  readonly retain: boolean;

  constructor(
    readonly pieces: readonly string[],
    options: { retain?: boolean } = {},
  ) {
    let length = 0;
    for (const piece of pieces) length += piece.length;
    this.length = length;
    this.retain = options.retain ?? true;
  }

  /** The whole text (one string: what the pieces are spared in the writer). */
  toString(): string {
    return this.pieces.join("");
  }
}

export type FileText = string | TextPieces;

/** The text as one string. */
export function textOf(content: FileText): string {
  return typeof content === "string" ? content : content.toString();
}

/** Each file's text as one string (for callers that read them as such). */
export function textsOf<K>(files: ReadonlyMap<K, FileText>): Map<K, string> {
  return new Map([...files].map(([key, content]) => [key, textOf(content)]));
}
