// The wrappers that put a result under the request code in Mintlify's x-codeSamples (rules read off the 40 corpus operations).
import { describe, expect, test } from "vitest";
import {
  commentLines,
  formatCliResult,
  formatCurlResult,
  formatJavascriptResult,
  joinSample,
  type OutputWrap,
} from "../../../generator/targets/docs-mintlify/code-samples.js";
import type { OutputInput } from "../../../generator/render/snippets/types.js";

describe("joinSample", () => {
  const cases: [string, { given: { request: string; output: string; wrap: OutputWrap }; want: string }][] = [
    [
      "javascript void",
      {
        given: { request: "await seam.x.y();", output: "// void", wrap: "block-comment" },
        want: "await seam.x.y();\n\n/*\n// void\n*/",
      },
    ],
    [
      "javascript json",
      {
        given: { request: "r;", output: '{\n  "a": 1\n}', wrap: "block-comment" },
        want: 'r;\n\n/*\n{\n  "a": 1\n}\n*/',
      },
    ],
    [
      "javascript `*/` inside a string stays in the comment",
      { given: { request: "r;", output: '"a*/b"', wrap: "block-comment" }, want: 'r;\n\n/*\n"a*\\/b"\n*/' },
    ],
    [
      "curl",
      {
        given: { request: "curl x", output: '{\n  "a": 1\n}', wrap: "response-comment" },
        want: 'curl x\n\n# Response:\n# {\n#   "a": 1\n# }',
      },
    ],
    [
      "curl void",
      { given: { request: "curl x", output: "{}", wrap: "response-comment" }, want: "curl x\n\n# Response:\n# {}" },
    ],
    [
      "cli",
      {
        given: { request: "seam a b", output: "[\n  1\n]", wrap: "line-comments" },
        want: "seam a b\n\n# [\n#   1\n# ]",
      },
    ],
    [
      "python: only the first line is commented",
      {
        given: { request: "seam.a()", output: "Space(\n    a=1,\n)", wrap: "first-line-hash" },
        want: "seam.a()\n\n# Space(\n    a=1,\n)",
      },
    ],
    [
      "python void",
      { given: { request: "seam.a()", output: "None", wrap: "first-line-hash" }, want: "seam.a()\n\n# None" },
    ],
    ["ruby", { given: { request: "seam.a()", output: "nil", wrap: "first-line-ruby" }, want: "seam.a()\n\n# => nil" }],
    [
      "php",
      {
        given: { request: "$seam->a();", output: "[\n    1,\n];", wrap: "first-line-slashes" },
        want: "$seam->a();\n\n// [\n    1,\n];",
      },
    ],
    [
      "php void: no output at all",
      { given: { request: "$seam->a();", output: "", wrap: "first-line-slashes" }, want: "$seam->a();" },
    ],
  ];
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(joinSample(given.request, given.output, given.wrap)).toBe(want);
  });
});

describe("commentLines", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["one line", { given: "{}", want: "# {}" }],
    ["blank lines get a bare marker", { given: "a\n\nb", want: "# a\n#\n# b" }],
    [
      "every line break a shell or Python reader honours starts a comment",
      { given: "a\rb\r\nc\u2028d", want: "# a\n# b\n# c\n# d" },
    ],
  ];
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(commentLines(given, "#")).toBe(want);
  });
});

const out = (o: Partial<OutputInput>): OutputInput => ({
  kind: "resource",
  responseKey: null,
  resourceType: null,
  body: null,
  ...o,
});

describe("result formatting (plain two-space JSON, unlike prettier on the GitBook pages)", () => {
  const space = { space_id: "s1", ids: ["a"] };
  const cases: [string, { given: OutputInput; want: { js: string; curl: string; cli: string } }][] = [
    [
      "void",
      { given: out({ kind: "void", responseKey: null, body: null }), want: { js: "// void", curl: "{}", cli: "{}" } },
    ],
    [
      "resource under its response key",
      {
        given: out({ kind: "resource", responseKey: "space", resourceType: "space", body: { space, ok: true } }),
        want: {
          js: '{\n  "space_id": "s1",\n  "ids": [\n    "a"\n  ]\n}',
          curl: '{\n  "space": {\n    "space_id": "s1",\n    "ids": [\n      "a"\n    ]\n  }\n}',
          cli: '{\n  "space_id": "s1",\n  "ids": [\n    "a"\n  ]\n}',
        },
      },
    ],
    [
      "list: pagination left out of the curl body",
      {
        given: out({
          kind: "resource_list",
          responseKey: "spaces",
          body: { spaces: [], pagination: { has_next_page: false } },
        }),
        want: { js: "[]", curl: '{\n  "spaces": []\n}', cli: "[]" },
      },
    ],
    [
      "no response key: the whole body",
      {
        given: out({ kind: "other", responseKey: null, body: { a: 1 } }),
        want: { js: '{\n  "a": 1\n}', curl: '{\n  "a": 1\n}', cli: '{\n  "a": 1\n}' },
      },
    ],
  ];
  test.each(cases)("%s", (_name, { given, want }) => {
    expect({ js: formatJavascriptResult(given), curl: formatCurlResult(given), cli: formatCliResult(given) }).toEqual(
      want,
    );
  });
});
