// The shard codec: JSON written as ASCII, long strings written raw after it, and read back as they were.
import { isAscii } from "node:buffer";
import { describe, expect, it } from "vitest";
import { asciiJsonBytes, decodeCacheText, parseShardBytes, toShardBytes } from "../generator/shard-files.js";
import type { FileBytes } from "../generator/write/file-ops.js";

const LONG = 64 * 1024;

/** A long string with what JSON escapes (quotes, backslashes, newlines, control characters) and non-ASCII text. */
function longText(seed: string): string {
  const unit = `${seed} "quoted" back\\slash\nline\ttab \u0001 ünïcödé 😀 </script>\r\n`;
  return unit.repeat(Math.ceil(LONG / unit.length) + 1);
}

/** The bytes as one buffer (a file's content once written). */
function joined(bytes: FileBytes): Buffer {
  if (typeof bytes === "string") return Buffer.from(bytes, "utf8");
  return Array.isArray(bytes) ? Buffer.concat(bytes as Uint8Array[]) : Buffer.from(bytes as Uint8Array);
}

/** The shard's JSON line as text (its first line). */
function jsonPart(bytes: Buffer): string {
  const end = bytes.indexOf(0x0a);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString("utf8");
}

describe("toShardBytes / parseShardBytes", () => {
  it("keeps long strings out of the JSON, raw, and reads back the same value", () => {
    const value = {
      format: "f/1",
      prepared: ["key", { head: longText("head"), tail: "]}", short: "a\nb ü 😀", list: [longText("a"), 1, null, longText("b")] }],
    };
    const bytes = joined(toShardBytes(value));
    const json = jsonPart(bytes);
    expect(JSON.parse(json)).toBeTypeOf("object");
    expect(json.length).toBeLessThan(1000); // the three long strings are not in it
    expect(isAscii(Buffer.from(json))).toBe(true); // "ü 😀" of the short string are escaped
    expect(bytes.toString("utf8")).toContain(longText("head")); // raw, unescaped
    expect(parseShardBytes(bytes)).toEqual(value);
  });

  it("decodes each raw string alone: an ASCII one as such, next to one that is not", () => {
    const ascii = "plain ascii text\n".repeat(LONG / 8);
    const value = { a: ascii, b: longText("b") };
    const parsed = parseShardBytes(joined(toShardBytes(value))) as typeof value;
    expect(parsed).toEqual(value);
    // Lengths are in bytes: a UTF-16 count would cut the second string short (and the read would fail).
    expect(Buffer.byteLength(value.b)).toBeGreaterThan(value.b.length);
  });

  it("writes plain JSON, as ASCII, when no string is long", () => {
    const value = { a: "x".repeat(LONG - 1), b: [1, "two", "ünïcödé 😀 \u2028"], "kéy": true };
    const bytes = joined(toShardBytes(value));
    expect(isAscii(bytes)).toBe(true);
    expect(JSON.parse(bytes.toString("latin1"))).toEqual(value);
    expect(parseShardBytes(bytes)).toEqual(value);
  });

  it("keeps a long string with a lone surrogate in the JSON (UTF-8 could not carry it)", () => {
    const value = { s: "\uD800" + "y".repeat(LONG), t: longText("t") };
    const bytes = joined(toShardBytes(value));
    expect(jsonPart(bytes)).toContain(JSON.stringify(value.s));
    expect(parseShardBytes(bytes)).toEqual(value);
  });

  it("writes plain JSON when the value has an object with the marker's key", () => {
    const value = { t: longText("t"), odd: { "\u0000specsmith-raw": 0 } };
    const bytes = joined(toShardBytes(value));
    expect(bytes.indexOf(0x0a)).toBe(-1);
    expect(parseShardBytes(bytes)).toEqual(value);
  });

  it("reads damaged bytes as null", () => {
    const bytes = joined(toShardBytes({ s: longText("x"), n: 1 }));
    const text = bytes.toString("latin1"); // byte for byte
    const edited = (t: string) => Buffer.from(t, "latin1");
    expect(parseShardBytes(bytes.subarray(0, -1))).toBeNull(); // truncated raw text
    expect(parseShardBytes(Buffer.concat([bytes, Buffer.from("z")]))).toBeNull(); // trailing bytes
    expect(parseShardBytes(edited(text.replace(/\n\[\d+\]\n/, "\n[oops]\n")))).toBeNull();
    expect(parseShardBytes(edited(text.replace(/\n\[(\d+)\]\n/, "\n[99999999]\n")))).toBeNull(); // longer than the file
    expect(parseShardBytes(edited(text.replace(/\n\[(\d+)\]\n/, "\n[$1,0]\n").replace(/:0\}/, ":5}")))).toBeNull(); // marker names no raw string
    expect(parseShardBytes(Buffer.from("{ not json"))).toBeNull();
    expect(parseShardBytes(null)).toBeNull();
  });
});

describe("asciiJsonBytes / decodeCacheText", () => {
  it("writes every non-ASCII character as an escape, and the text reads back as the same value", () => {
    const value = { s: "ünïcödé 😀 \u2028 \u00ff \u0080 \uD800 lone", [`kéy ${"€"}`]: ["\u007f", "日本語"] };
    const bytes = asciiJsonBytes(JSON.stringify(value));
    expect(isAscii(bytes)).toBe(true);
    expect(JSON.parse(decodeCacheText(bytes))).toEqual(value);
  });

  it("leaves ASCII JSON as it is", () => {
    const json = JSON.stringify({ a: "plain \"quoted\" \n text", b: [1, 2] });
    expect(asciiJsonBytes(json).toString("latin1")).toBe(json);
  });

  it("decodes ASCII bytes as Latin-1 and others as UTF-8 (a file another writer made)", () => {
    expect(decodeCacheText(Buffer.from("plain"))).toBe("plain");
    expect(decodeCacheText(Buffer.from('{"s":"ü 😀"}', "utf8"))).toBe('{"s":"ü 😀"}');
    const buffer = Buffer.from("xx plain yy");
    expect(decodeCacheText(buffer.subarray(3, 8))).toBe("plain"); // a view into a larger buffer
  });
});
