/**
 * The search segments of the shipped layers (the curated glossaries and CC-CEDICT), made at build
 * time (src/tools/buildSearchAsset.ts) in the container the other assets use: the segments' field
 * strings and offset arrays as sections, taken as views at open and the strings decoded in one
 * call each. Building them at start took ~2 s and ~100 MB of heap; opening takes milliseconds.
 *
 * A segment is used only for the layer it was built from: each carries the fingerprint of that
 * layer's asset (assetFingerprint), and one whose asset differs is left out (the layer's segment is
 * then built at run time, as before).
 */
import {
  assetFingerprint,
  bytesSource,
  encodeContainer,
  readContainer,
  u16,
  u32,
  type ByteSource,
} from './assetContainer';
import type { LexiconLayer } from './lexicon';
import type { PrebuiltSegments } from './search';
import type { SearchSegment } from './searchIndex';

/** "HGS1". */
const MAGIC = 0x31534748;

/** The segments the asset holds, in this order (a layer missing at build time has an empty one). */
export const SEARCH_ASSET_LAYERS = ['curated', 'cedict'] as const;
export type SearchAssetLayer = (typeof SEARCH_ASSET_LAYERS)[number];

/** A damaged or foreign search asset: callers build the segments at run time and log why. */
export class SearchAssetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SearchAssetError';
  }
}

/** Per segment: items, then the byte lengths of the zh (UTF-16), pinyin, initials and English (UTF-8) fields. */
const COUNTS_PER_SEGMENT = 5;

/*
 * Layout (the container's): counts, per segment, [items, zh, pinyin, initials, english lengths];
 * per segment the sections zh u16, pinyin UTF-8, syllable starts u8 (pinyin + 1), initials UTF-8,
 * English UTF-8, the four offset arrays i32
 * (items + 1), number i32, place u16, order u32; records: JSON, per segment its asset's fingerprint.
 */

function sizes(counts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < SEARCH_ASSET_LAYERS.length; s++) {
    const [items, zh, pinyin, initials, english] = counts.slice(s * COUNTS_PER_SEGMENT);
    out.push([zh, 2], [pinyin, 1], [pinyin + 1, 1], [initials, 1], [english, 1]);
    out.push([items + 1, 4], [items + 1, 4], [items + 1, 4], [items + 1, 4], [items, 4], [items, 2], [items, 4]);
  }
  return out;
}
const SECTIONS_PER_SEGMENT = 12;

/**
 * The Latin fields as UTF-8: pinyin and initials are ASCII, English keeps only ASCII and U+00DF–U+00FF
 * (plainEnglish), so the decoded text has exactly the code units the offsets count, and TextDecoder
 * reads ASCII UTF-8 several times faster than it reads "latin1" (windows-1252).
 */
const utf8 = (text: string) => new TextEncoder().encode(text);

export interface BuiltSegment {
  readonly segment: SearchSegment;
  /** assetFingerprint of the asset the layer was opened from. */
  readonly fingerprint: string;
}

export function encodeSearchAsset(segments: Partial<Record<SearchAssetLayer, BuiltSegment>>): Uint8Array {
  const counts: number[] = [];
  const parts: ArrayBufferView[] = [];
  const fingerprints: (string | null)[] = [];
  for (const name of SEARCH_ASSET_LAYERS) {
    const built = segments[name];
    fingerprints.push(built?.fingerprint ?? null);
    const s = built?.segment ?? emptySegment();
    const [pinyin, initials, english] = [utf8(s.pinyin), utf8(s.initials), utf8(s.english)];
    if (pinyin.length !== s.pinyin.length || initials.length !== s.initials.length) {
      throw new Error('search asset: pinyin fields must be ASCII');
    }
    counts.push(s.count, s.zh.length, pinyin.length, initials.length, english.length);
    // Code units, not code points: the offsets count code units (a few terms have astral characters).
    const zh = new Uint16Array(s.zh.length);
    for (let i = 0; i < zh.length; i++) zh[i] = s.zh.charCodeAt(i);
    parts.push(zh, pinyin, s.syllableStarts, initials, english, s.zhAt, s.pinyinAt, s.initialsAt, s.englishAt);
    parts.push(s.number, s.place, s.order);
  }
  return encodeContainer(MAGIC, counts, parts, [new TextEncoder().encode(JSON.stringify(fingerprints))]);
}

