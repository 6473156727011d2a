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
const SEP_CODE = 10;
/** Between the senses of one item in the English field. */
const SENSE = '\t';
const SENSE_CODE = 9;
const SPACE_CODE = 32;

type Field = 0 | 1 | 2 | 3;
const CHINESE: Field = 0;
const ENGLISH: Field = 1;
const PINYIN: Field = 2;
const INITIALS: Field = 3;
/**
 * A rank is one number, lowest best: what the query found (dictionary or not, tier, which rendering)
 * times QUERY_SPAN, plus the item's own order (layer, headword or alias, length, word cost, source)
 * times ITEM_SPAN, plus the item's number (a stable last tiebreak, and how the item is found again).
 */
const ITEM_SPAN = 2 ** 20;
const QUERY_SPAN = 2 ** 46;

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

const plainSyllables = new Map<string, string>();

/** Toneless pinyin as search compares it: lower case, ü and v as u, letters only (kept per syllable: few differ). */
function plainSyllable(syllable: string): string {
  let plain = plainSyllables.get(syllable);
  if (plain === undefined) {
    plain = splitTone(syllable.toLowerCase())
      .base.replace(/[üv]/g, 'u')
      .replace(/[^a-z]/g, '');
    if (plainSyllables.size < 10_000) plainSyllables.set(syllable, plain);
  }
  return plain;
}

/**
 * English as search compares it: lower case, words separated by one space (die-casting as die
 * casting), characters outside Latin-1 dropped so that the field stays one byte per character.
 */
function plainEnglish(sense: string): string {
  return sense
    .toLowerCase()
    .replace(/[^a-z0-9\u00df-\u00ff]+/g, ' ')
    .trim();
}

interface ItemPlace {
  readonly layer: number;
  /** The key number in the layer (an entry number for a dictionary's listed entries). */
  readonly number: number;
  /** The entry's place among the key's entries. */
  readonly place: number;
  readonly weight: number;
  /** The rank of the entry's source id among its layer's sources, in code-unit order. */
  readonly source: number;
  /** Listed under one of its aliases rather than its headword. */
  readonly alias: boolean;
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

