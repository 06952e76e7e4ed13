// Renders a target through its parts, reusing every endpoint part whose inputs are unchanged and whose files
// are still on disk as written (see parts-cache.ts); only changed endpoints and the assembled files are made.
import { createHash } from "node:crypto";
import type { LoadedSpec } from "./load/index.js";
import type { Api, Endpoint } from "./model/types.js";
// What `prepare` may read beyond the API context: the bundled document's components (every file's own).
export { componentsKey } from "./model/components-key.js";
import type { RenderEnv } from "./render/env.js";
import { generatorVersion, hashTree, type PartStore, type StoredPart } from "./parts-cache.js";
import type { AssembleMemo, EndpointFragment, EndpointPart, FileSink, TargetParts } from "./targets/target.js";
import type { FileText } from "./write/text.js";

export interface PartsContext {
  store: PartStore;
  /** Hash of everything API-level the parts may read (see apiContextKey). */
  contextKey: string;
  /** Hash of every file's own components (see componentsKey): `prepare` reads the whole components section. */
  componentsKey: string;
  /** rel → hash of the file and the files its $refs reach (LoadedSpec.inputHashes). */
  inputHashes: ReadonlyMap<string, string>;
  outRoot: string;
}

export interface PartsRender {
  /** Files made by this run (relative to the target's outDir): changed parts and the assembled files, less those handed to a sink. */
  files: Map<string, FileText>;
  /** Files of reused parts, known to be on disk unchanged (relative to the target's outDir)… */
  intact: string[];
  /** …and the same relative to the out root (the strings kept with each part: a watch session makes them once). */
  intactOut?: string[];
  /** Endpoints rendered / reused. */
  rendered: number;
  reused: number;
  /**
   * What the next run of the target will do when one endpoint changed, writing nothing: an endpoint's part rendered
   * and the shared files assembled from this run's fragments (which they equal). A watch session runs it while it
   * waits, so that the next change finds that code compiled, its memos filled and the writer holding the shared
   * files' bytes (see retainWrites).
   */
  rehearse?: () => Promise<Map<string, FileText>>;
}

/**
 * A target rendered through its parts as far as it can go before the outputs' stamps are in: `complete` (to call
 * once they are, see PartStore.settleProbe) checks the files of the parts it reuses and renders again those not
 * on disk as written. `ready`: the stamps were in already (or none were asked for); complete waits for nothing.
 */
export interface PartsProgress {
  ready: boolean;
  complete(): Promise<PartsRender>;
}

/**
 * Renders the endpoints whose inputs changed and assembles the shared files when their inputs did; that needs no
 * stamp (a reused part's fragment is what rendering it again would give), so a warm run's probe of its outputs
 * goes on meanwhile. Whether each reused part's files are still on disk is asked in `complete`.
 */
