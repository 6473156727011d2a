/**
 * The fields search.ts scans, one segment per lexicon layer (or per plain list of terms): each
 * field of every item kept in one long string (items separated by "\n"), with the offset of each
 * item's text, so that a query is a few native indexOf scans rather than a loop over 130,000
 * objects. A layer's segment does not depend on the layers around it, so the big ones (curated,
 * CC-CEDICT) are built once at build time (searchAsset.ts) and the small ones (user, workspace) at
 * run time, by this same builder.
 */
import { splitTone, wordReading } from '../reading/pinyin';
import type { Lexicon, LexiconLayer } from './lexicon';

export const SEP = '\n';
export const SEP_CODE = 10;
/** Between the senses of one item in the English field. */
export const SENSE = '\t';
export const SENSE_CODE = 9;

/** One layer's (or list's) items, their fields and where each item's entry is found again. */
export interface SearchSegment {
  readonly zh: string;
  /** Toneless syllables, not separated. */
  readonly pinyin: string;
  /** Per code unit of `pinyin`, 1 where a syllable starts. */
  readonly syllableStarts: Uint8Array;
  readonly initials: string;
  /** Each sense lower-cased, words separated by one space, senses by a tab. */
  readonly english: string;
  /** Per field, the offset of each item's text (one more at the end). */
  readonly zhAt: Int32Array;
  readonly pinyinAt: Int32Array;
  readonly initialsAt: Int32Array;
  readonly englishAt: Int32Array;
  /** The key number in the layer (an entry number for a dictionary's listed entries; a list's index). */
  readonly number: Int32Array;
  /** The entry's place among the key's entries. */
  readonly place: Uint16Array;
  /**
   * The item's order inside its layer, lowest first: headword before alias, then fewer characters,
   * then the word cost (0 most frequent, 255 unknown), then its source's rank. Below ORDER_SPAN.
   */
  readonly order: Uint32Array;
  readonly count: number;
}

/** Every segment order is below this, so a layer's number times it ranks layers first. */
export const ORDER_SPAN = 2 ** 21;

const plainSyllables = new Map<string, string>();

/** Toneless pinyin as search compares it: lower case, ü and v as u, letters only (kept per syllable: few differ). */
export function plainSyllable(syllable: string): string {
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
export function plainEnglish(sense: string): string {
  return sense
    .toLowerCase()
    .replace(/[^a-z0-9\u00df-\u00ff]+/g, ' ')
    .trim();
}

export interface ItemPlace {
  readonly number: number;
  readonly place: number;
  readonly weight: number;
  /** The rank of the entry's source id among its layer's sources, in code-unit order. */
  readonly source: number;
  /** Listed under one of its aliases rather than its headword. */
  readonly alias: boolean;
}

export class SegmentBuilder {
  private readonly zh: string[] = [];
  private readonly pinyin: string[] = [];
  private readonly starts: number[] = [];
  private readonly initials: string[] = [];
  private readonly english: string[] = [];
  private readonly zhAt: number[] = [];
  private readonly pinyinAt: number[] = [];
  private readonly initialsAt: number[] = [];
  private readonly englishAt: number[] = [];
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
    this.number.push(at.number);
    this.place.push(at.place);
    // Headword before aliases, then fewer characters, then the word cost, then the source's name
    // (curated:die-casting before curated:manufacturing).
    const order = (((at.alias ? 1 : 0) * 64 + Math.min(zh.length, 63)) * 256 + at.weight) * 64;
    this.order.push(order + Math.min(at.source, 63));
  }

  build(): SearchSegment {
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
      number: Int32Array.from(this.number),
      place: Uint16Array.from(this.place),
      order: Uint32Array.from(this.order),
      count: this.number.length,
    };
  }
}

/** The pinyin of a written form: the layer's verified reading, else pinyin-pro's. */
export function readingOf(zh: string, verified: string | undefined): string {
  if (verified) return verified;
  return wordReading(zh);
}

/** The word cost byte a layer keeps for exactly this key (255: unknown). */
function weightOf(layer: LexiconLayer, key: string): number {
  const length = layer.longestAt(key, 0, key.length);
  return length === key.length ? layer.lastWeight : 255;
}

/** Layer number `l` of the lexicon as a segment (what the build step stores for curated and CC-CEDICT). */
export function layerSegment(lexicon: Lexicon, l: number): SearchSegment {
  const layer = lexicon.layers[l];
  const builder = new SegmentBuilder();
  if (layer.listed) {
    for (let n = 0; n < layer.listed.count; n++) {
      const e = layer.listed.at(n);
      if (e) {
        const at = { number: n, place: 0, weight: weightOf(layer, e.zh), source: 0, alias: false };
        builder.add(e.zh, e.pinyin ?? '', e.en, at);
      }
    }
    return builder.build();
  }
  // A glossary's keys: headwords and aliases, and the simplified form of a traditional one,
  // listed once per entry under its simplified spelling.
  const seen = new Set<string>();
  const records = Array.from({ length: layer.size }, (_, k) => layer.valueAt(k));
  const sources = [...new Set(records.flatMap((r) => r.entries.map((e) => e.source.id)))].sort();
  records.forEach((record, k) => {
    const zh = lexicon.foldTerm(record.key) ?? record.key;
    record.entries.forEach((entry, place) => {
      const id = `${entry.source.id}\u0000${entry.id}\u0000${zh}`;
      if (seen.has(id) || entry.composed) return;
      seen.add(id);
      const alias = zh !== (lexicon.foldTerm(entry.zh) ?? entry.zh);
      const source = sources.indexOf(entry.source.id);
      builder.add(zh, readingOf(zh, record.pinyin), entry.en, {
        number: k,
        place,
        weight: weightOf(layer, record.key),
        source,
        alias,
      });
    });
  });
  return builder.build();
}

/** A plain list of terms (a document's, for its term list's filter) as a segment; item n is number n. */
export function listSegment(items: readonly { zh: string; pinyin: string; en: readonly string[] }[]): SearchSegment {
  const builder = new SegmentBuilder();
  items.forEach((item, n) =>
    builder.add(item.zh, item.pinyin, item.en, { number: n, place: 0, weight: 255, source: 0, alias: false }),
  );
  return builder.build();
}
