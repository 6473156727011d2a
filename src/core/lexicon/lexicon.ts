/**
 * The layered lexicon: one term index per layer (workspace, user, curated, CC-CEDICT), queried
 * together, and the reading of a text as words: every key of every layer at every position is a
 * candidate of the reading (reading/segment.ts) whose least-cost path is the text's words; a word's
 * entries are listed highest layer first. Layers are separate indexes so that one can be rebuilt (a user
 * edits a file) without touching the others.
 */
import type { Passage } from '../text/detect';
import { foldWith } from '../text/foldPairs';
import { findNumbers, NUMBER_CHARACTERS, numberPhrases } from '../reading/numbers';
import { personalNameAt } from '../reading/names';
import { isAdverbialDe, PARTICLE_DE, particleLast } from '../reading/particles';
import { composedEntry, type ComposedPart } from './compose';
import {
  GLOSSARY_COST,
  charWidth,
  NO_TAG,
  PathSolver,
  UNKNOWN_CHARACTER_COST,
  UNKNOWN_FREQUENCY_COST,
  wordCost,
} from '../reading/segment';
import { NO_WEIGHT, TermIndex, type TrieArrays } from './termIndex';
import {
  NAME_STOP_WORDS,
  NAME_STOPS,
  unlistedNames,
  type NameRun,
  type NameWord,
  type NameWordKind,
  type NameWords,
} from './unlistedNames';
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
  /**
   * Set when the word is an organisation-like run no layer has (宁波永泰机械有限公司): it has no
   * entries, and readers show it as one name to look up (unlistedNames.ts).
   */
  readonly unlisted?: NameRun;
}

/**
 * A dictionary layer's own entries by number (count: how many numbers; at(n): undefined for a number
 * that is no dictionary entry, such as a word the layer only holds for segmenting): what search lists,
 * one object per headword instead of one per key (its traditional and simplified keys share it).
 */
export interface ListedEntries {
  readonly count: number;
  at(n: number): SourcedEntry | undefined;
}

/**
 * One layer's index, and whether the layer is a glossary or a general dictionary: the matcher's
 * fast paths (counting, the term list) answer "does a glossary have this term" by layer number,
 * without decoding entries.
 */
export class LexiconLayer extends TermIndex<KeyRecord> {
  /**
   * The segmentation's cost of a word of this layer by its weight byte (the build step's word cost
   * in tenths of a nat, NO_WEIGHT: unknown): [0, 256) for words of several code units, [256, 512)
   * for one. Precomputed so the reading reads a word's cost with one load per candidate.
   */
  readonly wordCosts: Float64Array;

