// Per-endpoint render results kept between runs, so a regeneration re-renders only the endpoints whose inputs
// changed. In memory (a watch session keeps file contents) and on disk (a fresh CLI run keeps fragments and
// the names, sizes and mtimes of the files it wrote: a file that still has them is taken as unchanged, as make
// and git do; parts-disk.ts splits it into shards, so a run writes only the shards it changed).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { BUNDLED_TEMPLATES } from "./render/env.js";
import { persistCache } from "./cache-writes.js";
import { CODE_ROOT } from "./code-root.js";
import { UNREADABLE, forgetDiskState, readStoreDir, readStoreMeta, writeStoreDir, type StoreData, type StoredPart } from "./parts-disk.js";

export type { StoredPart } from "./parts-disk.js";
export { UNREADABLE } from "./parts-disk.js";

const FORMAT = "specsmith-parts/4";
const MAX_MEMORY = 4;

const memory = new Map<string, StoreData>();

/** A store's meta shard for one run: held by this process, or being read from disk (see PartStore.readMeta). */
export interface StoreMeta {
  held?: StoreData;
  read?: Promise<Record<string, unknown> | null>;
}

export class PartStore {
  private used: StoreData;
  /** Nothing to save unless a part was made or an output recorded (a no-op run leaves the store as it was). */
  private dirty = false;
  /** The recorded outputs' current stamps, taken at the start of the run (see useProbe). */
  private probed: ReadonlyMap<string, readonly [number, number] | null> | undefined;
  private probing: Promise<void> | undefined;
  /** The probe was found to hold every recorded output's recorded stamp (see useProbe): each recorded output is intact. */
  private driftFree = false;
  /** False while the stamps handed to useProbe are still being taken. */
  probeSettled = true;

  private constructor(
    private readonly file: string | null,
    private readonly data: StoreData,
  ) {
    // A target this run renders keeps only the parts it used (see beginTarget); other targets' are carried over.
    this.used = {
      ...data,
      parts: { ...data.parts },
      prepared: { ...data.prepared },
      memos: { ...data.memos },
      assembled: { ...data.assembled },
      // Not copied (11.7k entries on GitHub): only updateOutputs changes it, once the run's files are written, and
      // this store's data then replaces the one it was opened from.
      outputs: data.outputs,
    };
  }

  /**
   * The store of one (spec dir, out root) pair; empty when absent, unreadable or made by other code. `meta`: its
   * meta shard as readMeta read it for this run (else it is read here).
   */
  static async open(cacheDir: string | null, specDir: string, outRoot: string, meta?: StoreMeta): Promise<PartStore> {
    if (!cacheDir) return new PartStore(null, emptyData());
    const file = storeDir(cacheDir, specDir, outRoot);
    const held = memory.get(file);
    if (held && held.version === generatorVersion()) return new PartStore(file, held);
    const data = await readStoreDir(file, FORMAT, generatorVersion(), meta?.read);
    return new PartStore(file, data && isUsable(data) ? data : emptyData());
  }

  /**
   * The meta shard of the store of (spec dir, out root), read once for a run that both peeks at its outputs and
   * opens it (GitHub's is 1.2 MB); not read when this process holds the store.
   */
  static readMeta(cacheDir: string | null, specDir: string, outRoot: string): StoreMeta {
    if (!cacheDir) return {};
    const file = storeDir(cacheDir, specDir, outRoot);
    const held = memory.get(file);
    if (held && held.version === generatorVersion()) return { held };
    const read = readStoreMeta(file, FORMAT, generatorVersion());
    read.catch(() => undefined);
    return { read };
  }

  /**
   * The outputs the store of (spec dir, out root) recorded, read from its small meta shard alone, so that their
   * stamps can be asked for before `open` has read the parts; empty when there is none.
   */
  static async peekOutputs(cacheDir: string | null, specDir: string, outRoot: string, meta = PartStore.readMeta(cacheDir, specDir, outRoot)): Promise<string[]> {
    if (meta.held) return Object.keys(meta.held.outputs);
    const outputs = (await meta.read)?.["outputs"];
    return isRecord(outputs) ? Object.keys(outputs) : [];
  }

  /** False with the cache off: nothing is kept, so callers render whole and skip the bookkeeping. */
  get enabled(): boolean {
    return this.file !== null;
  }

  /** From now on the target's parts are the ones set by this run. */
  beginTarget(targetId: string): void {
    this.used.parts[targetId] = {};
    // Its prepared value stays (one per target, replaced when prepare runs again): a run that keeps the assembled
    // files does not call prepare, and the next one that assembles needs it.
    delete this.used.assembled[targetId];
  }

