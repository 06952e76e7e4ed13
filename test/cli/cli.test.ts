import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runCli } from "../../generator/cli.js";
import { listFiles } from "../../generator/write/index.js";

const FIXTURE = path.resolve("test/fixtures/cli/petstore");

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "specsmith-cli-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("help and usage errors", () => {
  test("--help lists every subcommand with one line each", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    for (const name of ["import", "generate", "check"]) expect(out).toMatch(new RegExp(`^  ${name} +\\S.*$`, "m"));
  });
  test("each subcommand has --help", async () => {
    const { code, out } = await cli("generate", "--help");
    expect(code).toBe(0);
    expect(out).toContain("--targets <list>");
  });
  test("unknown command and unknown option exit 1 without a stack trace", async () => {
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const badOption = await cli("generate", "--nope");
    expect(badOption.code).toBe(1);
    expect(badOption.err).toContain("Unknown option '--nope'");
    expect(badOption.err).not.toMatch(/\n\s+at /);
  });
  test("unknown target is a user error", async () => {
    const { code, err } = await cli("generate", "--spec", FIXTURE, "--out", tmp, "--targets", "nope");
    expect(code).toBe(1);
    expect(err).toBe("unknown target: nope (known: " + err.split("(known: ")[1]);
  });
  test("missing spec directory", async () => {
    const { code, err } = await cli("generate", "--spec", path.join(tmp, "absent"), "--out", tmp);
    expect(code).toBe(1);
    expect(err).toContain("spec directory not found");
  });
});

describe("generate and check", () => {
  test("generate writes, regenerate writes nothing, check passes", async () => {
    const first = await cli("generate", "--spec", FIXTURE, "--out", tmp, "--targets", "model/json");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^petstore: 2 endpoints; 3 written, 0 unchanged, 0 removed \(load \d+ms, model \d+ms, render model\/json \d+ms, write \d+ms, cache \d+ms\)$/);
    expect(await listFiles(tmp)).toEqual(["petstore/model/api.json", "petstore/model/pets.json", "petstore/model/pets/{petId}.json"]);
    const model = JSON.parse(await readFile(path.join(tmp, "petstore/model/pets/{petId}.json"), "utf8"));
    expect(model).toMatchObject({ id: "/pets/{petId}", preferredMethod: "get", sdk: { method: { camel: "get" }, namespace: [{ camel: "pets" }] } });
    expect(model.examples[0]).toMatchObject({ key: "rex", response: { status: "200", body: { id: 1, name: "Rex" } } });

    const second = await cli("generate", "--spec", FIXTURE, "--out", tmp, "--targets", "model/json", "-q");
    expect(second).toEqual({ code: 0, out: "", err: "" });
    const check = await cli("check", "--spec", FIXTURE, "--out", tmp, "--targets", "model/json");
    expect(check.code).toBe(0);
    expect(check.out).toContain("3 up to date, 0 stale, 0 missing, 0 extra");
  });

  test("check lists stale, missing and extra files and writes nothing", async () => {
    await cli("generate", "--spec", FIXTURE, "--out", tmp, "--targets", "model/json");
    await writeFile(path.join(tmp, "petstore/model/pets.json"), "edited\n");
    await rm(path.join(tmp, "petstore/model/api.json"));
    await writeFile(path.join(tmp, "petstore/model/old.json"), "{}\n");
    const { code, err } = await cli("check", "--spec", FIXTURE, "--out", tmp, "--targets", "model/json", "-q");
    expect(code).toBe(1);
    expect(err.split("\n")).toEqual([
      "stale    petstore/model/pets.json",
      "missing  petstore/model/api.json",
      "extra    petstore/model/old.json",
      "3 files out of date: run specsmith generate",
    ]);
    expect(await readFile(path.join(tmp, "petstore/model/pets.json"), "utf8")).toBe("edited\n");
  });

  test("generate removes files a target no longer produces", async () => {
    const spec = path.join(tmp, "spec/petstore");
    await cp(FIXTURE, spec, { recursive: true });
    const out = path.join(tmp, "out");
    await cli("generate", "--spec", spec, "--out", out, "--targets", "model/json");
    await rm(path.join(spec, "pets/{petId}.yaml"));
    const { code, out: log } = await cli("generate", "--spec", path.join(tmp, "spec"), "--out", out, "--targets", "model/json");
    expect(code).toBe(0);
    expect(log).toContain("1 removed");
    expect(await listFiles(out)).toEqual(["petstore/model/api.json", "petstore/model/pets.json"]);
  });

  test("--templates overrides a bundled template", async () => {
    const templates = path.join(tmp, "templates/model");
    await cp(FIXTURE, path.join(tmp, "spec/petstore"), { recursive: true });
    await mkdir(templates, { recursive: true });
    await writeFile(path.join(templates, "endpoint.json.hbs"), "{{endpoint.id}} {{endpoint.preferredMethod}}\n");
    const out = path.join(tmp, "out");
    const { code } = await cli("generate", "--spec", path.join(tmp, "spec"), "--out", out, "--targets", "model/json", "--templates", path.join(tmp, "templates"));
    expect(code).toBe(0);
    expect(await readFile(path.join(out, "petstore/model/pets.json"), "utf8")).toBe("/pets get\n");
  });
});

describe("broken specs through the CLI", () => {
  // Each broken fixture: exit 1, a located first problem line, no stack trace. The full texts are asserted in test/load.
  const cases: [string, RegExp][] = [
    ["bad-yaml", /^test\/fixtures\/specs\/bad-yaml\/broken\.yaml:9:1  invalid YAML: /m],
    ["unresolved-ref", /^test\/fixtures\/specs\/unresolved-ref\/\S+:\d+:\d+  \/\S+  /m],
    ["example-not-matching-schema", /^test\/fixtures\/specs\/example-not-matching-schema\/\S+:\d+:\d+  \/paths\/\S+\/examples\/\S+  must /m],
    ["duplicate-endpoint", /^test\/fixtures\/specs\/duplicate-endpoint\/\S+:\d+:\d+  /m],
    ["unsafe-name", /^test\/fixtures\/specs\/unsafe-name\/\S+:\d+:\d+  /m],
  ];
  test.each(cases)("%s", async (name, located) => {
    const { code, out, err } = await cli("generate", "--spec", `test/fixtures/specs/${name}`, "--out", tmp, "--targets", "model/json");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(new RegExp(`^invalid spec test/fixtures/specs/${name}: \\d+ problems?$`, "m"));
    expect(err).toMatch(located);
    expect(err).not.toMatch(/\n\s+at /);
    expect(await listFiles(tmp)).toEqual([]);
  });
});
