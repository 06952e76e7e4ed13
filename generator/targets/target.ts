import type { Api, Endpoint } from "../model/types.js";
import type { RenderEnv } from "../render/env.js";
import { UserError } from "../errors.js";
import { textsOf, type FileText } from "../write/text.js";

/** A target: model → files (paths relative to generated/<api>/<outDir>/). */
export interface Target {
  description: string;
  /** Directory under generated/<api>/ the target owns (stale files in it are removed). */
  outDir: string;
  /** Whether the target makes sense for this API (e.g. SDK snippets need SDK names). */
  appliesTo(api: Api): boolean;
  /** Every file of the target. With `parts`, this is `renderByParts` (see below). */
  /**
   * Every file of the target. With `sink`, files may be handed to it as they render (an endpoint's at a time) and
   * left out of the result, which then holds the rest.
   */
  render(api: Api, env: RenderEnv, sink?: FileSink): Map<string, string> | Promise<Map<string, string>>;
  /** The same files, split per endpoint so a regeneration re-renders only the endpoints that changed. */
  parts?: TargetParts;
  /**
   * Writing its files (many small ones, each in a directory of its own) takes longer than rendering them: a run
   * renders it early (once the client's types worker is done, see renderTargets), so that the write worker writes
   * them while the other targets render.
   */
  writeBound?: boolean;
}

/** What one endpoint contributes to a target. */
export interface EndpointPart {
  /** Files this endpoint alone produces (paths relative to the target's outDir). */
  files: Map<string, string>;
  /**
   * What the target's shared files (indexes, SUMMARY.md, openapi.json, types) need from this endpoint; JSON-safe
   * (it is cached on disk as JSON and must come back equal), null when they need nothing.
   */
  fragment: unknown;
}

/**
 * The incremental form of a target. Contract (test/helpers/target-parts.ts checks it):
 * - `endpoint(api, e, env)` depends only on `e` and API-level data: it must not read `api.endpoints`,
 *   `route.endpointIds` or `api.document.paths` (other endpoints).
 * - `assemble(api, fragments, env)` makes the remaining files from API-level data and the fragments (given in
 *   `api.endpoints` order), without reading `api.endpoints` or `api.document.paths`.
 * - Together they make exactly the files `render` makes.
 */
export interface TargetParts {
  endpoint(api: Api, endpoint: Endpoint, env: RenderEnv): EndpointPart;
  /**
   * Optional: expensive work that depends on API-level data only (e.g. the types of the shared components),
   * JSON-safe; cached with the API-level inputs and handed to `assemble`.
   */
  prepare?(api: Api, env: RenderEnv): unknown | Promise<unknown>;
  assemble(
    api: Api,
    fragments: readonly EndpointFragment[],
    env: RenderEnv,
    prepared: unknown,
    memo?: AssembleMemo,
  ): Map<string, FileText> | Promise<Map<string, FileText>>;
  /**
   * Optional: true when the assembled files change with API-level data only (the fragments hold nothing an edit of
   * an endpoint's text changes): a watch session, while it waits, renders an endpoint's part to have that code
   * compiled but does not assemble them (GitHub's api.json: 30 MB of text made and dropped after every edit, most
   * of it surviving long enough to be promoted, so that the next edits paid for it in garbage collection).
   */
  assembledFromApiLevel?: boolean;
  /**
   * Optional: everything at once when nothing is cached (a cold run), when that is cheaper than part by part
   * (e.g. one whole-document pass in a worker, then split). Must return exactly what the parts would.
   */
  renderAll?(api: Api, env: RenderEnv): Promise<AllParts>;
  /**
   * Optional: called before any target renders in a run that will render this one part by part (its parts were
   * kept), and by watch while it waits for a change; does API-level work its parts will need (client: the scan of
   * the document's components). Called again with the same API-level data, it does nothing.
   */
  warm?(api: Api): void;
}

