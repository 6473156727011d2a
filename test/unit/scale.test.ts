/**
 * Item 15 of issue 10: long lines and large outputs cost linear time and bounded memory, and give
 * exactly what the whole-passage reading and the unstreamed output gave. Timings are the bench's
 * job (npm run bench); these tests check the outputs.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatScanTable, scanJsonChunks, toScanJson } from '../../src/cli/format';
import { findPassages } from '../../src/core/text/detect';
import { readText, READING_SEGMENT, type ReadingToken } from '../../src/core/reading/pinyin';
import { scanMatches, scanText, type ScanResult } from '../../src/core/document/scan';
import { listTerms, TermCollector } from '../../src/core/document/termList';
import { lineColumnAt } from '../../src/core/text/text';
import { fixture, fullLexicon, ROOT } from './fullLexicon';

const cli = join(ROOT, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'hanzi-gloss-scale-'));
const FIXTURES = ['diecasting-orders.txt', 'forum-thread.txt', 'heteronyms.txt'];

/** Real Chinese text (the fixtures' lines with Han characters) run together into one line of `chars`. */
function longLine(chars: number): string {
  const lines = ['diecasting-orders.txt', 'heteronyms.txt', 'forum-thread.txt']
    .flatMap((f) => fixture(f).split('\n'))
    .filter((l) => /[\u4e00-\u9fff]/.test(l));
  const han = lines.map((l) => l.replace(/[^\u4e00-\u9fff，。、；：0-9]/g, '')).join('');
  let text = '';
  while (text.length < chars) text += han;
  return text.slice(0, chars);
}

/** The reading of a span as the whole passage read at once gives it: today's output before the fix. */
function wholePassageReadings(text: string, lexicon = fullLexicon()): string[] {
  const out: string[] = [];
  for (const p of findPassages(text)) {
    const found = lexicon.matchRange(text, p.start, p.end).toArray();
    const spans = found.map((m) => ({ start: m.start - p.start, end: m.end - p.start, pinyin: m.pinyin }));
    const tokens = readText(p.text, spans);
    const byStart = new Map<number, number>(tokens.map((t, i) => [t.start, i]));
    for (const m of found) {
      const parts: string[] = [];
      let i = byStart.get(m.start - p.start) ?? tokens.findIndex((t: ReadingToken) => t.start >= m.start - p.start);
      for (; i >= 0 && i < tokens.length && tokens[i].end <= m.end - p.start; i++) {
        parts.push(tokens[i].syllable ?? tokens[i].text);
      }
      out.push(parts.join(' '));
    }
  }
  return out;
}

test('a long line (one passage of 60,000 characters) gives exactly the pinyin of the passage read whole', () => {
  const text = longLine(60_000);
  assert.ok(text.length <= READING_SEGMENT);
  assert.equal(findPassages(text).length, 1);
  const readings = scanText(text, fullLexicon()).matches.map((m) => m.reading);
  const expected = wholePassageReadings(text);
  assert.equal(readings.length, expected.length);
  assert.deepEqual(
    readings.map((r, i) => [i, r, expected[i]]).filter(([, r, e]) => r !== e),
    [],
  );
  assert.ok(readings.includes('yín háng') && readings.includes('zì xíng chē'), 'heteronyms read in context');
});

