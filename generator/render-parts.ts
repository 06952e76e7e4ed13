// Renders a target through its parts, reusing every endpoint part whose inputs are unchanged and whose files
// are still on disk as written (see parts-cache.ts); only changed endpoints and the assembled files are made.
import { createHash, hash } from "node:crypto";
import type { LoadedSpec } from "./load/index.js";
import type { Api, Endpoint } from "./model/types.js";
// What `prepare` may read beyond the API context: the bundled document's components (every file's own).
export { componentsKey } from "./model/components-key.js";
import type { RenderEnv } from "./render/env.js";
import { generatorVersion, hashTree, UNREADABLE, type PartStore, type StoredPart } from "./parts-cache.js";
import { FileOwners, type AssembleMemo, type EndpointFragment, type EndpointPart, type FileSink, type TargetParts } from "./targets/target.js";
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
  /**
   * Set when this run's files of the target are known to be the last run's but for the changed parts' and the
   * shared files (that run was this process's, with the same endpoints, and every recorded output is on disk as
   * recorded): the last run's files this run does not make (relative to the target's outDir; to remove), and how
   * many files that run had (a listing of the directory holding as many holds no others).
   */
  since?: { gone: string[]; lastFileCount: number };
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
  const prepared = prepareKey(ctx, targetId);
  const keys = partKeysOf(ctx, api);
  const record = ctx.store.partsRecord(targetId);
  const last = record && lastRuns.get(record);
  const aligned = last !== undefined && last.prepareKey === prepared && sameIds(last.ids, api.endpoints);
  const stored: StoredPart[] = new Array(api.endpoints.length);
  // Each part's files relative to the out root (a watch session asks for the same 11.7k each run on GitHub's spec).
  const outs: (readonly string[])[] = new Array(api.endpoints.length);
  const kept: number[] = [];
  const found = api.endpoints.map((_endpoint, i) => ctx.store.getPart(targetId, keys[i] as string));
  // Every part's files, reused or rendered: an endpoint added since may name a file a reused part has. The claims
  // of this process's last run of the target (the same endpoints) stand for the parts it left as they were; the
  // other endpoints release the files their parts had there, then claim their new ones.
  const unchanged = (i: number): boolean => aligned && found[i] !== undefined && found[i] === last.stored[i];
  const inherited = aligned ? last.owners : undefined;
  const owners = new FileOwners(targetId, inherited);
  if (inherited) api.endpoints.forEach((_endpoint, i) => unchanged(i) || owners.release((last as TargetRun).stored[i]?.rels ?? []));
  // Files of rendered parts handed to the sink (not in out.files).
  let sunk = 0;
  const render = (endpoint: Endpoint, key: string): StoredPart => {
    const part = parts.endpoint(api, endpoint, env);
    owners.claim(endpoint, part.files.keys());
    if (sink) {
      sink(part.files);
      sunk += part.files.size;
    }
    else for (const [rel, content] of part.files) out.files.set(rel, content);
    const made = toStoredPart(part);
    ctx.store.setPart(targetId, key, made);
    ctx.store.touch();
    out.rendered++;
    return made;
  };
  ctx.store.beginTarget(targetId);
  api.endpoints.forEach((endpoint, i) => {
    const key = keys[i] as string;
    const part = found[i];
    if (part) {
      if (!inherited || !unchanged(i)) owners.claim(endpoint, part.rels);
      kept.push(i);
      ctx.store.setPart(targetId, key, part);
      stored[i] = part;
    } else stored[i] = render(endpoint, key);
    const known = aligned && last.stored[i] === stored[i] ? last.outs?.[i] : undefined;
    outs[i] = known ?? toOutRels(prefix, (stored[i] as StoredPart).rels);
  });
  // The shared files depend on the fragments and prepare's inputs only: unchanged ones on disk are kept.
  const blocks = blockHashes(api.endpoints, stored, aligned ? last : undefined);
  const assembleKey = assembleKeyOf(prepared, blocks);
  const run = rememberRun(ctx, targetId, api, { prepareKey: prepared, stored, outs, blocks, owners });
  // A reused part whose fragment the store could not read back (a damaged shard) is rendered again for it.
  const redone = new Set<number>();
  const fragmentOf = (i: number): unknown => {
    if ((stored[i] as StoredPart).fragment === UNREADABLE) {
      stored[i] = render(api.endpoints[i] as Endpoint, keys[i] as string);
      redone.add(i);
    }
    return (stored[i] as StoredPart).fragment;
  };
  // An endpoint whose part is the last run's (the very object) has that run's fragment entry (one object less each).
  const fragments = (): EndpointFragment[] => {
    const made = api.endpoints.map((endpoint, i) => {
      const kept = aligned && stored[i] === last.stored[i] ? last.fragments?.[i] : undefined;
      return kept ?? { id: endpoint.id, fragment: fragmentOf(i) };
    });
    if (run) run.fragments = made;
    return made;
  };
  const assembleFiles = async () =>
    parts.assemble(api, fragments(), env, await preparePart(targetId, parts, api, env, ctx), assembleMemo(ctx, targetId));
  // The files assembled now, when they were.
  let assembledNow: Map<string, FileText> | undefined;
  const assemble = async () => {
    const assembled = await assembleFiles();
    for (const [rel, content] of assembled) out.files.set(rel, content);
    ctx.store.setAssembled(targetId, assembleKey, [...assembled.keys()]);
    ctx.store.touch();
    assembledNow = assembled;
    if (run) {
      run.assembled = assembled;
      run.assembledRels = [...assembled.keys()];
    }
  };
  const keptAssembled = ctx.store.getAssembled(targetId, assembleKey);
  if (!keptAssembled) await assemble();
  else if (run) {
    if (aligned) run.assembled = last.assembled;
    run.assembledRels = keptAssembled;
  }
  out.rehearse = async () => {
    const first = api.endpoints[0];
    if (first) parts.endpoint(api, first, env);
    return parts.assembledFromApiLevel ? new Map() : assembleFiles();
  };
  const complete = async (): Promise<PartsRender> => {
    await ctx.store.settleProbe();
    const intactOut: string[] = (out.intactOut = []);
    // The same relative to the target's directory, made only when asked for (the pipeline reads intactOut).
    let intact: string[] | undefined;
    Object.defineProperty(out, "intact", { enumerable: true, get: () => (intact ??= intactOut.map((rel) => rel.slice(prefix.length + 1))) });
    const take = (outRels: readonly string[]) => {
      for (const rel of outRels) intactOut.push(rel);
    };
    const keep = (rels: readonly string[], outRels: readonly string[] = toOutRels(prefix, rels)): boolean => {
      for (const rel of outRels) if (!ctx.store.isOutputIntact(ctx.outRoot, rel)) return false;
      take(outRels);
      return true;
    };
    // A part of this process's last run of the target (the very object) had its files recorded when that run was
    // saved; while every recorded output is on disk as recorded (see PartStore.recordTrusted), they still are.
    const trusted = aligned && ctx.store.recordTrusted ? last.stored : undefined;
    // An assembled file whose text is the one that run assembled (or kept) is on disk as that run left it, unless
    // it is not recorded: not handed to the writer (it would encode it and read the file to find it unchanged).
    const lastAssembled = trusted && last?.assembled;
    if (lastAssembled && assembledNow) {
      for (const [rel, content] of assembledNow) if (sameText(lastAssembled.get(rel), content) && keep([rel])) out.files.delete(rel);
    }
    for (const i of kept) {
      if (redone.has(i)) continue;
      const part = stored[i] as StoredPart;
      if (trusted?.[i] === part) {
        take(outs[i] as readonly string[]);
        out.reused++;
      } else if (keep(part.rels, outs[i])) out.reused++;
      else render(api.endpoints[i] as Endpoint, keys[i] as string); // the same fragment: what was assembled from it stands
    }
    if (keptAssembled) {
      if (keep(keptAssembled)) ctx.store.setAssembled(targetId, assembleKey, keptAssembled);
      else await assemble();
    }
    const lastRun = trusted ? last : undefined;
    if (lastRun?.fileCount !== undefined && lastRun.assembledRels && run?.assembledRels) {
      out.since = { gone: goneSince(lastRun, stored, run.assembledRels), lastFileCount: lastRun.fileCount };
    }
    if (run) run.fileCount = intactOut.length + out.files.size + sunk;
    return out;
  };
  return { ready: ctx.store.probeSettled, complete };
}

