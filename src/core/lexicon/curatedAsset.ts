/**
 * The curated glossaries as a prebuilt layer. At build time (src/tools/buildCuratedAsset.ts) the
 * glossary files are read exactly as the runtime reads them and their layer (all domains, folded)
 * goes into dist/curated.bin, in the container CC-CEDICT's asset uses: the trie as views, each
 * key's record and each entry as JSON decoded when a lookup needs it. Parsing 1.3 MB of JSON and
 * building the trie (~90 ms) becomes hashing the shipped files (~2 ms) and taking views.
 *
 * The asset can make the start faster but never different: it carries the hash of the files it
 * was built from, and the runtime hashes the files it ships; any difference (a file edited, added
 * or removed, another fold table) and the files are parsed as before. A setting the one prebuilt
 * layer cannot serve (disabled domains) builds the layer from the entries, as before.
 */
import { fileBaseName } from '../text/fileName';
import type { LocatedError } from '../text/text';
import { simplifiedFoldTable } from '../text/script';
import type { Glossary, GlossaryEntry, GlossarySource, SourcedEntry, SourcedGlossary } from '../glossary/entry';
import { glossarySource, loadGlossaries, type GlossaryFile } from '../glossary/load';
import type { GlossaryLabels } from '../glossary/labels';
import {
  bytesChecksum,
  bytesSource,
  encodeContainer,
  packTrie,
  prefixSums,
  readContainer,
  TRIE_PARTS,
  trieSizes,
  u32,
  packedTrieArrays,
} from './assetContainer';
import { layerOfEntries, LexiconLayer, sourcedEntries, type KeyRecord } from './lexicon';

/** "HGG3": the trie's node chunks (assetContainer.ts); "HGG2" stored the edge filter. */
const MAGIC = 0x33474748;

/** A prebuilt curated layer that cannot be used (damaged, or built from other files): parse instead. */
export class CuratedAssetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CuratedAssetError';
  }
}

/** The curated layer of all domains from the asset, and the glossaries themselves when needed. */
export interface PrebuiltCurated {
  readonly layer: LexiconLayer;
  /** How many glossary files it was built from. */
  readonly fileCount: number;
  /** The glossaries as the runtime reads them, decoded on first call (export, disabled domains). */
  glossaries(): readonly SourcedGlossary[];
}

/** The curated layer's input: glossaries parsed at start, or the prebuilt asset. */
export type CuratedGlossaries = readonly SourcedGlossary[] | PrebuiltCurated;

export function isPrebuilt(curated: CuratedGlossaries | undefined): curated is PrebuiltCurated {
  return curated !== undefined && 'layer' in curated;
}

/** All curated glossaries, whichever way they were loaded. */
export function curatedGlossariesOf(curated: CuratedGlossaries | undefined): readonly SourcedGlossary[] {
  return isPrebuilt(curated) ? curated.glossaries() : (curated ?? []);
}

/**
 * The one way curated files are read when there is no usable asset, and the way the asset's
 * builder reads them: checked in CI by `validate`, so here only their structure is checked.
 */
export function parseCurated(files: readonly GlossaryFile[], labels?: GlossaryLabels) {
  return loadGlossaries(files, 'curated', { checkPinyin: false, trusted: true, labels });
}

/**
 * What an asset must have been built from: the files' names, in order, and bytes, and the fold
 * table the layer's folded keys came from.
 */
export function curatedSourceHash(files: readonly GlossaryFile[], fold: Uint16Array): string {
  const encoder = new TextEncoder();
  let h = 0x811c9dc5;
  let bytes = 0;
  for (const f of files) {
    h = bytesChecksum(encoder.encode(`${fileBaseName(f.path)}\u0000${f.bytes.length}\u0000`), h);
    h = bytesChecksum(f.bytes, h);
    bytes += f.bytes.length;
  }
  h = bytesChecksum(new Uint8Array(fold.buffer, fold.byteOffset, fold.byteLength), h);
  return `${h.toString(16).padStart(8, '0')}:${files.length}:${bytes}`;
}

interface Meta {
  readonly hash: string;
  readonly files: readonly {
    readonly name: string;
    readonly glossary: Omit<Glossary, 'entries'>;
    readonly entries: number;
  }[];
}

/*
 * Layout (the container's): counts [nodes, edges, keys, entries, records checksum, edge-filter
 * words]; the packed trie; per record its byte length u32. Records, UTF-8 JSON: the meta (source hash, per file its
 * name, glossary name and domain, entry count); per key in node order [key, pinyin | null, entry
 * numbers]; per entry, file by file, the entry without its source.
 */

