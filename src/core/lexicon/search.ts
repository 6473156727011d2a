/**
 * Search over every layer of a lexicon (workspace, user, curated, CC-CEDICT): by Chinese in either
 * script, by pinyin with tone marks, tone numbers or none and with or without spaces, by initials
 * (ljjt → 力劲集团) and by English words. Each field of every listed term is kept in one long string
 * (items separated by "\n"), so a query is a few native indexOf scans rather than a loop over
 * 130,000 objects; only the results shown are decoded back into entries.
 */
import type { GlossarySource, SourcedEntry } from '../glossary/entry';
import { readText, splitTone } from '../reading/pinyin';
import type { Lexicon, LexiconLayer } from './lexicon';

export interface SearchResult {
  /** The written form found: an entry's headword or one of its aliases (simplified). */
  readonly zh: string;
  /** Tone marks, syllables separated by spaces. */
  readonly pinyin: string;
  readonly en: readonly string[];
  readonly source: GlossarySource;
  readonly entry: SourcedEntry;
}

/** How well a field matched: the whole field, its start, or a word (syllable) inside it. */
const EXACT = 0;
const PREFIX = 1;
const CONTAINS = 2;

const SEP = '\n';
/** Between the senses of one item in the English field. */
const SENSE = '\t';
/** Items are numbered below this in a rank (score * ITEM_SPAN + item). */
const ITEM_SPAN = 2 ** 20;

/** Where a field of the index comes from, per item: the layer, the key or entry number in it, the entry's place. */
interface Built {
  readonly zh: string;
  readonly pinyin: string;
  /** Per code unit of `pinyin`, 1 where a syllable starts. */
  readonly syllableStarts: Uint8Array;
  readonly initials: string;
  readonly english: string;
  /** Per field, the offset of each item's text (one more at the end). */
  readonly zhAt: Int32Array;
  readonly pinyinAt: Int32Array;
  readonly initialsAt: Int32Array;
  readonly englishAt: Int32Array;
  readonly layer: Uint8Array;
  readonly number: Int32Array;
  readonly place: Uint16Array;
  /** The tiebreak without the query: layer order, then shorter, then more frequent (the word cost). */
  readonly order: Float64Array;
  readonly count: number;
}

/** Toneless pinyin as search compares it: lower case, ü and v as u, letters only. */
function plainSyllable(syllable: string): string {
  return splitTone(syllable.toLowerCase())
    .base.replace(/[üv]/g, 'u')
    .replace(/[^a-z]/g, '');
}

/** An English sense as search compares it: lower case, characters outside Latin-1 dropped (keeps the string one byte wide). */
function plainEnglish(sense: string): string {
  return sense
    .toLowerCase()
    .replace(/[^\u0000-\u00ff]+/g, ' ')
    .replace(/[\t\n]/g, ' ');
}

