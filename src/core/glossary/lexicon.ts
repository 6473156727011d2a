/**
 * The layered lexicon: one term index per layer (workspace, user, curated, CC-CEDICT), queried
 * together so a match is the longest key of any layer, and its entries are listed highest layer
 * first. Layers are separate indexes so that one can be rebuilt (a user edits a file) without
 * touching the others.
 */
import type { Passage } from '../detect';
import { TermIndex } from '../match';
import type { Glossary, GlossarySource, SourcedEntry } from './entry';

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

export interface SourcedGlossary {
  readonly glossary: Glossary;
  readonly source: GlossarySource;
}

export type LexiconLayer = TermIndex<KeyRecord>;

/** Builds one layer's index from its glossaries, earlier glossaries' entries first. */
export function buildLayer(glossaries: readonly SourcedGlossary[]): LexiconLayer {
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
  return TermIndex.build(pairs, mergeRecords);
}

function mergeRecords(a: KeyRecord, b: KeyRecord): KeyRecord {
  return { key: a.key, pinyin: a.pinyin ?? b.pinyin, entries: [...a.entries, ...b.entries] };
}

/** Folds traditional text to simplified with the same UTF-16 length, or undefined if nothing changes. */
export type Fold = (text: string) => string | undefined;

/** Layers that are general dictionaries (CC-CEDICT), not glossaries. */
const fallbackLayers = new WeakSet<LexiconLayer>();

export function markFallbackLayer<T extends LexiconLayer>(layer: T): T {
  fallbackLayers.add(layer);
  return layer;
}

/** True if a glossary (curated, user, workspace) has the term, not only the general dictionary. */
export function isGlossaryMatch(m: TermMatch): boolean {
  return m instanceof LazyMatch ? m.inGlossary() : m.entries.some((e) => e.source.layer !== 'cedict');
}

/**
 * A match whose text and entries are made only when someone reads them: counting terms over a
 * whole document must not slice strings or decode CC-CEDICT records for every word.
 */
class LazyMatch implements TermMatch {
  private records: KeyRecord[] | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly source: string,
    private readonly folded: string | undefined,
    /** Offset of `source` in the text the offsets refer to. */
    private readonly base: number,
    private readonly layers: readonly LexiconLayer[],
    /**
     * The layers that have this term and their value indexes: (l0, v0), (l1, v1), then any more
     * pairs in `more`. Fields rather than an array: a document's worth of matches stays small.
     */
    private readonly l0: number,
    private readonly v0: number,
    private readonly l1: number,
    private readonly v1: number,
    private readonly more: readonly number[] | undefined,
  ) {}

  private get picks(): number[] {
    const p = [this.l0, this.v0];
    if (this.l1 >= 0) p.push(this.l1, this.v1);
    if (this.more) p.push(...this.more);
    return p;
  }

  get text(): string {
    return this.source.slice(this.start - this.base, this.end - this.base);
  }

  get simplified(): string | undefined {
    if (this.folded === undefined) return undefined;
    const s = this.folded.slice(this.start - this.base, this.end - this.base);
    return s === this.text ? undefined : s;
  }

  private get resolved(): KeyRecord[] {
    if (!this.records) {
      const picks = this.picks;
      this.records = [];
      for (let k = 0; k < picks.length; k += 2) this.records.push(this.layers[picks[k]].valueAt(picks[k + 1]));
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
    if (!fallbackLayers.has(this.layers[this.l0])) return true;
    if (this.l1 >= 0 && !fallbackLayers.has(this.layers[this.l1])) return true;
    return this.more !== undefined && this.picks.some((l, k) => k % 2 === 0 && !fallbackLayers.has(this.layers[l]));
  }
}

/** For each position, the first position at or after it where `a` and `b` differ (their length if none). */
function differences(a: string, b: string): Int32Array {
  const next = new Int32Array(a.length + 1);
  next[a.length] = a.length;
  for (let i = a.length - 1; i >= 0; i--) next[i] = a.charCodeAt(i) !== b.charCodeAt(i) ? i : next[i + 1];
  return next;
}

export class Lexicon {
  private hits = new Int32Array(8);

  /**
   * @param layers highest priority first
   * @param fold lets traditional text match simplified keys (curated entries are written in
   *   simplified); matching tries the original text and the folded one and keeps the longer match.
   */
  constructor(
    readonly layers: readonly LexiconLayer[],
    private readonly fold?: Fold,
  ) {}


  static empty(): Lexicon {
    return new Lexicon([]);
  }

