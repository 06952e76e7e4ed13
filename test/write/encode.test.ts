// The write worker gets every file's UTF-8 bytes from this thread, encoded into one buffer (write-offload.ts'
// encodeAll). Whatever the mix of one- to four-byte characters, texts in pieces and sizes, each file must hold exactly
// what Node's own encoder makes of its text (Buffer.from, the oracle), lone surrogates included.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createTreeWriter } from "../../generator/write/index.js";
import { TextPieces, type FileText } from "../../generator/write/text.js";
import { closeWriteWorker } from "../../generator/write/write-offload.js";
import { createRng, type Rng } from "../helpers/random.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "specsmith-encode-"));
afterAll(async () => {
  await closeWriteWorker();
  rmSync(tmp, { recursive: true, force: true });
});

// One- to four-byte characters, and both halves of a surrogate pair alone (each becomes U+FFFD's three bytes).
const WIDE = ["é", "ß", "中", "€", "😀", "\u2028", "\ud800", "\udc00"];

function text(next: Rng, length: number, wideShare: number): string {
  let out = "";
  while (out.length < length) out += next() < wideShare ? (WIDE[Math.floor(next() * WIDE.length)] as string) : "a{\n"[Math.floor(next() * 3)];
  return out;
}

async function writeAll(name: string, files: Map<string, FileText>): Promise<string> {
  const root = path.join(tmp, name);
  // offloadMinFiles 0: every file goes through the write worker, encoded on this thread.
  const writer = createTreeWriter({ root, offloadMinFiles: 0 });
  writer.add("api/out", files);
  await writer.finish();
  return path.join(root, "api/out");
}

test("ASCII, a little and a lot of non-ASCII, texts in pieces, a wide text after many ASCII ones: Buffer.from's bytes", async () => {
  const next = createRng(7);
  const files = new Map<string, FileText>();
  for (let i = 0; i < 200; i++) files.set(`ascii/${i}.txt`, text(next, 50 + Math.floor(next() * 500), 0));
  for (let i = 0; i < 50; i++) files.set(`some/${i}.txt`, text(next, 100 + Math.floor(next() * 2000), 0.02));
  // All wide: three times the UTF-16 length and more, past any slack the buffer was given.
  files.set("wide.txt", text(next, 20_000, 1));
  files.set("pieces.txt", new TextPieces(Array.from({ length: 40 }, () => text(next, 300, 0.5))));
  files.set("lone.txt", "\ud83d"); // a high surrogate at the very end of a text
  files.set("empty.txt", "");
  files.set("last.txt", text(next, 5000, 0.3));
  // Past the size from which texts are measured: ASCII, a little non-ASCII, and in pieces.
  files.set("big/ascii.txt", text(next, 1_100_000, 0));
  files.set("big/some.txt", text(next, 1_100_000, 0.001));
  files.set("big/pieces.txt", new TextPieces(Array.from({ length: 300 }, () => text(next, 4000, 0.01))));
  files.set("after-big.txt", text(next, 3000, 0.1));
  const dir = await writeAll("mix", files);
  for (const [rel, content] of files) {
    const want = Buffer.from(typeof content === "string" ? content : content.toString(), "utf8");
    expect(readFileSync(path.join(dir, rel)).equals(want), rel).toBe(true);
  }
});

test("random batches against Buffer.from", async () => {
  const next = createRng(11);
  for (let round = 0; round < 10; round++) {
    const files = new Map<string, FileText>();
    const count = 1 + Math.floor(next() * 30);
    for (let i = 0; i < count; i++) files.set(`f${i}.txt`, text(next, Math.floor(next() * 3000), next() * next()));
    const dir = await writeAll(`random-${round}`, files);
    for (const [rel, content] of files) {
      expect(readFileSync(path.join(dir, rel)).equals(Buffer.from(content as string, "utf8")), `round ${round} ${rel}`).toBe(true);
    }
  }
});
