/**
 * The readings review (npm run review:readings): every verified reading of the curated glossaries
 * (terms and aliases) is compared with what pinyin-pro reads and, where CC-CEDICT has the word,
 * with CC-CEDICT's readings. A disagreement is either a mistake in the glossary or a case where the
 * reference is wrong; a person decides which, and the decision is kept in a TSV file (zh, pinyin,
 * reason) so that the same disagreement is not raised again.
 */
import { readingSyllables, wordReading } from '../reading/pinyin';
import { LocatedError } from '../text/text';
import type { LoadedGlossaries } from './load';

/** One verified reading to compare: an entry's, or one of its aliases'. */
export interface ReadingCandidate {
  readonly file: string;
  /** Line of the entry's "zh" (an alias is reported at its entry). */
  readonly line: number;
  readonly zh: string;
  readonly pinyin: string;
  /** For an alias: the term it is an alias of. */
  readonly aliasOf?: string;
}

export interface ReadingDisagreement extends ReadingCandidate {
  readonly pinyinPro: string;
  /** CC-CEDICT's readings of the word (tone marks); empty when CC-CEDICT lacks it. */
  readonly cedict: readonly string[];
}

/** A hand-made decision: this reading of this term is right although a reference differs. */
export interface ReadingDecision {
  readonly zh: string;
  readonly pinyin: string;
  readonly reason: string;
  /** Line in the decisions file. */
  readonly line: number;
}

/** Readings compare without case (proper nouns are capitalised in CC-CEDICT) and spacing. */
export function sameReading(a: string, b: string): boolean {
  // One token per reading unit: 5.5G and 5 5G are the same reading.
  const norm = (s: string) => readingSyllables(s.normalize('NFC').toLowerCase()).join(' ');
  return norm(a) === norm(b);
}

/** Every term and alias of the loaded glossaries that carries a reading, with its file and line. */
export function readingCandidates(loaded: LoadedGlossaries): ReadingCandidate[] {
  const out: ReadingCandidate[] = [];
  loaded.glossaries.forEach(({ glossary, source }, g) => {
    glossary.entries.forEach((entry, k) => {
      const file = source.file ?? source.id;
      const line = loaded.positions[g]?.[k]?.line ?? 1;
      if (entry.pinyin) out.push({ file, line, zh: entry.zh, pinyin: entry.pinyin });
      for (const alias of entry.aliases ?? []) {
        if (alias.pinyin) out.push({ file, line, zh: alias.zh, pinyin: alias.pinyin, aliasOf: entry.zh });
      }
    });
  });
  return out;
}

/** pinyin-pro's reading of a term on its own, Latin letters and digits as written. */
export function pinyinProReading(zh: string): string {
  return wordReading(zh);
}

/**
 * The candidates whose reading differs from pinyin-pro's, or is none of CC-CEDICT's readings where
 * CC-CEDICT has the word. `cedict` gives a word's readings (tone marks), empty when it lacks it.
 */
export function readingDisagreements(
  candidates: readonly ReadingCandidate[],
  cedict: (zh: string) => readonly string[],
  pro: (zh: string) => string = pinyinProReading,
): ReadingDisagreement[] {
  const out: ReadingDisagreement[] = [];
  for (const c of candidates) {
    const pinyinPro = pro(c.zh);
    const dictionary = cedict(c.zh);
    const proDiffers = !sameReading(pinyinPro, c.pinyin);
    const dictionaryDiffers = dictionary.length > 0 && !dictionary.some((r) => sameReading(r, c.pinyin));
    if (proDiffers || dictionaryDiffers) out.push({ ...c, pinyinPro, cedict: dictionary });
  }
  return out;
}

/**
 * Reads the decisions file: a header line "zh<TAB>pinyin<TAB>reason", then one decision a line
 * (blank lines and lines starting with # are skipped). A malformed line is an error at its line.
 */
export function parseReadingDecisions(text: string, file: string): ReadingDecision[] {
  const out: ReadingDecision[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!header) {
      if (cells.join('\t') !== 'zh\tpinyin\treason') {
        throw new LocatedError(file, line, 1, 'the first line must be the header "zh<TAB>pinyin<TAB>reason"');
      }
      header = true;
      return;
    }
    if (cells.length !== 3) {
      throw new LocatedError(
        file,
        line,
        1,
        `expected 3 tab-separated cells (zh, pinyin, reason), found ${cells.length}`,
      );
    }
    const [zh, pinyin, reason] = cells.map((c) => c.trim());
    if (!zh || !pinyin || !reason) throw new LocatedError(file, line, 1, 'zh, pinyin and reason must all be filled in');
    const key = `${zh}\u0000${pinyin.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw new LocatedError(file, line, 1, `${zh} ${pinyin} is decided already at line ${first}`);
    seen.set(key, line);
    out.push({ zh, pinyin, reason, line });
  });
  if (!header) throw new LocatedError(file, 1, 1, 'the first line must be the header "zh<TAB>pinyin<TAB>reason"');
  return out;
}

export interface ReadingReview {
  /** Disagreements nobody has decided: the review fails while there are any. */
  readonly undecided: readonly ReadingDisagreement[];
  /** Disagreements with the decision that settles them. */
  readonly decided: readonly { disagreement: ReadingDisagreement; decision: ReadingDecision }[];
  /** Decisions that no disagreement needs any more (the entry changed or went away). */
  readonly unused: readonly ReadingDecision[];
}

/** Splits the disagreements into decided and undecided ones, and finds decisions no longer needed. */
export function reviewReadings(
  disagreements: readonly ReadingDisagreement[],
  decisions: readonly ReadingDecision[],
): ReadingReview {
  const undecided: ReadingDisagreement[] = [];
  const decided: { disagreement: ReadingDisagreement; decision: ReadingDecision }[] = [];
  const used = new Set<ReadingDecision>();
  for (const d of disagreements) {
    const decision = decisions.find((r) => r.zh === d.zh && sameReading(r.pinyin, d.pinyin));
    if (decision) {
      decided.push({ disagreement: d, decision });
      used.add(decision);
    } else undecided.push(d);
  }
  return { undecided, decided, unused: decisions.filter((r) => !used.has(r)) };
}

/** One report line: file:line, term (and the entry an alias belongs to), ours, pinyin-pro, CC-CEDICT. */
export function formatDisagreement(d: ReadingDisagreement): string {
  const term = d.aliasOf ? `${d.zh} (alias of ${d.aliasOf})` : d.zh;
  const dictionary = d.cedict.length > 0 ? d.cedict.join(' | ') : '—';
  return `${d.file}:${d.line}\t${term}\tours: ${d.pinyin}\tpinyin-pro: ${d.pinyinPro}\tCC-CEDICT: ${dictionary}`;
}
