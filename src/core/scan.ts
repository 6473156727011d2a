/**
 * Scanning a whole text (the CLI, the status bar, the term list) and describing one position (the
 * hover). Both sit on detection → leftmost-longest matching → in-context pinyin.
 */
import { findPassages, hanWidthAt, type Passage } from './detect';
import type { SourcedEntry } from './glossary/entry';
import type { Lexicon, TermMatch } from './glossary/lexicon';
import { passageReading, type ToneStyle } from './pinyin';
import { foldToSimplified, toTraditional } from './script';

export interface ScannedMatch extends TermMatch {
  /** Pinyin of the matched text: the glossary's verified reading, else pinyin-pro's in context. */
  readonly reading: string;
}

export interface ScanResult {
  readonly passages: Passage[];
  readonly matches: ScannedMatch[];
}

/** Passages and glossary matches of `text`, each match with its pinyin. */
export function scanText(text: string, lexicon: Lexicon, style: ToneStyle = 'marks'): ScanResult {
  const passages = findPassages(text);
  const matches: ScannedMatch[] = [];
  for (const p of passages) {
    const found = lexicon.matchRange(text, p.start, p.end).toArray();
    if (found.length === 0) continue;
    const readingOf = passageReading(p, found, style);
    for (const m of found) {
      matches.push({
        start: m.start,
        end: m.end,
        text: m.text,
        ...(m.simplified ? { simplified: m.simplified } : {}),
        pinyin: m.pinyin,
        entries: m.entries,
        reading: readingOf(m.start, m.end),
      });
    }
  }
  return { passages, matches };
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
}

/** Both script forms of `text`; a dictionary's traditional form beats the character table. */
function scriptForms(text: string, simplifiedHint: string | undefined, entries: readonly SourcedEntry[]): { simplified: string; traditional: string } {
  const simplified = simplifiedHint ?? foldToSimplified(text) ?? text;
  if (simplified !== text) return { simplified, traditional: text };
  const known = entries.find((e) => e.traditional && e.zh === simplified)?.traditional;
  return { simplified, traditional: known ?? toTraditional(simplified) };
}

/**
 * The term (or lone Han character) under `offset` in `line`. Works on one line: passages never
 * cross a line break, so the hover costs the same in a 20 MB file as in a short one.
 */
export function describePosition(line: string, offset: number, lexicon: Lexicon, style: ToneStyle = 'marks'): PositionInfo | undefined {
  const passage = findPassages(line).find((p) => p.start <= offset && offset < p.end);
  if (!passage) return undefined;
  const matches = lexicon.matchRange(line, passage.start, passage.end).toArray();
  const match = matches.find((m) => m.start <= offset && offset < m.end);
  const readingOf = passageReading(passage, matches, style);
  if (match) {
    return {
      kind: 'term',
      start: match.start,
      end: match.end,
      text: match.text,
      ...scriptForms(match.text, match.simplified, match.entries),
      reading: readingOf(match.start, match.end),
      entries: match.entries,
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
    ...scriptForms(text, undefined, entries),
    reading: readingOf(at, at + width),
    entries,
  };
}