export async function renderTargetParts(
  targetId: string,
  prefix: string,
  parts: TargetParts,
  api: Api,
  env: RenderEnv,
  ctx: PartsContext,
  sink?: FileSink,
): Promise<PartsProgress> {
  if (parts.renderAll && !ctx.store.hasParts(targetId)) {
    const all = await renderAllParts(targetId, parts, api, env, ctx);
    return { ready: true, complete: async () => all };
  }
  const out: PartsRender = { files: new Map(), intact: [], rendered: 0, reused: 0 };
  const fragments: EndpointFragment[] = [];
  const assembleInputs: string[] = [prepareKey(ctx, targetId)];
  const kept: [Endpoint, string, StoredPart][] = [];
  const render = (endpoint: Endpoint, key: string): StoredPart => {
    const part = parts.endpoint(api, endpoint, env);
    if (sink) sink(part.files);
    else for (const [rel, content] of part.files) out.files.set(rel, content);
    const stored = toStoredPart(part);
    ctx.store.setPart(targetId, key, stored);
    ctx.store.touch();
    out.rendered++;
    return stored;
  };
  ctx.store.beginTarget(targetId);
  for (const endpoint of api.endpoints) {
    const key = partKey(ctx, endpoint);
    let stored = ctx.store.getPart(targetId, key);
    if (stored) {
      kept.push([endpoint, key, stored]);
      ctx.store.setPart(targetId, key, stored);
    } else stored = render(endpoint, key);
    fragments.push({ id: endpoint.id, fragment: stored.fragment });
    assembleInputs.push(endpoint.id, stored.hash);
  }
  // The shared files depend on the fragments and prepare's inputs only: unchanged ones on disk are kept.
  const assembleKey = sha256(assembleInputs.join("\0"));
  const assembleFiles = async () => parts.assemble(api, fragments, env, await preparePart(targetId, parts, api, env, ctx), assembleMemo(ctx, targetId));
  const assemble = async () => {
    const assembled = await assembleFiles();
    for (const [rel, content] of assembled) out.files.set(rel, content);
    ctx.store.setAssembled(targetId, assembleKey, [...assembled.keys()]);
    ctx.store.touch();
  };
  const keptAssembled = ctx.store.getAssembled(targetId, assembleKey);
  if (!keptAssembled) await assemble();
  out.rehearse = async () => {
    const first = api.endpoints[0];
    if (first) parts.endpoint(api, first, env);
    return assembleFiles();
  };
  const complete = async (): Promise<PartsRender> => {
    await ctx.store.settleProbe();
    const intactOut: string[] = (out.intactOut = []);
    for (const [endpoint, key, stored] of kept) {
      if (isIntact(ctx, prefix, stored.rels)) {
        out.intact.push(...stored.rels);
        intactOut.push(...outRelsOf(prefix, stored.rels));
        out.reused++;
      } else render(endpoint, key); // the same fragment: what was assembled from it stands
    }
    if (keptAssembled) {
      if (isIntact(ctx, prefix, keptAssembled)) {
        out.intact.push(...keptAssembled);
        intactOut.push(...outRelsOf(prefix, keptAssembled));
        ctx.store.setAssembled(targetId, assembleKey, keptAssembled);
      } else await assemble();
    }
    return out;
  };
  return { ready: ctx.store.probeSettled, complete };
}

function isIntact(ctx: PartsContext, prefix: string, rels: readonly string[]): boolean {
  return outRelsOf(prefix, rels).every((rel) => ctx.store.isOutputIntact(ctx.outRoot, rel));
}

function outRelsOf(prefix: string, rels: readonly string[]): readonly string[] {
  let known = outRels.get(rels);
  if (known?.[0] !== prefix) outRels.set(rels, (known = [prefix, rels.map((rel) => `${prefix}/${rel}`)]));
  return known[1];
}

/**
 * A stored part's files relative to the out root, made once per part: a watch session asks for the same ones each
 * run (GitHub: 11.7k), and the same string objects keep their hashes for the lookups.
 */
const outRels = new WeakMap<readonly string[], [string, string[]]>();

function toStoredPart(part: EndpointPart): StoredPart {
  const fragment = part.fragment ?? null;
  return { rels: [...part.files.keys()], fragment, hash: sha256(JSON.stringify(fragment)) };
}

/** A cold run of a target that renders everything at once cheaper than part by part; every part is stored. */
async function renderAllParts(targetId: string, parts: TargetParts, api: Api, env: RenderEnv, ctx: PartsContext): Promise<PartsRender> {
  const all = await (parts.renderAll as NonNullable<TargetParts["renderAll"]>)(api, env);
  const out: PartsRender = { files: new Map(), intact: [], rendered: api.endpoints.length, reused: 0 };
  const assembleInputs: string[] = [prepareKey(ctx, targetId)];
  ctx.store.beginTarget(targetId);
  api.endpoints.forEach((endpoint, i) => {
    const part = all.parts[i] as EndpointPart;
    for (const [rel, content] of part.files) out.files.set(rel, content);
    const stored = toStoredPart(part);
    ctx.store.setPart(targetId, partKey(ctx, endpoint), stored);
    assembleInputs.push(endpoint.id, stored.hash);
  });
  if (parts.prepare) ctx.store.setPrepared(targetId, prepareKey(ctx, targetId), all.prepared);
  if (all.memo) assembleMemo(ctx, targetId).set(...all.memo);
  for (const [rel, content] of all.assembled) out.files.set(rel, content);
  ctx.store.setAssembled(targetId, sha256(assembleInputs.join("\0")), [...all.assembled.keys()]);
  ctx.store.touch();
  return out;
}