  constructor(
    arrays: TrieArrays,
    size: number,
    valueAt: (i: number) => KeyRecord,
    readonly kind: SourceKind,
    /**
     * Whether key i is a jieba word composed of parts, told without composing it (the asset
     * knows it from the record's kind); without it, the record is decoded and its entries asked.
     */
    readonly composedAt?: (i: number) => boolean,
    /** Set by a dictionary whose keys are not one per entry (CC-CEDICT); glossary layers list their keys. */
    readonly listed?: ListedEntries,
  ) {
    super(arrays, size, valueAt);
    this.wordCosts = new Float64Array(512);
    for (let w = 0; w < 256; w++) {
      const frequencyCost = w === NO_WEIGHT ? UNKNOWN_FREQUENCY_COST : w / 10;
      this.wordCosts[w] = wordCost(frequencyCost, 2, kind === 'glossary');
      this.wordCosts[256 + w] = wordCost(frequencyCost, 1, kind === 'glossary');
    }
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

/**
 * Builds one layer's index from its glossaries, earlier glossaries' entries first. With the fold
 * table, a term written with traditional characters is also indexed as folded, so that its
 * traditional and simplified spellings are read as the same word.
 */
export function buildLayer(glossaries: readonly SourcedGlossary[], fold?: Uint16Array): LexiconLayer {
  return layerOfEntries(sourcedEntries(glossaries), layerKind(glossaries), fold);
}

/** The glossaries' entries with their source, in order: the entry objects a layer's records hold. */
export function sourcedEntries(glossaries: readonly SourcedGlossary[]): SourcedEntry[] {
  return glossaries.flatMap(({ glossary, source }) => glossary.entries.map((entry) => ({ ...entry, source })));
}

/** buildLayer over entries already sourced (the prebuilt curated asset numbers these objects). */
export function layerOfEntries(entries: readonly SourcedEntry[], kind: SourceKind, fold?: Uint16Array): LexiconLayer {
  const pairs: [string, KeyRecord][] = [];
  const add = (zh: string, pinyin: string | undefined, sourced: SourcedEntry) => {
    pairs.push([zh, { key: zh, pinyin, entries: [sourced] }]);
    const folded = fold ? foldWith(zh, fold) : undefined;
    if (folded !== undefined) pairs.push([folded, { key: folded, pinyin, entries: [sourced] }]);
  };
  for (const sourced of entries) {
    add(sourced.zh, sourced.pinyin, sourced);
    for (const alias of sourced.aliases ?? []) {
      if (alias.zh !== sourced.zh) add(alias.zh, alias.pinyin, sourced);
    }
  }
  const index = TermIndex.build(pairs, mergeRecords);
  return new LexiconLayer(index.arrays, index.size, index.valueAt, kind);
}

function mergeRecords(a: KeyRecord, b: KeyRecord): KeyRecord {
  const entries = [...a.entries, ...b.entries.filter((e) => !a.entries.includes(e))];
  return { key: a.key, pinyin: a.pinyin ?? b.pinyin, entries };
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
 * The words of a text that a dictionary or glossary has, stored as integers (start, end, then each layer's value
 * index or -1): a 20 MB document's million matches cost a few typed arrays instead of a million
 * objects for the garbage collector to copy. A match object is made only when one is read.
 */
export class TermMatches implements Iterable<TermMatch> {
  private data: Int32Array;
  private count = 0;
  private readonly stride: number;
  /** The unlisted names among the matches, by match number: few, so kept beside the flat rows. */
  private readonly names = new Map<number, NameRun>();

  constructor(
    /** The text the offsets refer to. */
    private readonly text: string,
    private readonly lexicon: Lexicon,
  ) {
    this.stride = 3 + lexicon.layers.length;
    // Small at first: the hover and the draft engine make a list for one passage or one match.
    this.data = new Int32Array(this.stride * 8);
  }

  get length(): number {
    return this.count;
  }

  /**
   * Appends a word: `values[from + l]` is layer l's value index of it (-1: the layer lacks it);
   * `kind` is WORD, or NUMBER or NAME for a word the reader made (no layer has it); an unlisted
   * organisation name has no layer's value and its run instead.
   */
  push(start: number, end: number, values: Int32Array, from: number, kind: number = WORD, name?: NameRun): void {
    if (name !== undefined) this.names.set(this.count, name);
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
    d[at + 2] = kind;
    for (let l = 0; l < stride - 3; l++) d[at + 3 + l] = values[from + l];
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
    return inGlossary(this.data, i * this.stride + 3, this.stride - 3, this.lexicon);
  }

  /** Match number i, as an object. */
  at(i: number): TermMatch {
    if (i < 0 || i >= this.count) throw new RangeError(`no match ${i} (there are ${this.count})`);
    const at = i * this.stride;
    // The object keeps the current array: growing the list copies into a new one and leaves it be.
    const d = this.data;
    return new StoredMatch(d[at], d[at + 1], this.text, this.lexicon, d, at + 3, d[at + 2], this.names.get(i));
  }

  /** Whether match number i is a number with its unit (a word the reader made); makes no object. */
  isNumberAt(i: number): boolean {
    return this.data[i * this.stride + 2] === NUMBER;
  }

  /** The run of match number i if it is an unlisted name; makes no object. */
  unlistedAt(i: number): NameRun | undefined {
    return this.names.get(i);
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
    /** WORD, or the kind of word the reader made (NUMBER, NAME). */
    private readonly kind: number,
    readonly unlisted?: NameRun,
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
      // A jieba word's composed entry is left unmade where another layer has the word: `entries`
      // would drop it (ownEntries), and composing it reads and glosses each of its parts.
      const composed = (l: number, v: number) => layers[l].composedAt?.(v) === true;
      let own = false;
      for (let l = 0; l < layers.length && !own; l++) {
        const v = this.values[this.from + l];
        own = v >= 0 && !composed(l, v);
      }
      for (let l = 0; l < layers.length; l++) {
        const v = this.values[this.from + l];
        if (v >= 0 && !(own && composed(l, v))) this.records.push(layers[l].valueAt(v));
      }
    }
    return this.records;
  }

  get pinyin(): string | undefined {
    if (this.kind === WORD + ADVERBIAL_DE) return PARTICLE_DE;
    return this.resolved.find((r) => r.pinyin)?.pinyin;
  }

  get entries(): readonly SourcedEntry[] {
    if (this.kind !== WORD && this.kind !== WORD + ADVERBIAL_DE) return [this.lexicon.madeEntry(this.text, this.kind)];
    const entries = ownEntries(this.resolved.flatMap((r) => r.entries));
    // A word not read as the particle 地: the noun's senses first.
    return this.kind === WORD ? particleLast(this.text, entries) : entries;
  }

  /** Whether a glossary (not only a fallback dictionary) has the term, without decoding entries. */
  inGlossary(): boolean {
    return inGlossary(this.values, this.from, this.lexicon.layers.length, this.lexicon);
  }
}

type NameWordClass = Omit<NameWord, 'start'>;

/** A layer's composed-key marks before the first question about them. */
const EMPTY_MARKS = new Int8Array(0);

/** Kinds of a path's word: one a layer has, or one the reader made (a number with its unit, a name). */
const WORD = 0;
const NUMBER = 1;
const NAME = 2;
/** Added to WORD for a 地 the path reads as the particle de (isAdverbialDe): its reading is de. */
const ADVERBIAL_DE = 4;
/**
 * Candidate tags of the words the reader makes (layer words have tags ≥ 0, unknown characters
 * NO_TAG): a number phrase, a personal name; unlisted organisation names from UNLISTED_TAG down,
 * one per run (UNLISTED_TAG - its number).
 */
const NUMBER_TAG = -2;
const NAME_TAG = -3;
const UNLISTED_TAG = -4;
const kindOfTag = (tag: number) => (tag === NUMBER_TAG ? NUMBER : tag === NAME_TAG ? NAME : WORD);

/**
 * A number with its unit costs as much as a common word: less than any split of it (its digits
 * alone are unknown characters), more than a word that holds it whole (新一轮, 极氪009).
 */
export const NUMBER_COST = 10;
/**
 * A surname and a two-character given name (黄仁勋): dearer than any reading of the three by words
 * of two characters and more (陈列室 is 陈列 | 室), cheaper than three single characters.
 */
export const PERSONAL_NAME_COST = 22;

/** Longest key the reading collects at one position; longer keys are matched no further. */
const MAX_KEY = 256;
/** Positions whose own-key lengths the name finder keeps (a power of 2), and lengths kept per position. */
const OWN_SLOTS = 64;
const OWN_PER_SLOT = 8;

/**
 * An unlisted name's cost: just above a glossary word's, so that it beats any split of its own
 * characters into words (two words cost more) but a glossary word the name would cut still wins.
 */
export const NAME_COST = GLOSSARY_COST + 1;
/** Longest word the unlisted-name finder looks for before a position. */
const MAX_NAME_WORD = 6;
/**
 * Below this frequency cost a word is too common to be a trade name (时代 8.6, 国际 7.8, 激光 10.7,
 * but 鸿图 15.7, 联大 13.3): measured on test/fixtures/names/real-names.json.
 */
const COMMON_WORD_COST = 11;
/** Characters that end a place name (武汉市, 湖北省): part of the name's place. */
const PLACE_MARKERS = new Set(['市', '省', '县', '区', '镇']);
/** Countries that begin names (中国铸造协会, 中華民國精密機械發展協會): the dictionary says only "China". */
const COUNTRIES = new Set(['中国', '中华', '中华民国', '台湾', '香港', '澳门', '美国', '德国', '日本', '韩国']);
/** A dictionary sense naming a place: the word is the name's place (宁波, 永泰 county, 台湾). */
const PLACE_SENSE = new RegExp(
  '\\b(province|city|county|district|prefecture|municipality|autonomous region|Republic of|Central Plain|' +
    'Taiwan|Hong Kong|Macau)\\b',
  'i',
);
/**
 * A dictionary sense that names an organisation ends so ("Bosch, German technology company",
 * "Volkswagen (automobile manufacturer)"); "to take over (a company or equity)" does not.
 */
const ORGANISATION_SENSE = /\b(company|corporation|manufacturer|automaker|carmaker|bank|university|brand)\)?$/i;

/** ASCII letter or digit: a key holding one matches only on the bounds of the whole ASCII run. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether offset e falls between two ASCII letters or digits (inside an ASCII run). */
function cutsAsciiAt(text: string, e: number): boolean {
  return e > 0 && e < text.length && isAsciiAlnum(text.charCodeAt(e - 1)) && isAsciiAlnum(text.charCodeAt(e));
}

/** One step of a reading: a word (of a layer, or made by the reader) or an unknown character. */
export interface ReadingStep {
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
  /** A word no layer has, made by the reader: a number with its unit, a personal name. */
  readonly made?: 'number' | 'name';
}

export class Lexicon {
  /** Per layer, its longest hit at the last probed position and that key's value index. */
  private readonly hits: Int32Array;
  /** Per layer, whether it is a general dictionary rather than a glossary. */
  private readonly dictionary: boolean[];
  private readonly hasDictionary: boolean;
  /** Per layer and value index: 0 not yet known, 1 a word of its own, 2 a jieba word composed of parts. */
  private readonly composedKeys: Int8Array[];
  private table: Uint16Array | undefined;
  /** The segmentation's path solver, reused from range to range. */
  private readonly solver = new PathSolver();
  /** Scratch of one position and layer: the keys' lengths and values, the plain walk's lengths. */
  private readonly prefixLengths = new Int32Array(MAX_KEY);
  private readonly prefixValues = new Int32Array(MAX_KEY);
  private readonly prefixWeights = new Int32Array(MAX_KEY);
  /**
   * Per position of the range being read, the first position at or after it whose code unit the
   * fold changes (the range's end: none): whether a folded walk can differ from the plain one is
   * then one comparison, not a scan per layer and position.
   */
  private nextFolded = new Int32Array(64);
  private readonly atLengths = new Int32Array(MAX_KEY);
  /** Scratch of `longestOwnKey`, apart from the reading's: the name finder runs between its uses. */
  private readonly ownLengths = new Int32Array(MAX_KEY);
  private readonly ownValues = new Int32Array(MAX_KEY);
  private readonly ownFoldedLengths = new Int32Array(MAX_KEY);
  private readonly ownFoldedValues = new Int32Array(MAX_KEY);
  private readonly ownWeights = new Int32Array(MAX_KEY);
  private readonly ownFlags = new Uint8Array(MAX_KEY + 1);
  private readonly ownScratch = new Int32Array(MAX_KEY);
  /** `longestOwnKey`'s answers by position (slot: position mod OWN_SLOTS) for the range being read. */
  private readonly ownSlotAt = new Int32Array(OWN_SLOTS).fill(-1);
  private readonly ownSlotCount = new Int32Array(OWN_SLOTS);
  private readonly ownSlotLengths = new Int32Array(OWN_SLOTS * OWN_PER_SLOT);
  /** The unlisted names of the range last segmented; a candidate tag UNLISTED_TAG − n is number n. */
  private runs: readonly NameRun[] = [];
  /** Words and characters the unlisted-name finder has classed. */
  private readonly nameWordCache = new Map<string, NameWordClass>();
  /** What the unlisted-name finder asks of the layers. */
  private readonly nameWords: NameWords = {
    wordBefore: (text, end, floor) => this.wordBefore(text, end, floor),
    longestFrom: (text, start, end) => start + (start < end ? this.longestOwnKey(text, start, end) : 0),
    isKey: (text, start, end) => this.isKey(text, start, end),
  };

