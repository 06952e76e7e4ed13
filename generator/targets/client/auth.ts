// Security schemes → client credential options: one option per scheme, named after the scheme id.
import { toCasings } from "../../model/casing.js";
import type { Api, AuthMethod, AuthScheme } from "../../model/types.js";

export interface CredentialView {
  schemeId: string;
  option: string;
  kind: "bearer" | "basic" | "header" | "query" | "cookie";
  name: string;
  /** One-line doc for the option. */
  doc: string;
}

/** Options every client has; a scheme whose camel name collides gets a `Credential` suffix. */
export const RESERVED_OPTIONS = new Set(["baseUrl", "timeoutMs", "retry", "headers", "fetch"]);

export function buildCredentials(api: Api): CredentialView[] {
  return api.authSchemes.map((scheme) => {
    const camel = toCasings(scheme.id).camel;
    const option = RESERVED_OPTIONS.has(camel) ? `${camel}Credential` : camel;
    const kind = credentialKind(scheme);
    return { schemeId: scheme.id, option, kind, name: scheme.name ?? "", doc: describeCredential(scheme, kind) };
  });
}

function credentialKind(scheme: AuthScheme): CredentialView["kind"] {
  if (scheme.type === "apiKey") return scheme.in ?? "header";
  if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") return "basic";
  // http bearer, oauth2 and openIdConnect all send a bearer token.
  return "bearer";
}

function describeCredential(scheme: AuthScheme, kind: CredentialView["kind"]): string {
  const what = (scheme.description.split("\n")[0]?.trim() || scheme.bearerFormat || scheme.id.replace(/_/g, " ")).replace(/\.$/, "");
  if (kind === "bearer") return `${what} (sent as \`Authorization: Bearer\`).`;
  if (kind === "basic") return `${what} as \`user:password\` (sent as \`Authorization: Basic\`).`;
  return `${what} (sent in the \`${scheme.name}\` ${kind}).`;
}

/**
 * An auth method with the schemes it implies: a bearer scheme named `<x>_with_<y>` (Seam's
 * `pat_with_workspace`) also needs the header scheme named `<y>` or `<prefix>_<y>` (`seam_workspace`).
 */
export function expandAuthMethod(method: AuthMethod, api: Api): string[] {
  const ids = [...method.schemeIds];
  for (const id of method.schemeIds) {
    const match = /_with_([a-z0-9]+)$/i.exec(id);
    if (!match) continue;
    const suffix = (match[1] as string).toLowerCase();
    const implied = api.authSchemes.find(
      (s) => s.type === "apiKey" && (s.id.toLowerCase() === suffix || s.id.toLowerCase().endsWith(`_${suffix}`)),
    );
    if (implied && !ids.includes(implied.id)) ids.push(implied.id);
  }
  return ids;
}