/** A lower-case letter or digit: an English word goes on over it. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xdf && c <= 0xff);
}

class IndexBuilder {
  private readonly zh: string[] = [];
  private readonly pinyin: string[] = [];
  private readonly starts: number[] = [];
  private readonly initials: string[] = [];
  private readonly english: string[] = [];
  private readonly zhAt: number[] = [];
  private readonly pinyinAt: number[] = [];
  private readonly initialsAt: number[] = [];
  private readonly englishAt: number[] = [];
  private readonly layer: number[] = [];
  private readonly number: number[] = [];
  private readonly place: number[] = [];
  private readonly order: number[] = [];
  private zhLength = 0;
  private pinyinLength = 0;
  private initialsLength = 0;
  private englishLength = 0;

  add(
    zh: string,
    pinyin: string,
    en: readonly string[],
    at: { layer: number; number: number; place: number; weight: number },
  ): void {
    this.zhAt.push(this.zhLength);
    this.zh.push(zh, SEP);
    this.zhLength += zh.length + 1;
    this.pinyinAt.push(this.pinyinLength);
    this.initialsAt.push(this.initialsLength);
    let initials = '';
    for (const token of pinyin.split(/\s+/)) {
      const plain = plainSyllable(token);
      if (plain === '') continue;
      this.starts.push(this.pinyinLength);
      this.pinyin.push(plain);
      this.pinyinLength += plain.length;
      initials += plain[0];
    }
    this.pinyin.push(SEP);
    this.pinyinLength++;
    this.initials.push(initials, SEP);
    this.initialsLength += initials.length + 1;
    this.englishAt.push(this.englishLength);
    const english = en.map(plainEnglish).join(SENSE);
    this.english.push(english, SEP);
    this.englishLength += english.length + 1;
    this.layer.push(at.layer);
    this.number.push(at.number);
    this.place.push(at.place);
    // Layer order first, then fewer characters, then the word cost (0 most frequent, 255 unknown).
    this.order.push((at.layer * 64 + Math.min(zh.length, 63)) * 256 + at.weight);
  }

  build(): Built {
    const ends = (a: number[], end: number) => Int32Array.from([...a, end]);
    const pinyin = this.pinyin.join('');
    const syllableStarts = new Uint8Array(pinyin.length + 1);
    for (const s of this.starts) syllableStarts[s] = 1;
    return {
      zh: this.zh.join(''),
      pinyin,
      syllableStarts,
      initials: this.initials.join(''),
      english: this.english.join(''),
      zhAt: ends(this.zhAt, this.zhLength),
      pinyinAt: ends(this.pinyinAt, this.pinyinLength),
      initialsAt: ends(this.initialsAt, this.initialsLength),
      englishAt: ends(this.englishAt, this.englishLength),
      layer: Uint8Array.from(this.layer),
      number: Int32Array.from(this.number),
      place: Uint16Array.from(this.place),
      order: Float64Array.from(this.order),
      count: this.layer.length,
    };
  }
}

/** The pinyin of a written form: the layer's verified reading, else pinyin-pro's. */
function readingOf(zh: string, verified: string | undefined): string {
  if (verified) return verified;
  return readText(zh)
    .map((t) => t.syllable ?? t.text)
    .join(' ');
}

/** The word cost byte a layer keeps for exactly this key (255: unknown). */
function weightOf(layer: LexiconLayer, key: string): number {
  const length = layer.longestAt(key, 0, key.length);
  return length === key.length ? layer.lastWeight : 255;
}

export class GlossarySearch {
  private built: Built | undefined;
  /** Per item, the best rank a query found for it (Infinity: none); reset after each query. */
  private best = new Float64Array(0);
  private touched: number[] = [];

  /** @param lexicon its layers highest first; the index is built on the first search, once. */
  constructor(private readonly lexicon: Lexicon) {}

  /** How many terms the index lists (builds it). */
  get size(): number {
    return this.index().count;
  }