  /**
   * @param layers highest priority first
   * @param foldTable lets traditional text match simplified keys (curated entries are written in
   *   simplified); matching tries the original text and, where it has a character the table
   *   changes, the folded one; where both find a key of the same length the original's is kept.
   */
  constructor(
    readonly layers: readonly LexiconLayer[],
    private readonly foldTable?: FoldTable,
  ) {
    this.dictionary = layers.map((l) => l.kind === 'dictionary');
    this.hasDictionary = this.dictionary.includes(true);
    this.composedKeys = layers.map(() => EMPTY_MARKS);
    this.hits = new Int32Array(Math.max(2, layers.length * 2));
    this.noValues = new Int32Array(layers.length).fill(-1);
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

  /**
   * The longest term of any layer starting at `start` (not past `end`), or undefined. As in the
   * reading, a key starts and ends only on the bounds of an ASCII run (IPTV holds no IP, TOP10 no T).
   */
  matchAt(text: string, start: number, end: number = text.length): TermMatch | undefined {
    if (this.layers.length === 0 || start >= end) return undefined;
    if (start > 0 && isAsciiAlnum(text.charCodeAt(start)) && isAsciiAlnum(text.charCodeAt(start - 1))) return undefined;
    let best = this.probe(text, start, end, this.fold);
    while (best > 0 && cutsAsciiAt(text, start + best)) {
      best = best > 1 ? this.probe(text, start, start + best - 1, this.fold) : 0;
    }
    if (best === 0) return undefined;
    const values = new Int32Array(this.layers.length);
    for (let l = 0; l < values.length; l++) values[l] = this.hits[2 * l] === best ? this.hits[2 * l + 1] : -1;
    const found = new TermMatches(text, this);
    found.push(start, start + best, values, 0);
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
   * Number phrases of text[start, end) as [start, end) pairs, read on the folded text so that both
   * scripts read alike (兩台 as 两台).
   */
  private numberSpans(text: string, start: number, end: number, fold: Uint16Array | undefined): number[] {
    if (fold === undefined || !this.foldsNumbers(text, start, end, fold)) return numberPhrases(text, start, end);
    const folded = foldWith(text.slice(start, end), fold) ?? text.slice(start, end);
    return numberPhrases(folded, 0, end - start).map((offset) => offset + start);
  }

  /** Per code unit, whether the fold turns it into a character numbers are read by (兩, 萬, 臺, 噸). */
  private numberFold: Uint8Array | undefined;

  /** Whether folding text[start, end) changes a character the numbers reader looks at. */
  private foldsNumbers(text: string, start: number, end: number, fold: Uint16Array): boolean {
    if (!this.numberFold) {
      this.numberFold = new Uint8Array(0x10000);
      for (let c = 0; c < 0x10000; c++) {
        if (fold[c] !== 0 && NUMBER_CHARACTERS.includes(String.fromCharCode(fold[c]))) this.numberFold[c] = 1;
      }
    }
    const table = this.numberFold;
    for (let i = start; i < end; i++) if (table[text.charCodeAt(i)] === 1) return true;
    return false;
  }

  /**
   * Organisation-like runs no layer has in text[start, end) (unlistedNames.ts): the reading weighs
   * each as one candidate, where it starts. Only with a general dictionary: without its word
   * frequencies a trade name cannot be told from the sentence's own words.
   */
  unlistedRuns(text: string, start: number, end: number): readonly NameRun[] {
    if (!this.hasDictionary) return [];
    this.ownSlotAt.fill(-1);
    return unlistedNames(text, start, end, this.nameWords, this.fold);
  }

  /** The unlisted name a candidate tag stands for, if it stands for one. */
  private runOf(tag: number): NameRun | undefined {
    return tag <= UNLISTED_TAG ? this.runs[UNLISTED_TAG - tag] : undefined;
  }

  /**
   * The longest key from `start` (not past `end`) that is a word of its own, not a jieba word
   * composed of parts (0: none). The name finder asks this, and whether a span is such a key, at
   * and around every suffix it meets, at the same few positions again and again (its suffix, the
   * five before it, each word it steps left over): the lengths from a position are worked out once
   * per range read (`unlistedRuns` forgets them) and every bound answered from them.
   */
  private longestOwnKey(text: string, start: number, end: number): number {
    if (start >= end) return 0;
    const slot = start & (OWN_SLOTS - 1);
    let lengths: Int32Array = this.ownSlotLengths;
    let from = slot * OWN_PER_SLOT;
    let count: number;
    if (this.ownSlotAt[slot] === start) count = this.ownSlotCount[slot];
    else {
      count = this.ownKeyLengths(text, start);
      if (count <= OWN_PER_SLOT) {
        // A loop, not set(subarray): the view would be garbage at every suffix the finder meets.
        for (let k = 0; k < count; k++) this.ownSlotLengths[from + k] = this.ownScratch[k];
        this.ownSlotAt[slot] = start;
        this.ownSlotCount[slot] = count;
      } else {
        lengths = this.ownScratch;
        from = 0;
      }
    }
    for (let k = count - 1; k >= 0; k--) if (lengths[from + k] <= end - start) return lengths[from + k];
    return 0;
  }

  /**
   * The lengths of the keys from `start` to the text's end that are words of their own, shortest
   * first, into `ownScratch`; returns how many. Per layer one walk as written and, where the fold
   * changes a code unit that walk read, one folded; at a length both walks find, the layer's own
   * spelling (the plain walk's key) decides. A shorter bound would find the same keys, shorter.
   */
  private ownKeyLengths(text: string, start: number): number {
    const fold = this.fold;
    const end = text.length;
    const lengths = this.ownLengths;
    const values = this.ownValues;
    const foldedLengths = this.ownFoldedLengths;
    const foldedValues = this.ownFoldedValues;
    const weights = this.ownWeights;
    // Own lengths as flags by length: few, and a key is at most MAX_KEY long.
    const own = this.ownFlags;
    let longest = 0;
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l];
      const n = layer.prefixesAt(text, start, end, undefined, lengths, values, weights);
      const m =
        fold !== undefined && changesAny(fold, text, start, Math.min(end, start + layer.lastDepth + 1))
          ? layer.prefixesAt(text, start, end, fold, foldedLengths, foldedValues, weights)
          : 0;
      for (let h = 0; h < n; h++) {
        if (this.isComposedKey(l, values[h])) continue;
        own[lengths[h]] = 1;
        if (lengths[h] > longest) longest = lengths[h];
      }
      for (let h = 0; h < m; h++) {
        let plain = false;
        for (let x = 0; x < n && !plain; x++) plain = lengths[x] === foldedLengths[h];
        if (plain || this.isComposedKey(l, foldedValues[h])) continue;
        own[foldedLengths[h]] = 1;
        if (foldedLengths[h] > longest) longest = foldedLengths[h];
      }
    }
    let count = 0;
    for (let length = 1; length <= longest; length++) {
      if (own[length] === 0) continue;
      own[length] = 0;
      this.ownScratch[count++] = length;
    }
    return count;
  }

