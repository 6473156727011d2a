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
 * A match whose entries are decoded only when someone reads them: counting terms over a whole
 * document must not decode CC-CEDICT records for every word.
 */
class LazyMatch implements TermMatch {
  private records: KeyRecord[] | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly simplified: string | undefined,
    private readonly values: readonly [LexiconLayer, number][],
  ) {}

  private get resolved(): KeyRecord[] {
    this.records ??= this.values.map(([layer, value]) => layer.valueAt(value));
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
    return this.values.some(([layer]) => !fallbackLayers.has(layer));
  }

  /** A copy shifted by `delta` code units. */
  shifted(delta: number): LazyMatch {
    const m = new LazyMatch(this.start + delta, this.end + delta, this.text, this.simplified, this.values);
    m.records = this.records;
    return m;
  }
}

export class Lexicon {
  /**
   * @param layers highest priority first
   * @param fold lets traditional text match simplified keys (curated entries are written in
   *   simplified); matching tries the original text and the folded one and keeps the longer match.
   */
  constructor(
    readonly layers: readonly LexiconLayer[],
    private readonly fold?: Fold,
  ) {}

  /** The same layers with another fold (or none). */
  withFold(fold: Fold | undefined): Lexicon {
    return new Lexicon(this.layers, fold);
  }

  static empty(): Lexicon {
    return new Lexicon([]);
  }

  get keyCount(): number {
    return this.layers.reduce((n, l) => n + l.size, 0);
  }

  /** The longest term of any layer starting at `start` (not past `end`), or undefined. */
  matchAt(text: string, start: number, end: number = text.length): TermMatch | undefined {
    const slice = text.slice(start, end);
    const m = this.matchIn(slice, this.fold?.(slice), 0);
    return m && (m as LazyMatch).shifted(start);
  }

  /** Longest match at `i` of `text`, or of its folded form where that is longer. */
  private matchIn(text: string, folded: string | undefined, i: number): TermMatch | undefined {
    let best = 0;
    const layers = this.layers;
    // Per layer, the value index of its longest key here (original text first, then folded).
    const hits = new Int32Array(layers.length * 2);
    for (let l = 0; l < layers.length; l++) {
      const hit = layers[l].longestAt(text, i);
      hits[2 * l] = hit.length;
      hits[2 * l + 1] = hit.value;
      if (hit.length > best) best = hit.length;
      if (folded !== undefined) {
        const fhit = layers[l].longestAt(folded, i);
        if (fhit.length > hit.length) {
          hits[2 * l] = fhit.length;
          hits[2 * l + 1] = fhit.value;
          if (fhit.length > best) best = fhit.length;
        }
      }
    }
    if (best === 0) return undefined;
    const values: [LexiconLayer, number][] = [];
    for (let l = 0; l < layers.length; l++) if (hits[2 * l] === best) values.push([layers[l], hits[2 * l + 1]]);
    const key = text.slice(i, i + best);
    const foldedKey = folded?.slice(i, i + best);
    return new LazyMatch(i, i + best, key, foldedKey !== undefined && foldedKey !== key ? foldedKey : undefined, values);
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
    let i = 0;
    while (i < slice.length) {
      const m = this.matchIn(slice, folded, i);
      if (m) {
        out.push(start === 0 ? m : (m as LazyMatch).shifted(start));
        i = m.end;
      } else {
        const c = slice.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    return out;
  }
}
