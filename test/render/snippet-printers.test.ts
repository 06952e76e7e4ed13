// Given/want tables for each printer; every want is also run through the formatter Seam used, which must keep it.
import { describe, expect, test } from "vitest";
import {
  printCliOutput,
  printCliRequest,
  printCurlOutput,
  printCurlRequest,
  printJavascriptOutput,
  printJavascriptRequest,
  printPhpOutput,
  printPhpRequest,
  printPythonOutput,
  printPythonRequest,
  printRubyOutput,
  printRubyRequest,
  sdkSnippetLanguages,
} from "../../generator/render/snippets/index.js";
import type { OutputInput, SdkCallInput } from "../../generator/render/snippets/types.js";
import { prettierJson, prettierPhp, prettierTypescript, ruff, shfmt } from "./formatters.js";

const call = (namespace: string[], method: string, params: Array<[string, unknown]>): SdkCallInput => ({
  clientName: "seam",
  namespace,
  method,
  params,
});
const uuid = "4d53b5c0-87cd-4de9-832d-025e075e7cd4";
const long = "x".repeat(70);
const calls = {
  none: call(["spaces"], "list", []),
  short: call(["locks"], "unlock_door", [["device_id", "d1"]]),
  nested: call(["user_identities", "unmanaged"], "remove_from_access_group", [
    ["space_id", uuid],
    ["device_ids", [uuid, uuid]],
    ["schedule", { starts_at: "2025-06-10T15:00:00.000Z", ends_at: "2025-06-12T11:00:00.000Z" }],
    ["limit", 10],
    ["is_x", true],
    ["name", null],
  ]),
  longString: call(["spaces"], "create", [["name", long]]),
  numbers: call(["a"], "b", [["codes", Array.from({ length: 30 }, (_, i) => 1000 + i)]]),
  objects: call(["a"], "b", [["periods", [{ at: "00:00", key: "sleep" }, { at: "07:00", key: "home" }]]]),
};

const outputs: Record<string, OutputInput> = {
  void: { kind: "void", responseKey: null, resourceType: null, body: null },
  resource: {
    kind: "action_attempt",
    responseKey: "action_attempt",
    resourceType: "action_attempt",
    body: { action_attempt: { id: "a1", error: null, result: { ok: false, list: [] }, empty: {} }, ok: true },
  },
  list: {
    kind: "resource_list",
    responseKey: "spaces",
    resourceType: "space",
    body: { spaces: [{ space_id: uuid, name: long }, { space_id: uuid, tags: ["a", "b"] }], pagination: {} },
  },
};

type Case = [string, { given: () => string; want: string }];

const javascript: Case[] = [
  ["no params", { given: () => printJavascriptRequest(calls.none), want: "await seam.spaces.list();" }],
  ["fits on a line", { given: () => printJavascriptRequest(calls.short), want: 'await seam.locks.unlockDoor({ device_id: "d1" });' }],
  [
    "camelCase namespaces, breaks, trailing commas, null after the key",
    {
      given: () => printJavascriptRequest(calls.nested),
      want: `await seam.userIdentities.unmanaged.removeFromAccessGroup({
  space_id: "${uuid}",
  device_ids: [
    "${uuid}",
    "${uuid}",
  ],
  schedule: {
    starts_at: "2025-06-10T15:00:00.000Z",
    ends_at: "2025-06-12T11:00:00.000Z",
  },
  limit: 10,
  is_x: true,
  name: null,
});`,
    },
  ],
  ["long string breaks after the key", { given: () => printJavascriptRequest(calls.longString), want: `await seam.spaces.create({\n  name: "${long}",\n});` }],
  ["numbers fill the line", { given: () => printJavascriptRequest(calls.numbers), want: `await seam.a.b({\n  codes: [\n    ${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => 1000 + i).join(", ")},\n    ${[12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map((i) => 1000 + i).join(", ")},\n    ${[24, 25, 26, 27, 28, 29].map((i) => 1000 + i).join(", ")},\n  ],\n});` }],
  ["several objects always break", { given: () => printJavascriptRequest(calls.objects), want: `await seam.a.b({\n  periods: [\n    { at: "00:00", key: "sleep" },\n    { at: "07:00", key: "home" },\n  ],\n});` }],
];

const javascriptOutput: Case[] = [
  ["void", { given: () => printJavascriptOutput(outputs.void!), want: "// void" }],
  ["resource, unwrapped", { given: () => printJavascriptOutput(outputs.resource!), want: `{\n  "id": "a1",\n  "error": null,\n  "result": { "ok": false, "list": [] },\n  "empty": {}\n}` }],
  ["list", { given: () => printJavascriptOutput(outputs.list!), want: `[\n  {\n    "space_id": "${uuid}",\n    "name": "${long}"\n  },\n  { "space_id": "${uuid}", "tags": ["a", "b"] }\n]` }],
];

