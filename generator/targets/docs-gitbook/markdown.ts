// Markdown text rules of GitBook pages: escaping, description normalising, naive plurals, where pages go and links.
import path from "node:path";
import type { Endpoint } from "../../model/types.js";

/** `action_attempt` → `action\_attempt`: underscores would start emphasis in link texts. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/([\\_*[\]])/g, "\\$1");
}

/** Trims every paragraph of a description (paragraphs split on blank lines), as the pages print them. */
export function normalizeDescription(text: string): string {
  if (!text.includes("\n\n")) return text.trim();
  return text
    .split("\n\n")
    .map((p) => p.trim())
    .join("\n\n")
    .trim();
}

/** The pages pluralise resource names by appending `s` (`user_identitys`), so we do the same. */
export function pluralizeName(name: string): string {
  return `${name}s`;
}

/** `/acs/users/create` → `acs/users/create.md`; REST endpoints sharing a path get the method appended. */
export function endpointPagePath(endpoint: Endpoint): string {
  const base = endpoint.path.replace(/^\//, "").replace(/[{}]/g, "") || "index";
  return endpoint.id === endpoint.path ? `${base}.md` : `${base}-${endpoint.preferredMethod}.md`;
}

/** The directory of the endpoint's page as a route path (`/acs/users`; `/` at the top): where its links start. */
export function pageDirOf(endpoint: Endpoint): string {
  const dir = path.posix.dirname(endpointPagePath(endpoint));
  return dir === "." ? "/" : `/${dir}`;
}

/** Relative link from one route to another, as GitBook pages write it: `.` for the same route, else `./<relative>`. */
export function relativeRouteLink(fromRoute: string, toRoute: string): string {
  const from = fromRoute.split("/").filter(Boolean);
  const to = toRoute.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const rel = [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
  return rel === "" ? "." : `./${rel}`;
}

/** Quotes a string for a Liquid/GitBook tag attribute (`{% tab title="..." %}`). */
export function escapeTagAttribute(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ");
}
