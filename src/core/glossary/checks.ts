/**
 * The content checks every glossary file goes through, whatever its format: a term must hold Chinese
 * characters, a reading must fit them, and no id or term may repeat in one file. The JSON reader
 * reports them at the offending value; the exchange formats at the row or element of the entry.
 * `validate`, `convert` and the extension all get them through the one loader (load.ts).
 */
import { containsHan } from '../text/detect';
import { pinyinProblem } from '../reading/pinyin';
import { traditionalProblem } from '../text/script';
import { LocatedError, type LineColumn } from '../text/text';
import { cedictPinyinToMarks } from './cedictLine';
import type { Glossary, GlossaryEntry } from './entry';
import { isExact, markerFault, renderingsOf } from './rendering';
import { ENGLISH_GLOSSARY_LABELS, type GlossaryLabels } from './labels';

/** Which value of an entry a problem is about (the JSON reader points at it). */
export type EntryField =
  | 'id'
  | 'zh'
  | 'traditional'
  | 'pinyin'
  | `${'en' | 'forbidden' | 'exact'}.${number}`
  | `aliases.${number}.zh`
  | `aliases.${number}.pinyin`;

export interface EntryProblem {
  readonly field: EntryField;
  readonly reason: string;
}

/** Problems with an entry's own values, in the order its fields are written. */
export function entryProblems(
  entry: GlossaryEntry,
  checkPinyin = true,
  labels: GlossaryLabels = ENGLISH_GLOSSARY_LABELS,
): EntryProblem[] {
  const out: EntryProblem[] = [];
  // A term without Chinese has no reading to check: one problem, not two.
  if (!containsHan(entry.zh)) out.push({ field: 'zh', reason: labels.zhNotChinese(entry.zh) });
  if (entry.traditional !== undefined && out.length === 0) {
    const form = traditionalProblem(entry.zh, entry.traditional, labels.script);
    if (form) out.push({ field: 'traditional', reason: form });
  }
  if (entry.pinyin !== undefined && out.length === 0) {
    const reading = pinyinProblem(entry.zh, entry.pinyin, checkPinyin, labels.pinyin);
    if (reading) out.push({ field: 'pinyin', reason: reading });
  }
  out.push(...renderingProblems(entry, labels));
  (entry.aliases ?? []).forEach((alias, k) => {
    if (!containsHan(alias.zh)) {
      out.push({ field: `aliases.${k}.zh`, reason: labels.aliasZhNotChinese(alias.zh) });
    } else if (alias.pinyin !== undefined) {
      const problem = pinyinProblem(alias.zh, alias.pinyin, checkPinyin, labels.pinyin);
      if (problem) out.push({ field: `aliases.${k}.pinyin`, reason: problem });
    }
  });
  return out;
}

/** Stem markers that cannot be read, and "exact" items that name no rendering of the entry. */
function renderingProblems(entry: GlossaryEntry, labels: GlossaryLabels): EntryProblem[] {
  const out: EntryProblem[] = [];
  const all = renderingsOf(entry);
  for (const field of ['en', 'forbidden'] as const) {
    (entry[field] ?? []).forEach((r, k) => {
      const fault = markerFault(r, isExact(entry, r));
      if (fault) out.push({ field: `${field}.${k}`, reason: labels[fault](r) });
    });
  }
  (entry.exact ?? []).forEach((r, k) => {
    if (!all.includes(r)) out.push({ field: `exact.${k}`, reason: labels.exactNotRendering(r) });
  });
  return out;
}

/** Remembers the ids and terms seen so far in one file, to report the second of a pair. */
export class RepeatCheck {
  private readonly ids = new Map<string, number>();
  private readonly terms = new Map<string, { line: number; pinyin?: string }>();

  constructor(private readonly labels: GlossaryLabels = ENGLISH_GLOSSARY_LABELS) {}

  /** Why `entry` (its id on `line`, its term on `zhLine`) repeats an earlier one; else it is remembered. */
  repeat(entry: GlossaryEntry, line: number, zhLine = line): EntryProblem | undefined {
    const firstId = this.ids.get(entry.id);
    if (firstId !== undefined) return { field: 'id', reason: this.labels.duplicateId(entry.id, firstId) };
    const key = `${entry.domain ?? ''}\u0000${entry.zh}`;
    const first = this.terms.get(key);
    if (first) {
      const domain = entry.domain ?? '';
      // Two readings of one written form (CC-CEDICT's 行 xíng / háng) cannot become one entry.
      const reason =
        first.pinyin && entry.pinyin && first.pinyin !== entry.pinyin
          ? this.labels.duplicateReading(entry.zh, domain, first.line, first.pinyin, entry.pinyin)
          : this.labels.duplicateTerm(entry.zh, domain, first.line);
      return { field: 'zh', reason };
    }
    this.ids.set(entry.id, line);
    this.terms.set(key, { line: zhLine, pinyin: entry.pinyin });
    return undefined;
  }
}

/** Tone numbers (ya1 zhu4), as spreadsheets and CC-CEDICT write them, become tone marks (yā zhù). */
function marked(pinyin: string | undefined): string | undefined {
  return pinyin !== undefined && /[a-zü:][1-5](\s|$)/i.test(pinyin) ? cedictPinyinToMarks(pinyin) : pinyin;
}

/**
 * Checks what an exchange format read (entries at `positions`, 1:1 when the format gave none):
 * readings written with tone numbers are converted, entries with a problem are left out whole.
 */
export function checkGlossary(
  glossary: Glossary,
  positions: readonly LineColumn[] | undefined,
  file: string,
  checkPinyin = true,
  labels: GlossaryLabels = ENGLISH_GLOSSARY_LABELS,
): { glossary: Glossary; problems: LocatedError[]; positions: LineColumn[] } {
  const problems: LocatedError[] = [];
  const kept: GlossaryEntry[] = [];
  const keptAt: LineColumn[] = [];
  const repeats = new RepeatCheck(labels);
  glossary.entries.forEach((raw, k) => {
    const at = positions?.[k] ?? { line: 1, column: 1 };
    const aliases = raw.aliases?.map((a) => (a.pinyin !== undefined ? { ...a, pinyin: marked(a.pinyin) } : a));
    const entry: GlossaryEntry = {
      ...raw,
      ...(raw.pinyin !== undefined ? { pinyin: marked(raw.pinyin) } : {}),
      ...(aliases ? { aliases } : {}),
    };
    const found = entryProblems(entry, checkPinyin, labels);
    const repeat = found.length === 0 ? repeats.repeat(entry, at.line) : undefined;
    for (const p of repeat ? [repeat] : found) problems.push(new LocatedError(file, at.line, at.column, p.reason));
    if (found.length > 0 || repeat) return;
    kept.push(entry);
    keptAt.push(at);
  });
  return { glossary: { ...glossary, entries: kept }, problems, positions: keptAt };
}