/** What a target's run in this process used: the next run of the target hashes only the blocks of parts that differ. */
interface TargetRun {
  prepareKey: string;
  ids: readonly string[];
  stored: readonly StoredPart[];
  /** Each part's files relative to the out root (absent: a whole render, which does not make them). */
  outs?: readonly (readonly string[])[];
  blocks: readonly string[];
  /** The shared files that run assembled or kept… */
  assembledRels?: readonly string[];
  /** …and how many files it had in all (its parts' and the shared ones), once it completed. */
  fileCount?: number;
  /** The fragments assembled from, when that run assembled. */
  fragments?: readonly EndpointFragment[];
  /** Which endpoint claimed each part's file (absent: a whole render). */
  owners?: FileOwners;
  /** The shared files' texts that run assembled (or kept, unchanged, from the run before it). */
  assembled?: ReadonlyMap<string, FileText>;
}

/**
 * Target runs by the parts record each left in the store: a next run whose store holds that same record (the run
 * was saved, and the store not read again since) finds its run here.
 */
const lastRuns = new WeakMap<object, TargetRun>();

function rememberRun(ctx: PartsContext, targetId: string, api: Api, run: Omit<TargetRun, "ids">): TargetRun | undefined {
  const record = ctx.store.usedPartsRecord(targetId);
  if (!record) return undefined;
  const remembered: TargetRun = { ...run, ids: api.endpoints.map((e) => e.id) };
  lastRuns.set(record, remembered);
  return remembered;
}

