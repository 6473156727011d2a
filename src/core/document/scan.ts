/**
 * Scanning a whole text (the CLI, the status bar, the term list) and describing one position (the
 * hover). Both sit on detection → the reading of each passage as words (the lexicon's
 * segmentation) → in-context pinyin.
 */
import { findPassages, hanWidthAt, type Passage } from '../text/detect';
import { isGlossaryEntry, type SourcedEntry } from '../glossary/entry';
import type { Lexicon, TermMatch } from '../lexicon/lexicon';
import { formatSyllables, READING_SEGMENT, readingInContext, spanReadings, type ToneStyle } from '../reading/pinyin';
import { foldToSimplified, traditionalIn } from '../text/script';
import { describeUnlisted, type UnlistedDescription } from '../lexicon/unlistedEnglish';

export interface ScannedMatch extends TermMatch {
  /** Pinyin of the matched text: the glossary's verified reading, else pinyin-pro's in context. */
  readonly reading: string;
  /** For an organisation-like run no glossary has: the name to look up and what its words suggest. */
  readonly name?: UnlistedDescription;
}

export interface ScanResult {
  readonly passages: Passage[];
  readonly matches: ScannedMatch[];
}

/**
 * How many matches are made into objects and read at a time: bounds memory on a huge passage. No
 * fewer than a whole-read passage can hold (one match per character at most), so such a passage
 * is read once.
 */
const MATCH_BATCH = READING_SEGMENT;

/**
 * The glossary matches of `passages` (of `text`) with their pinyin, in text order, made as they
 * are consumed: `scan --json` writes a 50 MB file's matches without holding them all.
 */
export function* scanMatches(
  text: string,
  passages: readonly Passage[],
  lexicon: Lexicon,
  style: ToneStyle = 'marks',
): Generator<ScannedMatch> {
  for (const p of passages) {
    const found = lexicon.matchRange(text, p.start, p.end);
    for (let from = 0; from < found.length; from += MATCH_BATCH) {
      const batch: TermMatch[] = [];
      for (let i = from; i < Math.min(found.length, from + MATCH_BATCH); i++) batch.push(found.at(i));
      const readings = spanReadings(p, batch, style);
      for (let k = 0; k < batch.length; k++) {
        const m = batch[k];
        yield {
          start: m.start,
          end: m.end,
          text: m.text,
          ...(m.simplified ? { simplified: m.simplified } : {}),
          pinyin: m.pinyin,
          entries: m.entries,
          reading: readings[k],
          ...(m.unlisted ? { unlisted: m.unlisted, name: describeUnlisted(text, m.unlisted, lexicon) } : {}),
        };
      }
    }
  }
}

/** Passages and glossary matches of `text`, each match with its pinyin. */
export function scanText(text: string, lexicon: Lexicon, style: ToneStyle = 'marks'): ScanResult {
  const passages = findPassages(text);
  return { passages, matches: [...scanMatches(text, passages, lexicon, style)] };
}

/** What the hover shows for one position. */
export interface PositionInfo {
  readonly kind: 'term' | 'character';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The text in simplified and in traditional characters (the same when the script makes no difference). */
  readonly simplified: string;
  readonly traditional: string;
  readonly reading: string;
  readonly entries: readonly SourcedEntry[];
  /** The other words of any layer that cover the position, longest first ("also"). */
  readonly also: readonly AlsoWord[];
  /**
   * Set when the word is an organisation-like run no glossary has: shown as one name to look up,
   * its pieces not listed under "also" (they would gloss it piece by piece).
   */
  readonly unlisted?: UnlistedDescription;
}

/** A word the reading did not take at the position but a dictionary or glossary has there. */
export interface AlsoWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reading: string;
  readonly entries: readonly SourcedEntry[];
}

/**
 * Both script forms of line[start, end). Text written in traditional shows its own form; else a
 * glossary entry's own traditional form of the term; else CC-CEDICT's, when its entries for the
 * term agree on one (干 is 乾, 幹 or 干: they do not); else OpenCC's phrase conversion read in the
 * passage, so that 发 in 头发 is 髮.
 */
function scriptForms(
  passage: Passage,
  start: number,
  end: number,
  simplifiedHint: string | undefined,
  entries: readonly SourcedEntry[],
): { simplified: string; traditional: string } {
  const text = passage.text.slice(start - passage.start, end - passage.start);
  const simplified = simplifiedHint ?? foldToSimplified(text) ?? text;
  if (simplified !== text) return { simplified, traditional: text };
  const own = (glossaryEntries: boolean) =>
    new Set(
      entries
        .filter((e) => isGlossaryEntry(e) === glossaryEntries && e.traditional && e.zh === simplified)
        .map((e) => e.traditional),
    );
  const glossary = own(true);
  const dictionary = own(false);
  const known = glossary.size > 0 ? [...glossary][0] : dictionary.size === 1 ? [...dictionary][0] : undefined;
  return { simplified, traditional: known ?? traditionalIn(passage.text, start - passage.start, end - passage.start) };
}

/** A word's verified reading, else its first entry's, in the tone style; undefined if none has one. */
function dictionaryReading(m: TermMatch, style: ToneStyle): string | undefined {
  const pinyin = m.pinyin ?? m.entries.find((e) => e.pinyin)?.pinyin;
  return pinyin === undefined ? undefined : formatSyllables(pinyin.split(' '), style);
}

/**
 * The term (or lone Han character) under `offset` in `line`. Works on one line: passages never
 * cross a line break, so the hover costs the same in a 20 MB file as in a short one.
 */
export function describePosition(
  line: string,
  offset: number,
  lexicon: Lexicon,
  style: ToneStyle = 'marks',
): PositionInfo | undefined {
  const passage = findPassages(line).find((p) => p.start <= offset && offset < p.end);
  if (!passage) return undefined;
  // Read over the whole passage, so the hover shows the word the scan and term list see.
  const { word, also: others } = lexicon.wordsAt(line, passage.start, passage.end, offset);
  const inside = (m: TermMatch) => word?.unlisted !== undefined && m.start >= word.start && m.end <= word.end;
  const readAlso = (exclude: string) =>
    others
      .filter((m) => m.text !== exclude && !inside(m))
      .map((m) => ({
        start: m.start,
        end: m.end,
        text: m.text,
        // The entry's own reading: pinyin-pro in context for each alternative would cost the
        // hover several readings of the passage.
        reading: dictionaryReading(m, style) ?? readingInContext(passage, m, style),
        entries: m.entries,
      }));
  if (word) {
    return {
      kind: 'term',
      start: word.start,
      end: word.end,
      text: word.text,
      ...scriptForms(passage, word.start, word.end, word.simplified, word.entries),
      reading: readingInContext(passage, word, style),
      entries: word.entries,
      also: readAlso(word.text),
      ...(word.unlisted ? { unlisted: describeUnlisted(line, word.unlisted, lexicon) } : {}),
    };
  }
  // The low half of a surrogate pair belongs to the character that starts one unit earlier.
  let at = offset;
  const c = line.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff && at > 0) at--;
  const width = hanWidthAt(line, at);
  if (width === 0) return undefined;
  const text = line.slice(at, at + width);
  const entries = lexicon.lookup(text);
  return {
    kind: 'character',
    start: at,
    end: at + width,
    text,
    ...scriptForms(passage, at, at + width, undefined, entries),
    reading: readingInContext(passage, { start: at, end: at + width }, style),
    entries,
    also: readAlso(text),
  };
}