  /** Whether some layer has exactly text[start, end) as a word of its own, as written or folded. */
  private isKey(text: string, start: number, end: number): boolean {
    return end > start && this.longestOwnKey(text, start, end) === end - start;
  }

  /** Whether value v of layer l is a jieba word composed of parts; decoded once, then remembered. */
  private isComposedKey(l: number, v: number): boolean {
    // Made on the first question (a name finder's), not with every lexicon a glossary edit builds.
    if (this.composedKeys[l] === EMPTY_MARKS) this.composedKeys[l] = new Int8Array(this.layers[l].size);
    const known = this.composedKeys[l];
    if (known[v] === 0) {
      const layer = this.layers[l];
      const composed = layer.composedAt ? layer.composedAt(v) : layer.valueAt(v).entries.every((e) => e.composed);
      known[v] = composed ? 2 : 1;
    }
    return known[v] === 2;
  }

  /**
   * The longest word of any layer ending at `end` (from `floor` on, at most MAX_NAME_WORD long),
   * else the character before `end`, with what it is to a name (unlistedNames.ts).
   */
  private wordBefore(text: string, end: number, floor: number): NameWord {
    for (let s = Math.max(floor, end - MAX_NAME_WORD); s < end - 1; s++) {
      if (!this.isKey(text, s, end)) continue;
      const word = text.slice(s, end);
      return { start: s, ...this.classified(word, () => this.wordClass(word)) };
    }
    const ch = text.slice(end - 1, end);
    if (NAME_STOPS.has(ch) || NAME_STOPS.has(this.foldTerm(ch) ?? ch) || !/\p{Script=Han}/u.test(ch)) {
      return { start: end - 1, kind: 'stop', cost: 0 };
    }
    return {
      start: end - 1,
      ...this.classified(ch, () => ({
        kind: PLACE_MARKERS.has(this.foldTerm(ch) ?? ch) ? 'place' : 'single',
        cost: this.dictionaryCost(ch),
      })),
    };
  }