  get keyCount(): number {
    return this.layers.reduce((n, l) => n + l.size, 0);
  }

  /** The longest term of any layer starting at `start` (not past `end`), or undefined. */
  matchAt(text: string, start: number, end: number = text.length): TermMatch | undefined {
    const slice = text.slice(start, end);
    return this.matchIn(slice, this.fold?.(slice), 0, start);
  }

  /**
   * Longest match at `i` of `text`, or of its folded form where that is longer; offsets shifted by
   * `base`. `nextDiff[i]` is the first position at or after i where the folded text differs: a
   * folded walk that would only see the same characters as the original one is skipped.
   */
  private matchIn(text: string, folded: string | undefined, i: number, base: number, nextDiff?: Int32Array): TermMatch | undefined {
    const best = this.probe(text, folded, i, nextDiff);
    if (best === 0) return undefined;
    const layers = this.layers;
    const hits = this.hits;
    let l0 = -1;
    let l1 = -1;
    let more: number[] | undefined;
    for (let l = 0; l < layers.length; l++) {
      if (hits[2 * l] !== best) continue;
      if (l0 < 0) l0 = l;
      else if (l1 < 0) l1 = l;
      else (more ??= []).push(l, hits[2 * l + 1]);
    }
    return new LazyMatch(base + i, base + i + best, text, folded, base, layers, l0, hits[2 * l0 + 1], l1, l1 >= 0 ? hits[2 * l1 + 1] : -1, more);
  }

  /** Length of the longest term at `i` (0: none); each layer's hit length and value go to `hits`. */
  private probe(text: string, folded: string | undefined, i: number, nextDiff?: Int32Array): number {
    let best = 0;
    const layers = this.layers;
    // Per layer, the value index of its longest key here (original text first, then folded).
    // One buffer reused for every position: matching must not allocate where nothing matches.
    if (this.hits.length < layers.length * 2) this.hits = new Int32Array(layers.length * 2);
    const hits = this.hits;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      const length = layer.longestAt(text, i);
      hits[2 * l] = length;
      hits[2 * l + 1] = layer.lastValue;
      if (length > best) best = length;
      if (folded !== undefined && (nextDiff === undefined || nextDiff[i] <= i + layer.lastDepth)) {
        const flength = layer.longestAt(folded, i);
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
   * Leftmost-longest matches in [start, end) counted without building them: all matches, and
   * those a glossary (not only a fallback dictionary) has. Counting a 20 MB document this way
   * allocates almost nothing.
   */
  countRange(text: string, start: number, end: number): { matches: number; glossary: number } {
    let matches = 0;
    let glossary = 0;
    if (this.layers.length === 0) return { matches, glossary };
    const slice = start === 0 && end === text.length ? text : text.slice(start, end);
    const folded = this.fold?.(slice);
    const nextDiff = folded === undefined ? undefined : differences(slice, folded);
    const layers = this.layers;
    let i = 0;
    while (i < slice.length) {
      const best = this.probe(slice, folded, i, nextDiff);
      if (best > 0) {
        matches++;
        for (let l = 0; l < layers.length; l++) {
          if (this.hits[2 * l] === best && !fallbackLayers.has(layers[l])) {
            glossary++;
            break;
          }
        }
        i += best;
      } else {
        const c = slice.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    return { matches, glossary };
  }

  /** Entries for exactly `key` (or its simplified form), highest layer first. */
  lookup(key: string): SourcedEntry[] {
    const folded = this.fold?.(key);
    return this.layers.flatMap((layer) => (layer.get(key) ?? (folded ? layer.get(folded) : undefined))?.entries ?? []);
  }

  /** Leftmost-longest matches inside the given passages, in text order. */
  matchPassages(text: string, passages: readonly Passage[]): TermMatch[] {
    const out: TermMatch[] = [];
    for (const p of passages) this.matchRange(text, p.start, p.end, out);
    return out;
  }

  /** Leftmost-longest matches in [start, end), appended to `out`. */
  matchRange(text: string, start: number, end: number, out: TermMatch[] = []): TermMatch[] {
    if (this.layers.length === 0) return out;
    const slice = start === 0 && end === text.length ? text : text.slice(start, end);
    const folded = this.fold?.(slice);
    const nextDiff = folded === undefined ? undefined : differences(slice, folded);
    let i = 0;
    while (i < slice.length) {
      const m = this.matchIn(slice, folded, i, start, nextDiff);
      if (m) {
        out.push(m);
        i = m.end - start;
      } else {
        const c = slice.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    return out;
  }
}
