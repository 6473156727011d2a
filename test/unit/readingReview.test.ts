/** The readings review: disagreements with pinyin-pro and CC-CEDICT, and the file of decisions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGlossaries } from '../../src/core/glossary/load';
import {
  formatDisagreement,
  parseReadingDecisions,
  pinyinProReading,
  readingCandidates,
  readingDisagreements,
  reviewReadings,
} from '../../src/core/glossary/readingReview';

const glossary = {
  domain: 'die-casting',
  entries: [
    // pinyin-pro reads 模 as mó here; in a die shop it is mú (CC-CEDICT: 模具 mu2 ju4).
    { id: 'kaimu', zh: '开模', pinyin: 'kāi mú', en: ['tooling'] },
    {
      id: 'yazhu',
      zh: '压铸',
      pinyin: 'yā zhù',
      en: ['die casting'],
      aliases: [{ zh: '压铸模', pinyin: 'yā zhù mú' }],
    },
    // A wrong reading that pinyin-pro gets right and CC-CEDICT lists otherwise.
    { id: 'jinxiang', zh: '金相', pinyin: 'jīn xiāng', en: ['metallography'] },
    { id: 'x', zh: 'X射线', pinyin: 'X shè xiàn', en: ['X-ray'] },
  ],
};
const loaded = loadGlossaries(
  [{ path: 'g.json', bytes: new TextEncoder().encode(JSON.stringify(glossary, null, 2)) }],
  'curated',
);
const cedict = new Map([
  ['金相', ['jīn xiàng']],
  ['压铸', ['yā zhù']],
]);
const disagreements = readingDisagreements(readingCandidates(loaded), (zh) => cedict.get(zh) ?? []);

test('every term and alias with a reading is a candidate, at the line of its entry', () => {
  const candidates = readingCandidates(loaded);
  assert.deepEqual(
    candidates.map((c) => [c.zh, c.line, c.aliasOf]),
    [
      ['开模', 6, undefined],
      ['压铸', 14, undefined],
      ['压铸模', 14, '压铸'],
      ['金相', 28, undefined],
      ['X射线', 36, undefined],
    ],
  );
});

test('a reading is flagged when pinyin-pro differs or CC-CEDICT has the word and lists it otherwise', () => {
  assert.equal(pinyinProReading('开模'), 'kāi mó');
  assert.equal(pinyinProReading('X射线'), 'X shè xiàn');
  assert.deepEqual(
    disagreements.map((d) => [d.zh, d.pinyin, d.pinyinPro, d.cedict]),
    [
      ['开模', 'kāi mú', 'kāi mó', []],
      ['压铸模', 'yā zhù mú', 'yā zhù mó', []],
      ['金相', 'jīn xiāng', 'jīn xiāng', ['jīn xiàng']],
    ],
  );
  assert.equal(
    formatDisagreement(disagreements[1]),
    'g.json:14\t压铸模 (alias of 压铸)\tours: yā zhù mú\tpinyin-pro: yā zhù mó\tCC-CEDICT: —',
  );
});

test('CC-CEDICT readings compare without case; a word CC-CEDICT lacks is judged by pinyin-pro alone', () => {
  const upper = readingDisagreements(
    [{ file: 'g.json', line: 1, zh: '北京', pinyin: 'běi jīng' }],
    () => ['Běi jīng'],
    () => 'běi jīng',
  );
  assert.deepEqual(upper, []);
  const lacking = readingDisagreements([{ file: 'g.json', line: 1, zh: '开模', pinyin: 'kāi mú' }], () => []);
  assert.equal(lacking.length, 1);
});

test('decisions settle their disagreement; the rest stay undecided and unneeded decisions are listed', () => {
  const decisions = parseReadingDecisions(
    'zh\tpinyin\treason\n# comment\n开模\tkāi mú\t模 is mú for a mould (CC-CEDICT 模具 mu2 ju4)\n' +
      '\n压铸模\tyā zhù mú\tsame as 模具\n铝液\tlǚ yè\tno longer in any glossary\n',
    'd.tsv',
  );
  assert.deepEqual(
    decisions.map((d) => [d.zh, d.line]),
    [
      ['开模', 3],
      ['压铸模', 5],
      ['铝液', 6],
    ],
  );
  const review = reviewReadings(disagreements, decisions);
  assert.deepEqual(
    review.undecided.map((d) => d.zh),
    ['金相'],
  );
  assert.deepEqual(
    review.decided.map((d) => [d.disagreement.zh, d.decision.line]),
    [
      ['开模', 3],
      ['压铸模', 5],
    ],
  );
  assert.deepEqual(
    review.unused.map((d) => d.zh),
    ['铝液'],
  );
});

test('a decision is for one reading: another reading of the same term stays undecided', () => {
  const decisions = parseReadingDecisions('zh\tpinyin\treason\n开模\tkāi mó\twrong reading decided\n', 'd.tsv');
  assert.deepEqual(
    reviewReadings(disagreements, decisions).undecided.map((d) => d.zh),
    ['开模', '压铸模', '金相'],
  );
});

test('a malformed decisions file is refused with its file and line', () => {
  assert.throws(
    () => parseReadingDecisions('zh\tpinyin\n', 'd.tsv'),
    /^LocatedError: d\.tsv:1:1 the first line must be/,
  );
  assert.throws(
    () => parseReadingDecisions('zh\tpinyin\treason\n开模\tkāi mú\n', 'd.tsv'),
    (e: Error) => e.message === 'd.tsv:2:1 expected 3 tab-separated cells (zh, pinyin, reason), found 2',
  );
  assert.throws(
    () => parseReadingDecisions('zh\tpinyin\treason\n开模\tkāi mú\t \n', 'd.tsv'),
    (e: Error) => e.message === 'd.tsv:2:1 zh, pinyin and reason must all be filled in',
  );
  assert.throws(
    () => parseReadingDecisions('zh\tpinyin\treason\n开模\tkāi mú\ta\n开模\tkāi mú\tb\n', 'd.tsv'),
    (e: Error) => e.message === 'd.tsv:3:1 开模 kāi mú is decided already at line 2',
  );
  assert.throws(() => parseReadingDecisions('', 'd.tsv'), /d\.tsv:1:1/);
});

test('npm run review:readings: exit 1 with the undecided lines, 0 once a decision settles them', () => {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const { mkdtempSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'hanzi-gloss-readings-'));
  const entries = [
    { id: 'kaimu', zh: '开模', pinyin: 'kāi mú', en: ['tooling'] },
    // CC-CEDICT reads 翘曲 qiao2 qu1; pinyin-pro qiào qǔ: both disagree with this reading.
    { id: 'qiaoqu', zh: '翘曲', pinyin: 'qiào qū', en: ['warpage'] },
  ];
  writeFileSync(join(dir, 'g.json'), JSON.stringify({ domain: 'x', entries }, null, 2));
  const tool = join(__dirname, '..', '..', 'dist-tools', 'reviewReadings.js');
  const run = () => spawnSync(process.execPath, [tool, dir], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
  const before = run();
  assert.equal(before.status, 1, before.stderr);
  const lines = before.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /g\.json:6\t开模\tours: kāi mú\tpinyin-pro: kāi mó\tCC-CEDICT: —$/);
  assert.match(lines[1], /g\.json:14\t翘曲\tours: qiào qū\tpinyin-pro: qiào qǔ\tCC-CEDICT: qiáo qū$/);
  assert.match(lines[2], /2 readings, 2 disagreement\(s\), 0 decided .* 2 undecided$/);
  writeFileSync(
    join(dir, 'readings-reviewed.tsv'),
    'zh\tpinyin\treason\n开模\tkāi mú\t模 is mú for a die\n翘曲\tqiào qū\ta wrong decision, but a decision\n',
  );
  const after = run();
  assert.equal(after.status, 0, after.stdout + after.stderr);
  assert.match(after.stdout, /2 decided in .*readings-reviewed\.tsv, 0 undecided\n$/);
  writeFileSync(join(dir, 'readings-reviewed.tsv'), 'zh\tpinyin\treason\n开模\tkāi mú\n');
  const malformed = run();
  assert.equal(malformed.status, 1);
  assert.match(malformed.stderr, /readings-reviewed\.tsv:2:1 expected 3 tab-separated cells/);
});

test('every reading of the shipped curated glossaries agrees with pinyin-pro and CC-CEDICT or is decided', () => {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const { join } = require('node:path') as typeof import('node:path');
  const root = join(__dirname, '..', '..');
  const run = spawnSync(process.execPath, [join(root, 'dist-tools', 'reviewReadings.js')], {
    encoding: 'utf8',
    cwd: root,
  });
  assert.equal(run.status, 0, `npm run review:readings lists undecided readings:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, / 0 undecided/);
});
