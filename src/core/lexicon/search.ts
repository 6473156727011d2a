/**
 * Search over every layer of a lexicon (workspace, user, curated, CC-CEDICT): by Chinese in either
 * script, by pinyin with tone marks, tone numbers or none and with or without spaces, by initials
 * (ljjt → 力劲集团) and by English words. The fields are searchIndex.ts's segments, one per layer:
 * prebuilt for the shipped layers (searchAsset.ts), built on the first search for the others; a
 * query is a few native indexOf scans per segment, and only the results shown are decoded.
 */
import type { GlossarySource, SourcedEntry } from '../glossary/entry';
import type { Lexicon, LexiconLayer } from './lexicon';
import { foldWith } from '../text/foldPairs';
import { simplifiedFoldTable } from '../text/script';
import {
  layerSegment,
  listSegment,
  ORDER_SPAN,
  plainEnglish,
  plainSyllable,
  readingOf,
  SENSE,
  SENSE_CODE,
  SEP_CODE,
  type SearchSegment,
} from './searchIndex';

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

/** A segment in a search: its items are numbered from `base`, and it ranks as layer `layer`. */
interface Placed {
  readonly segment: SearchSegment;
  readonly base: number;
  /** 1 for a general dictionary (ranked after every glossary), else 0. */
  readonly dictionary: number;
}

/**
 * The ranking over segments, in their order (the first ranks first): glossaries before the
 * dictionary, then exact before prefix before contains, then the segment's order, the item's own
 * order and its number. Yields item numbers; its users turn them into what they list.
 */
class SegmentSearch {
  private placed: Placed[] | undefined;
  private order = new Float64Array(0);
  /** Per item, the best rank a query found for it (Infinity: none); reset after each query. */
  private best = new Float64Array(0);
  private touched: number[] = [];

  /** @param segments made on the first search, once: [segment, is a dictionary] highest first */
  constructor(private readonly segments: () => readonly (readonly [SearchSegment, boolean])[]) {}

  /** Every segment with its base (makes them). */
  get all(): readonly Placed[] {
    if (this.placed) return this.placed;
    let base = 0;
    const placed: Placed[] = this.segments().map(([segment, dictionary]) => {
      const p = { segment, base, dictionary: dictionary ? 1 : 0 };
      base += segment.count;
      return p;
    });
    if (base > ITEM_SPAN) throw new Error(`search: ${base} terms are more than the index can rank`);
    this.order = new Float64Array(base);
    placed.forEach(({ segment, base }, s) => {
      for (let i = 0; i < segment.count; i++)
        this.order[base + i] = (s * ORDER_SPAN + segment.order[i]) * ITEM_SPAN + base + i;
    });
    this.best = new Float64Array(base).fill(Infinity);
    this.placed = placed;
    return placed;
  }

  /** The item numbers of the best `limit` matches of the query, best first. */
  search(query: string, limit: number, fold: (zh: string) => string): number[] {
    const all = this.all;
    const q = query.trim();
    if (q === '' || limit <= 0) return [];
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(q)) {
      const written = q.replace(/\s+/g, '');
      // Folded, and as written: a term with a character the fold changes (CC-CEDICT's Taiwan form
      // 比拚, which folds to 比拼) is found too.
      const needles = new Set([fold(written), written]);
      for (const p of all) for (const needle of needles) this.scan(p, p.segment.zh, p.segment.zhAt, needle, CHINESE);
    } else {
      for (const p of all) this.latin(p, q);
    }
    return this.collect(limit);
  }

  private latin(p: Placed, q: string): void {
    const s = p.segment;
    const english = plainEnglish(q);
    if (english !== '') this.scan(p, s.english, s.englishAt, english, ENGLISH);
    // Tone numbers and marks go; spaces and apostrophes (xi'an) only separate syllables.
    if (!/^[a-z\s'’1-5\u0300-\u036f:]+$/i.test(q.normalize('NFD'))) return;
    const pinyin = plainSyllable(q);
    if (pinyin === '') return;
    this.scan(p, s.pinyin, s.pinyinAt, pinyin, PINYIN);
    if (pinyin.length >= 2) this.scan(p, s.initials, s.initialsAt, pinyin, INITIALS);
  }

  /**
   * Every occurrence of `needle` in a field that the field's rule allows (English: at a word start,
   * the needle begins with its space; pinyin: at a syllable start; initials: at the item's start),
   * ranked by how it sits in its item (English: in its sense).
   */
  private scan({ segment, base, dictionary }: Placed, hay: string, at: Int32Array, needle: string, field: Field): void {
    const starts = segment.syllableStarts;
    const best = this.best;
    const order = this.order;
    // One letter found inside words is noise, and it occurs hundreds of thousands of times: it is
    // looked for at the start of each item only (one comparison per item, not a hit per occurrence).
    const startsOnly = needle.length === 1 && field !== CHINESE;
    let item = 0;
    const first = (): number => (startsOnly ? nextStart(hay, at, needle, 0) : hay.indexOf(needle));
    const following = (p: number): number =>
      startsOnly ? nextStart(hay, at, needle, item + 1) : hay.indexOf(needle, p + 1);
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
      const g = base + item;
      const rank = order[g] + ((dictionary * 3 + tier) * 2 + later) * QUERY_SPAN;
      if (best[g] === Infinity) this.touched.push(g);
      if (rank < best[g]) best[g] = rank;
    }
  }

  private collect(limit: number): number[] {
    const ranks = Float64Array.from(this.touched, (i) => this.best[i]).sort();
    for (const i of this.touched) this.best[i] = Infinity;
    this.touched = [];
    const out: number[] = [];
    for (let r = 0; r < ranks.length && out.length < limit; r++) out.push(ranks[r] % ITEM_SPAN);
    return out;
  }
}