test('a passage longer than READING_SEGMENT is read a window at a time: the same matches, whole readings', () => {
  const text = longLine(1.25 * READING_SEGMENT);
  assert.equal(findPassages(text).length, 1);
  const matches = scanText(text, fullLexicon()).matches;
  const expected = wholePassageReadings(text);
  assert.equal(matches.length, expected.length);
  for (const m of matches) {
    const han = [...m.text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    const latin = m.text.match(/[0-9A-Za-z]+/g)?.length ?? 0;
    assert.equal(m.reading.split(' ').length, han + latin, `${m.text} ${m.reading}`);
  }
  // pinyin-pro's choice in a long chain of ambiguous words can hang on text far away: nearly all agree.
  const same = matches.filter((m, i) => m.reading === expected[i]).length;
  assert.ok(same / matches.length > 0.99, `${same} of ${matches.length} readings as read whole`);
});

test('the term list of a long line reads each term as the whole passage does', () => {
  const text = longLine(50_000);
  const terms = listTerms(text, fullLexicon());
  const whole = scanText(text, fullLexicon()).matches;
  const firstReading = new Map<string, string>();
  const expected = wholePassageReadings(text);
  whole.forEach((m, i) => {
    if (!firstReading.has(m.text)) firstReading.set(m.text, expected[i]);
  });
  assert.ok(terms.length > 20, `${terms.length} terms`);
  for (const t of terms) {
    const reading = firstReading.get(t.text);
    if (reading !== undefined) {
      assert.equal(t.reading, reading, t.text);
      continue;
    }
    // A glossary unit inside a number word (台 of 2台, 一台 of 一台8800吨): its glossary's reading, as
    // where it stands alone.
    const number = whole.findIndex((m) => m.entries[0]?.composed === 'number' && m.text.includes(t.text));
    assert.ok(number >= 0, `${t.text} is a scan match or a unit of a number word`);
    assert.equal(t.reading, listTerms(t.text, fullLexicon())[0]?.reading, t.text);
  }
});

test('the streamed scan JSON is byte for byte JSON.stringify of the whole result', () => {
  const lexicon = fullLexicon();
  const texts = [...FIXTURES.map(fixture), longLine(40_000), '', 'no Chinese at all'];
  for (const text of texts) {
    const passages = findPassages(text);
    const streamed = [...scanJsonChunks(passages, scanMatches(text, passages, lexicon))];
    assert.equal(streamed.join(''), JSON.stringify(toScanJson(scanText(text, lexicon))));
    if (streamed.join('').length > 1_000_000) assert.ok(streamed.length > 5, 'handed on in pieces');
  }
});

test('the CLI streams scan --json with the same bytes, and stops quietly when the reader goes away', async () => {
  const file = join(tmp, 'long.txt');
  const text = `${longLine(30_000)}\n${fixture('diecasting-orders.txt')}`;
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [cli, 'scan', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, JSON.stringify(toScanJson(scanText(text, fullLexicon()))) + '\n');
  // `| head -c 100`: the reader closes the pipe after its first piece, for the JSON and the table.
  for (const args of [['--json'], []]) {
    const p = spawn(process.execPath, [cli, 'scan', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.once('data', () => p.stdout.destroy());
    const code = await new Promise((resolve) => p.on('close', resolve));
    assert.equal(stderr, '', `scan ${args.join(' ')}: no stack trace when the reader goes away`);
    assert.equal(code, 0);
  }
});

/** The table as it was made before (per-match line search, Math.max over a spread): the reference. */
function referenceTable(text: string, result: ScanResult): string {
  const wide =
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{10ffff}]/u;
  const width = (s: string) => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
  const rows = result.matches.map((m) => {
    const { line, column } = lineColumnAt(text, m.start);
    const first = m.entries[0];
    const en = first ? first.en.slice(0, 3).join('; ') : '';
    const english = en.length <= 60 ? en : `${en.slice(0, 59)}…`;
    if (!first && m.name) {
      // An unlisted organisation name (宜安科技): what to do, and the kind its suffix tells (… Technology).
      const todo = `[not in the glossary: look up its official English name]${m.name.kind ? ` … ${m.name.kind}` : ''}`;
      return [`${line}:${column}`, m.text, m.reading, todo, 'unlisted'];
    }
    return [`${line}:${column}`, m.text, m.reading, english, first ? first.source.id : ''];
  });
  const header = ['line:col', 'term', 'pinyin', 'english', 'source'];
  const widths = header.map((h, k) => Math.max(width(h), ...rows.map((r) => width(r[k]))));
  const padTo = (c: string, w: number) => c + ' '.repeat(Math.max(0, w - width(c)));
  const cells = (r: string[]) => r.map((c, k) => (k === r.length - 1 ? c : padTo(c, widths[k])));
  const lines = [header, ...rows].map((r) => cells(r).join('  ').trimEnd());
  lines.push('', `${result.passages.length} Chinese passage(s), ${result.matches.length} glossary match(es)`);
  return lines.join('\n');
}

test('the table is unchanged on the fixtures and on a long line', () => {
  for (const text of [...FIXTURES.map(fixture), longLine(5_000)]) {
    const result = scanText(text, fullLexicon());
    assert.equal(formatScanTable(text, result), referenceTable(text, result));
  }
});

test('the table of 200,000 matches is made (no RangeError from spreading the rows)', () => {
  const text = '压铸'.repeat(200_000);
  const source = { id: 'curated:die-casting', label: 'Die casting', layer: 'curated' };
  const entry = { zh: '压铸', en: ['die casting'], id: 'yazhu', source };
  const match = (i: number) => ({
    start: 2 * i,
    end: 2 * i + 2,
    text: '压铸',
    pinyin: 'yā zhù',
    reading: 'yā zhù',
    entries: [entry],
  });
  const matches = Array.from({ length: 200_000 }, (_, i) => match(i));
  const result = { passages: [{ start: 0, end: text.length, text }], matches };
  const table = formatScanTable(text, result as unknown as ScanResult);
  const lines = table.split('\n');
  assert.equal(lines.length, 200_003);
  assert.equal(lines[200_000], '1:399999  压铸  yā zhù  die casting  curated:die-casting');
});

test('the term list reads its passages a slice at a time, with the readings of one full read', () => {
  const lexicon = fullLexicon();
  const lines = ['diecasting-orders.txt', 'forum-thread.txt'].flatMap((f) => fixture(f).split(/[\n，。]/));
  const collect = () => {
    const c = new TermCollector(lexicon);
    let base = 0;
    for (const line of lines) {
      c.addLine(line, base);
      base += line.length + 1;
    }
    return c;
  };
  const whole = collect().terms('numbers');
  const sliced = collect();
  let calls = 0;
  while (!sliced.readSome('numbers', () => true)) calls++;
  // One passage per slice: as many slices as lines where some term occurs first (a line is one passage here).
  const starts: number[] = [];
  lines.reduce((base, line) => (starts.push(base), base + line.length + 1), 0);
  const lineOf = (offset: number) => starts.filter((s) => s <= offset).length;
  const firstLines = new Set(whole.map((t) => lineOf(t.occurrences.at(0).start)));
  assert.ok(firstLines.size > 5, `${firstLines.size} lines with a first occurrence`);
  assert.equal(calls + 1, firstLines.size);
  const terms = sliced.terms('numbers');
  assert.deepEqual(
    terms.map((t) => [t.text, t.reading]),
    whole.map((t) => [t.text, t.reading]),
  );
  assert.ok(
    terms.some((t) => /[1-5]/.test(t.reading)),
    'tone numbers',
  );
  // Asked again in the other tone style, every term is read again.
  assert.deepEqual(
    sliced.terms('marks').map((t) => t.reading),
    collect()
      .terms('marks')
      .map((t) => t.reading),
  );
});
