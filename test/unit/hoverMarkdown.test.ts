import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcedEntry } from '../../src/core/glossary/entry';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { commandLink, escapeMarkdown, renderHoverMarkdown } from '../../src/core/document/hoverMarkdown';
import { describePosition } from '../../src/core/document/scan';
import { ENGLISH_LABELS } from '../shared/hoverLabels';
import { markdownLinks } from '../shared/markdownLinks';
import { fullLexicon } from './fullLexicon';

/** Markdown escapes removed, to compare with what a user reads. */
const plain = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const labels = ENGLISH_LABELS;

const evil: SourcedEntry = {
  id: 'x',
  zh: '压铸',
  en: [
    '[click](command:workbench.action.terminal.new)',
    '<img src=x onerror=alert(1)>',
    '![i](https://evil.example/a.png)',
  ],
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
    buildLayer([
      {
        source: { layer: 'curated', label: 'Die casting', id: 'curated:d' },
        glossary: {
          name: 'Die casting',
          entries: [{ id: 'y', zh: '压铸', pinyin: 'yā zhù', en: ['die casting'], category: 'process' }],
        },
      },
    ]),
  ]);
  const info = describePosition('吉利：极氪009是自己压铸， 用的', 12, lex);
  assert.deepEqual([info?.kind, info?.start, info?.end, info?.reading], ['term', 11, 13, 'yā zhù']);
  const md = renderHoverMarkdown(info!, labels);
  assert.equal(
    md,
    '**压铸** 壓鑄 — yā zhù\n\ndie casting  \n_process_  \nSource: Curated glossary · Die casting\n\n---\n\n_Hanzi Gloss_',
  );
});

