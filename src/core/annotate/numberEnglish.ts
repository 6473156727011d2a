/**
 * A Chinese number as a reader names it in English, with its unit: 8800吨 = 8,800 t, 两台 = 2 units,
 * 1.2万 = 12,000, 九成 = 90%, 2019年 = 2019, 10月 = October, 第二台 = second unit. The prompt lists the
 * numbers so, and the QA names a missing number so, so that both say the same thing.
 */
import { renderingText } from '../glossary/rendering';
import { formatNumber, LIANG, monthName, ordinalWord } from './numbers';
import type { ChineseNumber } from './numberCheck';
import type { ReadTerm } from './termUse';

export interface WrittenNumber {
  /** As the passage writes it, with its unit if the glossary has one (8800吨, 3台). */
  readonly written: string;
  /** "8,800 t", "3 units", "second", "March", "70%". */
  readonly english: string;
}

/** Marks after a number that are shown with it: dates, percentages, tenths (七成). */
const NUMBER_SUFFIX = new Set([...'年月日%％成']);

/**
 * The number `n` of `passage` with the unit after it: a glossary measure word among `terms` (the
 * passage's glossary terms), a term written into the number (亿元 of 28.03亿元), or a date mark.
 */
export function numberAsWritten(passage: string, n: ChineseNumber, terms: readonly ReadTerm[]): WrittenNumber {
  let end = n.token.end;
  for (const t of terms) if (t.match.start < end && n.token.start < t.match.end) end = Math.max(end, t.match.end);
  const unit = terms.find((t) => t.match.start === end && t.entry.category === 'measure');
  let english = numberEnglish(passage, n);
  if (unit) english += ` ${unitWord(renderingText(unit.entry.en[0]), n)}`;
  else if (NUMBER_SUFFIX.has(passage[end])) end++;
  if (/[%％]/.test(passage[end - 1])) english += '%';
  return { written: passage.slice(n.token.start, unit ? unit.match.end : end), english };
}

function numberEnglish(passage: string, n: ChineseNumber): string {
  const { token } = n;
  const after = passage[token.end];
  if (after === '成') return `${formatNumber(token.value * 10)}%`;
  if (token.ordinal) return ordinalWord(token.value);
  // Digits with a leading zero are a label, written as they are (the Zeekr 009), as the draft does.
  const written = passage.slice(token.start, token.end);
  if (!token.chinese && /^0\d/.test(written)) return written;
  // Years and durations in years without separators. A Taiwan year of up to three digits may be an
  // ROC year (112年 = 2023, which the check accepts too), but as often a duration (有70年歷史): the
  // model reads which from the sentence; the prompt does not suggest 1981 for a 70-year history.
  if (after === '年') return String(token.value);
  const month = after === '月' && !LIANG.test(written) ? monthName(token.value) : undefined;
  if (month) return month;
  return n.values.map(formatNumber).join(' or ');
}

/** A unit's rendering for the count: "unit(s)" is "unit" for one (and for an ordinal), "units" else. */
function unitWord(rendering: string, n: ChineseNumber): string {
  if (!rendering.endsWith('(s)')) return rendering;
  const one = n.token.ordinal || n.token.value === 1;
  return rendering.slice(0, -3) + (one ? '' : 's');
}
