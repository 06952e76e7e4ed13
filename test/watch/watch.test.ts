import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { runWatch } from "../../generator/watch.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "specsmith-watch-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Resolves when a logged line matches, failing after a timeout. */
function waitFor(lines: string[], pattern: RegExp, from: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (lines.slice(from).some((l) => pattern.test(l))) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        reject(new Error(`no line matching ${pattern} in:\n${lines.join("\n")}`));
      }
    }, 20);
  });
}

test("regenerates on change, survives a broken file and recovers when it is fixed", async () => {
  const spec = path.join(tmp, "spec/petstore");
  const out = path.join(tmp, "out");
  await cp("test/fixtures/cli/petstore", spec, { recursive: true });
  const lines: string[] = [];
  const controller = new AbortController();
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const watching = runWatch({ spec: path.join(tmp, "spec"), out, targets: ["model/json"], io, signal: controller.signal, debounceMs: 50 });
  await waitFor(lines, /^watching /, 0);
  expect(lines[0]).toMatch(/^start: regenerated in \d+ ms \(3 files changed\)$/);

  const file = path.join(spec, "pets.yaml");
  const good = await readFile(file, "utf8");
  let mark = lines.length;
  await writeFile(file, good.replace("operationId: listPets", "operationId: [listPets"));
  await waitFor(lines, /watching for a fix/, mark);
  expect(lines.slice(mark).join("\n")).toMatch(/pets\.yaml:\d+:\d+ .*invalid YAML/);

  mark = lines.length;
  await writeFile(file, good.replace("summary: Two pets", "summary: Two good pets"));
  await waitFor(lines, /^changed .*pets\.yaml: regenerated in \d+ ms \(1 files changed\)$/, mark);
  const model = JSON.parse(await readFile(path.join(out, "petstore/model/pets.json"), "utf8"));
  expect(model.examples[0].title).toBe("Two good pets");

  controller.abort();
  await watching;
}, 60_000);
