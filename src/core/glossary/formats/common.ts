/** What every exchange format shares: the result shape and stable ids for entries that have none. */
import { splitTone } from '../../pinyin';
import type { LineColumn, LocatedError } from '../../text';
import type { Glossary, GlossaryEntry } from '../entry';

export interface FormatParseResult {
  readonly glossary: Glossary;
  readonly problems: readonly LocatedError[];
  /** Where each entry starts, parallel to glossary.entries (for the content checks' messages). */
  readonly positions?: readonly LineColumn[];
}

export interface GlossaryFormat {
  readonly id: 'json' | 'tsv' | 'csv' | 'tbx' | 'cedict';
  /** File name endings, lower case, with the dot. */
  readonly extensions: readonly string[];
  readonly label: string;
  parse(text: string, file: string): FormatParseResult;
  serialize(glossary: Glossary): string;
}

/** An id from the toneless pinyin or, failing that, the term's code points: stable across re-imports. */
export function idFor(entry: Pick<GlossaryEntry, 'zh' | 'pinyin'>, taken: Set<string>): string {
  const fromPinyin = entry.pinyin
    ?.split(/\s+/)
    .map((s) => splitTone(s.toLowerCase()).base.replace(/ü/g, 'v'))
    .join('')
    .replace(/[^a-z0-9]/g, '');
  const base = fromPinyin || [...entry.zh].map((ch) => (ch.codePointAt(0) ?? 0).toString(16)).join('-');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Folds characters a line-based format cannot hold (tabs, line breaks) into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}