  /**
   * The best `limit` results for the query: glossary layers before the dictionary, then exact
   * before prefix before contains, then layer order, shorter, more frequent, and index order.
   */
  search(query: string, limit = 20): SearchResult[] {
    const index = this.index();
    const q = query.trim();
    if (q === '' || limit <= 0) return [];
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(q)) {
      const zh = this.lexicon.foldTerm(q.replace(/\s+/g, '')) ?? q.replace(/\s+/g, '');
      this.scan(index.zh, index.zhAt, zh, () => true);
    } else {
      this.latin(index, q);
    }
    return this.collect(limit);
  }

  private latin(index: Built, q: string): void {
    const english = plainEnglish(q).replace(/\s+/g, ' ');
    if (/[a-z]/.test(english)) {
      // A word start: the field's start or a character that is not a letter or digit before it.
      const hay = index.english;
      this.scan(
        hay,
        index.englishAt,
        english,
        (at, item) => at === index.englishAt[item] || !isWordCode(hay.charCodeAt(at - 1)),
        SENSE,
      );
    }
    // Tone numbers and marks go; spaces and apostrophes (xi'an) only separate syllables.
    if (!/^[a-z\s'’1-5\u0300-\u036f:]+$/i.test(q.normalize('NFD'))) return;
    const pinyin = plainSyllable(q);
    if (pinyin === '') return;
    const starts = index.syllableStarts;
    this.scan(index.pinyin, index.pinyinAt, pinyin, (at) => starts[at] === 1);
    if (pinyin.length >= 2)
      this.scan(index.initials, index.initialsAt, pinyin, (at, item) => at === index.initialsAt[item]);
  }

  /**
   * Every occurrence of `needle` in a field where `accept` allows it, ranked by how it sits in its
   * item (or, with `unit`, in the unit of the item it falls in: a sense of the English).
   */
  private scan(
    hay: string,
    at: Int32Array,
    needle: string,
    accept: (position: number, item: number) => boolean,
    unit?: string,
  ): void {
    const index = this.built!;
    let item = 0;
    for (let p = hay.indexOf(needle); p >= 0; p = hay.indexOf(needle, p + 1)) {
      while (at[item + 1] <= p) item++;
      const end = p + needle.length;
      if (end >= at[item + 1] || !accept(p, item)) continue;
      const start = at[item];
      const before = p === start || (unit !== undefined && hay[p - 1] === unit);
      const after = hay[end] === SEP || (unit !== undefined && hay[end] === unit);
      const tier = before ? (after ? EXACT : PREFIX) : CONTAINS;
      const dictionary = this.lexicon.isDictionary(index.layer[item]) ? 1 : 0;
      const rank = ((dictionary * 3 + tier) * 2 ** 20 + index.order[item]) * ITEM_SPAN + item;
      if (this.best[item] === Infinity) this.touched.push(item);
      if (rank < this.best[item]) this.best[item] = rank;
    }
  }

  private collect(limit: number): SearchResult[] {
    const ranks = Float64Array.from(this.touched, (i) => this.best[i]).sort();
    for (const i of this.touched) this.best[i] = Infinity;
    this.touched = [];
    const out: SearchResult[] = [];
    for (let r = 0; r < ranks.length && out.length < limit; r++) out.push(this.result(ranks[r] % ITEM_SPAN));
    return out;
  }

  private result(item: number): SearchResult {
    const index = this.built!;
    const layer = this.lexicon.layers[index.layer[item]];
    const number = index.number[item];
    if (layer.listed) {
      const entry = layer.listed.at(number)!;
      return { zh: entry.zh, pinyin: entry.pinyin ?? '', en: entry.en, source: entry.source, entry };
    }
    const record = layer.valueAt(number);
    const entry = record.entries[index.place[item]];
    const zh = index.zh.slice(index.zhAt[item], index.zhAt[item + 1] - 1);
    return { zh, pinyin: readingOf(zh, record.pinyin), en: entry.en, source: entry.source, entry };
  }

  private index(): Built {
    if (this.built) return this.built;
    const builder = new IndexBuilder();
    this.lexicon.layers.forEach((layer, l) => {
      if (layer.listed) {
        for (let n = 0; n < layer.listed.count; n++) {
          const e = layer.listed.at(n);
          if (e)
            builder.add(e.zh, e.pinyin ?? '', e.en, { layer: l, number: n, place: 0, weight: weightOf(layer, e.zh) });
        }
        return;
      }
      // A glossary's keys: headwords and aliases, and the simplified form of a traditional one,
      // listed once per entry under its simplified spelling.
      const seen = new Set<string>();
      for (let k = 0; k < layer.size; k++) {
        const record = layer.valueAt(k);
        const zh = this.lexicon.foldTerm(record.key) ?? record.key;
        record.entries.forEach((entry, place) => {
          const id = `${entry.source.id}\u0000${entry.id}\u0000${zh}`;
          if (seen.has(id) || entry.composed) return;
          seen.add(id);
          const at = { layer: l, number: k, place, weight: weightOf(layer, record.key) };
          builder.add(zh, readingOf(zh, record.pinyin), entry.en, at);
        });
      }
    });
    this.built = builder.build();
    this.best = new Float64Array(this.built.count).fill(Infinity);
    return this.built;
  }
}
