// docs/gitbook: one GitBook page per documented endpoint, a README per route and SUMMARY.md.
import type { Api, Endpoint } from "../../model/types.js";
import type { Target } from "../target.js";
import { buildEndpointPageView } from "./endpoint-view.js";
import { buildRoutePageViews, buildSummaryView } from "./routes.js";
import { readGitbookSettings } from "./settings.js";

const TEMPLATES = "docs/gitbook";

export const docsGitbookTarget: Target = {
  description: "GitBook pages: one per endpoint, a README per route and SUMMARY.md",
  outDir: "docs/gitbook",
  appliesTo: () => true,
  render(api, env) {
    const settings = readGitbookSettings(api);
    const files = new Map<string, string>();
    for (const endpoint of documentedEndpoints(api)) {
      const view = buildEndpointPageView(endpoint, api, settings);
      files.set(endpointPagePath(endpoint), env.render(TEMPLATES, "endpoint", view));
    }
    for (const route of buildRoutePageViews(api, settings)) {
      files.set(`${route.dir}README.md`, env.render(TEMPLATES, "route", route));
    }
    files.set("SUMMARY.md", env.render(TEMPLATES, "summary", buildSummaryView(api, settings)));
    return files;
  },
};

/** Undocumented and draft endpoints get no page (and no entry in the route pages or SUMMARY.md). */
export function documentedEndpoints(api: Api): Endpoint[] {
  return api.endpoints.filter(isPublished);
}

export function isPublished(endpoint: Endpoint): boolean {
  return !endpoint.flags.undocumented && !endpoint.flags.draft;
}

/** `/acs/users/create` → `acs/users/create.md`; REST endpoints sharing a path get the method appended. */
export function endpointPagePath(endpoint: Endpoint): string {
  const base = endpoint.path.replace(/^\//, "").replace(/[{}]/g, "") || "index";
  return endpoint.id === endpoint.path ? `${base}.md` : `${base}-${endpoint.preferredMethod}.md`;
}