  /** The assembled files' paths when the previous run assembled them from the same inputs (`key`). */
  getAssembled(targetId: string, key: string): string[] | undefined {
    const entry = this.data.assembled[targetId];
    return entry && entry[0] === key ? entry[1] : undefined;
  }

  setAssembled(targetId: string, key: string, rels: string[]): void {
    this.used.assembled[targetId] = [key, rels];
  }

  /** Whether the previous run stored any part of the target. */
  hasParts(targetId: string): boolean {
    const parts = this.data.parts[targetId];
    return parts !== undefined && Object.keys(parts).length > 0;
  }

  /** The target's parts as the previous run left them (an object a run's own bookkeeping can be kept by). */
  partsRecord(targetId: string): object | undefined {
    return this.data.parts[targetId];
  }

  /** The target's parts as this run has set them (the next run's partsRecord, once this run is saved). */
  usedPartsRecord(targetId: string): object | undefined {
    return this.used.parts[targetId];
  }

  getPart(targetId: string, key: string): StoredPart | undefined {
    return this.data.parts[targetId]?.[key];
  }

  setPart(targetId: string, key: string, part: StoredPart): void {
    (this.used.parts[targetId] ??= {})[key] = part;
  }

  /** Marks the store changed (a part was rendered, not reused). */
  touch(): void {
    this.dirty = true;
  }

  getPrepared(targetId: string, key: string): { value: unknown } | undefined {
    return keyedValue(this.used.prepared, targetId, key);
  }

  setPrepared(targetId: string, key: string, value: unknown): void {
    this.used.prepared[targetId] = [key, value];
  }

  /**
   * Reads now the prepare values and assemble memos still on disk (see parts-disk.ts), so that the next run of this
   * process (a watch session's next change) finds them in memory.
   */
  readKept(): void {
    for (const record of [this.used.prepared, this.used.memos]) for (const entry of Object.values(record)) void entry[1];
  }

  /** The target's assemble memo (see AssembleMemo) when stored under `key`; kept until the next set. */
  getMemo(targetId: string, key: string): { value: unknown } | undefined {
    return keyedValue(this.used.memos, targetId, key);
  }

  setMemo(targetId: string, key: string, value: unknown): void {
    this.used.memos[targetId] = [key, value];
    this.dirty = true;
  }

  /**
   * Stamps of the recorded outputs, being taken (in the write worker) before this run writes anything; once they
   * are in (settleProbe), isOutputIntact makes no syscall. Null or a failure: it stats as asked. `driftFree`: what
   * comparing them with the outputs record (as this store opened it) found, when that was done already (see
   * drifted): true, none drifted.
   */
  useProbe(stamps: Promise<ReadonlyMap<string, readonly [number, number] | null> | null>, driftFree?: Promise<boolean>): void {
    this.probeSettled = false;
    const settle = (found: ReadonlyMap<string, readonly [number, number] | null> | null, free = false) => {
      if (found) this.probed = found;
      this.driftFree = found !== null && free;
      this.probeSettled = true;
    };
    this.probing = driftFree
      ? Promise.all([stamps, driftFree.catch(() => false)]).then(([found, free]) => settle(found, free), () => settle(null))
      : stamps.then((found) => settle(found), () => settle(null));
  }

  /**
   * Every recorded output was found on disk with its recorded stamp (a primed probe found no drift, see useProbe):
   * a file recorded is intact. False until the probe has settled.
   */
  get recordTrusted(): boolean {
    return this.driftFree && this.probeSettled;
  }

  /** Waits for the stamps handed to useProbe; call it before asking isOutputIntact. */
  async settleProbe(): Promise<void> {
    if (!this.probeSettled) await this.probing;
  }

  /** The recorded outputs whose stamps (as a probe took them) are not the ones recorded: changed or removed since. */
  drifted(stamps: ReadonlyMap<string, readonly [number, number] | null>): string[] {
    const outputs = this.used.outputs;
    const drifted: string[] = [];
    for (const [rel, now] of stamps) {
      const known = outputs[rel];
      if (known && (now === null || now[0] !== known[0] || now[1] !== known[1])) drifted.push(rel);
    }
    return drifted.sort();
  }

  /** Whether the output file (relative to the out root) still has the size and mtime it had when last produced. */
  isOutputIntact(outRoot: string, rel: string): boolean {
    const known = this.data.outputs[rel];
    if (!known) return false;
    if (this.recordTrusted) return true;
    let now = this.probed?.get(rel);
    if (now === undefined) {
      const info = statSync(path.join(outRoot, rel), { throwIfNoEntry: false });
      now = info ? [info.size, info.mtimeMs] : null;
    }
    return now !== null && now[0] === known[0] && now[1] === known[1];
  }