describe("javascript", () => {
  test.each(javascript)("%s", async (_, { given, want }) => {
    expect(given()).toBe(want);
    expect(await prettierTypescript(want)).toBe(want);
  });
  test.each(javascriptOutput)("output: %s", async (_, { given, want }) => {
    expect(given()).toBe(want);
    if (!want.startsWith("//")) expect(await prettierJson(want)).toBe(want);
  });
});

const python: Case[] = [
  ["no params", { given: () => printPythonRequest(calls.none), want: "seam.spaces.list()" }],
  ["one line", { given: () => printPythonRequest(calls.short), want: 'seam.locks.unlock_door(device_id="d1")' }],
  [
    "one per line with a magic trailing comma; Python literals in requests",
    {
      given: () => printPythonRequest(calls.nested),
      want: `seam.user_identities.unmanaged.remove_from_access_group(
    space_id="${uuid}",
    device_ids=[
        "${uuid}",
        "${uuid}",
    ],
    schedule={
        "starts_at": "2025-06-10T15:00:00.000Z",
        "ends_at": "2025-06-12T11:00:00.000Z",
    },
    limit=10,
    is_x=True,
    name=None,
)`,
    },
  ],
  ["a sole argument gets no trailing comma", { given: () => printPythonRequest(calls.longString), want: `seam.spaces.create(\n    name="${long}"\n)` }],
  ["all arguments on one indented line when they fit", { given: () => printPythonRequest(call(["a"], "b", [["first_argument", long.slice(0, 60)], ["n", 1]])), want: `seam.a.b(\n    first_argument="${long.slice(0, 60)}", n=1\n)` }],
  ["void", { given: () => printPythonOutput(outputs.void!), want: "None" }],
  ["resource: class call, nested JSON literals", { given: () => printPythonOutput(outputs.resource!), want: 'ActionAttempt(id="a1", error=None, result={"ok": false, "list": []}, empty={})' }],
  ["list of resources", { given: () => printPythonOutput(outputs.list!), want: `[\n    Space(\n        space_id="${uuid}",\n        name="${long}",\n    ),\n    Space(space_id="${uuid}", tags=["a", "b"]),\n]` }],
];

describe("python", () => {
  test.each(python)("%s", (_, { given, want }) => {
    expect(given()).toBe(want);
    expect(ruff(want)).toBe(want);
  });
});

const php: Case[] = [
  ["no params", { given: () => printPhpRequest(calls.none), want: "$seam->spaces->list();" }],
  ["one line", { given: () => printPhpRequest(calls.short), want: '$seam->locks->unlock_door(device_id: "d1");' }],
  [
    "named arguments, assoc arrays",
    {
      given: () => printPhpRequest(calls.nested),
      want: `$seam->user_identities->unmanaged->remove_from_access_group(
    space_id: "${uuid}",
    device_ids: [
        "${uuid}",
        "${uuid}",
    ],
    schedule: [
        "starts_at" => "2025-06-10T15:00:00.000Z",
        "ends_at" => "2025-06-12T11:00:00.000Z",
    ],
    limit: 10,
    is_x: true,
    name: null,
);`,
    },
  ],
  ["void prints nothing", { given: () => printPhpOutput(outputs.void!), want: "" }],
  ["resource", { given: () => printPhpOutput(outputs.resource!), want: '[\n    "id" => "a1",\n    "error" => null,\n    "result" => ["ok" => false, "list" => []],\n    "empty" => [],\n];' }],
  ["long string moves after =>", { given: () => printPhpOutput(outputs.list!), want: `[\n    [\n        "space_id" => "${uuid}",\n        "name" =>\n            "${long}",\n    ],\n    [\n        "space_id" => "${uuid}",\n        "tags" => ["a", "b"],\n    ],\n];` }],
];

describe("php", () => {
  test.each(php)("%s", async (_, { given, want }) => {
    expect(given()).toBe(want);
    if (want !== "") expect(await prettierPhp(want)).toBe(want);
  });
});

const bigResource: OutputInput = { ...outputs.resource!, body: { action_attempt: { ...(outputs.resource!.body as any).action_attempt, status: long } } };

// No Ruby formatter runs here (syntax_tree needs Ruby); these wants follow the corpus rules and are parsed in the escaping test.
const ruby: Case[] = [
  ["no params keeps the parentheses", { given: () => printRubyRequest(calls.none), want: "seam.spaces.list()" }],
  ["one line", { given: () => printRubyRequest(calls.short), want: 'seam.locks.unlock_door(device_id: "d1")' }],
  [
    "hash argument breaks with the call; word arrays as %w",
    {
      given: () => printRubyRequest(call(["a"], "b", [["ids", ["a1", "b2"]], ["schedule", { starts_at: long + long }]])),
      want: `seam.a.b(\n  ids: %w[a1 b2],\n  schedule: {\n    starts_at:\n      "${long + long}",\n  },\n)`,
    },
  ],
  ["void", { given: () => printRubyOutput(outputs.void!), want: "nil" }],
  [
    "resource: string keys on top, labels inside, nested hashes break with their parent, empty hash too",
    { given: () => printRubyOutput(bigResource), want: `{\n  "id" => "a1",\n  "error" => nil,\n  "result" => {\n    ok: false,\n    list: [],\n  },\n  "empty" => {\n  },\n  "status" => "${long}",\n}` },
  ],
  [
    "a resource that fits stays on one line (100 columns)",
    { given: () => printRubyOutput(outputs.resource!), want: '{ "id" => "a1", "error" => nil, "result" => { ok: false, list: [] }, "empty" => {} }' },
  ],
];

