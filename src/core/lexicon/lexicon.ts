/**
 * The layered lexicon: one term index per layer (workspace, user, curated, CC-CEDICT), queried
 * together so a match is the longest key of any layer, and its entries are listed highest layer
 * first. Layers are separate indexes so that one can be rebuilt (a user edits a file) without
 * touching the others.
 */
import type { Passage } from '../text/detect';
import { foldWith } from '../text/foldPairs';
import { TermIndex, type TrieArrays } from './termIndex';
import { isGlossaryEntry, sourceKind, type SourceKind } from '../glossary/entry';
import type { SourcedEntry, SourcedGlossary } from '../glossary/entry';

/** What the index stores for one written form. */
export interface KeyRecord {
  readonly key: string;
  /** Verified pinyin of this written form, from the first entry that gives one. */
  readonly pinyin?: string;
  readonly entries: readonly SourcedEntry[];
}

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The simplified form the text matched as, when the text itself is traditional. */
  readonly simplified?: string;
  /** Verified pinyin of the matched form, if a glossary gives one. */
  readonly pinyin?: string;
  /** Every entry for this form, highest layer first. */
  readonly entries: readonly SourcedEntry[];
}

/**
 * One layer's index, and whether the layer is a glossary or a general dictionary: the matcher's
 * fast paths (counting, the term list) answer "does a glossary have this term" by layer number,
 * without decoding entries.
 */
export class LexiconLayer extends TermIndex<KeyRecord> {
  constructor(
    arrays: TrieArrays,
    size: number,
    valueAt: (i: number) => KeyRecord,
    readonly kind: SourceKind,
  ) {
    super(arrays, size, valueAt);
  }
}

/**
 * The kind of a layer built from these glossaries: that of their sources (a glossary layer when
 * empty). A layer mixing both kinds would make the by-layer answers wrong, so it is refused.
 */
function layerKind(glossaries: readonly SourcedGlossary[]): SourceKind {
  const kinds = new Set(glossaries.map((g) => sourceKind(g.source)));
  if (kinds.size > 1) {
    const ids = glossaries.map((g) => g.source.id).join(', ');
    throw new Error(`one lexicon layer mixes glossary and dictionary sources (${ids})`);
  }
  return kinds.has('dictionary') ? 'dictionary' : 'glossary';
}

/** Builds one layer's index from its glossaries, earlier glossaries' entries first. */
export function buildLayer(glossaries: readonly SourcedGlossary[]): LexiconLayer {
  const kind = layerKind(glossaries);
  const pairs: [string, KeyRecord][] = [];
  for (const { glossary, source } of glossaries) {
    for (const entry of glossary.entries) {
      const sourced: SourcedEntry = { ...entry, source };
      pairs.push([entry.zh, { key: entry.zh, pinyin: entry.pinyin, entries: [sourced] }]);
      for (const alias of entry.aliases ?? []) {
        if (alias.zh !== entry.zh) pairs.push([alias.zh, { key: alias.zh, pinyin: alias.pinyin, entries: [sourced] }]);
      }
    }
  }
  const index = TermIndex.build(pairs, mergeRecords);
  return new LexiconLayer(index.arrays, index.size, index.valueAt, kind);
}

function mergeRecords(a: KeyRecord, b: KeyRecord): KeyRecord {
  return { key: a.key, pinyin: a.pinyin ?? b.pinyin, entries: [...a.entries, ...b.entries] };
}

/**
 * For each BMP code unit, the simplified character it folds to (0: unchanged); one code unit for
 * one, so offsets into folded text are offsets into the original. Called once, when first needed.
 */
export type FoldTable = () => Uint16Array;

/** True if a glossary (curated, user, workspace) has the term, not only the general dictionary. */
export function isGlossaryMatch(m: TermMatch): boolean {
  return m instanceof StoredMatch ? m.inGlossary() : m.entries.some(isGlossaryEntry);
}

/**
 * The leftmost-longest matches of a text, stored as integers (start, end, then each layer's value
 * index or -1): a 20 MB document's million matches cost a few typed arrays instead of a million
 * objects for the garbage collector to copy. A match object is made only when one is read.
 */
export class TermMatches implements Iterable<TermMatch> {
  private data: Int32Array;
  private count = 0;
  private readonly stride: number;

