/**
 * Per-line scanning, shared by the status bar counts and the "terms in this document" list. Lines
 * are the unit because passages never cross them: a change re-scans only the lines it touched, and
 * long documents are processed a slice of lines at a time.
 */
import { findPassages, type Passage } from '../text/detect';
import type { SourcedEntry } from '../glossary/entry';
import type { Lexicon, TermMatch } from '../lexicon/lexicon';
import { spanReadings, type ToneStyle } from '../reading/pinyin';
import { describeUnlisted, type UnlistedDescription } from '../lexicon/unlistedEnglish';
import { TermListSearch } from '../lexicon/search';
import { shownList } from '../glossary/rendering';

export interface LineCounts {
  readonly passages: number;
  /** Glossary terms (curated, user, workspace); CC-CEDICT-only words are not counted. */
  readonly terms: number;
}

/** Counts of one line of text. */
export function countLine(line: string, lexicon: Lexicon): LineCounts {
  const passages = findPassages(line);
  if (passages.length === 0) return { passages: 0, terms: 0 };
  let terms = 0;
  for (const p of passages) terms += lexicon.countRange(line, p.start, p.end).glossary;
  return { passages: passages.length, terms };
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Where a term occurs, as document offsets in text order. Kept as one flat list of numbers: a
 * 20 MB document has over a million occurrences, and an object each would leave the garbage
 * collector (which pauses the extension host) millions of long-lived objects to trace.
 */
export class Occurrences implements Iterable<Span> {
  private readonly bounds: number[] = [];

  add(start: number, end: number): void {
    this.bounds.push(start, end);
  }

  get length(): number {
    return this.bounds.length / 2;
  }

  at(i: number): Span {
    if (i < 0 || i >= this.length) throw new RangeError(`no occurrence ${i} (there are ${this.length})`);
    return { start: this.bounds[2 * i], end: this.bounds[2 * i + 1] };
  }

  map<T>(f: (span: Span, i: number) => T): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(f(this.at(i), i));
    return out;
  }

  *[Symbol.iterator](): Iterator<Span> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

export interface DocumentTerm {
  readonly text: string;
  readonly reading: string;
  readonly entries: readonly SourcedEntry[];
  /** Every occurrence, in text order, as offsets into the document. */
  readonly occurrences: Occurrences;
  /** An organisation-like run no glossary has (no entries): the name to look up. */
  readonly unlisted?: UnlistedDescription;
}

/**
 * Collects the distinct glossary terms of a document, line by line, in order of first occurrence;
 * each is read in the context of the passage it first appears in.
 */
export class TermCollector {
  private readonly byText = new Map<
    string,
    { first: TermMatch; passage: Passage; occurrences: Occurrences; unlisted?: UnlistedDescription }
  >();
  /** Passages holding first occurrences not yet read, with those occurrences in text order. */
  private readonly unread = new Map<Passage, TermMatch[]>();
  private readonly readings = new Map<TermMatch, string>();
  private readStyle: ToneStyle | undefined;

  constructor(private readonly lexicon: Lexicon) {}

  /** Adds one line whose first character is at document offset `base`. */
  addLine(line: string, base: number): void {
    for (const passage of findPassages(line)) {
      const matches = this.lexicon.matchRange(line, passage.start, passage.end);
      // Most matches are CC-CEDICT-only words: skip them without making match objects. Unlisted
      // organisation names are listed too: they are what a reader must look up.
      for (let i = 0; i < matches.length; i++) {
        if (matches.isNumberAt(i)) {
          this.addUnits(line, base, passage, matches.startAt(i), matches.endAt(i));
          continue;
        }
        const run = matches.unlistedAt(i);
        if (!matches.inGlossary(i) && run === undefined) continue;
        this.addOccurrence(line, base, passage, matches.startAt(i), matches.endAt(i), () => {
          const unlisted = run && describeUnlisted(line, run, this.lexicon);
          return { first: matches.at(i), ...(unlisted ? { unlisted } : {}) };
        });
      }
    }
  }

  /** A number word's glossary units (吨 of 6000吨, 台 of 2台): terms of the glossary where they stand. */
  private addUnits(line: string, base: number, passage: Passage, start: number, end: number): void {
    const units = this.lexicon.glossaryWordsInside(line, start, end);
    for (let k = 0; k < units.length; k += 2) {
      const [s, e] = [units[k], units[k + 1]];
      this.addOccurrence(line, base, passage, s, e, () => ({ first: this.lexicon.matchRange(line, s, e).at(0) }));
    }
  }

  private addOccurrence(
    line: string,
    base: number,
    passage: Passage,
    start: number,
    end: number,
    firstOf: () => { first: TermMatch; unlisted?: UnlistedDescription },
  ): void {
    const text = line.slice(start, end);
    let group = this.byText.get(text);
    if (!group) {
      group = { ...firstOf(), passage, occurrences: new Occurrences() };
      this.byText.set(text, group);
      this.addUnread(group.first, passage);
    }
    group.occurrences.add(base + start, base + end);
  }

  /**
   * Reads the passages of first occurrences not read yet, one passage at a time, until `stop()`
   * says the time slice is over. Each passage is read once for all the terms first seen in it (a
   * 40,000-character line with thousands of terms was once read once per term). True when done.
   */
  readSome(style: ToneStyle, stop: () => boolean): boolean {
    if (this.readStyle !== style) {
      // Another tone style: read everything again.
      if (this.readStyle !== undefined) {
        this.unread.clear();
        for (const { first, passage } of this.byText.values()) this.addUnread(first, passage);
      }
      this.readings.clear();
      this.readStyle = style;
    }
    for (const [passage, firsts] of this.unread) {
      const read = spanReadings(passage, firsts, style);
      firsts.forEach((m, k) => this.readings.set(m, read[k]));
      this.unread.delete(passage);
      if (stop()) break;
    }
    return this.unread.size === 0;
  }

  private addUnread(first: TermMatch, passage: Passage): void {
    const firsts = this.unread.get(passage);
    if (firsts) firsts.push(first);
    else this.unread.set(passage, [first]);
  }

  terms(style: ToneStyle = 'marks'): DocumentTerm[] {
    this.readSome(style, () => false);
    return [...this.byText.values()].map(({ first, occurrences, unlisted }) => ({
      text: first.text,
      reading: this.readings.get(first) ?? '',
      entries: first.entries,
      occurrences,
      ...(unlisted ? { unlisted } : {}),
    }));
  }
}

/** The distinct glossary terms of a whole text (the CLI and tests; the extension goes line by line). */
export function listTerms(text: string, lexicon: Lexicon, style: ToneStyle = 'marks'): DocumentTerm[] {
  const collector = new TermCollector(lexicon);
  let base = 0;
  for (const line of text.split('\n')) {
    collector.addLine(line, base);
    base += line.length + 1;
  }
  return collector.terms(style);
}

/**
 * The term list's filter: Search Glossary's matcher over the terms, by their characters, their
 * reading (any tone style, spaces or none, initials) and their first entry's English.
 */
export function termListSearch(terms: readonly DocumentTerm[]): TermListSearch {
  return new TermListSearch(
    terms.map((t) => ({ zh: t.text, pinyin: t.reading, en: t.entries[0] ? shownList(t.entries[0]) : [] })),
  );
}