test('a Han character in no glossary gets its pinyin in context', () => {
  const info = describePosition('用的力劲8000吨机器', 1, Lexicon.empty());
  assert.deepEqual([info?.kind, info?.text, info?.reading, info?.entries.length], ['character', '的', 'de', 0]);
  const rare = describePosition('a 𠀀 b', 3, Lexicon.empty());
  assert.deepEqual(
    [rare?.start, rare?.end, rare?.text],
    [2, 4, '𠀀'],
    'hovering the low surrogate finds the whole character',
  );
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

const MILLISON = 'Chongqing Millison Technologies Inc. · Millison Technologies · Millison';

test('a company hovered by an alias shows its English name first, the headword and its reading after it', () => {
  const lex = fullLexicon();
  for (const [line, alias] of [
    ['重庆美利信的压铸件', '重庆美利信'],
    ['大江美利信', '大江美利信'],
  ] as const) {
    const info = describePosition(line, 1, lex);
    assert.equal(info?.text, alias);
    const block = plain(renderHoverMarkdown(info!, labels)).split('\n\n')[1];
    assert.equal(block.split('  \n')[0], `${MILLISON} (美利信 _měi lì xìn_)`);
  }
  // Hovered by its headword, the reading is the heading's and is not repeated.
  const own = plain(renderHoverMarkdown(describePosition('美利信', 0, lex)!, labels)).split('\n\n')[1];
  assert.equal(own.split('  \n')[0], MILLISON);
});

test('a dictionary sense of the same characters with another reading still shows that reading first', () => {
  const source = { layer: 'cedict', label: 'CC-CEDICT', id: 'cedict' } as const;
  const entries = [{ id: 't', zh: '台', pinyin: 'tāi', en: ['Taizhou (place name)'] }];
  const lex = new Lexicon([buildLayer([{ source, glossary: { name: 'c', entries } }])]);
  const info = { ...describePosition('台', 0, lex)!, reading: 'tái' };
  assert.match(renderHoverMarkdown(info, labels), /\n\n_tāi_ Taizhou \\\(place name\\\)  \n/);
});

test('a command link carries any term as one link destination, decoded back to the same arguments', () => {
  for (const zh of ['压铸(机', '压铸(机)', '压铸)机', "压'铸*!", '压铸 机]', '压\\铸%28', '🀄(']) {
    const link = commandLink('Add to glossary', 'hanziGloss.addEntry', [{ zh }]);
    const [destination] = markdownLinks(link).map((l) => l.destination);
    assert.ok(destination, `${zh}: ${link} is a link`);
    assert.match(
      destination,
      /^command:hanziGloss\.addEntry\?[A-Za-z0-9\-._~%]+$/,
      `${zh}: unreserved characters only`,
    );
    assert.deepEqual(JSON.parse(decodeURIComponent(destination.slice(destination.indexOf('?') + 1))), [{ zh }]);
  }
  const annotate = commandLink('Annotate (line)', 'hanziGloss.annotatePassage');
  assert.equal(annotate, '[Annotate \\(line\\)](command:hanziGloss.annotatePassage)', 'the label is escaped');
});

test('with tone colours each Han syllable of the reading is a coloured span, the text read the same', () => {
  const lex = new Lexicon([
    buildLayer([
      {
        source: { layer: 'curated', label: 'Companies', id: 'curated:c' },
        glossary: {
          name: 'Companies',
          entries: [
            { id: 'y', zh: '压铸', pinyin: 'yā zhù', en: ['die casting'] },
            { id: 'b', zh: '4680电池', pinyin: '4680 diàn chí', en: ['4680 battery cell'] },
          ],
        },
      },
    ]),
  ]);
  const toneColor = (tone: number) => `var(--vscode-hanziGloss-tone${tone})`;
  const md = renderHoverMarkdown(describePosition('压铸', 0, lex)!, labels, {
    scriptFirst: 'simplified',
    maxDictionaryEntries: 4,
    toneColor,
  });
  const heading = md.split('\n')[0];
  assert.equal(
    heading,
    '**压铸** 壓鑄 — <span style="color:var(--vscode-hanziGloss-tone1);">yā</span> ' +
      '<span style="color:var(--vscode-hanziGloss-tone4);">zhù</span>',
  );
  // What a screen reader reads: the same words as without colours.
  assert.equal(
    heading.replace(/<[^>]+>/g, ''),
    renderHoverMarkdown(describePosition('压铸', 0, lex)!, labels).split('\n')[0],
  );
  // Only syllables of Han characters are coloured; digits keep no span, and a tone number reads as its tone.
  const battery = renderHoverMarkdown(describePosition('4680电池', 5, lex, 'numbers')!, labels, {
    scriptFirst: 'simplified',
    maxDictionaryEntries: 4,
    toneColor,
  }).split('\n')[0];
  assert.ok(battery.includes('— 4680 <span style="color:var(--vscode-hanziGloss-tone4);">dian4</span> '), battery);
  assert.ok(battery.endsWith('<span style="color:var(--vscode-hanziGloss-tone2);">chi2</span>'), battery);
});

test('every span of a coloured hover has exactly the style form VS Code keeps', () => {
  const md = renderHoverMarkdown(
    describePosition('吉利：极氪009是自己压铸， 用的力劲8000吨机器', 11, fullLexicon())!,
    labels,
    {
      scriptFirst: 'simplified',
      maxDictionaryEntries: 4,
      toneColor: (tone) => `var(--vscode-hanziGloss-tone${tone})`,
    },
  );
  const tags = [...md.matchAll(/<[^>]*>/g)].map((m) => m[0]);
  assert.ok(tags.length >= 4, md);
  // VS Code 1.100's markdownRenderer keeps a span's style only when it matches this (uponSanitizeAttribute).
  const kept = /^(color\:(#[0-9a-fA-F]+|var\(--vscode(-[a-zA-Z0-9]+)+\));)?$/;
  for (const tag of tags) {
    const style = /^<span style="([^"]*)">$/.exec(tag)?.[1];
    assert.ok(tag === '</span>' || (style !== undefined && kept.test(style)), tag);
  }
});