  /**
   * A word's class, worked out once: suffixes recur (公司, 科技 before every name), and classing a
   * word decodes its dictionary entries.
   */
  private classified(word: string, make: () => NameWordClass): NameWordClass {
    let known = this.nameWordCache.get(word);
    if (known === undefined) {
      if (this.nameWordCache.size >= 8192) this.nameWordCache.clear();
      this.nameWordCache.set(word, (known = make()));
    }
    return known;
  }

  private wordClass(word: string): NameWordClass {
    // A word holding 的 (有的 of 持有的) reads across a name's left edge.
    if (/的/.test(word) || NAME_STOP_WORDS.test(this.foldTerm(word) ?? word)) return { kind: 'stop', cost: 0 };
    const cost = this.dictionaryCost(word);
    return { kind: this.nameWordKind(word, cost), cost };
  }

  /** What a dictionary word is to a name: its entries and its frequency decide. */
  private nameWordKind(word: string, cost: number): NameWordKind {
    const entries = this.lookup(word);
    if (entries.some((e) => e.domain === 'companies' || e.source.id === 'curated:companies')) return 'known';
    const senses = entries.filter((e) => !isGlossaryEntry(e)).flatMap((e) => e.en);
    if (senses.some((sense) => ORGANISATION_SENSE.test(sense))) return 'known';
    if (COUNTRIES.has(this.foldTerm(word) ?? word) || senses.some((sense) => PLACE_SENSE.test(sense))) return 'place';
    if (entries.some(isGlossaryEntry)) return 'common';
    // A verb the dictionary lists but jieba's counts lack (意识到 "to realize", read 意识 | 到 there) is
    // no rarity to make a trade name of (意识到汽车 is no company).
    if (cost >= UNKNOWN_FREQUENCY_COST && senses.length > 0 && /^to /.test(senses[0])) return 'common';
    return cost < COMMON_WORD_COST ? 'common' : 'rare';
  }

