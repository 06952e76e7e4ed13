// Route README views: routes naming their resources, property and variant groups, polymorphic resources.
import { describe, expect, it } from "vitest";
import { UserError } from "../../../generator/errors.js";
import { buildApi } from "../../../generator/model/index.js";
import { createRenderEnv } from "../../../generator/render/env.js";
import { docsGitbookTarget } from "../../../generator/targets/docs-gitbook/index.js";
import { buildRoutePageViews } from "../../../generator/targets/docs-gitbook/routes.js";
import { readGitbookSettings } from "../../../generator/targets/docs-gitbook/settings.js";
import { endpointDoc, specInput } from "../../model/spec-input.js";

const get = (path: string) =>
  endpointDoc(path, { post: { operationId: path, "x-title": path, "x-response-key": null, responses: { "200": { description: "OK" } } } });

const errorVariant = (code: string, group?: string, extra: Record<string, unknown> = {}) => ({
  type: "object",
  description: `${code} happened.`,
  ...(group ? { "x-variant-group-key": group } : {}),
  properties: { error_code: { type: "string", enum: [code] }, ...extra },
});

const shared = {
  openapi: "3.0.0",
  info: { title: "Groups", version: "1" },
  paths: {},
  components: {
    schemas: {
      device: {
        type: "object",
        "x-route-path": "/devices",
        "x-property-groups": { locks: { name: "Locks" }, hardware: { name: "Hardware" } },
        "x-resource-samples": [{ title: "Other", value: { device_id: "d2" } }, { title: "Lock", value: { device_id: "d1", properties: { locked: true } } }],
        properties: {
          device_id: { type: "string", format: "uuid" },
          serial: { type: "string", "x-property-group-key": "hardware" },
          kind: { oneOf: [{ type: "string", enum: ["a_lock"] }, { type: "string", enum: ["a_sensor"] }] },
          untyped: { description: "No type." },
          properties: {
            "x-property-groups": { locks: { name: "Locks" } },
            allOf: [{ type: "object", properties: { locked: { type: "boolean", "x-property-group-key": "locks" }, noise: { type: "number", "x-property-group-key": "hardware" } } }],
          },
          errors: {
            type: "array",
            items: { discriminator: { propertyName: "error_code" }, oneOf: [errorVariant("zeta"), errorVariant("jammed", "locks"), errorVariant("overheated", "hardware", { is_device_error: { type: "boolean" } })] },
          },
        },
      },
      action_attempt: {
        "x-route-path": "/action_attempts",
        description: "An attempt.",
        "x-resource-samples": [{ title: "Lock", value: { action_type: "LOCK" } }],
        oneOf: [
          { type: "object", properties: { id: { type: "string", format: "uuid" }, action_type: { type: "string", enum: ["LOCK"] }, only_here: { type: "string" } } },
          { type: "object", properties: { id: { type: "string", format: "uuid" }, action_type: { type: "string", enum: ["UNLOCK"] } } },
          { type: "object", properties: { id: { type: "string", format: "uuid" }, action_type: { type: "string", enum: ["OLD"] } } },
        ],
      },
    },
  },
  "x-routes": {
    "/devices": { title: "Devices" },
    "/locks": { title: "Locks", resources: ["device"], include_groups: ["locks"], overview: "## The device Object for Locks\n\nA lock.\n" },
    "/action_attempts": { title: "Action Attempts", resources: ["action_attempt"] },
  },
};

function routeViews(settings?: unknown) {
  const api = buildApi(
    specInput({
      shared: settings ? { ...shared, "x-docs-gitbook": settings } : shared,
      endpoints: { "devices/get.yaml": get("/devices/get"), "locks/get.yaml": get("/locks/get"), "action_attempts/get.yaml": get("/action_attempts/get") },
    }),
  );
  const views = buildRoutePageViews(api, readGitbookSettings(api));
  return { api, byDir: (dir: string) => views.find((v) => v.dir === dir)!.resourceObjects };
}