/** The asset of glossaries read by parseCurated from `files` (the same files, in the same order). */
export function encodeCuratedAsset(
  files: readonly GlossaryFile[],
  glossaries: readonly SourcedGlossary[],
  fold: Uint16Array,
): Uint8Array {
  if (files.length !== glossaries.length) throw new Error('curated asset: one glossary per file is needed');
  const entries = sourcedEntries(glossaries);
  const layer = layerOfEntries(entries, 'glossary', fold);
  const numberOf = new Map<SourcedEntry, number>(entries.map((e, n) => [e, n]));
  const trie = packTrie(layer, 'curated glossary');
  const meta: Meta = {
    hash: curatedSourceHash(files, fold),
    files: glossaries.map(({ glossary: { entries: list, ...glossary } }, i) => ({
      name: fileBaseName(files[i].path),
      glossary,
      entries: list.length,
    })),
  };
  const texts = [JSON.stringify(meta)];
  for (const v of trie.valueOrder) {
    const record = layer.valueAt(v);
    texts.push(JSON.stringify([record.key, record.pinyin ?? null, record.entries.map((e) => numberOf.get(e))]));
  }
  for (const { source: _source, ...entry } of entries) texts.push(JSON.stringify(entry));
  const encoder = new TextEncoder();
  const records = texts.map((t) => encoder.encode(t));
  const blob = new Uint8Array(records.reduce((n, r) => n + r.length, 0));
  records.reduce((at, r) => (blob.set(r, at), at + r.length), 0);
  const counts = [
    trie.nodeCount,
    trie.edgeCount,
    trie.valueOrder.length,
    entries.length,
    bytesChecksum(blob),
    trie.filterWords,
  ];
  const lengths = Uint32Array.from(records, (r) => r.length);
  return encodeContainer(MAGIC, counts, [...trie.parts, lengths], [blob]);
}

/**
 * The prebuilt layer, if the asset is whole and was built from exactly `files` (as the caller read
 * them; their paths name the entries' source) with `fold`; otherwise a CuratedAssetError.
 */
export function openCuratedAsset(
  asset: Uint8Array,
  files: readonly GlossaryFile[],
  fold: Uint16Array,
): PrebuiltCurated {
  const fail = (reason: string) => new CuratedAssetError(reason);
  const c = readContainer(
    bytesSource(asset),
    { magic: MAGIC, counts: 6, what: 'curated glossary' },
    ([nodes, edges, keys, entries, , filterWords]) => [
      ...trieSizes(nodes, edges, filterWords),
      [1 + keys + entries, 4],
    ],
    fail,
  );
  const [nodeCount, , keyCount, entryCount, recordsChecksum] = c.counts;
  const offsets = prefixSums(u32(c.parts[TRIE_PARTS]));
  const blob = c.records(0, offsets[offsets.length - 1]);
  // The records are a fifth of what the JSON was: checking them all now (~1 ms) means damage
  // shows here, where parsing can take over, and not at a hover.
  if (bytesChecksum(blob) !== recordsChecksum) throw fail('corrupted curated glossary asset (records checksum)');
  const decoder = new TextDecoder();
  const record = <T>(i: number): T => JSON.parse(decoder.decode(blob.subarray(offsets[i], offsets[i + 1]))) as T;
  const meta = record<Meta>(0);
  const hash = curatedSourceHash(files, fold);
  if (meta.hash !== hash) {
    throw fail(`the prebuilt curated layer was built from other glossary files (${meta.hash}, shipped ${hash})`);
  }
  const sources: GlossarySource[] = meta.files.map((f, i) => glossarySource('curated', files[i].path, f.glossary.name));
  const fileStart = prefixSums(Uint32Array.from(meta.files, (f) => f.entries));
  const fileOfEntry = new Uint32Array(entryCount);
  meta.files.forEach((_f, i) => fileOfEntry.fill(i, fileStart[i], fileStart[i + 1]));
  // Cached, so that every key of one entry shares its object, as in the layer built at runtime.
  const entryCache: SourcedEntry[] = [];
  const entry = (n: number): SourcedEntry =>
    (entryCache[n] ??= { ...record<GlossaryEntry>(1 + keyCount + n), source: sources[fileOfEntry[n]] });
  const keyCache: KeyRecord[] = [];
  const valueAt = (v: number): KeyRecord => {
    if (keyCache[v]) return keyCache[v];
    const [key, pinyin, numbers] = record<[string, string | null, number[]]>(1 + v);
    return (keyCache[v] = { key, pinyin: pinyin ?? undefined, entries: numbers.map(entry) });
  };
  let glossaries: SourcedGlossary[] | undefined;
  return {
    layer: new LexiconLayer(packedTrieArrays(c.parts, nodeCount), keyCount, valueAt, 'glossary'),
    fileCount: meta.files.length,
    glossaries: () =>
      (glossaries ??= meta.files.map((f, i) => {
        const list: GlossaryEntry[] = [];
        for (let n = fileStart[i]; n < fileStart[i + 1]; n++) list.push(record<GlossaryEntry>(1 + keyCount + n));
        return { glossary: { ...f.glossary, entries: list }, source: sources[i] };
      })),
  };
}

export interface CuratedLoad {
  readonly curated: CuratedGlossaries;
  readonly problems: readonly LocatedError[];
  /** Why the files were parsed rather than the asset used (missing, built from other files, damaged). */
  readonly fallback?: string;
}

/**
 * The curated glossaries from the shipped files and, if there is one, the prebuilt asset: the
 * asset when it was built from exactly these files, else the files parsed (with their problems).
 */
export function loadCurated(
  files: readonly GlossaryFile[],
  asset: Uint8Array | undefined,
  labels?: GlossaryLabels,
): CuratedLoad {
  let fallback = 'there is no prebuilt curated layer';
  if (asset) {
    try {
      return { curated: openCuratedAsset(asset, files, simplifiedFoldTable()), problems: [] };
    } catch (e) {
      if (!(e instanceof CuratedAssetError)) throw e;
      fallback = e.message;
    }
  }
  const loaded = parseCurated(files, labels);
  return { curated: loaded.glossaries, problems: loaded.problems, fallback };
}
