// Given/want tables for the markdown text rules of GitBook pages.
import { describe, expect, it } from "vitest";
import {
  escapeMarkdownText,
  escapeTagAttribute,
  normalizeDescription,
  pluralizeName,
  relativeRouteLink,
} from "../../../generator/targets/docs-gitbook/markdown.js";
import { compareTitles } from "../../../generator/targets/docs-gitbook/routes.js";

describe("escapeMarkdownText", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["underscores", { given: "action_attempt", want: "action\\_attempt" }],
    ["plain", { given: "space", want: "space" }],
    ["emphasis and brackets", { given: "a*b[c]", want: "a\\*b\\[c\\]" }],
    ["backslash first", { given: "a\\_b", want: "a\\\\\\_b" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(escapeMarkdownText(given)).toBe(want));
});

describe("normalizeDescription", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["trims paragraphs", { given: "  One.  \n\n  Two.\n", want: "One.\n\nTwo." }],
    ["keeps single newlines", { given: "a\nb", want: "a\nb" }],
    ["empty", { given: "", want: "" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(normalizeDescription(given)).toBe(want));
});

describe("relativeRouteLink", () => {
  const cases: [string, { from: string; to: string; want: string }][] = [
    ["same route", { from: "/spaces", to: "/spaces", want: "." }],
    ["sibling", { from: "/locks", to: "/devices", want: "./../devices" }],
    ["cousin", { from: "/user_identities", to: "/acs/entrances", want: "./../acs/entrances" }],
    ["inside a parent", { from: "/acs/users", to: "/acs/entrances", want: "./../entrances" }],
    ["child", { from: "/acs", to: "/acs/users", want: "./users" }],
  ];
  it.each(cases)("%s", (_, { from, to, want }) => expect(relativeRouteLink(from, to)).toBe(want));
});

describe("pluralizeName", () => {
  it.each([
    ["space", "spaces"],
    ["user_identity", "user_identitys"],
  ])("%s → %s", (given, want) => expect(pluralizeName(given)).toBe(want));
});

describe("compareTitles", () => {
  it("sorts case-insensitively with punctuation before letters, as SUMMARY.md does", () => {
    const given = ["List ACS Users", "List ACS User-Accessible Entrances", "Add Devices to a Space", "Add a Connected Account to a Space", "ACS Users", "Access Groups"];
    expect([...given].sort(compareTitles)).toEqual([
      "Access Groups",
      "ACS Users",
      "Add a Connected Account to a Space",
      "Add Devices to a Space",
      "List ACS User-Accessible Entrances",
      "List ACS Users",
    ]);
  });
});

describe("escapeTagAttribute", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["plain", { given: "Seam CLI", want: "Seam CLI" }],
    ["quotes", { given: 'Say "hi"', want: 'Say \\"hi\\"' }],
    ["newline", { given: "a\nb", want: "a b" }],
  ];
  it.each(cases)("%s", (_, { given, want }) => expect(escapeTagAttribute(given)).toBe(want));
});
