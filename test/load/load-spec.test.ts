// A valid spec loads with its files, paths, hashes, lazy positions and cross-file $ref resolution.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../generator/errors.js";
import { loadSpec, RefError } from "../../generator/load/index.js";
import { fixture, loadReport, repoRoot } from "./fixtures.js";

describe("loadSpec on valid-minimal", () => {
  it("returns the shared file and the endpoint files sorted by posix path, with their URL paths", async () => {
    const spec = await loadSpec(fixture("valid-minimal"));
    expect(spec.apiId).toBe("valid-minimal");
    expect(spec.shared?.rel).toBe("_api.yaml");
    expect(spec.shared?.doc["x-client-name"]).toBe("mini");
    expect(spec.endpoints.map((e) => [e.rel, e.path])).toEqual([
      ["_root.json", "/"],
      ["devices/{device_id}.yaml", "/devices/{device_id}"],
      ["spaces/get.yaml", "/spaces/get"],
    ]);
    expect(spec.warnings).toEqual([]);
  });

  it("hashes the file text with sha256 and keeps the absolute path", async () => {
    const spec = await loadSpec(fixture("valid-minimal"));
    const file = spec.endpoints.find((e) => e.rel === "spaces/get.yaml")!;
    const text = await readFile(path.join(fixture("valid-minimal"), "spaces/get.yaml"), "utf8");
    expect(file.abs).toBe(path.join(fixture("valid-minimal"), "spaces", "get.yaml"));
    expect(file.text).toBe(text);
    expect(file.hash).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("locates pointers (key of a map entry, item of a sequence, deepest existing ancestor)", async () => {
    const spec = await loadSpec(fixture("valid-minimal"));
    const file = spec.endpoints.find((e) => e.rel === "spaces/get.yaml")!;
    const table: [string, { line: number; col: number }][] = [
      ["", { line: 1, col: 1 }],
      ["/paths/~1spaces~1get/post/operationId", { line: 9, col: 7 }],
      ["/paths/~1spaces~1get/get/parameters/0", { line: 54, col: 11 }],
      ["/paths/~1spaces~1get/get/parameters/0/nope", { line: 54, col: 11 }],
    ];
    for (const [pointer, want] of table) expect([pointer, file.locate(pointer)]).toEqual([pointer, want]);
  });

  it("resolves local and relative file references and throws RefError otherwise", async () => {
    const spec = await loadSpec(fixture("valid-minimal"));
    const shared = spec.resolve("spaces/get.yaml", "../_api.yaml#/components/schemas/space");
    expect([shared.file.rel, shared.pointer]).toEqual(["_api.yaml", "/components/schemas/space"]);
    expect((shared.value as any).required).toEqual(["space_id", "name"]);
    const local = spec.resolve("devices/{device_id}.yaml", "#/components/parameters/device_id");
    expect([local.file.rel, (local.value as any).name]).toEqual(["devices/{device_id}.yaml", "device_id"]);
    const self = spec.resolve("_api.yaml", "#/components/schemas/space/properties/parent/allOf/0");
    expect(self.value).toEqual({ $ref: "#/components/schemas/space" });
    expect(() => spec.resolve("spaces/get.yaml", "#/components/schemas/space")).toThrow(RefError);
    expect(() => spec.resolve("spaces/get.yaml", "#/constructor")).toThrow(RefError);
    expect(() => spec.resolve("spaces/get.yaml", "../../x.yaml#/a")).toThrow("it points outside the spec directory");
  });
});

describe("loadSpec on directories without endpoints", () => {
  it("reports a missing spec directory", async () => {
    await expect(loadSpec("test/fixtures/specs/does-not-exist")).rejects.toThrow(
      new UserError("spec directory not found: test/fixtures/specs/does-not-exist"),
    );
  });

  it("reports a directory holding only _api.yaml", async () => {
    await expect(loadSpec("test/fixtures/specs/only-shared")).rejects.toThrow(
      "no endpoint files (*.yaml, *.yml, *.json) in spec directory: test/fixtures/specs/only-shared",
    );
  });

  it("reports an empty directory", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "specsmith-empty-"));
    try {
      await expect(loadSpec(dir)).rejects.toThrow(`no endpoint files (*.yaml, *.yml, *.json) in spec directory: ${dir}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("loadSpec options", () => {
  it("shows files relative to the cwd by default", async () => {
    expect(process.cwd()).toBe(repoRoot);
    const byCwd = await loadSpec(fixture("proto-key")).catch((e: UserError) => e.report());
    expect(byCwd).toBe(await loadReport("proto-key"));
  });

  it('moves example mismatches to warnings under examples: "warn"', async () => {
    const spec = await loadSpec(fixture("example-not-matching-schema"), { displayRoot: fixture("example-not-matching-schema"), examples: "warn" });
    expect(spec.warnings.map((w) => `${w.file}:${w.line}:${w.col}  ${w.message}`)).toEqual([
      "spaces/get.yaml:11:50  must be >= 1",
      "spaces/get.yaml:26:19  must be string",
      "spaces/get.yaml:30:17  must NOT have additional property 'extra'",
      "spaces/get.yaml:31:19  must match format \"uuid\"",
      'spaces/get.yaml:32:19  must be one of ["room","floor",null]',
      "spaces/get.yaml:47:78  must be string",
    ]);
  });

  it("re-validates a changed file (the parse cache is keyed by content)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "specsmith-edit-"));
    try {
      const doc = (version: string) => `openapi: 3.0.0\ninfo: { title: T, version: ${version} }\npaths:\n  /a:\n    get:\n      responses: { '200': { description: OK } }\n`;
      await writeFile(path.join(dir, "a.yaml"), doc('"1"'));
      expect((await loadSpec(dir)).endpoints[0]?.doc.info.version).toBe("1");
      await writeFile(path.join(dir, "a.yaml"), doc("2"));
      await expect(loadSpec(dir, { displayRoot: dir })).rejects.toThrow(UserError);
      const report = await loadSpec(dir, { displayRoot: dir }).catch((e: UserError) => e.report());
      expect(report).toBe(`invalid spec .: 1 problem\na.yaml:2:19  /info/version  must be string`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
