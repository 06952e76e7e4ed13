// The page view: parameters, returns hint, samples, auth methods, alpha notices, navigation — on a small RPC API.
import { describe, expect, it } from "vitest";
import type { Api, Endpoint } from "../../../generator/model/types.js";
import { buildAuthMethodViews, findAlphaNotice } from "../../../generator/targets/docs-gitbook/endpoint-view.js";
import { buildParameterViews } from "../../../generator/targets/docs-gitbook/parameters.js";
import { buildReturnsView } from "../../../generator/targets/docs-gitbook/response.js";
import { buildRoutePageViews, buildSummaryView } from "../../../generator/targets/docs-gitbook/routes.js";
import { readGitbookSettings } from "../../../generator/targets/docs-gitbook/settings.js";
import { docsGitbookTarget } from "../../../generator/targets/docs-gitbook/index.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { smallApi } from "./small-api.js";

const api = smallApi();
const endpoint = (a: Api, path: string): Endpoint => a.endpoints.find((e) => e.path === path) as Endpoint;

describe("buildParameterViews", () => {
  const params = buildParameterViews(endpoint(api, "/spaces/create"));

  it("lists required first, then by name, without undocumented or draft ones; deprecated ones stay, with a notice", () => {
    expect(params.map((p) => p.name)).toEqual(["name", "count", "device_ids", "kinds", "old", "slots", "window"]);
  });

  const cases: [string, { name: string; want: Partial<(typeof params)[number]> }][] = [
    ["string, required", { name: "name", want: { typeWords: "*String*", required: true, description: "Name." } }],
    ["integer is a Number", { name: "count", want: { typeWords: "*Number*", hasEnumValues: false } }],
    ["array of uuids", { name: "device_ids", want: { typeWords: "*Array* *of UUIDs*" } }],
    ["array of enums lists its values", { name: "kinds", want: { typeWords: "*Array* *of Enums*", enumValues: ["a", "b"], hasEnumValues: true } }],
    ["deprecated", { name: "old", want: { deprecationNote: "**Deprecated**. Use `name`.", description: "" } }],
    ["object with children", { name: "window", want: { typeWords: "*Object*", hasChildren: true } }],
  ];
  it.each(cases)("%s", (_, { name, want }) => expect(params.find((p) => p.name === name)).toMatchObject(want));

  it("names nested properties by format, sorted by name; deeper objects dotted below their parent; deprecated with a notice", () => {
    const window = params.find((p) => p.name === "window");
    expect(window?.children).toEqual([
      { name: "legacy", typeWord: "String", description: "", deprecationNote: "**Deprecated**. Use `mode`." },
      { name: "limits", typeWord: "Object", description: "", deprecationNote: "" },
      { name: "limits.max", typeWord: "Number", description: "", deprecationNote: "" },
      { name: "mode", typeWord: "Enum", description: "", deprecationNote: "" },
      { name: "starts_at", typeWord: "Datetime", description: "Start.", deprecationNote: "" },
    ]);
  });

  it("lists the item properties of a list of objects as its children (blueprint's item parameters)", () => {
    const slots = params.find((p) => p.name === "slots");
    expect(slots?.typeWords).toBe("*Array* *of Objects*");
    expect(slots?.children).toEqual([{ name: "at", typeWord: "Datetime", description: "", deprecationNote: "" }]);
  });

  it("an endpoint without parameters has none (the page prints `None`)", () => {
    expect(buildParameterViews(endpoint(api, "/spaces/devices"))).toEqual([]);
  });
});