/** Every endpoint's part (in `api.endpoints` order), `prepare`'s value and the assembled files. */
export interface AllParts {
  parts: EndpointPart[];
  prepared: unknown;
  assembled: Map<string, FileText>;
  /** What `assemble` would have kept in its memo for these parts ([key, value]), so the next run starts with it. */
  memo?: [string, unknown];
}

/**
 * One value `assemble` keeps for the next run (JSON-safe), for costly work that depends on API-level data (the
 * same inputs as `prepare`) and on some fragments only: `key` names those fragments' inputs; a value is found only
 * under the same key and the same API-level inputs. One value per target (a new one replaces the last).
 */
export interface AssembleMemo {
  get(key: string): { value: unknown } | undefined;
  set(key: string, value: unknown): void;
}

export interface EndpointFragment {
  /** The endpoint's id (`Endpoint.id`). */
  id: string;
  fragment: unknown;
}

/** Takes files of a target as they render (relative to its outDir): the writer's stream of its directory. */
export type FileSink = (files: ReadonlyMap<string, string>) => void;

/** `render` for a target that has `parts`: every endpoint's files (to `sink` if given), then the assembled shared files. */
export async function renderByParts(parts: TargetParts, api: Api, env: RenderEnv, sink?: FileSink): Promise<Map<string, string>> {
  return textsOf(await renderPieces(parts, api, env, sink));
}

/**
 * renderByParts with the assembled files' texts as assemble made them (maybe in pieces: what the writer takes);
 * `targetId` names the target in the error about two endpoints writing one file.
 */
export async function renderPieces(parts: TargetParts, api: Api, env: RenderEnv, sink?: FileSink, targetId?: string): Promise<Map<string, FileText>> {
  const files = new Map<string, FileText>();
  const fragments: EndpointFragment[] = [];
  const owners = new FileOwners(targetId);
  for (const endpoint of api.endpoints) {
    const part = parts.endpoint(api, endpoint, env);
    owners.claim(endpoint, part.files.keys());
    if (sink) sink(part.files);
    else for (const [rel, content] of part.files) files.set(rel, content);
    fragments.push({ id: endpoint.id, fragment: part.fragment });
  }
  const prepared = parts.prepare ? await parts.prepare(api, env) : undefined;
  for (const [rel, content] of await parts.assemble(api, fragments, env, prepared)) files.set(rel, content);
  return files;
}

/**
 * Which endpoint each file of a target comes from. Two endpoints whose files have one name (paths that differ only
 * in what the target's file names leave out: `/a/{b}` and `/a/b` are both gitbook's `a/b.md`) are an error that
 * names them, not a page silently lost or a crash of the writer.
 */
export class FileOwners {
  /** File → the endpoint that claimed it (an earlier run's claims hold that run's endpoint objects: ids compare). */
  private readonly owners: Map<string, Endpoint>;

  /** `from`: the claims of an earlier run to start from (copied: that run's stand as they were). */
  constructor(
    private readonly targetId: string | undefined,
    from?: FileOwners,
  ) {
    this.owners = new Map(from?.owners);
  }

  claim(endpoint: Endpoint, rels: Iterable<string>): void {
    for (const rel of rels) {
      const other = this.owners.get(rel);
      if (other !== undefined && other.id !== endpoint.id) {
        const target = this.targetId ?? "a target";
        throw new UserError(
          `${target}: ${describeEndpoint(other)} and ${describeEndpoint(endpoint)} would both be written to ${rel}` +
            ` (its file names cannot tell these paths apart): rename one of the paths, or leave ${target} out with --targets`,
        );
      }
      this.owners.set(rel, endpoint);
    }
  }

  /** Drops the claims on these files (an endpoint's files of an earlier run, before it claims its new ones). */
  release(rels: Iterable<string>): void {
    for (const rel of rels) this.owners.delete(rel);
  }
}

function describeEndpoint(endpoint: Endpoint): string {
  return `${endpoint.preferredMethod.toUpperCase()} ${endpoint.path} (${endpoint.source.file})`;
}