async function preparePart(targetId: string, parts: TargetParts, api: Api, env: RenderEnv, ctx: PartsContext): Promise<unknown> {
  if (!parts.prepare) return undefined;
  const key = prepareKey(ctx, targetId);
  const stored = ctx.store.getPrepared(targetId, key);
  const value = stored ? stored.value : await parts.prepare(api, env);
  ctx.store.setPrepared(targetId, key, value);
  return value;
}

/** The target's assemble memo: its keys are scoped to the API-level inputs (those of `prepare`). */
function assembleMemo(ctx: PartsContext, targetId: string): AssembleMemo {
  const scoped = (key: string) => sha256(`${prepareKey(ctx, targetId)}\0${key}`);
  return {
    get: (key) => ctx.store.getMemo(targetId, scoped(key)),
    set: (key, value) => ctx.store.setMemo(targetId, scoped(key), value),
  };
}

function prepareKey(ctx: PartsContext, targetId: string): string {
  return sha256(`${ctx.contextKey}\0${ctx.componentsKey}\0${targetId}`);
}

/** Whether some endpoint's part of the target is not in the store (it will render, not be reused). */
export function hasUnkeptParts(targetId: string, api: Api, ctx: PartsContext): boolean {
  return api.endpoints.some((endpoint) => !ctx.store.getPart(targetId, partKey(ctx, endpoint)));
}

/**
 * The key of an endpoint's part: the same for every target (each target's parts are kept apart by the store),
 * so it is hashed once per endpoint and run.
 */
function partKey(ctx: PartsContext, endpoint: Endpoint): string {
  let keys = partKeys.get(ctx);
  if (!keys) partKeys.set(ctx, (keys = new Map()));
  let key = keys.get(endpoint.id);
  if (key === undefined) {
    const input = ctx.inputHashes.get(endpoint.source.file) ?? "";
    const last = lastKeys.get(endpoint.id);
    if (last && last[0] === ctx.contextKey && last[1] === input) key = last[2];
    else lastKeys.set(endpoint.id, [ctx.contextKey, input, (key = sha256(`${ctx.contextKey}\0${endpoint.id}\0${input}`))]);
    keys.set(endpoint.id, key);
  }
  return key;
}

const partKeys = new WeakMap<PartsContext, Map<string, string>>();
/** The last key made for each endpoint id and what it was made from: a watch session's next run hashes only what changed. */
const lastKeys = new Map<string, [context: string, input: string, key: string]>();

/**
 * Everything a part may depend on besides its endpoint's own files: specsmith's code and bundled templates,
 * the override templates, `_api.yaml`, the names bundling gave components (a clash renames one), and the
 * API-level model (title, servers, auth, SDK naming, route tree without its endpoint lists).
 */
export function apiContextKey(spec: LoadedSpec, api: Api, templatesDir: string | undefined): string {
  const hash = createHash("sha256").update(generatorVersion());
  if (templatesDir) hashTree(hash, templatesDir, /\.hbs$/);
  hash.update(`\0shared\0${spec.shared?.hash ?? spec.endpoints[0]?.hash ?? ""}`);
  hash.update(`\0names\0${api.componentNamesKey ?? ""}`);
  // Resources come from `_api.yaml` (hashed above); reading them would flatten every schema.
  const rest = Object.keys(api).filter((key) => key !== "endpoints" && key !== "resources" && key !== "routes");
  hash.update(JSON.stringify(rest.map((key) => [key, api[key as keyof Api]])));
  hash.update(JSON.stringify(api.routes.map(({ endpointIds: _ids, ...route }) => route)));
  return hash.digest("hex");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
