// Endpoint → the context of one GitBook endpoint page; every layout decision is made here, templates only print.
import type { Api, Endpoint, Example, Route } from "../../model/types.js";
import { escapeTagAttribute, normalizeDescription } from "./markdown.js";
import { buildParameterViews, type ParameterView } from "./parameters.js";
import { buildReturnsView, type ReturnsView } from "./response.js";
import { defaultAuthLabel, type GitbookSettings } from "./settings.js";
import { buildSnippetInputs, buildSnippetTabs, exampleTabs, type SnippetPrinter, type SnippetTab } from "../../render/endpoint-snippets.js";

export interface ExampleView {
  title: string;
  description: string;
  tabs: readonly SnippetTab[];
}

export interface AuthMethodView {
  label: string;
  note: string;
  hasNote: boolean;
}

export interface EndpointPageView {
  title: string;
  alphaNotice: string;
  hasAlphaNotice: boolean;
  deprecationNote: string;
  isDeprecated: boolean;
  description: string;
  primaryExample: ExampleView | null;
  extraExamples: readonly ExampleView[];
  hasExtraExamples: boolean;
  authMethods: readonly AuthMethodView[];
  hasAuthMethods: boolean;
  authenticationLink: string;
  parameters: readonly ParameterView[];
  hasParameters: boolean;
  returns: ReturnsView;
}

export function buildEndpointPageView(
  endpoint: Endpoint,
  api: Api,
  settings: GitbookSettings,
  /** Other printers than the API's default languages (tests); by default the shared per-model tabs. */
  printers?: readonly SnippetPrinter[],
): EndpointPageView {
  const examples = endpoint.examples.map((e) => buildExampleView(api, endpoint, e, printers));
  const [primary, ...extra] = examples;
  const alphaNotice = findAlphaNotice(endpoint, api.routes);
  const authMethods = buildAuthMethodViews(endpoint, api, settings);
  const parameters = buildParameterViews(endpoint);
  return {
    title: endpoint.title,
    alphaNotice,
    hasAlphaNotice: alphaNotice !== "",
    deprecationNote: endpoint.flags.deprecated ? deprecationText(endpoint.flags.deprecationMessage) : "",
    isDeprecated: endpoint.flags.deprecated,
    description: normalizeDescription(endpoint.description),
    primaryExample: primary ?? null,
    extraExamples: extra,
    hasExtraExamples: extra.length > 0,
    authMethods,
    hasAuthMethods: authMethods.length > 0,
    authenticationLink: settings.authenticationLink ?? "",
    parameters,
    hasParameters: parameters.length > 0,
    returns: buildReturnsView(endpoint, api),
  };
}

function buildExampleView(api: Api, endpoint: Endpoint, example: Example, printers: readonly SnippetPrinter[] | undefined): ExampleView {
  return {
    title: example.title,
    description: normalizeDescription(example.description),
    tabs: (printers ? buildSnippetTabs(buildSnippetInputs(api, endpoint, example), printers) : exampleTabs(api, endpoint, example)).map(
      (t) => ({ ...t, title: escapeTagAttribute(t.title) }),
    ),
  };
}

function deprecationText(message: string): string {
  return message ? `**Deprecated**. ${message.trim()}` : "**Deprecated**.";
}

/** The endpoint's own alpha message, else that of its nearest alpha route. */
export function findAlphaNotice(endpoint: Endpoint, routes: readonly Route[]): string {
  if (endpoint.flags.alpha) return endpoint.flags.alphaMessage || "This endpoint is in alpha.";
  const ancestors = routes
    .filter((r) => endpoint.routePath === r.path || endpoint.routePath.startsWith(r.path + "/"))
    .sort((a, b) => b.path.length - a.path.length);
  const alpha = ancestors.find((r) => r.alpha);
  return alpha ? alpha.alphaMessage || `The ${alpha.title} API is in alpha.` : "";
}

/** One line per distinct label, sorted by label; without settings every scheme of the endpoint is listed. */
export function buildAuthMethodViews(endpoint: Endpoint, api: Api, settings: GitbookSettings): AuthMethodView[] {
  const byLabel = new Map<string, AuthMethodView>();
  for (const method of endpoint.authMethods) {
    for (const id of method.schemeIds) {
      const view = authMethodView(id, api, settings);
      if (!view) continue;
      const seen = byLabel.get(view.label);
      if (!seen || (!seen.hasNote && view.hasNote)) byLabel.set(view.label, view);
    }
  }
  return [...byLabel.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function authMethodView(id: string, api: Api, settings: GitbookSettings): AuthMethodView | null {
  if (settings.authMethods !== null) {
    const s = settings.authMethods[id];
    return s ? { label: s.label, note: s.note, hasNote: s.note !== "" } : null;
  }
  const scheme = api.authSchemes.find((a) => a.id === id);
  return scheme ? { label: defaultAuthLabel(scheme), note: "", hasNote: false } : null;
}