describe("route resource objects", () => {
  const { api, byDir } = routeViews();
  const names = (props: readonly { label: string }[]) => props.map((p) => p.label.split("`")[1]);

  it("a resource's own route shows every group, a group-holding object as its own section, and every sample", () => {
    const [device] = byDir("devices/");
    expect(names(device!.properties)).toEqual(["device_id", "errors", "kind", "serial"]);
    expect(device!.groupSections.map((s) => [s.title, names(s.properties)])).toEqual([["device.properties", ["locked", "noise"]]]);
    expect(device!.contents.map((c) => c.title)).toEqual(["Properties", "device.properties", "Errors", "Endpoints"]);
    expect(device!.samples.map((s) => s.title)).toEqual(["Other", "Lock"]);
  });

  it("a route naming the resource shows only its include_groups and ungrouped ones; its overview is the heading", () => {
    const [device] = byDir("locks/");
    expect(device!.hasHeader).toBe(false);
    expect(names(device!.properties)).toEqual(["device_id", "errors", "kind"]);
    expect(names(device!.groupSections[0]!.properties)).toEqual(["locked"]);
    expect(device!.codeSections[0]!.codes.map((c) => c.code)).toEqual(["jammed", "zeta"]);
    // Only the samples that set a property of the route's groups.
    expect(device!.samples.map((s) => s.title)).toEqual(["Lock"]);
    // The errors property itself still lists every variant.
    expect(device!.properties.find((p) => p.label.includes("errors"))!.variants.map((v) => v.code)).toEqual(["zeta", "jammed", "overheated"]);
  });

  it("a oneOf of string enums is an Enum with the merged values; untyped properties are left out", () => {
    const kind = byDir("devices/")[0]!.properties.find((p) => p.label.includes("kind"))!;
    expect(kind).toMatchObject({ typeWords: "*Enum*", enumValues: ["a_lock", "a_sensor"] });
  });

  it("a polymorphic resource lists the properties common to its variants, enums merged, without samples or Endpoints", () => {
    const [attempt] = byDir("action_attempts/");
    // In the first variant's order, as blueprint finds common properties.
    expect(names(attempt!.properties)).toEqual(["id", "action_type"]);
    expect(attempt!.properties[1]!.enumValues).toEqual(["LOCK", "UNLOCK", "OLD"]);
    expect(attempt!.hasSamples).toBe(false);
    expect(attempt!.contents.map((c) => c.title)).toEqual(["Properties"]);
  });

  it("the site may word a polymorphic resource and hide variants", () => {
    const settings = { resources: { action_attempt: { description: "Worded.", properties: { id: "The id.", action_type: "The type." }, hiddenVariants: { action_type: ["OLD"] } } } };
    const [attempt] = routeViews(settings).byDir("action_attempts/");
    expect(attempt!.description).toBe("Worded.");
    expect(attempt!.properties.map((p) => [p.label, p.description, p.enumValues])).toEqual([
      ["**`id`**", "The id.", []],
      ["**`action_type`**", "The type.", ["LOCK", "UNLOCK"]],
    ]);
  });

  it("orders a code list by the resource's codeOrder keys: has:<property>, x-<extension>, code, - for descending", () => {
    const errorCodes = (settings: unknown) => routeViews(settings).byDir("devices/")[0]!.codeSections[0]!.codes.map((c) => c.code);
    // Default: alphabetical.
    expect(errorCodes(undefined)).toEqual(["jammed", "overheated", "zeta"]);
    expect(errorCodes({ resources: { device: { codeOrder: { errors: ["-code"] } } } })).toEqual(["zeta", "overheated", "jammed"]);
    // By group descending (ungrouped last), then code.
    expect(errorCodes({ resources: { device: { codeOrder: { errors: ["-x-variant-group-key", "code"] } } } })).toEqual(["jammed", "overheated", "zeta"]);
    expect(errorCodes({ resources: { device: { codeOrder: { errors: ["x-variant-group-key", "code"] } } } })).toEqual(["zeta", "overheated", "jammed"]);
    // Variants with the property first (only overheated has it), then code.
    expect(errorCodes({ resources: { device: { codeOrder: { errors: ["-has:is_device_error", "code"] } } } })).toEqual(["overheated", "jammed", "zeta"]);
    expect(errorCodes({ resources: { device: { codeOrder: { errors: ["has:is_device_error", "code"] } } } })).toEqual(["jammed", "zeta", "overheated"]);
    // A key it does not know is an error naming the setting.
    let error: unknown;
    try {
      errorCodes({ resources: { device: { codeOrder: { errors: ["code", "grouping"] } } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).report()).toContain('/x-docs-gitbook/resources/device/codeOrder/errors/1  unknown sort key "grouping"');
  });

  it("renders the overview in place of the heading", async () => {
    const files = await docsGitbookTarget.render(api, createRenderEnv({}));
    expect(files.get("locks/README.md")).toMatch(/^# Locks\n\n## The device Object for Locks\n\nA lock\.\n\n\n\{% tabs %\}/);
    expect(files.get("devices/README.md")).toContain("\n## device.properties\n\n**`locked`** *Boolean*");
  });
});
