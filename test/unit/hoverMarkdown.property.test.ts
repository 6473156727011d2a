/**
 * Property test of the hover's escaping: for arbitrary glossary text, the Markdown parsed by an
 * independent CommonMark parser (markdown-it, HTML on) has no link, image, HTML, code block,
 * heading, list, quote or table, only the fixed layout; and no bare URL, www. or e-mail address
 * that a GFM renderer (VS Code's) would turn into a link.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SourcedEntry } from '../../src/core/glossary/entry';
import { renderHoverMarkdown, type HoverOptions } from '../../src/core/document/hoverMarkdown';
import type { PositionInfo } from '../../src/core/document/scan';
import { ENGLISH_LABELS } from '../shared/hoverLabels';

interface Token {
  readonly type: string;
  readonly children: Token[] | null;
}
// markdown-it ships no types; this is the slice used here.
const MarkdownIt = require('markdown-it') as new (options: object) => { parse(src: string, env: object): Token[] };
const parser = new MarkdownIt({ html: true, linkify: false });

const RUNS = 10_000;

/** What the layout itself produces: paragraphs, emphasis, hard breaks and one rule. */
const ALLOWED = new Set([
  'paragraph_open',
  'paragraph_close',
  'inline',
  'hr',
  'text',
  'strong_open',
  'strong_close',
  'em_open',
  'em_close',
  'softbreak',
  'hardbreak',
]);

/** Glossary text as an attacker or a careless import would write it. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(
      ...['[', ']', '(', ')', '<', '>', '!', '*', '_', '`', '~', '#', '-', '+', '=', '|', ':', '/', '.', '@', '&', ';'],
      ...['\\', '"', "'", ' ', '    ', '\t', '\n', '\r', '\u2028', '\u00a0', 'a', '1', '压'],
    ),
    maxLength: 16,
  }),
  fc.constantFrom(
    '[x](command:workbench.action.terminal.new)',
    '![i](https://evil.example/a.png)',
    '<img src=x onerror=alert(1)>',
    '<a href="command:x">y</a>',
    'https://evil.example/path',
    'www.evil.example',
    'mail@evil.example',
    '<https://evil.example>',
    '[ref]: https://evil.example',
    '```\ncode\n```',
    '    indented',
    '# heading',
    '> quote',
    '- item',
    '1. item',
    '| a | b |\n|---|---|',
    '&lt;b&gt;',
    '&#60;script&#62;',
    '***',
  ),
);
const text = fc.array(hostile, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const maybe = fc.option(text, { nil: undefined });

const entry: fc.Arbitrary<SourcedEntry> = fc.record({
  id: fc.string(),
  zh: text,
  pinyin: maybe,
  en: fc.array(text, { minLength: 1, maxLength: 3 }),
  category: maybe,
  note: maybe,
  // A dictionary redirect's target is named in the hover: as untrusted as the rest.
  redirect: fc.option(fc.record({ zh: text, traditional: text, pinyin: text, relation: text }), { nil: undefined }),
  source: fc.record({
    label: text,
    layer: fc.constantFrom('workspace', 'user', 'curated', 'cedict' as const),
    id: fc.string(),
  }),
});

const info: fc.Arbitrary<PositionInfo> = fc.record({
  kind: fc.constantFrom('term', 'character' as const),
  start: fc.constant(0),
  end: fc.constant(1),
  text,
  simplified: text,
  traditional: text,
  reading: text,
  entries: fc.array(entry, { maxLength: 6 }),
  // The other words under the pointer ("Also") carry glossary text too.
  also: fc.array(
    fc.record({
      start: fc.constant(0),
      end: fc.constant(1),
      text,
      reading: text,
      entries: fc.array(entry, { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
});

const options: fc.Arbitrary<HoverOptions> = fc.record({
  scriptFirst: fc.constantFrom('simplified', 'traditional' as const),
  maxDictionaryEntries: fc.integer({ min: 0, max: 4 }),
});

function offending(tokens: readonly Token[], out: string[] = []): string[] {
  for (const t of tokens) {
    if (!ALLOWED.has(t.type)) out.push(t.type);
    if (t.children) offending(t.children, out);
  }
  return out;
}

test('hover Markdown for arbitrary glossary text holds only the fixed layout, and nothing to autolink', () => {
  fc.assert(
    fc.property(info, options, (i, o) => {
      const md = renderHoverMarkdown(i, ENGLISH_LABELS, o);
      const tokens = parser.parse(md, {});
      assert.deepEqual(offending(tokens), [], md);
      assert.equal(tokens.filter((t) => t.type === 'hr').length, 1, md);
      // GFM's extended autolinks (VS Code's renderer has them) read the source, where every
      // escaped ':', '.' and '@' stands behind a backslash.
      assert.ok(!md.includes('://') && !/www\./i.test(md) && !/[\w.+-]@[\w-]/.test(md), md);
    }),
    { numRuns: RUNS },
  );
});
