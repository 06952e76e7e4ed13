// matchFixture: given a request, want the id of the fixture that answers it (or null).
import { describe, expect, test } from "vitest";
import { matchFixture, type IncomingFixtureRequest } from "../../generator/targets/fixtures/serve.js";
import type { Fixture, FixtureKind } from "../../generator/targets/fixtures/types.js";

function fixture(id: string, kind: FixtureKind, request: Partial<Fixture["request"]> & { method: string; pathTemplate: string; path: string }, status: number): Fixture {
  return {
    id,
    endpoint: `${request.method.toLowerCase()} ${request.pathTemplate}`,
    kind,
    title: id,
    synthesised: [],
    request: { query: {}, headers: {}, ...request },
    response: { status, headers: {}, body: null },
  };
}

const one = { method: "GET", pathTemplate: "/things/{id}", path: "/things/a%20b" };
const list = { method: "GET", pathTemplate: "/things", path: "/things" };
const create = { method: "POST", pathTemplate: "/things", path: "/things" };
const fixtures: Fixture[] = [
  fixture("get_a", "example", one, 200),
  fixture("error-404", "error", one, 404),
  fixture("search", "example", { ...list, query: { q: "x", tag: ["a", "b"] } }, 200),
  fixture("all", "example", list, 200),
  fixture("create", "example", { ...create, body: { name: "n", n: 1 } }, 201),
  fixture("empty_name", "example", { ...create, body: { name: "" } }, 400),
  fixture("error-409", "error", { ...create, body: { name: "n", n: 1 } }, 409),
  fixture("schema", "schema", { method: "GET", pathTemplate: "/keyed/{a}.{b}", path: "/keyed/x.y", authQuery: { api_key: "<api_key>" } }, 200),
];

const table: [string, { given: IncomingFixtureRequest; want: string | null }][] = [
  ["path parameter, percent-encoded", { given: { method: "GET", url: "/things/a%20b" }, want: "get_a" }],
  ["same path, other encoding", { given: { method: "GET", url: "/things/%61%20b" }, want: "get_a" }],
  ["unknown parameter value", { given: { method: "GET", url: "/things/zzz" }, want: null }],
  ["Prefer code: an error pair of the same endpoint, any parameter value", { given: { method: "GET", url: "/things/zzz", headers: { prefer: "code=404" } }, want: "error-404" }],
  ["Prefer code on the exact request", { given: { method: "GET", url: "/things/a%20b", headers: { Prefer: "code=404" } }, want: "error-404" }],
  ["Prefer code nobody answers", { given: { method: "GET", url: "/things/a%20b", headers: { prefer: "code=500" } }, want: null }],
  ["Prefer example by id", { given: { method: "GET", url: "/things?q=x", headers: { prefer: ["example=all"] } }, want: "all" }],
  ["Prefer, several tokens", { given: { method: "POST", url: "/things", body: { name: "zz" }, headers: { prefer: "dynamic=false, code=409" } }, want: "error-409" }],
  ["no query: the pair without query", { given: { method: "GET", url: "/things" }, want: "all" }],
  ["query names in any order, repeated name kept in order", { given: { method: "GET", url: "/things?tag=a&q=x&tag=b" }, want: "search" }],
  ["repeated name out of order", { given: { method: "GET", url: "/things?tag=b&tag=a&q=x" }, want: null }],
  ["a query value missing", { given: { method: "GET", url: "/things?q=x" }, want: null }],
  ["an extra query value", { given: { method: "GET", url: "/things?q=x&tag=a&tag=b&extra=1" }, want: null }],
  ["full URL", { given: { method: "GET", url: "http://127.0.0.1:3000/things" }, want: "all" }],
  ["JSON body, key order free", { given: { method: "post", url: "/things", body: { n: 1, name: "n" } }, want: "create" }],
  ["second example by body", { given: { method: "POST", url: "/things", body: { name: "" } }, want: "empty_name" }],
  ["body that no example has; error pairs need Prefer", { given: { method: "POST", url: "/things", body: { name: "n" } }, want: null }],
  ["missing body", { given: { method: "POST", url: "/things" }, want: null }],
  ["number vs string in the body", { given: { method: "POST", url: "/things", body: { name: "n", n: "1" } }, want: null }],
  ["other method", { given: { method: "DELETE", url: "/things" }, want: null }],
  ["auth placeholder in the query is ignored; schema pairs answer", { given: { method: "GET", url: "/keyed/x.y?api_key=real-key" }, want: "schema" }],
  ["template with two parameters in one segment", { given: { method: "GET", url: "/keyed/q.r", headers: { prefer: "code=200" } }, want: "schema" }],
  ["template literal dot is not a wildcard", { given: { method: "GET", url: "/keyed/xzy", headers: { prefer: "code=200" } }, want: null }],
];

describe("matchFixture", () => {
  test.each(table)("%s", (_, { given, want }) => {
    expect(matchFixture(fixtures, given)?.id ?? null).toBe(want);
  });

  test("earlier pairs win when two match the same request", () => {
    const twice = [fixture("first", "example", list, 200), fixture("second", "example", list, 202)];
    expect(matchFixture(twice, { method: "GET", url: "/things" })?.id).toBe("first");
  });
});
