/**
 * The words of one line's reading as the keys and inline pinyin see them: the glossary's terms
 * (what the term list and the status bar count) or every word of the reading (a dictionary word, a
 * number with its unit, a name). Lines are the unit, as for the scans: passages never cross them.
 */
import { findPassages, type Passage } from '../text/detect';
import type { Lexicon } from '../lexicon/lexicon';
import {
  readingSyllables,
  readingUnits,
  spanReadings,
  splitTone,
  type ReadSpan,
  type ToneStyle,
} from '../reading/pinyin';

/** 'terms': the glossary's terms only; 'words': every word of the reading. */
export type WordKind = 'terms' | 'words';

type Visit = (start: number, end: number, pinyin: () => string | undefined, passage: Passage) => void;

/**
 * Calls `visit` for each word of `line`'s reading of the kind, in text order. Terms are those of
 * the term list: words a glossary has, the glossary units inside number words (吨 of 6000吨) and
 * unlisted organisation names (what a reader must look up). `pinyin` is the word's verified
 * reading, made only when asked for.
 */
function eachWord(line: string, lexicon: Lexicon, kind: WordKind, visit: Visit): void {
  for (const p of findPassages(line)) {
    const matches = lexicon.matchRange(line, p.start, p.end);
    for (let i = 0; i < matches.length; i++) {
      const [start, end] = [matches.startAt(i), matches.endAt(i)];
      if (kind === 'words' || matches.inGlossary(i) || matches.unlistedAt(i) !== undefined) {
        visit(start, end, () => matches.at(i).pinyin, p);
      } else if (matches.isNumberAt(i)) {
        const units = lexicon.glossaryWordsInside(line, start, end);
        for (let k = 0; k < units.length; k += 2) {
          const [s, e] = [units[k], units[k + 1]];
          visit(s, e, () => lexicon.matchRange(line, s, e).at(0).pinyin, p);
        }
      }
    }
  }
}

/** The words of `line` of the kind as flat [start, end) pairs in text order (no objects made). */
export function lineWords(line: string, lexicon: Lexicon, kind: WordKind): number[] {
  const out: number[] = [];
  eachWord(line, lexicon, kind, (start, end) => out.push(start, end));
  return out;
}

/**
 * The index in `bounds` (pairs from lineWords) of the first word starting after `offset`
 * (forward), or of the last one starting before it (backward); -1 if none.
 */
export function wordAfter(bounds: readonly number[], offset: number, forward: boolean): number {
  if (forward) {
    for (let k = 0; k < bounds.length; k += 2) if (bounds[k] > offset) return k;
    return -1;
  }
  for (let k = bounds.length - 2; k >= 0; k -= 2) if (bounds[k] < offset) return k;
  return -1;
}

/** A word of a line with its pinyin, and the tone (1–5, 5 neutral) of each of its Han characters. */
export interface ReadWord {
  readonly start: number;
  readonly end: number;
  readonly reading: string;
  /** Han characters of the word: [start, end) in the line and the tone of its syllable. */
  readonly tones: readonly { start: number; end: number; tone: number }[];
}

/**
 * The words of `line` of the kind with their pinyin in context, read as the scan and the term list
 * read them: each passage once, with the glossary's verified readings, by the one reader.
 */
export function readLineWords(line: string, lexicon: Lexicon, kind: WordKind, style: ToneStyle): ReadWord[] {
  const byPassage = new Map<Passage, ReadSpan[]>();
  eachWord(line, lexicon, kind, (start, end, pinyin, passage) => {
    const spans = byPassage.get(passage) ?? [];
    spans.push({ start, end, pinyin: pinyin() });
    byPassage.set(passage, spans);
  });
  const out: ReadWord[] = [];
  for (const [passage, spans] of byPassage) {
    const readings = spanReadings(passage, spans, style);
    spans.forEach((s, j) =>
      out.push({ start: s.start, end: s.end, reading: readings[j], tones: tonesOf(line, s, readings[j]) }),
    );
  }
  return out;
}

/** Each Han character of the span with its syllable's tone; none when the reading does not line up. */
function tonesOf(line: string, span: ReadSpan, reading: string): ReadWord['tones'] {
  const units = readingUnits(line.slice(span.start, span.end));
  const tones = alignedTones(units, reading);
  const out: { start: number; end: number; tone: number }[] = [];
  units.forEach((u, i) => {
    const tone = tones[i];
    if (tone !== undefined) out.push({ start: span.start + u.start, end: span.start + u.end, tone });
  });
  return out;
}

/**
 * The tone (1–5, 5 neutral) of each space-separated syllable of `reading` that stands for a Han
 * character of `text`; undefined for the others (Latin, digits) and for all of them when the
 * reading does not line up with the text's reading units.
 */
export function syllableTones(text: string, reading: string): (number | undefined)[] {
  const tones = alignedTones(readingUnits(text), reading);
  // Per space-separated token: a number written with its point (5.786) is two units, and no syllable.
  let unit = 0;
  return reading.split(' ').map((token) => {
    const units = readingSyllables(token).length;
    unit += units;
    return units === 1 ? tones[unit - 1] : undefined;
  });
}

/** The tone of each reading unit (undefined for Latin and digits, and for all when they do not line up). */
function alignedTones(units: readonly { han: boolean }[], reading: string): (number | undefined)[] {
  const syllables = readingSyllables(reading);
  if (units.length !== syllables.length) return units.map(() => undefined);
  return units.map((u, i) => (u.han ? toneOf(syllables[i]) : undefined));
}

/** The tone of a syllable with marks (yā) or a number (ya1); 5 for the neutral tone. */
function toneOf(syllable: string): number {
  const digit = /[1-5]$/.exec(syllable);
  return digit ? Number(digit[0]) : splitTone(syllable).tone;
}
