/**
 * CSV (RFC 4180) through papaparse: quoted fields with commas, quotes and line breaks. The header
 * row names the columns (English or Chinese names, any order); lists are joined with " | ".
 * Without a recognised header the columns are taken as Chinese, English, note (as OmegaT has them).
 */
import Papa from 'papaparse';
import { containsHan } from '../../detect';
import { LineIndex, LocatedError, type LineColumn } from '../../text';
import type { Alias, Glossary, GlossaryEntry } from '../entry';
import { idFor, type FormatParseResult, type GlossaryFormat } from './common';

const LIST = ' | ';
const COLUMNS = ['id', 'zh', 'traditional', 'pinyin', 'en', 'forbidden', 'domain', 'category', 'note', 'aliases', 'ref'] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_NAMES: Record<string, Column> = {
  id: 'id',
  zh: 'zh', chinese: 'zh', simplified: 'zh', source: 'zh', term: 'zh', 'zh-hans': 'zh', 'zh-cn': 'zh', 中文: 'zh', 简体: 'zh', 术语: 'zh',
  traditional: 'traditional', 'zh-hant': 'traditional', 'zh-tw': 'traditional', 繁体: 'traditional',
  pinyin: 'pinyin', reading: 'pinyin', 拼音: 'pinyin',
  en: 'en', english: 'en', target: 'en', translation: 'en', 英文: 'en', 译文: 'en',
  forbidden: 'forbidden', 'do not use': 'forbidden', 禁用: 'forbidden',
  domain: 'domain', subject: 'domain', 领域: 'domain',
  category: 'category', 类别: 'category',
  note: 'note', notes: 'note', comment: 'note', comments: 'note', 备注: 'note',
  aliases: 'aliases', alias: 'aliases', 别名: 'aliases',
  ref: 'ref', reference: 'ref', source_url: 'ref', 出处: 'ref',
};

const list = (cell: string): string[] => cell.split('|').map((s) => s.trim()).filter((s) => s.length > 0);

/** "压力铸造 [yā lì zhù zào]" ↔ { zh, pinyin } */
function parseAlias(cell: string): Alias {
  const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(cell);
  return m ? { zh: m[1].trim(), pinyin: m[2].trim() } : { zh: cell.trim() };
}

/**
 * Rows with the offset where each starts (papaparse's cursor after the row before), blank rows
 * left out, and papaparse's errors at the offset it gives: line:column come from one line index,
 * whatever quotes and blank lines came before (counting lines per row was quadratic and lost count
 * after a stray quote).
 */
function readRows(text: string): { rows: string[][]; starts: number[]; errors: { offset: number; message: string }[] } {
  const rows: string[][] = [];
  const starts: number[] = [];
  const errors: { offset: number; message: string }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    step: (result) => {
      const start = cursor;
      cursor = result.meta.cursor;
      // One error per row: after a bad quote papaparse reports the unterminated field as well.
      for (const e of result.errors.filter((x) => x.code !== 'UndetectableDelimiter').slice(0, 1)) {
        // For quote errors papaparse gives the offset just after the opening quote.
        const offset = e.type === 'Quotes' && typeof e.index === 'number' ? Math.max(start, e.index - 1) : start;
        errors.push({ offset, message: e.message });
      }
      const row = result.data;
      if (row.every((cell) => cell.trim() === '')) return;
      rows.push(row);
      starts.push(start);
    },
  });
  return { rows, starts, errors };
}

function parse(text: string, file: string): FormatParseResult {
  const problems: LocatedError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const { rows, starts, errors } = readRows(body);
  const lines = new LineIndex(body);
  const at = (offset: number) => lines.at(offset);
  const lineOfRow = (row: number): number => at(starts[row] ?? body.length).line;
  const positions: LineColumn[] = [];
  for (const e of errors) {
    const where = at(e.offset);
    problems.push(new LocatedError(file, where.line, where.column, `CSV: ${e.message}`));
  }
  if (rows.length === 0) return { glossary: { name: 'Imported', entries: [] }, problems };
  const header = rows[0].map((h) => HEADER_NAMES[h.trim().toLowerCase()]);
  const hasHeader = header.includes('zh') && header.includes('en');
  const columns: (Column | undefined)[] = hasHeader ? header : ['zh', 'en', 'note'];
  const taken = new Set<string>();
  const entries: GlossaryEntry[] = [];
  rows.slice(hasHeader ? 1 : 0).forEach((row, k) => {
    const rowNumber = k + (hasHeader ? 1 : 0);
    const cell: Partial<Record<Column, string>> = {};
    columns.forEach((col, c) => {
      if (col && row[c] !== undefined && row[c].trim() !== '') cell[col] = row[c].trim();
    });
    if (!cell.zh || !containsHan(cell.zh)) {
      problems.push(new LocatedError(file, lineOfRow(rowNumber), 1, `row ${rowNumber + 1}: the Chinese column must hold a Chinese term ("${cell.zh ?? ''}")`));
      return;
    }
    const en = list(cell.en ?? '');
    if (en.length === 0) {
      problems.push(new LocatedError(file, lineOfRow(rowNumber), 1, `row ${rowNumber + 1}: "${cell.zh}" has no English rendering`));
      return;
    }
    const entry: GlossaryEntry = {
      id: cell.id && !taken.has(cell.id) ? (taken.add(cell.id), cell.id) : idFor({ zh: cell.zh, pinyin: cell.pinyin }, taken),
      zh: cell.zh,
      en,
      ...(cell.traditional ? { traditional: cell.traditional } : {}),
      ...(cell.pinyin ? { pinyin: cell.pinyin } : {}),
      ...(cell.forbidden ? { forbidden: list(cell.forbidden) } : {}),
      ...(cell.domain ? { domain: cell.domain } : {}),
      ...(cell.category ? { category: cell.category } : {}),
      ...(cell.note ? { note: cell.note } : {}),
      ...(cell.aliases ? { aliases: list(cell.aliases).map(parseAlias) } : {}),
      ...(cell.ref ? { ref: cell.ref } : {}),
    };
    entries.push(entry);
    positions.push(at(starts[rowNumber]));
  });
  return { glossary: { name: file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), entries }, problems, positions };
}

function serialize(glossary: Glossary): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const e of glossary.entries) {
    rows.push([
      e.id,
      e.zh,
      e.traditional ?? '',
      e.pinyin ?? '',
      e.en.join(LIST),
      (e.forbidden ?? []).join(LIST),
      e.domain ?? '',
      e.category ?? '',
      e.note ?? '',
      (e.aliases ?? []).map((a) => (a.pinyin ? `${a.zh} [${a.pinyin}]` : a.zh)).join(LIST),
      e.ref ?? '',
    ]);
  }
  return Papa.unparse(rows, { newline: '\r\n', quotes: false }) + '\r\n';
}

export const csvFormat: GlossaryFormat = { id: 'csv', extensions: ['.csv'], label: 'CSV', parse, serialize };