describe("buildReturnsView", () => {
  const cases: [string, { path: string; returns: string; sample: string }][] = [
    ["resource on its own route", { path: "/spaces/create", returns: "**[space](.)**", sample: '{ "space_id": "s1" }' }],
    ["list", { path: "/spaces/list", returns: "**Array of [spaces](.)**", sample: '{ "space_id": "s1" }' }],
    ["list of another route's resource", { path: "/spaces/devices", returns: "**Array of [devices](./../devices)**", sample: '{ "device_id": "d1" }' }],
    ["void", { path: "/spaces/delete", returns: "**void**", sample: "" }],
    ["inline schema is unknown", { path: "/spaces/inline", returns: "**[unknown](./)**", sample: "" }],
    ["polymorphic resource: the sample of the named variant", { path: "/spaces/lock", returns: "**[action\\_attempt](./)**", sample: '{ "action_type": "LOCK_DOOR", "status": "success" }' }],
    ["polymorphic resource without a variant: no sample", { path: "/spaces/poll", returns: "**[action\\_attempt](./)**", sample: "" }],
  ];
  it.each(cases)("%s", (_, { path, returns, sample }) => {
    const view = buildReturnsView(endpoint(api, path), api);
    expect(view.returns).toBe(returns);
    expect(view.sample).toBe(sample);
    expect(view.hasSample).toBe(sample !== "");
  });
});

describe("auth methods and alpha notices", () => {
  it("without settings names every scheme by its bearer format", () => {
    const views = buildAuthMethodViews(endpoint(api, "/spaces/create"), api, readGitbookSettings(api));
    expect(views.map((v) => v.label)).toEqual(["API Key", "API Token"]);
  });

  it("with settings lists only configured schemes, by label, with notes", () => {
    const configured = smallApi({ settings: { authMethods: { pat: { label: "Personal access token", note: "Needs a header." }, api_key: "API key" } } });
    const views = buildAuthMethodViews(endpoint(configured, "/spaces/create"), configured, readGitbookSettings(configured));
    expect(views).toEqual([
      { label: "API key", note: "", hasNote: false },
      { label: "Personal access token", note: "Needs a header.", hasNote: true },
    ]);
  });

  it("takes the alpha notice from the nearest alpha route", () => {
    const alpha = smallApi({ routes: { "/spaces": { alpha: "Spaces are in alpha." } } });
    expect(findAlphaNotice(endpoint(alpha, "/spaces/sub/ping"), alpha.routes)).toBe("Spaces are in alpha.");
    expect(findAlphaNotice(endpoint(api, "/spaces/create"), api.routes)).toBe("");
  });
});

describe("navigation", () => {
  it("SUMMARY lists documented pages by title (no draft or undocumented ones), then child routes", () => {
    expect(buildSummaryView(api, readGitbookSettings(api)).lines).toEqual([
      "* [Spaces](spaces/README.md)",
      "  * [Add Devices](spaces/devices.md)",
      "  * [Create a Space](spaces/create.md)",
      "  * [Delete a Space](spaces/delete.md)",
      "  * [Get Inline](spaces/inline.md)",
      "  * [List Spaces](spaces/list.md)",
      "  * [Lock](spaces/lock.md)",
      "  * [Poll](spaces/poll.md)",
      "  * [Sub](spaces/sub/README.md)",
      "    * [Ping](spaces/sub/ping.md)",
    ]);
  });

  it("route pages link their endpoints relative to the README", () => {
    const sub = buildRoutePageViews(api, readGitbookSettings(api)).find((r) => r.dir === "spaces/sub/");
    expect(sub?.endpoints).toEqual([{ method: "", path: "/spaces/sub/ping", link: "./ping.md", description: "" }]);
  });
});

describe("rendered pages of the small API", () => {
  it("prints `None` for an endpoint without parameters and gives draft and undocumented endpoints no page", async () => {
    const files = await docsGitbookTarget.render(api, createRenderEnv({}));
    expect(files.get("spaces/devices.md")).toContain("## Request Parameters\n\nNone\n");
    expect([...files.keys()].filter((f) => /draft|secret/.test(f))).toEqual([]);
    expect(files.get("spaces/create.md")).toContain("<summary><b><code>limits.max</code></b> <i>Number</i></summary>");
  });
});