  constructor(
    /** The text the offsets refer to. */
    private readonly text: string,
    private readonly lexicon: Lexicon,
  ) {
    this.stride = 2 + lexicon.layers.length;
    // Small at first: the hover and the draft engine make a list for one passage or one match.
    this.data = new Int32Array(this.stride * 8);
  }

  get length(): number {
    return this.count;
  }

  /** Appends the match found by the lexicon's last probe. */
  push(start: number, end: number, hits: Int32Array): void {
    const stride = this.stride;
    if ((this.count + 1) * stride > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.count * stride;
    const d = this.data;
    d[at] = start;
    d[at + 1] = end;
    const length = end - start;
    for (let l = 0; l < stride - 2; l++) d[at + 2 + l] = hits[2 * l] === length ? hits[2 * l + 1] : -1;
    this.count++;
  }

  startAt(i: number): number {
    return this.data[i * this.stride];
  }

  endAt(i: number): number {
    return this.data[i * this.stride + 1];
  }

  /** Whether a glossary (not only a fallback dictionary) has match number i; makes no object. */
  inGlossary(i: number): boolean {
    return inGlossary(this.data, i * this.stride + 2, this.stride - 2, this.lexicon);
  }

  /** Match number i, as an object. */
  at(i: number): TermMatch {
    if (i < 0 || i >= this.count) throw new RangeError(`no match ${i} (there are ${this.count})`);
    const at = i * this.stride;
    // The object keeps the current array: growing the list copies into a new one and leaves it be.
    return new StoredMatch(this.data[at], this.data[at + 1], this.text, this.lexicon, this.data, at + 2);
  }

  *[Symbol.iterator](): Iterator<TermMatch> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  toArray(): TermMatch[] {
    return [...this];
  }
}

function inGlossary(values: Int32Array, from: number, layers: number, lexicon: Lexicon): boolean {
  for (let l = 0; l < layers; l++) if (values[from + l] >= 0 && !lexicon.isDictionary(l)) return true;
  return false;
}

/** One match of a TermMatches list; its text and entries are made when read. */
class StoredMatch implements TermMatch {
  private records: KeyRecord[] | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly source: string,
    private readonly lexicon: Lexicon,
    /** From `from`, per layer, the value index of this term (-1: the layer does not have it). */
    private readonly values: Int32Array,
    private readonly from: number,
  ) {}

  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  get simplified(): string | undefined {
    return this.lexicon.foldTerm(this.text);
  }

  private get resolved(): KeyRecord[] {
    if (!this.records) {
      this.records = [];
      const layers = this.lexicon.layers;
      for (let l = 0; l < layers.length; l++) {
        const v = this.values[this.from + l];
        if (v >= 0) this.records.push(layers[l].valueAt(v));
      }
    }
    return this.records;
  }

  get pinyin(): string | undefined {
    return this.resolved.find((r) => r.pinyin)?.pinyin;
  }

  get entries(): readonly SourcedEntry[] {
    return this.resolved.flatMap((r) => r.entries);
  }

  /** Whether a glossary (not only a fallback dictionary) has the term, without decoding entries. */
  inGlossary(): boolean {
    return inGlossary(this.values, this.from, this.lexicon.layers.length, this.lexicon);
  }
}

export class Lexicon {
  /** Per layer, its longest hit at the last probed position and that key's value index. */
  private readonly hits: Int32Array;
  /** Per layer, whether it is a general dictionary (read in the hot loops, hence an array). */
  private readonly dictionary: boolean[];
  private table: Uint16Array | undefined;

  /**
   * @param layers highest priority first
   * @param foldTable lets traditional text match simplified keys (curated entries are written in
   *   simplified); matching tries the original text and, where it has a character the table
   *   changes, the folded one, and keeps the longer match.
   */
  constructor(
    readonly layers: readonly LexiconLayer[],
    private readonly foldTable?: FoldTable,
  ) {
    this.dictionary = layers.map((l) => l.kind === 'dictionary');
    this.hits = new Int32Array(Math.max(2, layers.length * 2));
  }

  static empty(): Lexicon {
    return new Lexicon([]);
  }

  /** The same lexicon (same fold) with only the layers `keep` accepts, in the same order. */
  withLayers(keep: (layer: LexiconLayer) => boolean): Lexicon {
    return new Lexicon(this.layers.filter(keep), this.foldTable);
  }