/**
 * The files of `last` (a run of the target with the same endpoints) that a run with these parts and shared files
 * does not make: a changed part's old files and the old shared files, less the ones made now. A part left as it was
 * (the very object) has the same files, and none of them can be another endpoint's now (its claim stands).
 */
function goneSince(last: TargetRun, stored: readonly StoredPart[], assembledRels: readonly string[]): string[] {
  const was: string[] = [...(last.assembledRels ?? [])];
  const made = new Set(assembledRels);
  stored.forEach((part, i) => {
    const before = last.stored[i];
    if (part === before) return;
    for (const rel of before?.rels ?? []) was.push(rel);
    for (const rel of part.rels) made.add(rel);
  });
  return was.filter((rel) => !made.has(rel));
}

/** Whether two texts are the same (texts in pieces: the same pieces, mostly the very same strings). */
function sameText(a: FileText | undefined, b: FileText): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a === undefined || a.pieces.length !== b.pieces.length || a.length !== b.length) return false;
  return a.pieces.every((piece, i) => piece === b.pieces[i]);
}

/** The key of a target's assembled files: prepare's inputs, and each endpoint's id and part hash (in blocks). */
function assembleKeyOf(prepared: string, blocks: readonly string[]): string {
  return sha256(`${prepared}\0${blocks.join("\0")}`);
}

function sameIds(ids: readonly string[], endpoints: readonly Endpoint[]): boolean {
  return ids.length === endpoints.length && endpoints.every((e, i) => e.id === ids[i]);
}

const BLOCK = 64;

/**
 * The endpoints' ids and part hashes hashed in blocks of BLOCK (what the assemble key is made of): a block whose
 * parts are the ones of the last run (same ids in the same places) keeps that run's hash.
 */
