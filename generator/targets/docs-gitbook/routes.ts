// Route READMEs and SUMMARY.md: the navigation of the documented routes.
import type { Api, Endpoint, Route } from "../../model/types.js";
import { endpointPagePath, normalizeDescription, relativeRouteLink } from "./markdown.js";
import { buildResourceObjectViews, type ResourceObjectView } from "./resource-view.js";
import type { GitbookSettings } from "./settings.js";

export interface RouteEndpointView {
  /** The HTTP method when endpoints of the API share a path (REST), so that each entry says which one it is; else "". */
  method: string;
  path: string;
  /** Page link relative to the route README, e.g. `./create.md`. */
  link: string;
  description: string;
}

export interface RoutePageView {
  /** Directory of the README, e.g. `acs/users/` (empty for the root route). */
  dir: string;
  title: string;
  /** Front-matter description, "" when none. */
  description: string;
  overview: string;
  endpoints: readonly RouteEndpointView[];
  hasEndpoints: boolean;
  /** A namespace (a route with no endpoints of its own) lists the resources of the routes below it. */
  namespaceResources: readonly NamespaceResourceView[];
  hasNamespaceResources: boolean;
  resourceObjects: readonly ResourceObjectView[];
}

export interface NamespaceResourceView {
  name: string;
  /** e.g. `./access_groups/README.md#acs_access_group`. */
  link: string;
  description: string;
}

export interface SummaryView {
  header: readonly string[];
  /** Entries already indented, one per line: `* [Spaces](spaces/README.md)`. */
  lines: readonly string[];
}

/** What the route READMEs and SUMMARY.md need from one published endpoint (the gitbook fragment; JSON-safe). */
export interface RouteEntry {
  path: string;
  /** The endpoint's method (upper case)… */
  method: string;
  /** …and whether another endpoint has the same path (the page name then holds the method too). */
  sharesPath: boolean;
  /** The endpoint's page (endpointPagePath), which every link to it names. */
  page: string;
  title: string;
  routePath: string;
  /** First paragraph of the normalized description, as the route README lists it. */
  description: string;
}

/** Undocumented and draft endpoints get no page (and no entry in the route pages or SUMMARY.md). */
export function isPublished(endpoint: Endpoint): boolean {
  return !endpoint.flags.undocumented && !endpoint.flags.draft;
}

/** The endpoint's navigation entry, null when it is not published. */
export function buildRouteEntry(endpoint: Endpoint): RouteEntry | null {
  if (!isPublished(endpoint)) return null;
  const { path, title, routePath } = endpoint;
  const method = endpoint.preferredMethod.toUpperCase();
  return { path, method, sharesPath: endpoint.id !== path, page: endpointPagePath(endpoint), title, routePath, description: firstParagraph(normalizeDescription(endpoint.description)) };
}

/** The entries of every published endpoint, in `api.endpoints` order. */
export function listRouteEntries(api: Api): RouteEntry[] {
  return api.endpoints.flatMap((e) => buildRouteEntry(e) ?? []);
}

/** Routes holding at least one documented (not undocumented, not draft) endpoint (directly or below); undocumented routes are left out. */
export function documentedRoutes(api: Api, entries: readonly RouteEntry[] = listRouteEntries(api)): Route[] {
  const covered = new Set<string>();
  for (const path of new Set(entries.map((e) => e.routePath))) {
    covered.add(path);
    for (const above of routesAbove(path)) covered.add(above);
  }
  return api.routes.filter((r) => !r.undocumented && covered.has(r.path));
}

/**
 * The route paths a route path is below (`/a/b/c` → `/a`, `/a/b`): each `p` that the path starts with followed by a
 * slash, nearest last.
 */
function routesAbove(path: string): string[] {
  const above: string[] = [];
  for (let at = path.indexOf("/", 1); at > 0; at = path.indexOf("/", at + 1)) above.push(path.slice(0, at));
  return above;
}

