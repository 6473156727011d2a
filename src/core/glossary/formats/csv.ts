/**
 * CSV (RFC 4180) through papaparse: quoted fields with commas, quotes and line breaks. The header
 * row names the columns (English or Chinese names, any order); lists are joined with " | ".
 * Without a recognised header the columns are taken as Chinese, English, note (as OmegaT has them).
 *
 * Every field of an entry has a column, so the format holds everything (a UTF-8 file only lacks
 * unpaired surrogates). Inside a list cell a backslash escapes "|" and "\\" (and "[" "]" in an
 * alias's "zh [pinyin]"); any other backslash is read as itself. Cells that a spreadsheet would run
 * as a formula are written quoted with a neutralising "'" that the reader removes (see common.ts).
 */
import Papa from 'papaparse';
import { containsHan } from '../../text/detect';
import { LineIndex, LocatedError, type LineColumn } from '../../text/text';
import type { Alias, Glossary, GlossaryEntry } from '../entry';
import { ENTRY_FIELDS } from '../entry';
import {
  FORMULA_STARTS,
  UNPAIRED_SURROGATE,
  fitAllFields,
  idFor,
  unneutralise,
  type FittedGlossary,
  type FormatParseResult,
  type GlossaryFormat,
} from './common';
import { fileStem } from '../../text/fileName';
import { ENGLISH_GLOSSARY_LABELS } from '../labels';

const LIST = ' | ';
const COLUMNS = ENTRY_FIELDS;
type Column = (typeof COLUMNS)[number];

const HEADER_NAMES: Record<string, Column> = {
  id: 'id',
  zh: 'zh',
  chinese: 'zh',
  simplified: 'zh',
  source: 'zh',
  term: 'zh',
  'zh-hans': 'zh',
  'zh-cn': 'zh',
  中文: 'zh',
  简体: 'zh',
  术语: 'zh',
  traditional: 'traditional',
  'zh-hant': 'traditional',
  'zh-tw': 'traditional',
  繁体: 'traditional',
  pinyin: 'pinyin',
  reading: 'pinyin',
  拼音: 'pinyin',
  en: 'en',
  english: 'en',
  target: 'en',
  translation: 'en',
  英文: 'en',
  译文: 'en',
  forbidden: 'forbidden',
  'do not use': 'forbidden',
  禁用: 'forbidden',
  exact: 'exact',
  'exact match': 'exact',
  精确匹配: 'exact',
  domain: 'domain',
  subject: 'domain',
  领域: 'domain',
  category: 'category',
  类别: 'category',
  note: 'note',
  notes: 'note',
  comment: 'note',
  comments: 'note',
  备注: 'note',
  aliases: 'aliases',
  alias: 'aliases',
  别名: 'aliases',
  ref: 'ref',
  reference: 'ref',
  source_url: 'ref',
  出处: 'ref',
};

/** Backslash escapes in list cells: "\\|" "\\\\" "\\[" "\\]" stand for the character; no other pair is one. */
const escapeItem = (s: string, special: RegExp): string => s.replace(special, (c) => `\\${c}`);
const unescapeItem = (s: string): string => s.replace(/\\([\\|[\]])/g, '$1').trim();

