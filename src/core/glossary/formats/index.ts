/** The exchange formats, chosen by file name ending. */
import type { GlossaryFormat } from './common';
import { cedictFormat } from './cedictLines';
import { csvFormat } from './csv';
import { jsonFormat } from './json';
import { tbxFormat } from './tbx';
import { tsvFormat } from './tsv';

export type { GlossaryFormat, FormatParseResult } from './common';

export const FORMATS: readonly GlossaryFormat[] = [jsonFormat, tsvFormat, csvFormat, tbxFormat, cedictFormat];

/** The format for a path by its ending (.json .tsv .csv .tbx .u8), or undefined. */
export function formatForPath(path: string): GlossaryFormat | undefined {
  const lower = path.toLowerCase();
  return FORMATS.find((f) => f.extensions.some((ext) => lower.endsWith(ext)));
}
