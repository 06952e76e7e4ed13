// docs/gitbook: one GitBook page per documented endpoint, a README per route and SUMMARY.md.
import type { Api, Endpoint } from "../../model/types.js";
import { renderByParts, type EndpointFragment, type Target, type TargetParts } from "../target.js";
import { buildEndpointPageView } from "./endpoint-view.js";
import { endpointPagePath } from "./markdown.js";
import { buildRouteEntry, buildRoutePageViews, buildSummaryView, isPublished, type RouteEntry } from "./routes.js";
import { readGitbookSettings } from "./settings.js";

export { endpointPagePath, isPublished };

const TEMPLATES = "docs/gitbook";

/** A published endpoint makes its page and a route entry (its fragment); others make nothing (fragment null). */
const gitbookParts: TargetParts = {
  endpoint(api, endpoint, env) {
    const entry = buildRouteEntry(endpoint);
    const files = new Map<string, string>();
    if (entry) {
      const view = buildEndpointPageView(endpoint, api, readGitbookSettings(api));
      files.set(endpointPagePath(endpoint), env.render(TEMPLATES, "endpoint", view));
    }
    return { files, fragment: entry };
  },
  assemble(api, fragments, env) {
    const settings = readGitbookSettings(api);
    const entries = readRouteEntries(fragments);
    const files = new Map<string, string>();
    for (const route of buildRoutePageViews(api, settings, entries)) {
      files.set(`${route.dir}README.md`, env.render(TEMPLATES, "route", route));
    }
    files.set("SUMMARY.md", env.render(TEMPLATES, "summary", buildSummaryView(api, settings, entries)));
    return files;
  },
};

export const docsGitbookTarget: Target = {
  description: "GitBook pages: one per endpoint, a README per route and SUMMARY.md",
  outDir: "docs/gitbook",
  appliesTo: () => true,
  render: (api, env, sink) => renderByParts(gitbookParts, api, env, sink),
  parts: gitbookParts,
};

function readRouteEntries(fragments: readonly EndpointFragment[]): RouteEntry[] {
  return fragments.flatMap((f) => (f.fragment === null ? [] : [f.fragment as RouteEntry]));
}

/** Undocumented and draft endpoints get no page (and no entry in the route pages or SUMMARY.md). */
export function documentedEndpoints(api: Api): Endpoint[] {
  return api.endpoints.filter(isPublished);
}