export function buildRoutePageViews(api: Api, settings: GitbookSettings, entries: readonly RouteEntry[] = listRouteEntries(api)): RoutePageView[] {
  const meta = readRouteMeta(api);
  const routes = documentedRoutes(api, entries);
  // A REST API lists `GET /groups` and `POST /groups`, not the same path twice; an RPC API (one method per path) the paths.
  const named = entries.some((e) => e.sharesPath);
  const byRoute = groupByRoute(entries);
  return routes.map((route) => {
    // From the README to the page: beside it for an RPC route; elsewhere for a REST route (an SDK group).
    const endpoints = (byRoute.get(route.path) ?? []).map((e) => ({
      method: named ? e.method : "",
      path: e.path,
      link: entryLink(route.path, e),
      description: e.description,
    }));
    const namespaceResources = endpoints.length === 0 ? buildNamespaceResources(api, routes, route) : [];
    const m = meta[route.path] ?? {};
    const overview = typeof m["overview"] === "string" ? m["overview"].trim() : "";
    const resourceMeta = {
      resources: route.resources,
      includeGroups: Array.isArray(m["include_groups"]) ? m["include_groups"].map(String) : null,
      overviewIsHeader: overview !== "" && route.resources.length > 0,
    };
    return {
      dir: route.path === "/" ? "" : `${route.path.slice(1)}/`,
      title: route.title,
      description: route.description,
      overview,
      endpoints,
      hasEndpoints: endpoints.length > 0,
      namespaceResources,
      hasNamespaceResources: namespaceResources.length > 0,
      resourceObjects: buildResourceObjectViews(api, route, endpoints.length > 0, settings, resourceMeta),
    };
  });
}

function firstParagraph(text: string): string {
  const end = text.indexOf("\n\n");
  return end < 0 ? text : text.slice(0, end);
}

/** Documented resources living on documented routes below the namespace, by name. */
function buildNamespaceResources(api: Api, documented: readonly Route[], route: Route): NamespaceResourceView[] {
  const routes = new Set(documented.map((r) => r.path));
  return api
    .findResources((_name, routePath) => routePath !== null && routes.has(routePath) && routePath.startsWith(route.path + "/"))
    .filter((r) => !r.schema.undocumented)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((r) => ({
      name: r.name,
      link: `./${(r.routePath as string).slice(route.path.length + 1)}/README.md#${r.name}`,
      description: normalizeDescription(r.description),
    }));
}

/** The link from the route's README to the entry's page, made once per entry object (fragments outlive a run). */
function entryLink(routePath: string, entry: RouteEntry): string {
  const known = entryLinks.get(entry);
  if (known?.[0] === routePath) return known[1];
  const link = relativeRouteLink(routePath, `/${entry.page}`);
  entryLinks.set(entry, [routePath, link]);
  return link;
}

const entryLinks = new WeakMap<RouteEntry, [routePath: string, link: string]>();

/** The entries by their route path, each route's in the order of `entries`. */
function groupByRoute(entries: readonly RouteEntry[]): Map<string, RouteEntry[]> {
  const byRoute = new Map<string, RouteEntry[]>();
  for (const e of entries) {
    const list = byRoute.get(e.routePath);
    if (list) list.push(e);
    else byRoute.set(e.routePath, [e]);
  }
  return byRoute;
}

/** SUMMARY.md: each route, its endpoint pages sorted by title, then its child routes sorted by title. */
export function buildSummaryView(api: Api, settings: GitbookSettings, entries: readonly RouteEntry[] = listRouteEntries(api)): SummaryView {
  const routes = documentedRoutes(api, entries);
  // Each documented route by path, with its place in `routes` (children are taken in that order, then by title).
  const order = new Map(routes.map((r, i) => [r.path, i]));
  const byRoute = groupByRoute(entries);
  const isTop = (r: Route) => !routesAbove(r.path).some((p) => order.has(p));
  const lines: string[] = [];
  const visit = (route: Route, depth: number): void => {
    const pad = "  ".repeat(depth);
    lines.push(`${pad}* [${route.title}](${route.path.slice(1)}/README.md)`);
    const pages = [...(byRoute.get(route.path) ?? [])].sort((a, b) => compareTitles(a.title, b.title));
    for (const e of pages) lines.push(`${pad}  * [${e.title}](${e.page})`);
    const places = [...new Set(route.children)].flatMap((path) => order.get(path) ?? []).sort((a, b) => a - b);
    const children = places.map((i) => routes[i] as Route);
    for (const child of children.sort((a, b) => compareTitles(a.title, b.title))) visit(child, depth + 1);
  };
  for (const top of routes.filter(isTop).sort((a, b) => compareTitles(a.title, b.title))) visit(top, 0);
  return { header: settings.summaryHeader, lines };
}

/** Titles sort as the navigation shows them: case-insensitive, punctuation first (locale order). */
export function compareTitles(a: string, b: string): number {
  return a.localeCompare(b, "en");
}

function readRouteMeta(api: Api): Record<string, Record<string, unknown>> {
  const raw = api.extensions["x-routes"];
  return typeof raw === "object" && raw !== null ? (raw as Record<string, Record<string, unknown>>) : {};
}
