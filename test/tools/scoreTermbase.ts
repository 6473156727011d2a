/**
 * Scores the curated glossary on the termbase real-text set (test/fixtures/termbase/real-text.json)
 * with the full lexicon: `npm run score:termbase`. An expected term or name counts as glossed
 * acceptably when one match covers exactly its characters (or is a number word holding it as its
 * unit: 纳米 of 14纳米) and that match's first English line
 * contains one of the accepted renderings as a whole phrase (case and punctuation aside). Prints
 * the share for terms and for organisations, and each miss with what the reader made of it.
 * Information for issue 13, not a test: it exits 0 whatever the numbers (1 only on a broken set).
 */
import { scanText } from '../../src/core/document/scan';
import { accepts, termbaseProblems, type TermbaseSet } from '../shared/termbaseText';
import { fixture, fullLexicon } from '../unit/fullLexicon';

function main(): void {
  const set = JSON.parse(fixture('termbase/real-text.json')) as TermbaseSet;
  const problems = termbaseProblems(set);
  if (problems.length > 0) {
    for (const p of problems) console.error(`test/fixtures/termbase/real-text.json: ${p}`);
    process.exit(1);
  }
  const lexicon = fullLexicon();
  const tally = { term: { ok: 0, all: 0 }, organisation: { ok: 0, all: 0 } };
  const misses: string[] = [];
  for (const p of set.passages) {
    const { matches } = scanText(p.text, lexicon);
    for (const e of p.expect) {
      const at = p.text.indexOf(e.zh);
      // A unit inside a number word (纳米 of 14纳米) is glossed by that word, its English the unit's.
      const whole =
        matches.find((m) => m.start === at && m.end === at + e.zh.length) ??
        matches.find((m) => m.entries[0]?.composed === 'number' && m.start <= at && at + e.zh.length <= m.end);
      const english = whole?.entries[0]?.en[0] ?? '';
      tally[e.kind].all++;
      if (whole && accepts(english, e.en)) tally[e.kind].ok++;
      else {
        const pieces = matches.filter((m) => m.start < at + e.zh.length && m.end > at);
        const read = pieces.map((m) => `${m.text} "${m.entries[0]?.en[0] ?? ''}"`).join(' | ');
        misses.push(`${e.kind === 'term' ? 'term' : 'name'} ${e.zh} (want ${e.en[0]}) → ${read || '(no match)'}`);
      }
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  console.log(`Termbase set: ${set.passages.length} passages, ${set.sources.length} sources`);
  for (const kind of ['term', 'organisation'] as const) {
    const t = tally[kind];
    const what = kind === 'term' ? 'Terms' : 'Organisation names';
    console.log(`${what} glossed acceptably: ${t.ok} / ${t.all} (${pct(t.ok, t.all)})`);
  }
  if (misses.length > 0) console.log(`\nMisses:\n${misses.map((m) => `  ${m}`).join('\n')}`);
}

main();