/** The start of the first item from number `from` on whose field starts with the one code unit `needle`. */
function nextStart(hay: string, at: Int32Array, needle: string, from: number): number {
  const c = needle.charCodeAt(0);
  const count = at.length - 1;
  for (let i = from; i < count; i++) if (hay.charCodeAt(at[i]) === c) return at[i];
  return -1;
}

/** Segments made before the search (read from the build step's asset), by the layer they index. */
export type PrebuiltSegments = ReadonlyMap<LexiconLayer, SearchSegment>;

export class GlossarySearch {
  private readonly engine: SegmentSearch;

  /**
   * @param lexicon its layers highest first; the index is made on the first search, once: a
   *   layer's prebuilt segment if `prebuilt` has one, else the layer's segment built now.
   */
  constructor(
    private readonly lexicon: Lexicon,
    prebuilt: PrebuiltSegments = new Map(),
  ) {
    this.engine = new SegmentSearch(() =>
      lexicon.layers.map((layer, l) => [prebuilt.get(layer) ?? layerSegment(lexicon, l), lexicon.isDictionary(l)]),
    );
  }

  /** How many terms the index lists (makes it). */
  get size(): number {
    return this.engine.all.reduce((n, p) => n + p.segment.count, 0);
  }

  /**
   * The best `limit` results for the query: glossary layers before the dictionary, then exact
   * before prefix before contains, then layer order, shorter, more frequent, and index order.
   */
  search(query: string, limit = 20): SearchResult[] {
    const fold = (zh: string) => this.lexicon.foldTerm(zh) ?? zh;
    return this.engine.search(query, limit, fold).map((item) => this.result(item));
  }

  private result(item: number): SearchResult {
    const all = this.engine.all;
    let l = 0;
    while (l + 1 < all.length && all[l + 1].base <= item) l++;
    const { segment: s, base } = all[l];
    const i = item - base;
    const layer = this.lexicon.layers[l];
    const number = s.number[i];
    if (layer.listed) {
      const entry = layer.listed.at(number)!;
      return { zh: entry.zh, pinyin: entry.pinyin ?? '', en: entry.en, source: entry.source, entry };
    }
    const record = layer.valueAt(number);
    const entry = record.entries[s.place[i]];
    const zh = s.zh.slice(s.zhAt[i], s.zhAt[i + 1] - 1);
    return { zh, pinyin: readingOf(zh, record.pinyin), en: entry.en, source: entry.source, entry };
  }
}

/** Simplified characters, as the lexicon folds them (its table). */
const simplified = (zh: string): string => foldWith(zh, simplifiedFoldTable()) ?? zh;

/**
 * The same matcher and ranking over a plain list of terms (Show Terms in Document's filter):
 * `search` gives the indexes of the items that match, best first. Chinese is compared in
 * simplified characters, the terms' and the query's, as the lexicon compares it.
 */
export class TermListSearch {
  private readonly engine: SegmentSearch;

  constructor(items: readonly { zh: string; pinyin: string; en: readonly string[] }[]) {
    this.engine = new SegmentSearch(() => [[listSegment(items.map((i) => ({ ...i, zh: simplified(i.zh) }))), false]]);
  }

  search(query: string, limit = Infinity): number[] {
    return this.engine.search(query, limit, simplified);
  }
}
