/**
 * OmegaT glossary TSV: "source<TAB>target<TAB>comment", UTF-8, one rendering per line. An entry
 * with several renderings is written as several lines, and lines with the same source are read
 * back as one entry, preferred rendering first. The format has no escaping: tabs and line breaks
 * inside a field become spaces.
 */
import { containsHan } from '../../detect';
import { LocatedError, splitLines, type LineColumn } from '../../text';
import type { GlossaryEntry } from '../entry';
import { idFor, oneLine, type FormatParseResult, type GlossaryFormat } from './common';

function parse(text: string, file: string): FormatParseResult {
  const problems: LocatedError[] = [];
  const byTerm = new Map<string, { zh: string; en: string[]; notes: string[]; at: LineColumn }>();
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  lines.forEach((line, k) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [zh = '', en = '', comment = ''] = line.split('\t').map((f) => f.trim());
    if (!containsHan(zh)) {
      problems.push(new LocatedError(file, k + 1, 1, `the first column must be a Chinese term: "${zh}"`));
      return;
    }
    if (en === '') {
      problems.push(new LocatedError(file, k + 1, zh.length + 2, `"${zh}" has no English rendering in the second column`));
      return;
    }
    const group = byTerm.get(zh) ?? { zh, en: [], notes: [], at: { line: k + 1, column: 1 } };
    if (!group.en.includes(en)) group.en.push(en);
    if (comment && !group.notes.includes(comment)) group.notes.push(comment);
    byTerm.set(zh, group);
  });
  const taken = new Set<string>();
  const groups = [...byTerm.values()];
  const entries: GlossaryEntry[] = groups.map((g) => ({
    id: idFor({ zh: g.zh }, taken),
    zh: g.zh,
    en: g.en,
    ...(g.notes.length > 0 ? { note: g.notes.join(' ') } : {}),
  }));
  const positions = groups.map((g) => g.at);
  return { glossary: { name: file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), entries }, problems, positions };
}

function serialize(glossary: { entries: readonly GlossaryEntry[] }): string {
  const out: string[] = [];
  for (const e of glossary.entries) {
    e.en.forEach((en, k) => out.push([oneLine(e.zh), oneLine(en), k === 0 ? oneLine(e.note ?? '') : ''].join('\t').replace(/\t+$/, '')));
  }
  return out.join('\n') + '\n';
}

export const tsvFormat: GlossaryFormat = { id: 'tsv', extensions: ['.tsv', '.txt', '.utf8'], label: 'OmegaT TSV', parse, serialize };