function emptySegment(): SearchSegment {
  const none = new Int32Array(1);
  return {
    zh: '',
    pinyin: '',
    syllableStarts: new Uint8Array(1),
    initials: '',
    english: '',
    zhAt: none,
    pinyinAt: none,
    initialsAt: none,
    englishAt: none,
    number: new Int32Array(0),
    place: new Uint16Array(0),
    order: new Uint32Array(0),
    count: 0,
  };
}

const i32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);

/** The segments of the asset, by layer name, each with the fingerprint it was built for. */
export function readSearchAsset(asset: Uint8Array | ByteSource): Map<SearchAssetLayer, BuiltSegment> {
  const source = asset instanceof Uint8Array ? bytesSource(asset) : asset;
  const c = readContainer(
    source,
    { magic: MAGIC, counts: SEARCH_ASSET_LAYERS.length * COUNTS_PER_SEGMENT, what: 'search index' },
    sizes,
    (reason) => new SearchAssetError(reason),
  );
  let fingerprints: unknown;
  try {
    fingerprints = JSON.parse(new TextDecoder().decode(c.records(0, c.recordsBytes)));
  } catch {
    fingerprints = undefined;
  }
  if (!Array.isArray(fingerprints) || fingerprints.length !== SEARCH_ASSET_LAYERS.length) {
    throw new SearchAssetError('corrupted search index asset (its fingerprints do not read)');
  }
  const utf16 = new TextDecoder('utf-16le');
  const utf8Text = new TextDecoder('utf-8');
  const out = new Map<SearchAssetLayer, BuiltSegment>();
  SEARCH_ASSET_LAYERS.forEach((name, s) => {
    const fingerprint = fingerprints[s];
    if (typeof fingerprint !== 'string') return;
    const p = c.parts.slice(s * SECTIONS_PER_SEGMENT, (s + 1) * SECTIONS_PER_SEGMENT);
    const segment: SearchSegment = {
      zh: utf16.decode(p[0]),
      pinyin: utf8Text.decode(p[1]),
      syllableStarts: new Uint8Array(p[2].buffer, p[2].byteOffset, p[2].byteLength),
      initials: utf8Text.decode(p[3]),
      english: utf8Text.decode(p[4]),
      zhAt: i32(p[5]),
      pinyinAt: i32(p[6]),
      initialsAt: i32(p[7]),
      englishAt: i32(p[8]),
      number: i32(p[9]),
      place: u16(p[10]),
      order: u32(p[11]),
      count: c.counts[s * COUNTS_PER_SEGMENT],
    };
    // Each field ends where its offsets say (the checksum covers the bytes, not how they decode).
    const fields = [segment.zh, segment.pinyin, segment.initials, segment.english];
    const ends = [segment.zhAt, segment.pinyinAt, segment.initialsAt, segment.englishAt];
    if (fields.some((f, i) => f.length !== ends[i][segment.count])) {
      throw new SearchAssetError(`corrupted search index asset (the ${name} fields do not match their offsets)`);
    }
    out.set(name, { segment, fingerprint });
  });
  return out;
}

/** A shipped layer as the runtime opened it, and the fingerprint of the asset it came from. */
export interface OpenedLayer {
  readonly name: SearchAssetLayer;
  readonly layer: LexiconLayer;
  readonly fingerprint: string;
}

/**
 * The prebuilt segments for the layers given, and why any was left out (built from another asset).
 * A damaged asset is a SearchAssetError.
 */
export function openSearchAsset(
  asset: Uint8Array | ByteSource,
  layers: readonly OpenedLayer[],
): { segments: PrebuiltSegments; skipped: string[] } {
  const stored = readSearchAsset(asset);
  const segments = new Map<LexiconLayer, SearchSegment>();
  const skipped: string[] = [];
  for (const { name, layer, fingerprint } of layers) {
    const built = stored.get(name);
    if (built?.fingerprint === fingerprint) segments.set(layer, built.segment);
    else
      skipped.push(
        `${name}: the index was built from ${built?.fingerprint ?? 'no asset'}, the layer from ${fingerprint}`,
      );
  }
  return { segments, skipped };
}

export { assetFingerprint };
