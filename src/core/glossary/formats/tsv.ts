/**
 * OmegaT glossary TSV: "source<TAB>target<TAB>comment", UTF-8, one rendering per line. An entry
 * with several renderings is written as several lines, and lines with the same source are read
 * back as one entry, preferred rendering first. The format has no escaping: tabs and line breaks
 * inside a field become spaces, and it holds no other field (the export says what it left out).
 * A cell that a spreadsheet would run as a formula, or a term that would start a "#" comment line,
 * is written with the neutralising "'" that the reader removes again (see common.ts).
 */
import { containsHan } from '../../text/detect';
import { LocatedError, splitLines, type LineColumn } from '../../text/text';
import type { Glossary, GlossaryEntry } from '../entry';
import {
  FORMULA_STARTS,
  Losses,
  UNPAIRED_SURROGATE,
  dropChars,
  idFor,
  neutralise,
  oneLine,
  unneutralise,
  type FittedGlossary,
  type FormatParseResult,
  type GlossaryFormat,
} from './common';
import { fileStem } from '../../text/fileName';
import { ENGLISH_GLOSSARY_LABELS } from '../labels';

const LABEL = 'OmegaT TSV';
/** The source column also starts the line, where "#" would make it a comment. */
const FIRST_STARTS = `${FORMULA_STARTS}#`;

interface Group {
  readonly zh: string;
  readonly en: string[];
  readonly notes: string[];
  /** The line of the term's first row, for problems found later (checks across entries). */
  readonly at: LineColumn;
}

/** Adds one line's rendering and comment to the entry of its source term. */
function addLine(groups: Map<string, Group>, zh: string, en: string, comment: string, line = 0): void {
  const group = groups.get(zh) ?? { zh, en: [], notes: [], at: { line, column: 1 } };
  if (!group.en.includes(en)) group.en.push(en);
  if (comment && !group.notes.includes(comment)) group.notes.push(comment);
  groups.set(zh, group);
}

function entriesOf(groups: Map<string, Group>): GlossaryEntry[] {
  const taken = new Set<string>();
  return [...groups.values()].map((g) => ({
    id: idFor({ zh: g.zh }, taken),
    zh: g.zh,
    en: g.en,
    ...(g.notes.length > 0 ? { note: g.notes.join(' ') } : {}),
  }));
}

function parse(text: string, file: string, labels = ENGLISH_GLOSSARY_LABELS): FormatParseResult {
  const problems: LocatedError[] = [];
  const byTerm = new Map<string, Group>();
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  lines.forEach((line, k) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t').map((f, c) => unneutralise(f.trim(), c === 0 ? FIRST_STARTS : FORMULA_STARTS));
    const [zh = '', en = '', comment = ''] = fields;
    if (!containsHan(zh)) {
      problems.push(new LocatedError(file, k + 1, 1, labels.formats.tsvNoChinese(zh)));
      return;
    }
    if (en === '') {
      problems.push(new LocatedError(file, k + 1, zh.length + 2, labels.formats.tsvNoEnglish(zh)));
      return;
    }
    addLine(byTerm, zh, en, comment, k + 1);
  });
  const entries = entriesOf(byTerm);
  const positions = [...byTerm.values()].map((g) => g.at);
  return { glossary: { name: fileStem(file), entries }, problems, positions };
}

/** Source, renderings and note on one line each; entries with the same source become one. */
function fit(glossary: Glossary): FittedGlossary {
  const losses = new Losses(LABEL);
  const groups = new Map<string, Group>();
  const firstOf = new Map<string, GlossaryEntry>();
  glossary.entries.forEach((e, k) => {
    const found = new Set<string>();
    let folded = false;
    const flat = (s: string) => {
      const kept = dropChars(s, UNPAIRED_SURROGATE, found).trim();
      const out = oneLine(kept);
      if (out !== kept) folded = true;
      return out;
    };
    const zh = flat(e.zh);
    const en = e.en.map(flat).filter((s) => s.length > 0);
    const note = e.note === undefined ? '' : flat(e.note);
    if (found.size > 0) losses.add('unpaired surrogates (UTF-8)', 'dropped', k, found);
    if (folded) losses.add('tabs or line breaks', 'turned into spaces', k);
    losses.dropped({ ...e, domain: e.domain ?? glossary.domain }, k, TSV_DROPS);
    if (!zh || en.length === 0) return losses.add('an entry left without its Chinese or English', 'left out', k);
    if (groups.has(zh)) losses.add('two entries with the same Chinese term', 'merged', k);
    en.forEach((r, n) => addLine(groups, zh, r, n === 0 ? note : ''));
    if (!firstOf.has(zh)) firstOf.set(zh, e);
  });
  const entries = entriesOf(groups);
  entries.forEach((e, k) => {
    if (firstOf.get(e.zh)?.id !== e.id) losses.add('ids', 'made again from the Chinese term', k);
  });
  return { glossary: { name: glossary.name, entries }, lost: losses.lines() };
}

const TSV_DROPS = ['traditional', 'pinyin', 'forbidden', 'exact', 'domain', 'category', 'aliases', 'ref'] as const;

function serialize(glossary: Glossary): string {
  const out: string[] = [];
  for (const e of fit(glossary).glossary.entries) {
    e.en.forEach((en, k) => {
      const cells = [neutralise(e.zh, FIRST_STARTS), neutralise(en, FORMULA_STARTS)];
      if (k === 0 && e.note) cells.push(neutralise(e.note, FORMULA_STARTS));
      out.push(cells.join('\t'));
    });
  }
  return out.join('\n') + '\n';
}

export const tsvFormat: GlossaryFormat = {
  id: 'tsv',
  extensions: ['.tsv', '.txt', '.utf8'],
  label: LABEL,
  parse,
  fit,
  serialize,
};