  /**
   * After a write or check: `fresh` files (relative to the out root) are recorded with their current size and
   * mtime; records under the `owned` prefixes of files not `produced` are dropped (removed, stale or missing).
   * `gone`: the only records that can be such (the caller knows the others are of files produced, see saveParts).
   * `stamps`: the fresh files' stamps when they were taken already (in the write worker); else they are taken here.
   */
  updateOutputs(
    outRoot: string,
    files: { fresh: Iterable<string>; produced: Pick<ReadonlySet<string>, "has">; owned: readonly string[]; gone?: readonly string[] },
    stamps?: ReadonlyMap<string, readonly [number, number] | null> | null,
  ): void {
    if (!this.enabled) return;
    const outputs = this.used.outputs;
    const owned = files.owned.map((prefix) => `${prefix}/`);
    for (const rel of files.gone ?? Object.keys(outputs)) {
      if (rel in outputs && !files.produced.has(rel) && owned.some((prefix) => rel.startsWith(prefix))) {
        delete outputs[rel];
        this.dirty = true;
      }
    }
    for (const rel of files.fresh) {
      this.dirty = true;
      let stamp = stamps?.get(rel);
      if (stamp === undefined) {
        const info = statSync(path.join(outRoot, rel), { throwIfNoEntry: false });
        stamp = info ? [info.size, info.mtimeMs] : null;
      }
      if (stamp) outputs[rel] = [stamp[0], stamp[1]];
      else delete outputs[rel];
    }
  }

  /**
   * Writes the parts used by this run (atomically; failures ignored: the store only saves time). `outputs`: the
   * outputs' records are being updated (updateOutputs, once the write worker has stamped them): the parts' shards
   * are made and written meanwhile, the shard that records the outputs once it is done. Resolves once it is done
   * (whatever the disk), so that a next run of this process finds them.
   */
  async save(outputs?: Promise<void>): Promise<void> {
    if (!this.file) return outputs;
    // Held in memory even unchanged: a watch session's next run does not read it from disk again.
    const data = this.used;
    memory.delete(this.file);
    memory.set(this.file, data);
    for (const key of memory.keys()) if (memory.size > MAX_MEMORY) memory.delete(key);
    if (outputs) this.dirty = true;
    if (!this.dirty) return;
    const file = this.file;
    await persistCache(file, () => writeStoreDir(file, data, outputs));
    await outputs;
  }
}

/** A target's one kept value (prepared, memo) when it was stored under `key`. */
function keyedValue(record: Record<string, [string, unknown]>, targetId: string, key: string): { value: unknown } | undefined {
  const entry = record[targetId];
  if (!entry || entry[0] !== key) return undefined;
  // Read from disk now when it was not yet (parts-disk.ts): a shard gone or damaged since is no value.
  const value = entry[1];
  return value === UNREADABLE ? undefined : { value };
}

function storeDir(cacheDir: string, specDir: string, outRoot: string): string {
  const id = createHash("sha256").update(`${path.resolve(specDir)}\0${path.resolve(outRoot)}`).digest("hex").slice(0, 24);
  return path.join(cacheDir, "parts", `${path.basename(path.resolve(specDir))}-${id}`);
}

function emptyData(): StoreData {
  return { format: FORMAT, version: generatorVersion(), parts: {}, prepared: {}, memos: {}, assembled: {}, outputs: {} };
}

function isUsable(data: StoreData): boolean {
  return isRecord(data.parts) && isRecord(data.outputs) && isRecord(data.prepared) && isRecord(data.memos) && isRecord(data.assembled);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Drops the in-process copies (tests use it to exercise the disk). */
export function forgetPartMemory(): void {
  memory.clear();
  forgetDiskState();
}

let version: string | null = null;

/** sha256 of specsmith's own code and bundled templates: parts rendered by other code are not reused. */
export function generatorVersion(): string {
  if (version) return version;
  const hash = createHash("sha256").update(FORMAT);
  hashTree(hash, CODE_ROOT, /\.(js|ts)$/);
  hashTree(hash, BUNDLED_TEMPLATES, /\.hbs$/);
  version = hash.digest("hex");
  return version;
}

/** Hashes the names and contents of matching files under dir (sorted, recursive). */
export function hashTree(hash: ReturnType<typeof createHash>, dir: string, pattern: RegExp): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, abs, pattern);
    else if (pattern.test(entry.name)) hash.update(`\0${entry.name}\0`).update(readFileSync(abs));
  }
}