function blockHashes(endpoints: readonly Endpoint[], stored: readonly StoredPart[], last: TargetRun | undefined): string[] {
  const blocks: string[] = [];
  for (let start = 0; start < endpoints.length; start += BLOCK) {
    const end = Math.min(start + BLOCK, endpoints.length);
    let same = last !== undefined && last.blocks.length > blocks.length;
    for (let i = start; same && i < end; i++) same = stored[i] === last?.stored[i];
    if (same) {
      blocks.push((last as TargetRun).blocks[blocks.length] as string);
      continue;
    }
    const inputs: string[] = [];
    for (let i = start; i < end; i++) inputs.push((endpoints[i] as Endpoint).id, (stored[i] as StoredPart).hash);
    blocks.push(sha256(inputs.join("\0")));
  }
  return blocks;
}

function toOutRels(prefix: string, rels: readonly string[]): string[] {
  return rels.map((rel) => `${prefix}/${rel}`);
}

function toStoredPart(part: EndpointPart): StoredPart {
  const fragment = part.fragment ?? null;
  return { rels: [...part.files.keys()], fragment, hash: sha256(JSON.stringify(fragment)) };
}

/** A cold run of a target that renders everything at once cheaper than part by part; every part is stored. */
async function renderAllParts(targetId: string, parts: TargetParts, api: Api, env: RenderEnv, ctx: PartsContext): Promise<PartsRender> {
  const all = await (parts.renderAll as NonNullable<TargetParts["renderAll"]>)(api, env);
  const out: PartsRender = { files: new Map(), intact: [], rendered: api.endpoints.length, reused: 0 };
  const prepared = prepareKey(ctx, targetId);
  const keys = partKeysOf(ctx, api);
  ctx.store.beginTarget(targetId);
  const owners = new FileOwners(targetId);
  const stored = api.endpoints.map((endpoint, i) => {
    const part = all.parts[i] as EndpointPart;
    owners.claim(endpoint, part.files.keys());
    for (const [rel, content] of part.files) out.files.set(rel, content);
    const made = toStoredPart(part);
    ctx.store.setPart(targetId, keys[i] as string, made);
    return made;
  });
  if (parts.prepare) ctx.store.setPrepared(targetId, prepared, all.prepared);
  if (all.memo) assembleMemo(ctx, targetId).set(...all.memo);
  for (const [rel, content] of all.assembled) out.files.set(rel, content);
  const blocks = blockHashes(api.endpoints, stored, undefined);
  rememberRun(ctx, targetId, api, { prepareKey: prepared, stored, blocks });
  ctx.store.setAssembled(targetId, assembleKeyOf(prepared, blocks), [...all.assembled.keys()]);
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
  return partKeysOf(ctx, api).some((key) => !ctx.store.getPart(targetId, key));
}

/**
 * The keys of the endpoints' parts, in `api.endpoints` order: the same for every target (each target's parts are
 * kept apart by the store), so they are made once per run.
 */
function partKeysOf(ctx: PartsContext, api: Api): readonly string[] {
  let keys = partKeys.get(ctx);
  if (keys?.[0] !== api) partKeys.set(ctx, (keys = [api, api.endpoints.map((endpoint) => partKey(ctx, endpoint))]));
  return keys[1];
}

function partKey(ctx: PartsContext, endpoint: Endpoint): string {
  const input = ctx.inputHashes.get(endpoint.source.file) ?? "";
  const last = lastKeys.get(endpoint.id);
  if (last && last[0] === ctx.contextKey && last[1] === input) return last[2];
  const key = sha256(`${ctx.contextKey}\0${endpoint.id}\0${input}`);
  lastKeys.set(endpoint.id, [ctx.contextKey, input, key]);
  return key;
}

const partKeys = new WeakMap<PartsContext, [Api, string[]]>();
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
  // Resources come from `_api.yaml` (hashed above); reading them would flatten every schema. The extensions are the
  // head document's own members (that file, hashed above): GitHub's are 580 kB of JSON, printed every run otherwise.
  const rest = Object.keys(api).filter((key) => key !== "endpoints" && key !== "resources" && key !== "routes" && key !== "extensions");
  hash.update(JSON.stringify(rest.map((key) => [key, api[key as keyof Api]])));
  hash.update(JSON.stringify(api.routes.map(({ endpointIds: _ids, ...route }) => route)));
  return hash.digest("hex");
}

function sha256(text: string): string {
  return hash("sha256", text);
}
