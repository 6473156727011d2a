/**
 * Scores the annotation QA (checkAnnotation, src/core/annotate/qa.ts) on the QA corpus
 * (test/fixtures/qa/corpus.json, or the corpus named as argument) with the full lexicon (curated +
 * CC-CEDICT): `npm run score:qa`. Prints
 * - false alarms: correct lines that raise any problem, with the problems, and their commonest causes;
 * - catches per code: injected errors reported with their code, that is, the variant raises a problem
 *   of that code the correct line does not (the same message on both is no catch).
 * Information for issue 14 (targets: ≤ 2 % false alarms, ≥ 98 % catches), not a test: it exits 0
 * whatever the figures (1 only on a broken corpus).
 */
import { checkAnnotation, type QaProblem } from '../../src/core/annotate/qa';
import { injectionProblems, newQaCodes, qaCorpusCounts, qaCorpusProblems, type QaCorpus } from '../shared/qaCorpus';
import { fixture, fullLexicon } from '../unit/fullLexicon';

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
const describe = (p: QaProblem) => `${p.code}: ${p.message}`;

function main(): void {
  const name = process.argv[2] ?? 'qa/corpus.json';
  const set = JSON.parse(fixture(name)) as QaCorpus;
  const lexicon = fullLexicon();
  const broken = [...qaCorpusProblems(set), ...(qaCorpusProblems(set).length ? [] : injectionProblems(set, lexicon))];
  if (broken.length > 0) {
    for (const p of broken) console.error(`test/fixtures/${name}: ${p}`);
    process.exit(1);
  }
  const counts = qaCorpusCounts(set);
  const alarms: string[] = [];
  const causes = new Map<string, number>();
  const alarmsByCode = new Map<string, number>();
  const caught = new Map<string, number>();
  const missed: string[] = [];
  set.lines.forEach((l, i) => {
    const good = checkAnnotation(l.zh, l.en, lexicon);
    const label = `#${i} (${l.source}) ${l.zh}`;
    if (good.length > 0) {
      alarms.push(`${label}\n    ${l.en}\n${good.map((p) => `    → ${describe(p)}`).join('\n')}`);
      for (const code of new Set(good.map((p) => p.code))) alarmsByCode.set(code, (alarmsByCode.get(code) ?? 0) + 1);
      for (const p of good) {
        const cause = `${p.code} ${p.code === 'forbidden-term' ? p.message.split('"')[1] : p.term}`;
        causes.set(cause, (causes.get(cause) ?? 0) + 1);
      }
    }
    const before = new Set(good.map(describe));
    const bad = checkAnnotation(l.zh, l.injected.en, lexicon);
    const code = l.injected.code;
    if (bad.some((p) => p.code === code && !before.has(describe(p)))) caught.set(code, (caught.get(code) ?? 0) + 1);
    else {
      const raised = bad.filter((p) => !before.has(describe(p))).map(describe);
      missed.push(`${label} [${code}]\n    ${l.injected.en}\n    → new problems: ${raised.join('; ') || 'none'}`);
    }
  });
  const n = set.lines.length;
  console.log(
    `\n${name}: ${n} lines (${counts.traditional} traditional, ${pct(counts.traditional, n)}), ` +
      `${counts.sources} sources`,
  );
  console.log(`False alarms: ${alarms.length} / ${n} correct lines raise a problem (${pct(alarms.length, n)})`);
  for (const [code, k] of [...alarmsByCode].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${k} lines`);
  const total = [...caught.values()].reduce((a, b) => a + b, 0);
  console.log(`Catches: ${total} / ${n} injected errors reported with their code (${pct(total, n)})`);
  for (const [code, k] of Object.entries(counts.byCode)) {
    const note = newQaCodes().includes(code) ? ' (a new code: not raised by checkAnnotation yet)' : '';
    console.log(`  ${code}: ${caught.get(code) ?? 0} / ${k} (${pct(caught.get(code) ?? 0, k)})${note}`);
  }
  console.log('\nCommonest false-alarm causes (code, term or rendering: problems):');
  for (const [cause, k] of [...causes].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${cause}: ${k}`);
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    console.log(`\n${title}:`);
    for (const item of items) console.log(`  ${item}`);
  };
  list('False alarms (correct line, then what it raised)', alarms);
  list('Missed injected errors', missed);
}

main();