describe("ruby", () => {
  test.each(ruby)("%s", (_, { given, want }) => expect(given()).toBe(want));
});

const shell: Case[] = [
  ["cli, kebab case", { given: () => printCliRequest(calls.nested), want: `seam user-identities unmanaged remove-from-access-group --space_id "${uuid}" --device_ids ["${uuid}","${uuid}"] --schedule {"starts_at":"2025-06-10T15:00:00.000Z","ends_at":"2025-06-12T11:00:00.000Z"} --limit 10 --is_x true --name null` }],
  ["cli, no params", { given: () => printCliRequest(calls.none), want: "seam spaces list" }],
  [
    "curl with a body",
    {
      given: () => printCurlRequest({ serverUrl: "https://api.example.com/", method: "post", path: "/locks/unlock_door", params: [["device_id", "d1"]], authHeader: "Authorization: Bearer $API_KEY" }),
      want: 'curl --include --request POST "https://api.example.com/locks/unlock_door" \\\n  --header "Authorization: Bearer $API_KEY" \\\n  --json @- <<EOF\n{\n  "device_id": "d1"\n}\nEOF',
    },
  ],
  [
    "curl without a body",
    {
      given: () => printCurlRequest({ serverUrl: "https://api.example.com", method: "POST", path: "/spaces/list", params: [], authHeader: "Authorization: Bearer $API_KEY" }),
      want: 'curl --include --request POST "https://api.example.com/spaces/list" \\\n  --header "Authorization: Bearer $API_KEY"',
    },
  ],
];

describe("shell", () => {
  test.each(shell)("%s", async (_, { given, want }) => {
    expect(given()).toBe(want);
    expect(await shfmt(want)).toBe(want);
  });
  test("outputs: curl keeps only the response key, the CLI shows the resource", () => {
    expect(printCurlOutput(outputs.void!)).toBe("{}");
    expect(printCliOutput(outputs.void!)).toBe("{}");
    expect(printCurlOutput(outputs.list!)).toBe(`{\n  "spaces": [\n    {\n      "space_id": "${uuid}",\n      "name": "${long}"\n    },\n    { "space_id": "${uuid}", "tags": ["a", "b"] }\n  ]\n}`);
    expect(printCliOutput(outputs.list!)).toBe(printJavascriptOutput(outputs.list!));
  });
});

describe("registry", () => {
  const cases: Array<[string, { title: string; fence: string }]> = [
    ["javascript", { title: "JavaScript", fence: "javascript" }],
    ["curl", { title: "cURL", fence: "curl" }],
    ["python", { title: "Python", fence: "python" }],
    ["ruby", { title: "Ruby", fence: "ruby" }],
    ["php", { title: "PHP", fence: "php" }],
    ["cli", { title: "Acme Corp CLI", fence: "acme_corp_cli" }],
  ];
  test.each(cases)("%s", (id, { title, fence }) => {
    const lang = sdkSnippetLanguages[id as keyof typeof sdkSnippetLanguages];
    expect([lang.id, lang.title("acme_corp"), lang.fence("acme_corp")]).toEqual([id, title.replace("Acme Corp", "AcmeCorp"), fence]);
  });
  test("tab order", () => expect(Object.keys(sdkSnippetLanguages)).toEqual(cases.map(([id]) => id)));
});

describe("PHP trailing comma option (plugin-php's trailingCommaPHP)", () => {
  const call = { clientName: "seam", namespace: ["spaces"], method: "remove_devices", params: [["space_id", "6df14344-4114-4d74-9ef4-2e1208378cda"], ["device_ids", ["011460e9-9605-46a5-91f1-6b2a442b70fd"]]] as [string, unknown][] };
  test("off: no comma after the last argument of a broken call (seed 000's layout), and plugin-php agrees", async () => {
    const printed = printPhpRequest({ ...call, trailingComma: false });
    expect(printed).toBe(`$seam->spaces->remove_devices(\n    space_id: "6df14344-4114-4d74-9ef4-2e1208378cda",\n    device_ids: ["011460e9-9605-46a5-91f1-6b2a442b70fd"]\n);`);
    expect(await prettierPhp(printed, { trailingCommaPHP: false })).toBe(printed);
  });
  test("default: the trailing comma", () => {
    expect(printPhpRequest(call)).toMatch(/"\],\n\);$/);
  });
});
