/** The distinct glossary terms of a document, for the "Show Terms in Document" list. */
import { findPassages, type Passage } from './detect';
import type { SourcedEntry } from './glossary/entry';
import { isGlossaryMatch, type Lexicon, type TermMatch } from './glossary/lexicon';
import { pinyinOfSpan, readText, type ToneStyle } from './pinyin';

export interface DocumentTerm {
  readonly text: string;
  readonly reading: string;
  readonly entries: readonly SourcedEntry[];
  /** Every occurrence, in text order. */
  readonly occurrences: readonly { start: number; end: number }[];
}

export interface DocumentCounts {
  readonly passages: Passage[];
  /** Matches with at least one curated, user or workspace entry (CC-CEDICT-only words are left out). */
  readonly matches: TermMatch[];
}


/** Passages and glossary matches without pinyin: what the status bar needs, at matching speed. */
export function countDocument(text: string, lexicon: Lexicon): DocumentCounts {
  const passages = findPassages(text);
  return { passages, matches: lexicon.matchPassages(text, passages).filter(isGlossaryMatch) };
}

/** Distinct matched terms in order of first occurrence, each read in the context of its first passage. */
export function listTerms(text: string, counts: DocumentCounts, style: ToneStyle = 'marks'): DocumentTerm[] {
  const byText = new Map<string, { first: TermMatch; occurrences: { start: number; end: number }[] }>();
  for (const m of counts.matches) {
    const group = byText.get(m.text);
    if (group) group.occurrences.push({ start: m.start, end: m.end });
    else byText.set(m.text, { first: m, occurrences: [{ start: m.start, end: m.end }] });
  }
  const terms: DocumentTerm[] = [];
  let p = 0;
  for (const { first, occurrences } of byText.values()) {
    while (p < counts.passages.length && counts.passages[p].end <= first.start) p++;
    const passage = counts.passages[p];
    const start = passage ? passage.start : first.start;
    const tokens = readText(text.slice(start, passage ? passage.end : first.end), [
      { start: first.start - start, end: first.end - start, pinyin: first.pinyin },
    ]);
    terms.push({ text: first.text, reading: pinyinOfSpan(tokens, first.start - start, first.end - start, style), entries: first.entries, occurrences });
  }
  return terms;
}