  get keyCount(): number {
    return this.layers.reduce((n, l) => n + l.size, 0);
  }

  /** True if layer number `l` is a general dictionary rather than a glossary. */
  isDictionary(l: number): boolean {
    return this.dictionary[l];
  }

  private get fold(): Uint16Array | undefined {
    if (this.foldTable && !this.table) this.table = this.foldTable();
    return this.table;
  }

  /** The simplified form of `text` when it differs (traditional text), else undefined. */
  foldTerm(text: string): string | undefined {
    const fold = this.fold;
    return fold ? foldWith(text, fold) : undefined;
  }

  /** The longest term of any layer starting at `start` (not past `end`), or undefined. */
  matchAt(text: string, start: number, end: number = text.length): TermMatch | undefined {
    if (this.layers.length === 0 || start >= end) return undefined;
    const best = this.probe(text, start, end, this.fold);
    if (best === 0) return undefined;
    const found = new TermMatches(text, this);
    found.push(start, start + best, this.hits);
    return found.at(0);
  }

  /**
   * Length of the longest term at `i` (0: none); each layer's hit length and value go to `hits`.
   * A layer's folded walk runs only if the fold changes a character its plain walk examined:
   * otherwise it would see the same characters and stop at the same place.
   */
  private probe(text: string, i: number, end: number, fold: Uint16Array | undefined): number {
    let best = 0;
    const layers = this.layers;
    const hits = this.hits;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      const length = layer.longestAt(text, i, end);
      hits[2 * l] = length;
      hits[2 * l + 1] = layer.lastValue;
      if (length > best) best = length;
      if (fold !== undefined && changesAny(fold, text, i, Math.min(end, i + layer.lastDepth + 1))) {
        const flength = layer.longestAt(text, i, end, fold);
        if (flength > length) {
          hits[2 * l] = flength;
          hits[2 * l + 1] = layer.lastValue;
          if (flength > best) best = flength;
        }
      }
    }
    return best;
  }

  /**
   * Walks [start, end) leftmost-longest and calls `found` with each match's bounds after its probe
   * (the probe's per-layer hits are in `this.hits`). One loop for listing and for counting.
   */
  private walk(text: string, start: number, end: number, found: (start: number, end: number) => void): void {
    if (this.layers.length === 0) return;
    const fold = this.fold;
    let i = start;
    while (i < end) {
      const best = this.probe(text, i, end, fold);
      if (best > 0) {
        found(i, i + best);
        i += best;
      } else {
        // Past one character: both halves of a surrogate pair, but one unit of a lone half.
        const c = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        i += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      }
    }
  }

  /**
   * Leftmost-longest matches in [start, end) counted without building them: all matches, and
   * those a glossary (not only a fallback dictionary) has.
   */
  countRange(text: string, start: number, end: number): { matches: number; glossary: number } {
    let matches = 0;
    let glossary = 0;
    const hits = this.hits;
    const dictionary = this.dictionary;
    this.walk(text, start, end, (s, e) => {
      matches++;
      for (let l = 0; l < dictionary.length; l++) {
        if (hits[2 * l] === e - s && !dictionary[l]) {
          glossary++;
          break;
        }
      }
    });
    return { matches, glossary };
  }

  /** Entries for exactly `key` (or its simplified form), highest layer first. */
  lookup(key: string): SourcedEntry[] {
    const folded = this.foldTerm(key);
    return this.layers.flatMap((layer) => (layer.get(key) ?? (folded ? layer.get(folded) : undefined))?.entries ?? []);
  }

  /** Leftmost-longest matches inside the given passages, in text order. */
  matchPassages(text: string, passages: readonly Passage[]): TermMatches {
    const out = new TermMatches(text, this);
    for (const p of passages) this.matchRange(text, p.start, p.end, out);
    return out;
  }

  /** Leftmost-longest matches in [start, end), appended to `out` (which must be over the same text). */
  matchRange(text: string, start: number, end: number, out: TermMatches = new TermMatches(text, this)): TermMatches {
    const hits = this.hits;
    this.walk(text, start, end, (s, e) => out.push(s, e, hits));
    return out;
  }
}

/** Whether `fold` changes any code unit of text[from, to). */
function changesAny(fold: Uint16Array, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (fold[text.charCodeAt(i)] !== 0) return true;
  return false;
}
