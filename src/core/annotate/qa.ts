/**
 * Terminology checks of an English annotation against the Chinese it annotates, as a translation
 * QA tool does: a glossary term whose approved English is missing, a forbidden rendering used, a
 * number missing or different (8800 = 8,800, 两 = 2, 1.2万 = 12,000), Chinese left in the English.
 */
import { findPassages, hanWidthAt } from '../text/detect';
import { isGlossaryMatch, type Lexicon } from '../lexicon/lexicon';
import { isGlossaryEntry } from '../glossary/entry';
import { findEnglishNumbers, findNumbers, formatNumber, isQuantity } from './numbers';

export type QaCode = 'missing-term' | 'forbidden-term' | 'number-mismatch' | 'untranslated';

export interface QaProblem {
  readonly code: QaCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Offsets into the English where the problem is, if it is at one place. */
  readonly start?: number;
  readonly end?: number;
  /** The Chinese term concerned. */
  readonly term?: string;
  /** For forbidden-term: the approved rendering to put instead; for missing-term: the one to add. */
  readonly suggestion?: string;
}

export const DEFAULT_SEVERITY: Record<QaCode, 'error' | 'warning'> = {
  'missing-term': 'warning',
  'forbidden-term': 'error',
  'number-mismatch': 'error',
  untranslated: 'error',
};

function indexOfPhrase(haystack: string, phrase: string): number {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  const m = new RegExp(`(^|[^\\p{L}\\p{N}])(${escaped})(?=$|[^\\p{L}\\p{N}])`, 'iu').exec(haystack);
  return m ? m.index + m[1].length : -1;
}

export function checkAnnotation(
  chinese: string,
  english: string,
  lexicon: Lexicon,
  severity: Record<QaCode, 'error' | 'warning'> = DEFAULT_SEVERITY,
): QaProblem[] {
  const problems: QaProblem[] = [];
  const passages = findPassages(chinese);
  for (const m of lexicon.matchPassages(chinese, passages)) {
    if (!isGlossaryMatch(m)) continue;
    const entry = m.entries.find(isGlossaryEntry);
    if (!entry) continue;
    for (const bad of entry.forbidden ?? []) {
      const at = indexOfPhrase(english, bad);
      if (at >= 0) {
        problems.push({
          code: 'forbidden-term',
          severity: severity['forbidden-term'],
          message: `"${bad}" is a forbidden rendering of ${m.text}; use "${entry.en[0]}"`,
          start: at,
          end: at + bad.length,
          term: m.text,
          suggestion: entry.en[0],
        });
      }
    }
    // Measure words and units are rendered through numbers (2台 → "2 units", 6000吨 → "6,000 t").
    if (entry.category === 'measure') continue;
    if (!entry.en.some((en) => indexOfPhrase(english, en) >= 0)) {
      problems.push({
        code: 'missing-term',
        severity: severity['missing-term'],
        message:
          `${m.text} (${entry.en[0]}) has none of its approved renderings in the English: ` +
          entry.en.map((e) => `"${e}"`).join(', '),
        term: m.text,
        suggestion: entry.en[0],
      });
    }
  }
  const english_numbers = findEnglishNumbers(english);
  const used = new Set<number>();
  for (const n of findNumbers(chinese).filter((x) => isQuantity(chinese, x))) {
    const k = english_numbers.findIndex((e, idx) => !used.has(idx) && Math.abs(e.value - n.value) < 1e-9);
    if (k >= 0) {
      used.add(k);
      continue;
    }
    problems.push({
      code: 'number-mismatch',
      severity: severity['number-mismatch'],
      message: `${chinese.slice(n.start, n.end)} (${formatNumber(n.value)}) is missing or different in the English`,
      term: chinese.slice(n.start, n.end),
    });
  }
  for (let i = 0; i < english.length;) {
    const w = hanWidthAt(english, i);
    if (w === 0) {
      i++;
      continue;
    }
    let end = i + w;
    while (end < english.length && hanWidthAt(english, end) > 0) end += hanWidthAt(english, end);
    problems.push({
      code: 'untranslated',
      severity: severity.untranslated,
      message: `untranslated Chinese "${english.slice(i, end)}"`,
      start: i,
      end,
      term: english.slice(i, end),
    });
    i = end;
  }
  return problems;
}
