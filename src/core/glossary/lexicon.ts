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

export class Lexicon {
  /** @param layers highest priority first */
  constructor(readonly layers: readonly LexiconLayer[]) {}

  static empty(): Lexicon {
    return new Lexicon([]);
  }

  get keyCount(): number {
    return this.layers.reduce((n, l) => n + l.size, 0);
  }

  /** The longest term of any layer starting at `start` (not past `end`), or undefined. */
  matchAt(text: string, start: number, end: number = text.length): TermMatch | undefined {
    let best = 0;
    for (const layer of this.layers) {
      const hit = layer.longestAt(text, start, end);
      if (hit.length > best) best = hit.length;
    }
    if (best === 0) return undefined;
    const key = text.slice(start, start + best);
    const records: KeyRecord[] = [];
    for (const layer of this.layers) {
      const record = layer.get(key);
      if (record) records.push(record);
    }
    return {
      start,
      end: start + best,
      text: key,
      pinyin: records.find((r) => r.pinyin)?.pinyin,
      entries: records.flatMap((r) => r.entries),
    };
  }

  /** Entries for exactly `key`, highest layer first. */
  lookup(key: string): SourcedEntry[] {
    return this.layers.flatMap((layer) => layer.get(key)?.entries ?? []);
  }

  /** Leftmost-longest matches inside the given passages, in text order. */
  matchPassages(text: string, passages: readonly Passage[]): TermMatch[] {
    const out: TermMatch[] = [];
    for (const p of passages) this.matchRange(text, p.start, p.end, out);
    return out;
  }

  /** Leftmost-longest matches in [start, end), appended to `out`. */
  matchRange(text: string, start: number, end: number, out: TermMatch[] = []): TermMatch[] {
    let i = start;
    while (i < end) {
      const m = this.layers.length > 0 ? this.matchAt(text, i, end) : undefined;
      if (m) {
        out.push(m);
        i = m.end;
      } else {
        const c = text.charCodeAt(i);
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
    }
    return out;
  }
}
