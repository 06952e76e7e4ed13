// Target settings read from the API-level `x-docs-gitbook` extension of `_api.yaml`.
import { UserError } from "../../errors.js";
import type { Api, AuthScheme } from "../../model/types.js";

export interface AuthMethodSetting {
  /** How the page names the method, e.g. `API key`. */
  label: string;
  /** An extra line under the method, e.g. a header it needs. */
  note: string;
}

export interface ResourceSetting {
  /** Replaces the schema's description; null keeps it. */
  description: string | null;
  /** Property name → description: the properties a polymorphic resource lists, in this order; null derives them. */
  properties: Record<string, string> | null;
  /** Property name → values: variants of a polymorphic resource with such a value are left out (e.g. deprecated ones). */
  hiddenVariants: Record<string, readonly string[]>;
  /**
   * Section (`errors`, `warnings`) → sort keys of its codes, most significant first; the default is `[code]`.
   * A key is `code` (the discriminator value), `x-…` (an extension of the variant; absent sorts first) or
   * `has:<property>` (variants without the property first); a leading `-` makes the key descending.
   */
  codeOrder: Record<string, readonly string[]>;
}

export interface GitbookSettings {
  /** Security scheme id → how the page lists it; schemes left out are not listed. Null: list every scheme. */
  authMethods: Record<string, AuthMethodSetting> | null;
  /** Closing line of the authentication box, if any. */
  authenticationLink: string | null;
  /** Lines SUMMARY.md starts with, before the generated route entries. */
  summaryHeader: readonly string[];
  /** The oneOf resource whose variants are the events shown on route pages (by their `x-route-path`). */
  eventResource: string;
  /** Resource name → how its object section describes it, where the site words it differently from the spec. */
  resources: Record<string, ResourceSetting>;
}

const KEY = "x-docs-gitbook";

export function readGitbookSettings(api: Api): GitbookSettings {
  const raw = asRecord(api.extensions[KEY]);
  return {
    authMethods: raw["authMethods"] === undefined ? null : readAuthMethods(asRecord(raw["authMethods"])),
    authenticationLink: typeof raw["authenticationLink"] === "string" ? raw["authenticationLink"] : null,
    summaryHeader: Array.isArray(raw["summaryHeader"]) ? raw["summaryHeader"].map(String) : [],
    eventResource: typeof raw["eventResource"] === "string" ? raw["eventResource"] : "event",
    resources: readResourceSettings(asRecord(raw["resources"]), api.id),
  };
}

function readAuthMethods(raw: Record<string, unknown>): Record<string, AuthMethodSetting> {
  const result: Record<string, AuthMethodSetting> = {};
  for (const [id, value] of Object.entries(raw)) {
    const v = typeof value === "string" ? { label: value } : asRecord(value);
    result[id] = { label: String(v["label"] ?? id), note: String(v["note"] ?? "") };
  }
  return result;
}

function readResourceSettings(raw: Record<string, unknown>, apiId: string): Record<string, ResourceSetting> {
  const result: Record<string, ResourceSetting> = {};
  for (const [name, value] of Object.entries(raw)) {
    const v = asRecord(value);
    const props = v["properties"] === undefined ? null : Object.entries(asRecord(v["properties"])).map(([k, d]) => [k, String(d ?? "")]);
    result[name] = {
      description: typeof v["description"] === "string" ? v["description"] : null,
      properties: props === null ? null : Object.fromEntries(props),
      hiddenVariants: readListRecord(v["hiddenVariants"]),
      codeOrder: readCodeOrder(v["codeOrder"], `${apiId}/_api.yaml`, `/${KEY}/resources/${name}/codeOrder`),
    };
  }
  return result;
}

const CODE_SORT_KEY = /^-?(code|x-.+|has:.+)$/;

function readCodeOrder(raw: unknown, file: string, pointer: string): Record<string, readonly string[]> {
  const order = readListRecord(raw);
  const problems = Object.entries(order).flatMap(([section, keys]) =>
    keys.flatMap((key, i) =>
      CODE_SORT_KEY.test(key)
        ? []
        : [{ file, line: 0, col: 0, pointer: `${pointer}/${section}/${i}`, message: `unknown sort key "${key}" (use code, x-<extension> or has:<property>, with a leading - for descending)` }],
    ),
  );
  if (problems.length > 0) throw new UserError("docs/gitbook settings", problems);
  return order;
}

function readListRecord(raw: unknown): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(asRecord(raw)).map(([k, vals]) => [k, Array.isArray(vals) ? vals.map(String) : []]));
}

/** Without settings a scheme is named by its description, else its bearer format or header name, else its id. */
export function defaultAuthLabel(scheme: AuthScheme): string {
  return scheme.description || scheme.bearerFormat || scheme.name || scheme.id;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
