// docs/markdown from spec/groups: seed 002's sections and facts, checked against the spec files themselves.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadSpec } from "../../../generator/load/index.js";
import { buildApi } from "../../../generator/model/index.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsMarkdownTarget } from "../../../generator/targets/docs-markdown/index.js";
import { decodeCurlArgs, runCurlAll } from "../../render/http-snippets/decoders.js";
import { parseMarkdown, plainText, sectionsOf, tableRows, type MdNode } from "./parse-markdown.js";

const SPEC = path.resolve("spec/groups");
const FILE = "api/v1/groups/{groupDisplayName}/removeDevices.yaml";
const raw = parseYaml(readFileSync(path.join(SPEC, FILE), "utf8"));
const shared = parseYaml(readFileSync(path.join(SPEC, "_api.yaml"), "utf8"));
const op = raw.paths["/api/v1/groups/{groupDisplayName}/removeDevices"].delete;

let files: Map<string, string>;
let sections: Map<string, MdNode[]>;
let root: MdNode;
beforeAll(async () => {
  files = await docsMarkdownTarget.render(buildApi(await loadSpec(SPEC)), createRenderEnv());
  root = await parseMarkdown(files.get("api/v1/groups/{groupDisplayName}/removeDevices.md") ?? "");
  sections = sectionsOf(root);
});

const only = (name: string, type: string): MdNode => {
  const blocks = (sections.get(name) ?? []).filter((b) => b.type === type);
  expect(blocks, `${name}: one ${type}`).toHaveLength(1);
  return blocks[0] as MdNode;
};

describe("removeDevices page (seed 002's sections)", () => {
  test("spec/groups is present", () => expect(existsSync(path.join(SPEC, FILE))).toBe(true));

  test("title, description, resource name and method", () => {
    const intro = sections.get("") ?? [];
    expect(intro[0]).toMatchObject({ type: "heading", depth: 1 });
    expect(plainText(intro[0] as MdNode)).toBe(op.summary);
    const paragraphs = intro.filter((b) => b.type === "paragraph").map(plainText);
    expect(paragraphs).toEqual([op.description, "Resource name: /api/v1/groups/{groupDisplayName}/removeDevices", "Request method: DELETE"]);
  });

  test("sections in seed 002's order", () => {
    expect([...sections.keys()]).toEqual([
      "",
      "Request parameters",
      "Request example",
      "cURL example",
      "Status codes",
      "Response parameters",
      "Response example success 200",
      "Response example failure 400",
    ]);
  });

  test("request parameters: the path parameter and the array body", () => {
    expect(tableRows(only("Request parameters", "table"))).toEqual([
      ["Parameter", "Type", "Description"],
      ["groupDisplayName", "string (path)", op.parameters[0].description],
      ["body", "array of strings (JSON)", op.requestBody.description],
    ]);
  });

  test("request example is the spec's first body example", () => {
    const code = only("Request example", "code");
    expect(code.lang).toBe("json");
    expect(JSON.parse(code.value ?? "")).toEqual(op.requestBody.content["application/json"].examples.remove_two_devices.value);
  });

  test("curl example sends DELETE with the cookie placeholder and the array body", () => {
    const code = only("cURL example", "code");
    const [args] = runCurlAll([code.value ?? ""]);
    expect(decodeCurlArgs(args ?? [])).toEqual({
      url: "https://localhost/api/v1/groups/MyGroup/removeDevices",
      method: "DELETE",
      headers: [["Cookie", "PHPSESSID=<PHPSESSID>"], ["Content-Type", "application/json"]],
      body: ["device-01", "device-02"],
    });
  });

  test("status codes: one line per response, as the spec lists them", () => {
    const want = Object.entries(op.responses as Record<string, { description: string }>).map(([code, r]) => [code, r.description]);
    expect(tableRows(only("Status codes", "table"))).toEqual([["Code", "Description"], ...want]);
  });

  test("response parameters: Error's properties with fieldErrors' nested rows", () => {
    const error = shared.components.schemas.Error.properties;
    const fieldError = shared.components.schemas.FieldError.properties;
    expect(tableRows(only("Response parameters", "table"))).toEqual([
      ["Parameter", "Type", "Description"],
      ["error", "string", error.error.description],
      ["description", "string", error.description.description],
      ["fieldErrors", "array of FieldError", error.fieldErrors.description],
      ["fieldErrors.field", "string", fieldError.field.description],
      ["fieldErrors.error", "string", fieldError.error.description],
    ]);
  });

  test.each([
    ["Response example success 200", "200", "remove_two_devices"],
    ["Response example failure 400", "400", "invalid_device_names"],
  ])("%s parses as the spec's example", (heading, status, key) => {
    const code = only(heading, "code");
    expect(JSON.parse(code.value ?? "")).toEqual(op.responses[status].content["application/json"].examples[key].value);
  });

  test("an index page links every endpoint page", async () => {
    const index = await parseMarkdown(files.get("README.md") ?? "");
    const links: string[] = [];
    const walk = (n: MdNode & { url?: string }) => (n.type === "link" ? links.push(n.url ?? "") : n.children?.forEach(walk));
    walk(index);
    expect(links.sort()).toEqual([...files.keys()].filter((f) => f !== "README.md").sort());
  });
});