  /** The general dictionary's frequency cost of a key (UNKNOWN_FREQUENCY_COST if no dictionary has it). */
  private dictionaryCost(word: string): number {
    let cost = UNKNOWN_FREQUENCY_COST;
    const folded = this.foldTerm(word) ?? word;
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l];
      if (!this.dictionary[l] || layer.longestAt(folded, 0, folded.length) !== folded.length) continue;
      const weight = layer.lastWeight;
      if (weight !== NO_WEIGHT) cost = Math.min(cost, weight / 10);
    }
    return cost;
  }

  /**
   * Reads text[start, end) as words: the least-cost path through the candidates `candidatesAt`
   * gives each position, found by `solver`.
   */
  private read(text: string, start: number, end: number): PathSolver {
    const fold = (this.rangeFold = this.fold);
    this.rangeText = text;
    this.rangeStart = start;
    this.rangeEnd = end;
    this.rangeNumbers = this.numberSpans(text, start, end, fold);
    this.runs = this.unlistedRuns(text, start, end);
    this.rangeNextFolded = fold === undefined ? undefined : this.foldedPositions(text, start, end, fold);
    this.phraseAt = 0;
    this.nameFrom = 0;
    this.solver.solve(text, start, end, this.layers.length, this.addCandidates);
    return this.solver;
  }

  /** The range `read` is reading, and what it found in it before weighing words. */
  private rangeText = '';
  private rangeStart = 0;
  private rangeEnd = 0;
  private rangeNumbers: number[] = [];
  private rangeNextFolded: Int32Array | undefined;
  private rangeFold: Uint16Array | undefined;
  /** `candidatesAt` as the solver calls it, made once. */
  private readonly addCandidates = (i: number, width: number): void => this.candidatesAt(i, width);
  /** Index of the first number phrase ending after the position last asked about. */
  private phraseAt = 0;
  /** Index of the first unlisted name starting at or after the position last asked about. */
  private nameFrom = 0;

  /**
   * The words starting at position i of the range being read, into the solver's candidates.
   * Every key of every layer, as written and, where the fold changes a character the walk examined,
   * folded (a layer's own spelling is kept where both give the same length), and, where no word is
   * one character long, the character alone at the unknown cost. A candidate's tag is its layer
   * and value index; a word several layers have is one candidate per layer, merged by the solver.
   * A key holding an ASCII letter or digit is left out unless it starts and ends where the text's
   * ASCII run does (GPU holds no PU, 8800 no 88). A number with its unit (2台6000吨, 第二台) is
   * kept whole as drafts read it: no word crosses its bounds, though its unit is still a word
   * inside it (台 "unit"). Positions may be asked in any order (the solver goes backwards, the
   * hover forwards): the phrase and name indexes follow either way.
   */
  private candidatesAt(i: number, width: number): void {
    const text = this.rangeText;
    const start = this.rangeStart;
    const end = this.rangeEnd;
    const numbers = this.rangeNumbers;
    const names = this.runs;
    const out = this.solver.candidates;
    const layers = this.layers;
    const layerCount = layers.length;
    const fold = this.rangeFold;
    const lengths = this.prefixLengths;
    const values = this.prefixValues;
    const weights = this.prefixWeights;
    const plain = this.atLengths;
    let single = false;
    // Inside an ASCII run (the P of GPU) no key may start: it would start with that letter.
    const insideAscii = isAsciiAlnum(text.charCodeAt(i)) && i > 0 && isAsciiAlnum(text.charCodeAt(i - 1));
    // A word starting inside a number phrase ends inside it; one starting elsewhere may hold a
    // whole phrase (极氪009) but not end inside one that starts after it.
    let phrase = this.phraseAt;
    while (phrase < numbers.length && numbers[phrase + 1] <= i) phrase += 2;
    while (phrase >= 2 && numbers[phrase - 1] > i) phrase -= 2;
    this.phraseAt = phrase;
    const inPhrase = phrase < numbers.length && numbers[phrase] < i;
    const limit = inPhrase ? numbers[phrase + 1] : end;
    const startsPhrase = phrase < numbers.length && numbers[phrase] === i;
    const later = startsPhrase ? phrase + 2 : phrase;
    // The longest key found here, and whether one spans the number phrase starting here.
    let longest = 0;
    let phraseIsKey = false;
    // The first position from i on whose code unit the fold changes (Infinity: no fold).
    const nextFolded = this.rangeNextFolded;
    const foldedAt = nextFolded === undefined ? Infinity : nextFolded[i - start];
    for (let l = 0; l < (insideAscii ? 0 : layerCount); l++) {
      const layer = layers[l];
      let plainCount = 0;
      for (let pass = 0; pass < 2; pass++) {
        const folded = pass === 1;
        // The folded walk differs only if the fold changes a code unit the plain walk read.
        if (folded && foldedAt >= Math.min(limit, i + layer.lastDepth + 1)) break;
        const n = layer.prefixesAt(text, i, limit, folded ? fold : undefined, lengths, values, weights);
        for (let h = 0; h < n; h++) {
          const length = lengths[h];
          const e = i + length;
          if (cutsAsciiAt(text, e)) continue;
          if (!inPhrase && endsInsidePhrase(numbers, later, e)) continue;
          if (folded) {
            // The layer's own spelling, found by the plain walk, is kept over its folded one.
            let seen = false;
            for (let x = 0; x < plainCount && !seen; x++) seen = plain[x] === length;
            if (seen) continue;
          } else plain[plainCount++] = length;
          if (length === width) single = true;
          if (length > longest) longest = length;
          if (startsPhrase && e === numbers[phrase + 1]) phraseIsKey = true;
          out.add(e, layer.wordCosts[length === 1 ? 256 + weights[h] : weights[h]], values[h] * layerCount + l);
        }
      }
    }
    if (!single) out.add(i + width, UNKNOWN_CHARACTER_COST, NO_TAG);
    // A number with its unit is a word (2奈米, 6000吨, 第四代) unless a dictionary has that very word
    // (一轮). Like a key, it is read only on the bounds of the ASCII runs it holds (5 is no word in
    // 5G). A glossary's unit inside it (the curated 吨 "t") gives the phrase its English and is
    // offered under "Also" in the hover.
    const phraseEnd = startsPhrase ? numbers[phrase + 1] : 0;
    if (startsPhrase && !phraseIsKey && !insideAscii && !cutsAsciiAt(text, phraseEnd)) {
      out.add(phraseEnd, NUMBER_COST, NUMBER_TAG);
    }
    if (
      !inPhrase &&
      this.nameAt(text, i, start, end, fold, longest > width) &&
      !endsInsidePhrase(numbers, later, i + 3)
    ) {
      out.add(i + 3, PERSONAL_NAME_COST, NAME_TAG);
    }
    if (names.length === 0) return;
    let name = this.nameFrom;
    while (name < names.length && names[name].start < i) name++;
    while (name > 0 && names[name - 1].start >= i) name--;
    this.nameFrom = name;
    for (; name < names.length && names[name].start === i; name++) {
      const e = names[name].end;
      // Like any word, a name keeps out of a number phrase's inside (一汽 of 一汽铸造 stays the number's).
      if (!inPhrase && !endsInsidePhrase(numbers, later, e)) out.add(e, NAME_COST, UNLISTED_TAG - name);
    }
  }

  /** Fills `nextFolded` for text[start, end) and returns it (index 0 is `start`). */
  private foldedPositions(text: string, start: number, end: number, fold: Uint16Array): Int32Array {
    if (this.nextFolded.length < end - start + 1) this.nextFolded = new Int32Array(2 * (end - start + 1));
    const next = this.nextFolded;
    next[end - start] = end;
    for (let i = end - 1; i >= start; i--) next[i - start] = fold[text.charCodeAt(i)] !== 0 ? i : next[i - start + 1];
    return next;
  }

  /** No layer's value: the values of a word the reader made (a number, a name). */
  private readonly noValues: Int32Array;

  /**
   * Reads [start, end) as words and calls `found` with each word of the path that a layer has
   * (unknown characters are steps of the path, not words) and its values per layer, from `from`
   * in `values`.
   */
  private walk(
    text: string,
    start: number,
    end: number,
    found: (start: number, end: number, values: Int32Array, from: number, kind: number, name?: NameRun) => void,
  ): void {
    if (this.layers.length === 0 || start >= end) return;
    const path = this.read(text, start, end);
    const values = path.valuesArray;
    // The word before, for the particle 地 (-1: none, or not a layer's word).
    let before = -1;
    for (let p = start; p < end;) {
      const e = path.endAt(p);
      const tag = path.tagAt(p);
      if (tag >= 0) found(p, e, values, path.valuesFrom(p), this.wordKind(text, before, p, e, end));
      else if (tag !== NO_TAG) found(p, e, this.noValues, 0, kindOfTag(tag), this.runOf(tag));
      before = tag >= 0 ? p : -1;
      p = e;
    }
  }

  /** WORD, or WORD + ADVERBIAL_DE for the particle 地 after the layer word text[before, start). */
  private wordKind(text: string, before: number, start: number, end: number, rangeEnd: number): number {
    return end - start === 1 && before >= 0 && isAdverbialDe(text, before, start, rangeEnd)
      ? WORD + ADVERBIAL_DE
      : WORD;
  }

  /**
   * Every step of the reading of [start, end) in text order, words and the rest (numbers, unknown
   * characters), as [start, end) pairs: the steps cover the range exactly once.
   */
  segmentRange(text: string, start: number, end: number): ReadingStep[] {
    const out: ReadingStep[] = [];
    if (start >= end) return out;
    if (this.layers.length === 0) {
      for (let i = start; i < end; i += charWidth(text, i, end))
        out.push({ start: i, end: i + charWidth(text, i, end), word: false });
      return out;
    }
    this.read(text, start, end).forEachOnPath((s, e, tag) => {
      const step = { start: s, end: e, word: tag !== NO_TAG };
      out.push(tag === NUMBER_TAG ? { ...step, made: 'number' } : tag === NAME_TAG ? { ...step, made: 'name' } : step);
    });
    return out;
  }

  /**
   * The word the reading of [start, end) has at `offset` (undefined where the path steps over a
   * number or an unknown character there), and every other word of any layer that covers
   * `offset`, longest first: a reader who disagrees with a boundary sees the alternatives.
   */
  wordsAt(text: string, start: number, end: number, offset: number): { word?: TermMatch; also: TermMatch[] } {
    if (this.layers.length === 0 || offset < start || offset >= end) return { also: [] };
    const path = this.read(text, start, end);
    const out = new TermMatches(text, this);
    let word: TermMatch | undefined;
    let chosen = -1;
    let before = -1;
    path.forEachOnPath((s, e, tag) => {
      const wordBefore = before;
      before = tag >= 0 ? s : -1;
      if (s > offset || e <= offset) return;
      chosen = s * (end + 1) + e;
      if (tag === NO_TAG) return;
      if (tag >= 0) out.push(s, e, path.valuesArray, path.valuesFrom(s), this.wordKind(text, wordBefore, s, e, end));
      else out.push(s, e, this.noValues, 0, kindOfTag(tag), this.runOf(tag));
      word = out.at(out.length - 1);
    });
    // Every other span covering `offset`, one per span with each layer's value of it, in the order
    // the candidates come (by start, then as added); words the reader makes (numbers, personal
    // names) are readings of the path only.
    const layerCount = this.layers.length;
    const spans = new Map<number, { start: number; end: number; tag: number; values: Int32Array }>();
    const candidates = this.solver.candidates;
    for (let q = start; q <= offset; q += charWidth(text, q, end)) {
      candidates.count = 0;
      this.candidatesAt(q, charWidth(text, q, end));
      for (let j = 0; j < candidates.count; j++) {
        const e = candidates.ends[j];
        const tag = candidates.tags[j];
        if (e <= offset || tag === NO_TAG || tag === NUMBER_TAG || tag === NAME_TAG) continue;
        const key = q * (end + 1) + e;
        if (key === chosen && word !== undefined) continue;
        let span = spans.get(key);
        if (span === undefined) {
          span = { start: q, end: e, tag, values: new Int32Array(layerCount).fill(-1) };
          spans.set(key, span);
        }
        // A span first offered as a name the reader found takes no layer's values (as on the path).
        if (tag >= 0 && span.tag >= 0 && span.values[tag % layerCount] < 0) {
          span.values[tag % layerCount] = (tag - (tag % layerCount)) / layerCount;
        }
      }
    }
    const also = [...spans.values()]
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
      .map((span) => {
        out.push(span.start, span.end, span.values, 0, kindOfTag(span.tag), this.runOf(span.tag));
        return out.at(out.length - 1);
      })
      // A jieba word CC-CEDICT lacks (算机 in 计算机) is a reading of its own only where the path takes it.
      .filter((w) => !w.entries.every((e) => e.composed));
    return { word, also };
  }

  /**
   * Words of the reading of [start, end) counted without building them: all words, and those a
   * glossary (not only a fallback dictionary) has.
   */
  countRange(text: string, start: number, end: number): { matches: number; glossary: number } {
    let matches = 0;
    let glossary = 0;
    const dictionary = this.dictionary;
    this.walk(text, start, end, (s, e, values, from, kind) => {
      // An unlisted name is a word of the reading but no glossary's term.
      matches++;
      // A number word's glossary units (the curated 吨 of 6000吨) are the glossary's terms there.
      if (kind === NUMBER) glossary += this.glossaryWordsInside(text, s, e).length / 2;
      for (let l = 0; l < dictionary.length; l++) {
        if (values[from + l] >= 0 && !dictionary[l]) {
          glossary++;
          break;
        }
      }
    });
    return { matches, glossary };
  }

  /**
   * The glossary words inside text[start, end) (a number word: 台 and 吨 of 2台6000吨), as flat
   * [start, end) pairs, longest first from each position, as written or folded; digits are none.
   */
  glossaryWordsInside(text: string, start: number, end: number): number[] {
    const out: number[] = [];
    for (let p = start; p < end;) {
      let longest = 0;
      for (let l = 0; l < this.layers.length; l++) {
        if (this.dictionary[l]) continue;
        const layer = this.layers[l];
        longest = Math.max(longest, layer.longestAt(text, p, end));
        if (this.fold !== undefined) longest = Math.max(longest, layer.longestAt(text, p, end, this.fold));
      }
      if (
        longest > 0 &&
        !cutsAsciiAt(text, p + longest) &&
        !(p > 0 && isAsciiAlnum(text.charCodeAt(p)) && isAsciiAlnum(text.charCodeAt(p - 1)))
      ) {
        out.push(p, p + longest);
        p += longest;
      } else p++;
    }
    return out;
  }

  /**
   * Whether a personal name (reading/names.ts) starts at i of the range [start, end), read on the
   * folded characters; `wordHere`: a word of two characters or more starts at i.
   */
  private nameAt(
    text: string,
    i: number,
    start: number,
    end: number,
    fold: Uint16Array | undefined,
    wordHere: boolean,
  ): boolean {
    // One reader of the folded code units for every call: a closure per position would be garbage
    // at every character of a 20 MB document.
    this.nameText = text;
    this.nameFold = fold;
    return personalNameAt(this.foldedCodeAt, i, start, end, wordHere);
  }

  private nameText = '';
  private nameFold: Uint16Array | undefined;
  private readonly foldedCodeAt = (k: number): number => {
    const c = this.nameText.charCodeAt(k);
    return (this.nameFold !== undefined && this.nameFold[c]) || c;
  };

  /**
   * The entry of a word the reader made (lexicon/compose.ts builds it from the dictionary's parts):
   * a number with its unit (the number as read, the unit's senses), or a personal name (the
   * surname's senses, the given name).
   */
  madeEntry(text: string, kind: number): SourcedEntry {
    const folded = this.foldTerm(text) ?? text;
    const part = (of: string, from: number, to?: number): ComposedPart => {
      const zh = of.slice(from, to);
      return { zh, entries: this.lookup(zh) };
    };
    if (kind === NAME) return composedEntry(text, 'name', [part(text, 0, 1), part(text, 1)], MADE_SOURCE);
    // 2台6000吨: number, unit, number, unit; named in simplified, so both scripts show the same entry.
    const parts: ComposedPart[] = [];
    let at = 0;
    for (const n of findNumbers(folded)) {
      if (n.start > at) parts.push(part(folded, at, n.start));
      parts.push({ ...part(folded, n.start, n.end), reading: numberAsRead(n, folded.slice(n.start, n.end)) });
      at = n.end;
    }
    if (at < folded.length) parts.push(part(folded, at));
    // The English of a unit a glossary has comes from that glossary: the word's source says so.
    const unit = parts.find((p) => p.reading === undefined && p.entries[0] && p.entries[0].source.layer !== 'cedict');
    const from = unit?.entries[0].source;
    return composedEntry(folded, 'number', parts, from ? { ...from, label: `${from.label} (composed)` } : MADE_SOURCE);
  }

  /** Entries for exactly `key` (or its simplified form), highest layer first. */
  lookup(key: string): SourcedEntry[] {
    const folded = this.foldTerm(key);
    return ownEntries(
      this.layers.flatMap((layer) => (layer.get(key) ?? (folded ? layer.get(folded) : undefined))?.entries ?? []),
    );
  }

  /**
   * The glossary's terms in the passages' reading, in text order: the words a glossary has, and the
   * glossary units inside number words (吨 of 6000吨, 亿元 of 28.03亿元), which the reading keeps whole.
   */
  glossaryMatches(text: string, passages: readonly Passage[]): TermMatch[] {
    const out: TermMatch[] = [];
    for (const p of passages) {
      const matches = this.matchRange(text, p.start, p.end);
      for (let i = 0; i < matches.length; i++) {
        if (matches.isNumberAt(i)) {
          const units = this.glossaryWordsInside(text, matches.startAt(i), matches.endAt(i));
          for (let k = 0; k < units.length; k += 2) out.push(this.matchRange(text, units[k], units[k + 1]).at(0));
        } else if (matches.inGlossary(i)) out.push(matches.at(i));
      }
    }
    return out;
  }

  /** The words of the passages' reading, in text order. */
  matchPassages(text: string, passages: readonly Passage[]): TermMatches {
    const out = new TermMatches(text, this);
    for (const p of passages) this.matchRange(text, p.start, p.end, out);
    return out;
  }

  /** The words of the reading of [start, end), appended to `out` (which must be over the same text). */
  matchRange(text: string, start: number, end: number, out: TermMatches = new TermMatches(text, this)): TermMatches {
    this.walk(text, start, end, (s, e, values, from, kind, name) => out.push(s, e, values, from, kind, name));
    return out;
  }
}

