import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcedEntry } from '../../src/core/glossary/entry';
import { buildLayer, Lexicon } from '../../src/core/glossary/lexicon';
import { escapeMarkdown, renderHoverMarkdown } from '../../src/core/hoverMarkdown';
import { describePosition } from '../../src/core/scan';
import { ENGLISH_LABELS } from '../shared/hoverLabels';

const labels = ENGLISH_LABELS;

const evil: SourcedEntry = {
  id: 'x',
  zh: '压铸',
  en: ['[click](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '![i](https://evil.example/a.png)'],
  note: 'see https://evil.example and <b>bold</b>\n# heading',
  source: { layer: 'workspace', label: '[src](command:rm)', id: 'evil.json' },
};

test('glossary text cannot inject links, commands, images or HTML into the hover', () => {
  const lex = new Lexicon([buildLayer([{ source: evil.source, glossary: { name: 'evil', entries: [evil] } }])]);
  const info = describePosition('压铸', 0, lex);
  assert.ok(info);
  const md = renderHoverMarkdown(info, labels);
  assert.ok(!/[^\\]\[click\]\(/.test(md) && md.includes('\\[click\\]\\(command\\:'), md);
  assert.ok(!/(^|[^\\])<(img|b)/.test(md) && md.includes('\\<img'), md);
  assert.ok(!md.includes('](https') && !md.includes('https://'), 'no live URL survives');
  assert.ok(!/\n# heading/.test(md), 'newlines in data cannot start a heading');
});

test('escapeMarkdown escapes every ASCII punctuation mark and keeps CJK text', () => {
  assert.equal(escapeMarkdown('a*b_c`d'), 'a\\*b\\_c\\`d');
  assert.equal(escapeMarkdown('压铸，开模'), '压铸，开模');
});

test('the hover names the term, its reading, each gloss and its source', () => {
  const lex = new Lexicon([
    buildLayer([{ source: { layer: 'curated', label: 'Die casting', id: 'curated:d' }, glossary: { name: 'Die casting', entries: [{ id: 'y', zh: '压铸', pinyin: 'yā zhù', en: ['die casting'], category: 'process' }] } }]),
  ]);
  const info = describePosition('吉利：极氪009是自己压铸， 用的', 12, lex);
  assert.deepEqual([info?.kind, info?.start, info?.end, info?.reading], ['term', 11, 13, 'yā zhù']);
  const md = renderHoverMarkdown(info!, labels);
  assert.equal(md, '**压铸** 壓鑄 — yā zhù\n\ndie casting  \n_process_  \nSource: Curated glossary · Die casting\n\n---\n\n_Hanzi Gloss_');
});

test('a Han character in no glossary gets its pinyin in context', () => {
  const info = describePosition('用的力劲8000吨机器', 1, Lexicon.empty());
  assert.deepEqual([info?.kind, info?.text, info?.reading, info?.entries.length], ['character', '的', 'de', 0]);
  const rare = describePosition('a 𠀀 b', 3, Lexicon.empty());
  assert.deepEqual([rare?.start, rare?.end, rare?.text], [2, 4, '𠀀'], 'hovering the low surrogate finds the whole character');
  assert.equal(describePosition('plain English', 3, Lexicon.empty()), undefined);
  assert.equal(describePosition('2台6000吨', 3, Lexicon.empty()), undefined, 'digits inside a passage have no hover');
});

// Counterexample found by hoverMarkdown.property.test.ts (shrunk by fast-check), kept as a regression.
test('leading spaces or tabs in glossary text cannot turn an entry into a code block', () => {
  const source = { layer: 'workspace', label: '', id: 'w' } as const;
  const spaced: SourcedEntry = { id: 's', zh: '压铸', en: ['    ', '[x](command:a)'], note: '\tnote', source };
  const lex = new Lexicon([buildLayer([{ source: spaced.source, glossary: { name: 'w', entries: [spaced] } }])]);
  const md = renderHoverMarkdown(describePosition('压铸', 0, lex)!, labels);
  assert.ok(!/(^|\n)( {4}|\t)/.test(md), JSON.stringify(md));
  assert.equal(escapeMarkdown('a \t\f b\r\n  c'), 'a b c');
});
