/**
 * Terminology checks of an English annotation against the Chinese it annotates, as a translation
 * QA tool does: a glossary term whose approved English is missing, a forbidden rendering used (both
 * through one matcher that accepts inflected, respelt and hyphenated forms: termMatch.ts), a
 * number missing or different (8800 = 8,800, 两 = 2, 1.2万 = 12,000) or only in the English
 * (numberCheck.ts), Chinese left in the English. A unit written into an amount (亿元 in 28.03亿元) is
 * rendered by the English amount the number check pairs with it ("2.803 billion yuan", "NT$2.803
 * billion"): its approved renderings are not looked for, and its forbidden ones not inside the amount.
 */
import { hanWidthAt } from '../text/detect';
import type { Lexicon } from '../lexicon/lexicon';
import type { GlossaryEntry } from '../glossary/entry';
import { isExact, renderingText } from '../glossary/rendering';
import { EnglishText, type TextSpan } from './termMatch';
import { numberAsWritten } from './numberEnglish';
import { amountOf, pairNumbers } from './numberCheck';
import {
  glossaryTerms,
  inconsistencies,
  isKeyTerm,
  termUses,
  undercounted,
  usesOf,
  type GlossaryTerm,
  type RenderingFinder,
} from './termUse';

export type QaCode =
  | 'missing-term'
  | 'forbidden-term'
  | 'number-mismatch'
  | 'extra-number'
  | 'term-count'
  | 'inconsistent-rendering'
  | 'untranslated';

/** How much a problem matters; `information` for what a reviewer may want to look at. */
export type QaSeverity = 'error' | 'warning' | 'information';

export interface QaProblem {
  readonly code: QaCode;
  readonly severity: QaSeverity;
  readonly message: string;
  /** Offsets into the English where the problem is, if it is at one place. */
  readonly start?: number;
  readonly end?: number;
  /** The Chinese term concerned. */
  readonly term?: string;
  /** For forbidden-term: the approved rendering to put instead; for missing-term: the one to add. */
  readonly suggestion?: string;
  /** For forbidden-term: the forbidden rendering found, as the glossary lists it (a fix may approve it). */
  readonly rendering?: string;
}

/** What the checks tell a user (localised by the extension, English in the CLI). */
export interface QaLabels {
  readonly forbiddenTerm: (rendering: string, term: string, approved: string) => string;
  /** `renderings` is the approved list, each quoted, comma-separated. */
  readonly missingTerm: (term: string, approved: string, renderings: string) => string;
  /** `written` as in the Chinese (1.2万), `value` in English digits (12,000). */
  readonly numberMismatch: (written: string, value: string) => string;
  /** `written` as in the English (8,000). */
  readonly extraNumber: (written: string) => string;
  /** The term occurs `count` times in the Chinese, an approved rendering `rendered` times in the English. */
  readonly termCount: (term: string, count: number, rendered: number) => string;
  /** `renderings`: each rendering used with its number of annotations, e.g. "die-casting machine" (4), "DCM" (1). */
  readonly inconsistentRendering: (term: string, renderings: string) => string;
  readonly untranslated: (chinese: string) => string;
}

export const ENGLISH_QA_LABELS: QaLabels = {
  forbiddenTerm: (bad, term, approved) => `"${bad}" is a forbidden rendering of ${term}; use "${approved}"`,
  missingTerm: (term, approved, renderings) =>
    `${term} (${approved}) has none of its approved renderings in the English: ${renderings}`,
  numberMismatch: (written, value) => `${written} (${value}) is missing or different in the English`,
  extraNumber: (written) => `${written} is in the English but not in the Chinese`,
  termCount: (term, count, rendered) =>
    `${term} occurs ${count} times in the Chinese, its renderings ${rendered} in the English`,
  inconsistentRendering: (term, renderings) => `${term} is rendered differently in this file: ${renderings}`,
  untranslated: (chinese) => `untranslated Chinese "${chinese}"`,
};

export const DEFAULT_SEVERITY: Record<QaCode, QaSeverity> = {
  'missing-term': 'warning',
  'forbidden-term': 'error',
  'number-mismatch': 'error',
  'extra-number': 'warning',
  'term-count': 'information',
  'inconsistent-rendering': 'information',
  untranslated: 'error',
};

/** Where a rendering of `entry` occurs in `english`: the QA matcher, for the key-term and consistency checks. */
export const findRendering: RenderingFinder = (english, entry, rendering) =>
  new EnglishText(english).findAll(rendering, isExact(entry, rendering));

/** Where an entry's renderings are in the English: approved ones, and forbidden ones no approved one covers. */
export interface TermFindings {
  readonly approved: readonly TextSpan[];
  readonly forbidden: readonly { readonly rendering: string; readonly at: TextSpan }[];
}

/**
 * One matcher for both checks. A forbidden rendering inside an approved one is not reported
 * ("quantum cryptography" in "post-quantum cryptography"), nor one in an English amount that renders
 * the term (`amounts`: "2.803 billion yuan" for 28.03亿元, whose number the number check has paired);
 * its first other occurrence is.
 */
