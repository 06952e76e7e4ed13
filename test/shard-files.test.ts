// The shard text codec: long strings are written raw after the JSON, and read back as they were.
import { describe, expect, it } from "vitest";
import { parseShardText, toShardText } from "../generator/shard-files.js";

const LONG = 64 * 1024;

/** A long string with what JSON escapes (quotes, backslashes, newlines, control characters) and non-ASCII text. */
function longText(seed: string): string {
  const unit = `${seed} "quoted" back\\slash\nline\ttab \u0001 ünïcödé 😀 </script>\r\n`;
  return unit.repeat(Math.ceil(LONG / unit.length) + 1);
}

describe("toShardText / parseShardText", () => {
  it("keeps long strings out of the JSON, raw, and reads back the same value", () => {
    const value = {
      format: "f/1",
      prepared: ["key", { head: longText("head"), tail: "]}", short: "a\nb", list: [longText("a"), 1, null, longText("b")] }],
    };
    const text = toShardText(value);
    const jsonPart = text.slice(0, text.indexOf("\n"));
    expect(() => JSON.parse(jsonPart)).not.toThrow();
    expect(jsonPart.length).toBeLessThan(1000); // the three long strings are not in it
    expect(text).toContain(longText("head")); // raw, unescaped
    expect(parseShardText(text)).toEqual(value);
  });

  it("writes plain JSON when no string is long", () => {
    const value = { a: "x".repeat(LONG - 1), b: [1, "two"] };
    const text = toShardText(value);
    expect(text).toBe(JSON.stringify(value));
    expect(parseShardText(text)).toEqual(value);
  });

  it("keeps a long string with a lone surrogate in the JSON (UTF-8 could not carry it)", () => {
    const value = { s: "\uD800" + "y".repeat(LONG), t: longText("t") };
    const text = toShardText(value);
    expect(text).toContain(JSON.stringify(value.s));
    expect(parseShardText(Buffer.from(text, "utf8").toString("utf8"))).toEqual(value);
  });

  it("writes plain JSON when the value has an object with the marker's key", () => {
    const value = { t: longText("t"), odd: { "\u0000specsmith-raw": 0 } };
    const text = toShardText(value);
    expect(text).toBe(JSON.stringify(value));
    expect(parseShardText(text)).toEqual(value);
  });

  it("survives a round trip through a UTF-8 file's bytes", () => {
    const value = { s: longText("bytes") };
    expect(parseShardText(Buffer.from(toShardText(value), "utf8").toString("utf8"))).toEqual(value);
  });

  it("reads a damaged text as null", () => {
    const text = toShardText({ s: longText("x"), n: 1 });
    expect(parseShardText(text.slice(0, -1))).toBeNull(); // truncated raw text
    expect(parseShardText(text + "z")).toBeNull(); // trailing bytes
    expect(parseShardText(text.replace(/\n\[\d+\]\n/, "\n[oops]\n"))).toBeNull();
    expect(parseShardText(text.replace(/\n\[(\d+)\]\n/, "\n[$1,0]\n").replace(/:0\}/, ":5}"))).toBeNull(); // marker names no raw string
    expect(parseShardText("{ not json")).toBeNull();
    expect(parseShardText(null)).toBeNull();
  });
});