  add(zh: string, pinyin: string, en: readonly string[], at: ItemPlace): void {
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
    // Layer order first, then an entry's headword before its aliases, then fewer characters, then
    // the word cost (0 most frequent, 255 unknown).
    // Then, when all that ties, the source's name (curated:die-casting before curated:manufacturing).
    const order = (((at.layer * 2 + (at.alias ? 1 : 0)) * 64 + Math.min(zh.length, 63)) * 256 + at.weight) * 64;
    this.order.push((order + Math.min(at.source, 63)) * ITEM_SPAN + this.layer.length - 1);
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
  /** Per layer, 1 for a general dictionary (ranked after every glossary), else 0. */
  private readonly dictionary: number[];

  /** @param lexicon its layers highest first; the index is built on the first search, once. */
  constructor(private readonly lexicon: Lexicon) {
    this.dictionary = lexicon.layers.map((_, l) => (lexicon.isDictionary(l) ? 1 : 0));
  }

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
      this.scan(index.zh, index.zhAt, zh, CHINESE);
    } else {
      this.latin(index, q);
    }
    return this.collect(limit);
  }

  private latin(index: Built, q: string): void {
    const english = plainEnglish(q);
    if (english !== '') this.scan(index.english, index.englishAt, english, ENGLISH);
    // Tone numbers and marks go; spaces and apostrophes (xi'an) only separate syllables.
    if (!/^[a-z\s'’1-5\u0300-\u036f:]+$/i.test(q.normalize('NFD'))) return;
    const pinyin = plainSyllable(q);
    if (pinyin === '') return;
    this.scan(index.pinyin, index.pinyinAt, pinyin, PINYIN);
    if (pinyin.length >= 2) this.scan(index.initials, index.initialsAt, pinyin, INITIALS);
  }

  /**
   * Every occurrence of `needle` in a field that the field's rule allows (English: at a word start,
   * the needle begins with its space; pinyin: at a syllable start; initials: at the item's start),
   * ranked by how it sits in its item (English: in its sense).
   */
  private scan(hay: string, at: Int32Array, needle: string, field: Field): void {
    const index = this.built!;
    const starts = index.syllableStarts;
    const best = this.best;
    // One letter found inside words is noise, and it occurs hundreds of thousands of times: it is
    // looked for at the start of each item only (one comparison per item, not a hit per occurrence).
    const startsOnly = needle.length === 1 && field !== CHINESE;
    let item = 0;
    const first = (): number => (startsOnly ? this.nextStart(hay, at, needle, 0) : hay.indexOf(needle));
    const following = (p: number): number =>
      startsOnly ? this.nextStart(hay, at, needle, item + 1) : hay.indexOf(needle, p + 1);
    for (let p = first(); p >= 0; p = following(p)) {
      while (at[item + 1] <= p) item++;
      const start = at[item];
      if (field === PINYIN ? starts[p] !== 1 : field === INITIALS && p !== start) continue;
      // An English match starts a word: the needle does not begin with the space, which occurs
      // every few characters and would make the native scan stop at each one.
      const previous = hay.charCodeAt(p - 1);
      if (field === ENGLISH && p !== start && previous !== SPACE_CODE && previous !== SENSE_CODE) continue;
      const end = p + needle.length;
      const before = p === start || (field === ENGLISH && previous === SENSE_CODE);
      const next = hay.charCodeAt(end);
      const after = next === SEP_CODE || (field === ENGLISH && next === SENSE_CODE);
      const tier = before ? (after ? EXACT : PREFIX) : CONTAINS;
      // A match in an entry's preferred (first) rendering before one in a later rendering.
      const later = field === ENGLISH && hay.lastIndexOf(SENSE, p) > start ? 1 : 0;
      const rank = index.order[item] + ((this.dictionary[index.layer[item]] * 3 + tier) * 2 + later) * QUERY_SPAN;
      if (best[item] === Infinity) this.touched.push(item);
      if (rank < best[item]) best[item] = rank;
    }
  }

  /** The start of the first item from number `from` on whose field starts with the one code unit `needle`. */
  private nextStart(hay: string, at: Int32Array, needle: string, from: number): number {
    const c = needle.charCodeAt(0);
    const count = at.length - 1;
    for (let i = from; i < count; i++) if (hay.charCodeAt(at[i]) === c) return at[i];
    return -1;
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
            builder.add(e.zh, e.pinyin ?? '', e.en, {
              layer: l,
              number: n,
              place: 0,
              weight: weightOf(layer, e.zh),
              source: 0,
              alias: false,
            });
        }
        return;
      }
      // A glossary's keys: headwords and aliases, and the simplified form of a traditional one,
      // listed once per entry under its simplified spelling.
      const seen = new Set<string>();
      const records = Array.from({ length: layer.size }, (_, k) => layer.valueAt(k));
      const sources = [...new Set(records.flatMap((r) => r.entries.map((e) => e.source.id)))].sort();
      records.forEach((record, k) => {
        const zh = this.lexicon.foldTerm(record.key) ?? record.key;
        record.entries.forEach((entry, place) => {
          const id = `${entry.source.id}\u0000${entry.id}\u0000${zh}`;
          if (seen.has(id) || entry.composed) return;
          seen.add(id);
          const alias = zh !== (this.lexicon.foldTerm(entry.zh) ?? entry.zh);
          const source = sources.indexOf(entry.source.id);
          const at = { layer: l, number: k, place, weight: weightOf(layer, record.key), source, alias };
          builder.add(zh, readingOf(zh, record.pinyin), entry.en, at);
        });
      });
    });
    this.built = builder.build();
    this.best = new Float64Array(this.built.count).fill(Infinity);
    return this.built;
  }
}