/** The raw (still escaped) items of a list cell, split at each "|" that no backslash escapes. */
function rawItems(cell: string): string[] {
  const items = cell.match(/(?:\\.|[^\\|])*(?:\\$)?/gs) ?? [];
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

const list = (cell: string): string[] =>
  rawItems(cell)
    .map(unescapeItem)
    .filter((s) => s.length > 0);
const joinList = (items: readonly string[]): string => items.map((s) => escapeItem(s, /[\\|]/g)).join(LIST);

/** "压力铸造 [yā lì zhù zào]" ↔ { zh, pinyin } */
function parseAlias(item: string): Alias | undefined {
  const m = /^((?:\\.|[^\\[])*?)\s*\[((?:\\.|[^\\\]])*)\]$/s.exec(item);
  const zh = unescapeItem(m ? m[1] : item);
  const pinyin = m ? unescapeItem(m[2]) : '';
  return zh ? (pinyin ? { zh, pinyin } : { zh }) : undefined;
}

function writeAlias(a: Alias): string {
  const zh = escapeItem(a.zh, /[\\|[\]]/g);
  return a.pinyin ? `${zh} [${escapeItem(a.pinyin, /[\\|[\]]/g)}]` : zh;
}

/**
 * Rows with the offset where each starts (papaparse's cursor after the row before), blank rows
 * left out, and papaparse's errors at the offset it gives: line:column come from one line index,
 * whatever quotes and blank lines came before (counting lines per row was quadratic and lost count
 * after a stray quote).
 */
/** The delimiter that splits the first line into the most known column names (two at least). */
function headerDelimiter(text: string): string | undefined {
  const first = text.slice(0, text.search(/\r|\n|$/));
  let best: string | undefined;
  let most = 1;
  for (const d of [',', ';', '\t']) {
    const known = first.split(d).filter((h) => HEADER_NAMES[h.trim().replace(/^"|"$/g, '').toLowerCase()]).length;
    if (known > most) [best, most] = [d, known];
  }
  return best;
}

function readRows(text: string): { rows: string[][]; starts: number[]; errors: { offset: number; message: string }[] } {
  const rows: string[][] = [];
  const starts: number[] = [];
  const errors: { offset: number; message: string }[] = [];
  const delimiter = headerDelimiter(text);
  let cursor = 0;
  Papa.parse<string[]>(text, {
    // A header row names the delimiter; without one papaparse guesses, but never "|", which
    // separates the items of a list inside a cell (it guesses from the first rows alone, where
    // cells can hold more "|" or ";" than ",").
    ...(delimiter ? { delimiter } : { delimitersToGuess: [',', ';', '\t'] }),
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

function parse(text: string, file: string, labels = ENGLISH_GLOSSARY_LABELS): FormatParseResult {
  const problems: LocatedError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const { rows, starts, errors } = readRows(body);
  const lines = new LineIndex(body);
  const at = (offset: number) => lines.at(offset);
  const lineOfRow = (row: number): number => at(starts[row] ?? body.length).line;
  const positions: LineColumn[] = [];
  for (const e of errors) {
    const where = at(e.offset);
    problems.push(new LocatedError(file, where.line, where.column, labels.formats.csvError(e.message)));
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
      const value = row[c] === undefined ? '' : unneutralise(row[c].trim(), FORMULA_STARTS);
      if (col && value !== '') cell[col] = value;
    });
    if (!cell.zh || !containsHan(cell.zh)) {
      problems.push(
        new LocatedError(file, lineOfRow(rowNumber), 1, labels.formats.csvNoChinese(rowNumber + 1, cell.zh ?? '')),
      );
      return;
    }
    const en = list(cell.en ?? '');
    if (en.length === 0) {
      problems.push(
        new LocatedError(file, lineOfRow(rowNumber), 1, labels.formats.csvNoEnglish(rowNumber + 1, cell.zh)),
      );
      return;
    }
    const aliases = rawItems(cell.aliases ?? '').flatMap((item) => parseAlias(item) ?? []);
    const forbidden = list(cell.forbidden ?? '');
    const exact = list(cell.exact ?? '');
    const entry: GlossaryEntry = {
      id:
        cell.id && !taken.has(cell.id)
          ? (taken.add(cell.id), cell.id)
          : idFor({ zh: cell.zh, pinyin: cell.pinyin }, taken),
      zh: cell.zh,
      en,
      ...(cell.traditional ? { traditional: cell.traditional } : {}),
      ...(cell.pinyin ? { pinyin: cell.pinyin } : {}),
      ...(forbidden.length > 0 ? { forbidden } : {}),
      ...(exact.length > 0 ? { exact } : {}),
      ...(cell.domain ? { domain: cell.domain } : {}),
      ...(cell.category ? { category: cell.category } : {}),
      ...(cell.note ? { note: cell.note } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(cell.ref ? { ref: cell.ref } : {}),
    };
    entries.push(entry);
    positions.push(at(starts[rowNumber]));
  });
  return { glossary: { name: fileStem(file), entries }, problems, positions };
}

const LABEL = 'CSV';

/** Every field has a column: all but unpaired surrogates, which a UTF-8 file cannot hold. */
const fit = (glossary: Glossary): FittedGlossary =>
  fitAllFields(glossary, LABEL, UNPAIRED_SURROGATE, 'unpaired surrogates (UTF-8)');

/** OWASP's formula characters and the neutralising quote itself: such cells get a "'" and quotes. */
const FORMULA = new RegExp(`^[${FORMULA_STARTS.replace(/[-\\\]^]/g, '\\$&')}]`);

function serialize(glossary: Glossary): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const e of fit(glossary).glossary.entries) {
    rows.push([
      e.id,
      e.zh,
      e.traditional ?? '',
      e.pinyin ?? '',
      joinList(e.en),
      joinList(e.forbidden ?? []),
      joinList(e.exact ?? []),
      e.domain ?? '',
      e.category ?? '',
      e.note ?? '',
      (e.aliases ?? []).map(writeAlias).join(LIST),
      e.ref ?? '',
    ]);
  }
  return Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA }) + '\r\n';
}

export const csvFormat: GlossaryFormat = { id: 'csv', extensions: ['.csv'], label: LABEL, parse, fit, serialize };
