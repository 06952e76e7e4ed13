// Every broken fixture fails with one UserError whose full report (every line) is given here.
import { describe, expect, it } from "vitest";
import { loadReport } from "./fixtures.js";

const F = "test/fixtures/specs";

const cases: [string, { want: string[] }][] = [
  [
    "bad-yaml",
    {
      want: [
        `invalid spec ${F}/bad-yaml: 3 problems`,
        `${F}/bad-yaml/broken.yaml:9:1  invalid YAML: All mapping items must start at the same column`,
        `${F}/bad-yaml/dup.yaml:7:3  invalid YAML: Map keys must be unique`,
        `${F}/bad-yaml/trailing-comma.json:4:1  invalid JSON: Expected double-quoted property name`,
      ],
    },
  ],
  [
    "not-openapi",
    {
      want: [
        `invalid spec ${F}/not-openapi: 15 problems`,
        `${F}/not-openapi/_api.yaml:3:1  /paths  must be empty in _api.yaml (each path lives in its own file)`,
        `${F}/not-openapi/list.yaml:1:1  must be an OpenAPI document (a mapping), got array`,
        `${F}/not-openapi/shape.yaml:1:1  /openapi  must be 3.0.x or 3.1.x, got "3.2.0"`,
        `${F}/not-openapi/shape.yaml:2:19  /info/version  must be string`,
        `${F}/not-openapi/shape.yaml:4:3  /paths/~1shape~1{id}  file name does not match the path "/shape/{id}" (expected shape/{id}.yaml)`,
        `${F}/not-openapi/shape.yaml:5:5  /paths/~1shape~1{id}/fetch  unknown HTTP method "fetch" (expected get, put, post, delete, options, head, patch, trace)`,
        `${F}/not-openapi/shape.yaml:6:5  /paths/~1shape~1{id}/get  must have required property 'responses'`,
        `${F}/not-openapi/shape.yaml:8:11  /paths/~1shape~1{id}/get/parameters/0  must have required property 'name'`,
        `${F}/not-openapi/shape.yaml:10:11  /paths/~1shape~1{id}/get/parameters/1/in  must be one of query, header, path, cookie`,
        `${F}/not-openapi/shape.yaml:11:11  /paths/~1shape~1{id}/get/parameters/2  path parameters must have required: true`,
        `${F}/not-openapi/shape.yaml:13:5  /paths/~1shape~1{id}/post  path parameter "id" is not declared in parameters`,
        `${F}/not-openapi/shape.yaml:14:7  /paths/~1shape~1{id}/post/responses  must have at least one response`,
        `${F}/not-openapi/swagger.yaml:1:1  must have required property 'openapi' (3.0.x or 3.1.x)`,
        `${F}/not-openapi/swagger.yaml:2:1  /info  must have required property 'title'`,
        `${F}/not-openapi/swagger.yaml:4:1  /paths  must hold exactly one path, found 2`,
      ],
    },
  ],
  [
    "unresolved-ref",
    {
      want: [
        `invalid spec ${F}/unresolved-ref: 5 problems`,
        `${F}/unresolved-ref/a/b.yaml:12:26  /paths/~1a~1b/post/requestBody/content/application~1json/schema/properties/local/$ref  unresolved $ref "#/components/schemas/nope": a/b.yaml has nothing at "/components/schemas/nope"`,
        `${F}/unresolved-ref/a/b.yaml:14:28  /paths/~1a~1b/post/requestBody/content/application~1json/schema/properties/missing/$ref  unresolved $ref "../_api.yaml#/components/schemas/missing": _api.yaml has nothing at "/components/schemas/missing"`,
        `${F}/unresolved-ref/a/b.yaml:15:28  /paths/~1a~1b/post/requestBody/content/application~1json/schema/properties/outside/$ref  unresolved $ref "../../outside.yaml#/x": it points outside the spec directory`,
        `${F}/unresolved-ref/a/b.yaml:16:27  /paths/~1a~1b/post/requestBody/content/application~1json/schema/properties/nofile/$ref  unresolved $ref "c.yaml#/x": file a/c.yaml not found in the spec directory`,
        `${F}/unresolved-ref/a/b.yaml:17:27  /paths/~1a~1b/post/requestBody/content/application~1json/schema/properties/remote/$ref  unresolved $ref "https://example.com/s.yaml#/x": only local and relative file references are supported`,
      ],
    },
  ],
  [
    "example-not-matching-schema",
    {
      want: [
        `invalid spec ${F}/example-not-matching-schema: 6 problems`,
        `${F}/example-not-matching-schema/spaces/get.yaml:11:50  /paths/~1spaces~1get/post/parameters/0/examples/get_a_space/value  must be >= 1`,
        `${F}/example-not-matching-schema/spaces/get.yaml:26:19  /paths/~1spaces~1get/post/requestBody/content/application~1json/examples/get_a_space/value/space_id  must be string`,
        `${F}/example-not-matching-schema/spaces/get.yaml:30:17  /paths/~1spaces~1get/post/requestBody/content/application~1json/examples/bad_uuid/value  must NOT have additional property 'extra'`,
        `${F}/example-not-matching-schema/spaces/get.yaml:31:19  /paths/~1spaces~1get/post/requestBody/content/application~1json/examples/bad_uuid/value/space_id  must match format "uuid"`,
        `${F}/example-not-matching-schema/spaces/get.yaml:32:19  /paths/~1spaces~1get/post/requestBody/content/application~1json/examples/bad_uuid/value/kind  must be one of ["room","floor",null]`,
        `${F}/example-not-matching-schema/spaces/get.yaml:47:78  /paths/~1spaces~1get/post/responses/200/content/application~1json/examples/get_a_space/value/space/name  must be string`,
      ],
    },
  ],
  [
    "duplicate-endpoint",
    {
      want: [
        `invalid spec ${F}/duplicate-endpoint: 3 problems`,
        `${F}/duplicate-endpoint/a/{x}.yaml:5:5  /paths/~1a~1{x}/get  GET /a/{x} is the same endpoint as GET /a/{id} in a/{id}.yaml`,
        `${F}/duplicate-endpoint/b.yaml:4:3  /paths/~1a~1{id}  file name does not match the path "/a/{id}" (expected a/{id}.yaml)`,
        `${F}/duplicate-endpoint/b.yaml:4:3  /paths/~1a~1{id}  path "/a/{id}" is also defined in a/{id}.yaml`,
      ],
    },
  ],
  [
    "duplicate-operation-id",
    {
      want: [
        `invalid spec ${F}/duplicate-operation-id: 1 problem`,
        `${F}/duplicate-operation-id/things/list.yaml:6:7  /paths/~1things~1list/post/operationId  operationId "listThings" is also used by POST /things/get in things/get.yaml`,
      ],
    },
  ],
  [
    "unsafe-name",
    {
      want: [
        `invalid spec ${F}/unsafe-name: 8 problems`,
        `${F}/unsafe-name/files/get.yaml:4:3  /paths/~1files~1..~1get  path segment ".." is not allowed`,
        `${F}/unsafe-name/files/get.yaml:6:7  /paths/~1files~1..~1get/post/operationId  operationId "../evil" is not an identifier (/^[A-Za-z_][A-Za-z0-9_-]*(\\/[A-Za-z_][A-Za-z0-9_-]*)*$/)`,
        `${F}/unsafe-name/files/get.yaml:7:38  /paths/~1files~1..~1get/post/x-fern-sdk-group-name/1  x-fern-sdk-group-name "bad name" is not an identifier (/^[A-Za-z_][A-Za-z0-9_-]*$/)`,
        `${F}/unsafe-name/files/get.yaml:8:7  /paths/~1files~1..~1get/post/x-fern-sdk-method-name  x-fern-sdk-method-name "get.x" is not an identifier (/^[A-Za-z_][A-Za-z0-9_-]*$/)`,
        `${F}/unsafe-name/files/get.yaml:10:11  /paths/~1files~1..~1get/post/parameters/0/name  "prototype" is a reserved name and cannot be a parameter name`,
        `${F}/unsafe-name/files/get.yaml:18:15  /paths/~1files~1..~1get/post/requestBody/content/application~1json/examples/..~1up  example key "../up" contains a path separator`,
        `${F}/unsafe-name/files/get.yaml:22:5  /components/schemas/constructor  schema name "constructor" is a reserved name`,
        `${F}/unsafe-name/files/get.yaml:25:9  /components/schemas/constructor/properties/prototype  property name "prototype" is a reserved name`,
      ],
    },
  ],
  [
    "proto-key",
    {
      want: [
        `invalid spec ${F}/proto-key: 2 problems`,
        `${F}/proto-key/objects.yaml:12:17  /paths/~1objects/post/requestBody/content/application~1json/schema/properties/__proto__  "__proto__" is not allowed as a key`,
        `${F}/proto-key/objects.yaml:16:19  /paths/~1objects/post/requestBody/content/application~1json/examples/polluting/value/__proto__  "__proto__" is not allowed as a key`,
      ],
    },
  ],
  [
    // Collecting is complete: problems of four kinds in three files, one error, sorted by file then line.
    "multiple-problems",
    {
      want: [
        `invalid spec ${F}/multiple-problems: 5 problems`,
        `${F}/multiple-problems/a.yaml:2:1  /info  must have required property 'version'`,
        `${F}/multiple-problems/a.yaml:10:25  /paths/~1a/get/responses/200/content/application~1json/schema/$ref  unresolved $ref "_api.yaml#/components/schemas/itme": _api.yaml has nothing at "/components/schemas/itme"`,
        `${F}/multiple-problems/b.yaml:5:1  invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
        `${F}/multiple-problems/z/c.yaml:6:7  /paths/~1z~1c/get/x-fern-sdk-method-name  x-fern-sdk-method-name "constructor" is a reserved name`,
        `${F}/multiple-problems/z/c.yaml:13:24  /paths/~1z~1c/get/responses/200/content/application~1json/examples/one/value  must be integer`,
      ],
    },
  ],
];

describe("loadSpec reports every problem at once", () => {
  it.each(cases)("%s", async (name, { want }) => {
    expect((await loadReport(name)).split("\n")).toEqual(want);
  });
});
