/**
 * Scores how Hanzi Gloss reads the real-text sets (test/fixtures/reading/real-text.json, and the
 * held-out held-out.json, or the sets named as arguments) with the
 * full lexicon (curated + CC-CEDICT): `npm run score:reading`. Prints
 * - the share of marked words that come out whole, as one match with exactly their bounds at every
 *   place they stand as a word (a word with no Han character, such as GPU, also counts whole when no
 *   match cuts into it);
 * - junk-first senses: matches whose first English line is a redirect, a note, or a surname where
 *   the match has a plain sense too (isJunkFirst);
 * - matches that start or end inside a run of ASCII letters and digits (PU in GPU, 88 in 8800).
 * Information for issue 12, not a test: it exits 0 whatever the numbers (1 only on a broken set).
 */
import { scanText } from '../../src/core/document/scan';
import { isGlossaryEntry } from '../../src/core/glossary/entry';
import { readingInContext } from '../../src/core/reading/pinyin';
import { findPassages } from '../../src/core/text/detect';
import { cutsAsciiRun, firstEnglish, insideGlossaryTerm, isJunkFirst, splitPlace } from '../shared/readingScore';
import { realTextProblems, type RealTextSet } from '../shared/realText';
import { fixture, fullLexicon } from '../unit/fullLexicon';

/** The sets scored: the tuning set, then the held-out one (marked before any tuning on the first). */
const SETS = ['reading/real-text.json', 'reading/held-out.json', 'reading/held-out-2.json', 'reading/held-out-3.json'];

/** A reading compared without case, spaces or tone-mark spelling differences (NFC). */
const plainReading = (reading: string | undefined) =>
  (reading ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, '');

function main(): void {
  for (const name of process.argv.length > 2 ? process.argv.slice(2) : SETS) score(name);
}

function score(name: string): void {
  const set = JSON.parse(fixture(name)) as RealTextSet;
  const problems = realTextProblems(set);
  if (problems.length > 0) {
    for (const p of problems) console.error(`test/fixtures/${name}: ${p}`);
    process.exit(1);
  }
  const lexicon = fullLexicon();
  // Why a word is not read whole: the dictionaries know it and the reader split it, or no layer has it.
  const split: string[] = [];
  const unknown: string[] = [];
  const junk: string[] = [];
  const insideAscii: string[] = [];
  let words = 0;
  let whole = 0;
  let inTerm = 0;
  let matchCount = 0;
  // CC-CEDICT words with entries of several readings: whether the first entry's reading is the one
  // the hover shows above it (pinyin-pro in context); 更 gēng "to change" over gèng "more" is not.
  let heteronyms = 0;
  const otherReadingFirst: string[] = [];
  for (const s of set.sentences) {
    const { matches } = scanText(s.text, lexicon);
    matchCount += matches.length;
    for (const w of s.words) {
      words++;
      const place = splitPlace(s.text, w, s.words, matches);
      if (place === undefined) whole++;
      else {
        const [a, b] = place;
        if (insideGlossaryTerm(a, b, matches)) inTerm++;
        const pieces = matches.filter((m) => m.start < b && m.end > a).map((m) => m.text);
        const line = `${w} → ${pieces.join(' | ') || '(no match)'}`;
        (lexicon.lookup(w).length > 0 ? split : unknown).push(line);
      }
    }
    for (const passage of findPassages(s.text)) {
      for (const m of matches) {
        if (m.start < passage.start || m.end > passage.end || m.entries.some(isGlossaryEntry)) continue;
        const readings = new Set(m.entries.map((e) => plainReading(e.pinyin)));
        if (readings.size < 2) continue;
        heteronyms++;
        const text = { start: passage.start, text: s.text.slice(passage.start, passage.end) };
        const shown = plainReading(readingInContext(text, m));
        if (plainReading(m.entries[0].pinyin) !== shown) {
          otherReadingFirst.push(`${m.text} ${shown}: first ${m.entries[0].pinyin} "${firstEnglish(m)}"`);
        }
      }
    }
    for (const m of matches) {
      if (isJunkFirst(m)) junk.push(`${m.text}: ${firstEnglish(m)}`);
      if (cutsAsciiRun(s.text, m)) insideAscii.push(`${m.text} in …${s.text.slice(m.start - 3, m.end + 3)}…`);
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  console.log(`\n${name}: ${set.sentences.length} sentences, ${set.sources.length} sources, ${matchCount} matches`);
  console.log(`Marked words read whole: ${whole} / ${words} (${pct(whole, words)})`);
  console.log(`  not whole though a dictionary has the word: ${split.length}; in no dictionary: ${unknown.length}`);
  console.log(
    `  of those, inside one longer glossary term (not split): ${inTerm}; ` +
      `whole or inside a glossary term: ${whole + inTerm} / ${words} (${pct(whole + inTerm, words)})`,
  );
  console.log(`Junk-first senses: ${junk.length} of ${matchCount} matches (${pct(junk.length, matchCount)})`);
  // The brief counts every "(Tw) …" line; those that do give an English gloss are told apart here.
  const twGlossed = junk.filter((j) => /: \(Tw\) (?!see )/.test(j)).length;
  console.log(`  of which "(Tw)" lines that do give English: ${twGlossed}`);
  console.log(`Matches inside ASCII runs: ${insideAscii.length}`);
  console.log(
    `Words of several readings whose first entry is not the reading shown: ${otherReadingFirst.length} of ` +
      `${heteronyms} (${pct(otherReadingFirst.length, heteronyms)})`,
  );
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    console.log(`\n${title}:`);
    for (const i of [...new Set(items)]) console.log(`  ${i}`);
  };
  list('Known words not read whole (word → what the reader made of it)', split);
  list('First entry of another reading than the one shown (word, reading shown, first entry)', otherReadingFirst);
  list('Words in no dictionary (names, numbers with units, missing terms)', unknown);
  list('Junk first senses', junk);
  list('Matches inside ASCII runs', insideAscii);
}

main();
