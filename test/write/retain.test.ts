// retainWrites (a watch session): a large text in pieces is written again by splicing the bytes of the pieces that
// did not change around the ones that did. Whatever changed, the file must hold exactly the new text's UTF-8.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import { createTreeWriter } from "../../generator/write/index.js";
import { TextPieces } from "../../generator/write/text.js";
import { closeWriteWorker, retainWritten, retainWrites } from "../../generator/write/write-offload.js";
import { createRng } from "../helpers/random.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-retain-"));
afterAll(async () => {
  await closeWriteWorker();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => retainWrites(false));

// Text with one-, two-, three- and four-byte characters (a surrogate pair), so byte and character offsets differ.
const ALPHABET = ["a", "Z", "\n", '"', "é", "ß", "中", "€", "😀", "\u2028"];

function piece(next: () => number, length: number): string {
  let text = "";
  while (text.length < length) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

async function writeAndRead(root: string, text: TextPieces): Promise<string> {
  const writer = createTreeWriter({ root });
  writer.add("api/big", new Map([["doc.txt", text]]));
  await writer.finish();
  return readFileSync(path.join(root, "api/big/doc.txt"), "utf8");
}

test("edits at the start, the middle and the end, insertions, removals, equal copies and a new text", async () => {
  retainWrites(true);
  const root = path.join(tmp, "cases");
  const next = createRng(1);
  const base = Array.from({ length: 300 }, () => piece(next, 4000));
  const versions: [string, string[]][] = [
    ["base", base],
    ["one middle piece changed", base.map((p, i) => (i === 150 ? piece(next, 3000) : p))],
    ["the first piece changed", base.map((p, i) => (i === 0 ? `😀${p}` : p))],
    ["two pieces far apart changed (the ones between copied)", base.map((p, i) => (i === 5 ? piece(next, 10) : i === 290 ? `${p}€` : p))],
    ["the last piece changed", base.map((p, i) => (i === base.length - 1 ? p.slice(1) : p))],
    ["a piece inserted", [...base.slice(0, 10), piece(next, 50), ...base.slice(10)]],
    ["pieces removed", [...base.slice(0, 20), ...base.slice(40)]],
    ["equal pieces, other strings", base.map((p) => ` ${p}`.slice(1))],
    ["everything new", Array.from({ length: 280 }, () => piece(next, 4000))],
    ["base again", base],
    ["one piece only, changed", [base.join("").slice(5)]],
  ];
  for (const [label, pieces] of versions) {
    const text = new TextPieces(pieces);
    expect(await writeAndRead(root, text), label).toBe(text.toString());
  }
});

test("random edits of random pieces, against the joined text", async () => {
  retainWrites(true);
  const root = path.join(tmp, "random");
  const next = createRng(7);
  let pieces = Array.from({ length: 200 }, () => piece(next, Math.floor(next() * 12000)));
  for (let round = 0; round < 25; round++) {
    const text = new TextPieces(pieces);
    if (text.length >= 1 << 20) expect(await writeAndRead(root, text), `round ${round}`).toBe(text.toString());
    pieces = [...pieces];
    for (let edits = Math.floor(next() * 4); edits >= 0; edits--) {
      const at = Math.floor(next() * pieces.length);
      const kind = next();
      if (kind < 0.4) pieces[at] = piece(next, Math.floor(next() * 12000));
      else if (kind < 0.6) pieces.splice(at, 0, piece(next, Math.floor(next() * 100)));
      else if (kind < 0.8 && pieces.length > 1) pieces.splice(at, 1);
      else pieces[at] = "";
    }
  }
});

test("a text retained without being written (a watch session's rehearsal) is what the next write is spliced from", async () => {
  retainWrites(true);
  const root = path.join(tmp, "rehearsed");
  const next = createRng(3);
  const base = Array.from({ length: 100 }, () => piece(next, 12000));
  const text = new TextPieces(base);
  expect(await writeAndRead(root, text)).toBe(text.toString());
  // The rehearsal's pieces: equal to what was written, other strings; then a write with one piece changed.
  retainWritten(path.join(root, "api/big/doc.txt"), new TextPieces(base.map((p) => ` ${p}`.slice(1))));
  const edited = new TextPieces(base.map((p, i) => (i === 40 ? piece(next, 500) : p)));
  expect(await writeAndRead(root, edited)).toBe(edited.toString());
  // Retained while off: nothing is kept, the next write is encoded whole.
  retainWrites(false);
  retainWritten(path.join(root, "api/big/doc.txt"), new TextPieces(["stale"]));
  expect(await writeAndRead(root, text)).toBe(text.toString());
});

/** A 1.2 M-character text in 100 random pieces (seeded), and a writer run of a text as api/big/doc.txt under tmp/name. */
function bigDoc(name: string, seed: number) {
  const root = path.join(tmp, name);
  const next = createRng(seed);
  const base = Array.from({ length: 100 }, () => piece(next, 12000));
  const write = async (text: TextPieces) => {
    const writer = createTreeWriter({ root });
    writer.add("api/big", new Map([["doc.txt", text]]));
    return (await writer.finish()).written;
  };
  return { file: path.join(root, "api/big/doc.txt"), next, base, write };
}

test("a change of the same length is written without reading the file; a text unchanged since is still compared with the disk", async () => {
  retainWrites(true);
  const { file, base, write } = bigDoc("same-length", 11);
  expect(await write(new TextPieces(base))).toEqual(["api/big/doc.txt"]);
  // Piece 60's first character replaced by as many "a"s as it had bytes: the same length in bytes.
  const edited = new TextPieces(base.map((p, i) => (i === 60 ? p.replace(/^./u, (c) => "a".repeat(Buffer.byteLength(c))) : p)));
  expect(Buffer.byteLength(edited.toString())).toBe(Buffer.byteLength(base.join("")));
  expect(edited.toString()).not.toBe(base.join(""));
  // The file already holds the new bytes (put there behind the writer's back): read, it would be found unchanged.
  writeFileSync(file, edited.toString());
  expect(await write(edited)).toEqual(["api/big/doc.txt"]); // known to differ from the last write: not read
  expect(readFileSync(file, "utf8")).toBe(edited.toString());
  // The same text again (other strings): nothing known to differ, so the file is compared, and found unchanged.
  expect(await write(new TextPieces(edited.pieces.map((p) => ` ${p}`.slice(1))))).toEqual([]);
  // Changed on disk behind the writer's back (the same size), the text unchanged: the compare finds it, the write restores it.
  writeFileSync(file, `b${edited.toString().slice(1)}`);
  expect(await write(new TextPieces([...edited.pieces]))).toEqual(["api/big/doc.txt"]);
  expect(readFileSync(file, "utf8")).toBe(edited.toString());
});

test("a text in pieces that is not to be retained (api.json) keeps no bytes: its next write is compared with the disk", async () => {
  retainWrites(true);
  const { file, next, base, write } = bigDoc("not-retained", 17);
  expect(await write(new TextPieces(base, { retain: false }))).toEqual(["api/big/doc.txt"]);
  const edited = base.map((p, i) => (i === 60 ? p.replace(/^./u, (c) => "a".repeat(Buffer.byteLength(c))) : p));
  // The file already holds the new bytes: with no bytes kept from the last write, nothing says they differ, so the
  // file is read and found unchanged (a retained text would be written without reading it: the test above).
  writeFileSync(file, edited.join(""));
  expect(await write(new TextPieces(edited, { retain: false }))).toEqual([]);
  // And a real change is written whole, and right.
  const changed = new TextPieces(base.map((p, i) => (i === 10 ? piece(next, 300) : p)), { retain: false });
  expect(await write(changed)).toEqual(["api/big/doc.txt"]);
  expect(readFileSync(file, "utf8")).toBe(changed.toString());
});