export function findTerm(text: EnglishText, entry: GlossaryEntry, amounts: readonly TextSpan[] = []): TermFindings {
  const approved = entry.en.flatMap((en) => text.findAll(en, isExact(entry, en)));
  const forbidden = (entry.forbidden ?? []).flatMap((rendering) => {
    const at = text
      .findAll(rendering, isExact(entry, rendering))
      .find(
        (f) =>
          !approved.some((a) => a.start <= f.start && f.end <= a.end) &&
          !amounts.some((a) => f.start < a.end && a.start < f.end),
      );
    return at ? [{ rendering, at }] : [];
  });
  return { approved, forbidden };
}

export function checkAnnotation(
  chinese: string,
  english: string,
  lexicon: Lexicon,
  severity: Record<QaCode, QaSeverity> = DEFAULT_SEVERITY,
  labels: QaLabels = ENGLISH_QA_LABELS,
): QaProblem[] {
  const problems: QaProblem[] = [];
  const text = new EnglishText(english);
  const numbers = pairNumbers(chinese, english);
  // Each glossary term with the English amount that renders it, if it is an amount's unit (amountOf).
  const read = glossaryTerms(chinese, lexicon);
  const places = read.map(({ match: m, entry }) => ({
    m,
    entry,
    amount: amountOf(numbers, english, m),
  }));
  const terms: GlossaryTerm[] = [];
  for (const { m, entry, amount } of places) {
    // A unit rendered by its amount is neither missing nor to be counted.
    if (!amount) terms.push({ term: m.text, entry });
    const amounts = places.flatMap((p) => (p.entry.id === entry.id && p.amount ? [p.amount] : []));
    const found = findTerm(text, entry, amounts);
    const preferred = renderingText(entry.en[0]);
    for (const { rendering, at } of found.forbidden) {
      problems.push({
        code: 'forbidden-term',
        severity: severity['forbidden-term'],
        message: labels.forbiddenTerm(renderingText(rendering), m.text, preferred),
        start: at.start,
        end: at.end,
        term: m.text,
        suggestion: preferred,
        rendering,
      });
    }
    // Measure words (2台 → "2 units") and general vocabulary (今年, 公司) are no key terms.
    if (!isKeyTerm(entry)) continue;
    if (found.approved.length === 0 && !amount) {
      const renderings = entry.en.map((e) => `"${renderingText(e)}"`).join(', ');
      problems.push({
        code: 'missing-term',
        severity: severity['missing-term'],
        message: labels.missingTerm(m.text, preferred, renderings),
        term: m.text,
        suggestion: preferred,
      });
    }
  }
  // Key-term count: a term the English renders, but fewer times than the Chinese has it.
  const find: RenderingFinder = (_english, entry, rendering) => text.findAll(rendering, isExact(entry, rendering));
  for (const u of undercounted(usesOf(terms, english, find))) {
    problems.push({
      code: 'term-count',
      severity: severity['term-count'],
      message: labels.termCount(u.term, u.count, u.rendered),
      term: u.term,
    });
  }
  for (const n of numbers.missing) {
    // Named with its unit, as the prompt lists it: "9200吨 (9,200 t)".
    const { written, english: value } = numberAsWritten(chinese, n, read);
    problems.push({
      code: 'number-mismatch',
      severity: severity['number-mismatch'],
      message: labels.numberMismatch(written, value),
      term: chinese.slice(n.token.start, n.token.end),
    });
  }
  for (const e of numbers.extra) {
    const written = english.slice(e.start, e.end);
    problems.push({
      code: 'extra-number',
      severity: severity['extra-number'],
      message: labels.extraNumber(written),
      start: e.start,
      end: e.end,
      term: written,
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
      message: labels.untranslated(english.slice(i, end)),
      start: i,
      end,
      term: english.slice(i, end),
    });
    i = end;
  }
  return problems;
}

/** An annotation of a file for the consistency check: the caller's key for it, its Chinese and English. */
export interface FileAnnotation<K> {
  readonly key: K;
  readonly chinese: string;
  readonly english: string;
}

/**
 * Consistency across a file: a glossary term rendered with different approved renderings in
 * different annotations, reported at each annotation that uses a rarer one, with every rendering
 * and how many annotations use it.
 */
export function checkConsistency<K>(
  annotations: readonly FileAnnotation<K>[],
  lexicon: Lexicon,
  severity: Record<QaCode, QaSeverity> = DEFAULT_SEVERITY,
  labels: QaLabels = ENGLISH_QA_LABELS,
): { key: K; problem: QaProblem }[] {
  const uses = annotations.map((a) => ({ key: a.key, uses: termUses(a.chinese, a.english, lexicon, findRendering) }));
  return inconsistencies(uses).flatMap((found) => {
    const listed = found.renderings.map((r) => `"${renderingText(r.rendering)}" (${r.annotations})`).join(', ');
    const problem: QaProblem = {
      code: 'inconsistent-rendering',
      severity: severity['inconsistent-rendering'],
      message: labels.inconsistentRendering(found.term, listed),
      term: found.term,
      suggestion: renderingText(found.renderings[0].rendering),
    };
    return found.keys.map((key) => ({ key, problem }));
  });
}
