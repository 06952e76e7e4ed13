// A small Seam-style RPC API for view tables: built through the real model builders.
import { buildApi } from "../../../generator/model/index.js";
import type { Api } from "../../../generator/model/types.js";
import { endpointDoc, specInput } from "../../model/spec-input.js";

const ref = (name: string) => ({ $ref: `../_api.yaml#/components/schemas/${name}` });

function rpc(path: string, op: Record<string, unknown>): any {
  const [, group, method] = path.split("/");
  return endpointDoc(path, {
    post: { operationId: path, "x-fern-sdk-group-name": [group], "x-fern-sdk-method-name": method, security: [{ api_key: [] }, { pat: [] }], ...op },
  });
}

function okBody(key: string | null, schema?: unknown): Record<string, unknown> {
  const content = schema ? { "application/json": { schema: { type: "object", properties: { [key as string]: schema, ok: { type: "boolean" } } } } } : undefined;
  return { "x-response-key": key, responses: { "200": { description: "OK", ...(content ? { content } : {}) } } };
}

function body(properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  return { requestBody: { content: { "application/json": { schema: { type: "object", properties, required } } } } };
}

export function smallApi(extra: { routes?: Record<string, unknown>; settings?: unknown } = {}): Api {
  const shared = {
    openapi: "3.0.0",
    info: { title: "Small", version: "1" },
    paths: {},
    components: {
      securitySchemes: {
        api_key: { type: "http", scheme: "bearer", bearerFormat: "API Key" },
        pat: { type: "http", scheme: "bearer", bearerFormat: "API Token" },
      },
      schemas: {
        device: { type: "object", "x-route-path": "/devices", properties: { device_id: { type: "string" } }, "x-resource-samples": [{ title: "Device", value: { device_id: "d1" } }] },
        space: { type: "object", "x-route-path": "/spaces", properties: { space_id: { type: "string" } }, "x-resource-samples": [{ title: "Space", value: { space_id: "s1" } }, { title: "Other", value: { space_id: "s2" } }] },
        action_attempt: {
          "x-route-path": "/action_attempts",
          oneOf: [{ type: "object", properties: { action_type: { type: "string", enum: ["LOCK_DOOR"] } } }],
          "x-resource-samples": [{ title: "Lock", value: { action_type: "LOCK_DOOR", status: "success" } }],
        },
      },
    },
    "x-routes": { "/spaces": { title: "Spaces", ...((extra.routes?.["/spaces"] as object) ?? {}) }, "/devices": { title: "Devices" } },
    ...(extra.settings ? { "x-docs-gitbook": extra.settings } : {}),
  };
  const endpoints = {
    "spaces/create.yaml": rpc("/spaces/create", {
      "x-title": "Create a Space",
      description: "  Creates a space.  ",
      ...body(
        {
          name: { type: "string", description: "Name." },
          device_ids: { type: "array", items: { type: "string", format: "uuid" }, description: "Devices." },
          kinds: { type: "array", items: { type: "string", enum: ["a", "b"] } },
          window: {
            type: "object",
            description: "When.",
            properties: {
              starts_at: { type: "string", format: "date-time", description: "Start." },
              mode: { type: "string", enum: ["x"] },
              limits: { type: "object", properties: { max: { type: "integer" } } },
              legacy: { type: "string", deprecated: true, "x-deprecated": "Use `mode`." },
            },
          },
          slots: { type: "array", items: { type: "object", properties: { at: { type: "string", format: "date-time" }, hidden: { type: "string", "x-undocumented": "no" } } } },
          preview: { type: "string", "x-draft": "not yet" },
          old: { type: "string", deprecated: true, "x-deprecated": "Use `name`." },
          hidden: { type: "string", "x-undocumented": "internal" },
          count: { type: "integer" },
        },
        ["name"],
      ),
      ...okBody("space", ref("space")),
    }),
    "spaces/list.yaml": rpc("/spaces/list", { "x-title": "List Spaces", ...body({}), ...okBody("spaces", { type: "array", items: ref("space") }) }),
    "spaces/delete.yaml": rpc("/spaces/delete", { "x-title": "Delete a Space", ...body({ space_id: { type: "string" } }, ["space_id"]), ...okBody(null) }),
    "spaces/devices.yaml": rpc("/spaces/devices", { "x-title": "Add Devices", ...okBody("devices", { type: "array", items: ref("device") }) }),
    "spaces/inline.yaml": rpc("/spaces/inline", { "x-title": "Get Inline", ...okBody("thing", { type: "object", properties: { a: { type: "string" } } }) }),
    "spaces/lock.yaml": rpc("/spaces/lock", { "x-title": "Lock", "x-action-attempt-type": "LOCK_DOOR", ...okBody("action_attempt", ref("action_attempt")) }),
    "spaces/poll.yaml": rpc("/spaces/poll", { "x-title": "Poll", ...okBody("action_attempt", ref("action_attempt")) }),
    "spaces/secret.yaml": rpc("/spaces/secret", { "x-title": "Secret", "x-undocumented": "no", ...okBody(null) }),
    "spaces/draft.yaml": rpc("/spaces/draft", { "x-title": "Draft", "x-draft": "Not ready.", ...okBody(null) }),
    "spaces/sub/ping.yaml": rpc("/spaces/sub/ping", { "x-title": "Ping", ...okBody(null) }),
  };
  return buildApi(specInput({ shared, endpoints }));
}
