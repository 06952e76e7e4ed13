// The target registry: the id type is derived from it.
import { clientTypescriptTarget } from "./client/index.js";
import { docsGitbookTarget } from "./docs-gitbook/index.js";
import { docsMarkdownTarget } from "./docs-markdown/index.js";
import { docsMintlifyTarget } from "./docs-mintlify/index.js";
import { fixturesJsonTarget } from "./fixtures/index.js";
import { modelJsonTarget } from "./model-json.js";
import { snippetLanguageTargets, snippetsIndexTarget } from "./snippets.js";
import type { Target } from "./target.js";

export const targets = {
  "model/json": modelJsonTarget,
  "docs/gitbook": docsGitbookTarget,
  "docs/markdown": docsMarkdownTarget,
  "docs/mintlify": docsMintlifyTarget,
  "client/typescript": clientTypescriptTarget,
  "fixtures/json": fixturesJsonTarget,
  ...snippetLanguageTargets,
  "snippets/index": snippetsIndexTarget,
} satisfies Record<string, Target>;

export type TargetId = keyof typeof targets;

export const TARGET_IDS = Object.keys(targets) as TargetId[];

export function isTargetId(id: string): id is TargetId {
  return Object.prototype.hasOwnProperty.call(targets, id);
}