/**
 * The entries of a word without the composed one (a jieba word's parts) where another layer has
 * entries of its own: a glossary's 压铸 needs no "to press + to cast" under it.
 */
function ownEntries(entries: SourcedEntry[]): SourcedEntry[] {
  if (entries.length < 2 || !entries.some((e) => e.composed)) return entries;
  return entries.filter((e) => !e.composed);
}

/** Where the words the reader makes take their English from: the dictionary's senses of their parts. */
const MADE_SOURCE: SourcedEntry['source'] = { layer: 'cedict', label: 'CC-CEDICT (composed)', id: 'cedict' };

/** A number as a reader says it: digits as written (2024, 8,800), else its value (12,000), an ordinal 4th. */
function numberAsRead(n: { value: number; ordinal: boolean; chinese: boolean }, written: string): string {
  const asWritten = !n.chinese && !n.ordinal && /^[\d.,]+$/.test(written);
  const digits = asWritten ? written : n.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (!n.ordinal) return digits;
  const v = n.value % 100;
  const suffix = v >= 11 && v <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n.value % 10] ?? 'th');
  return `${digits}${suffix}`;
}

/** Whether `end` falls strictly inside one of the phrases ([start, end) pairs) from number `from` on. */
function endsInsidePhrase(phrases: readonly number[], from: number, end: number): boolean {
  for (let k = from; k < phrases.length && phrases[k] < end; k += 2) if (end < phrases[k + 1]) return true;
  return false;
}

/** Whether `fold` changes any code unit of text[from, to). */
function changesAny(fold: Uint16Array, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (fold[text.charCodeAt(i)] !== 0) return true;
  return false;
}
