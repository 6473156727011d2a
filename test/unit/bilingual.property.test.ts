/**
 * The bilingual exports read back by independent parsers (issue 10, item 12): the Markdown through
 * markdown-it with linkify on (installed with @vscode/vsce), the HTML through htmlparser2 (with
 * cheerio): no link, tag or entity that the source text did not hold as text, and the text intact.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import fc from 'fast-check';
import { bilingualHtml, bilingualMarkdown } from '../../src/core/document/bilingual';
import { fullLexicon } from './fullLexicon';

interface MarkdownIt {
  render(src: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownItCtor = require('markdown-it') as new (options: object) => MarkdownIt;
/** As a linkifying renderer has it (VS Code's preview, many static-site generators): bare URLs become links. */
const markdownIt = new MarkdownItCtor({ html: true, linkify: true });

interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  children?: HtmlNode[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseDocument } = require('htmlparser2') as { parseDocument(html: string): HtmlNode };

function elements(node: HtmlNode, out: string[] = []): string[] {
  if (node.type === 'tag' || node.type === 'script' || node.type === 'style') out.push(node.name ?? '');
  for (const c of node.children ?? []) elements(c, out);
  return out;
}
const textOf = (node: HtmlNode): string =>
  node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join('');
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
const decode = (s: string) => s.replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ENTITIES[e] ?? e);

const URLS = 'see https://example.com/a?b=1&c=2, www.example.org, example.net, ftp://x.org and info@example.com';

test('bilingual Markdown leaves no link for a linkifying renderer, and the text reads as written', () => {
  const md = bilingualMarkdown(`Title ${URLS}`, `压铸 ${URLS}\nEN: die casting, ${URLS}\n`, 'EN: ', fullLexicon());
  const rendered = markdownIt.render(md);
  assert.ok(!rendered.includes('<a '), rendered);
  const h1 = /<h1>(.*)<\/h1>/.exec(rendered)?.[1] ?? '';
  assert.equal(decode(h1).replaceAll('\u2060', ''), `Title ${URLS}`);
});

test("bilingual Markdown leaves no link for GitHub's renderer (cmark-gfm with autolinks), when installed", (t) => {
  const text = `压铸 ${URLS}\nEN: ${URLS}, mailto:x@y.org, xmpp:a@b.org\n`;
  const md = bilingualMarkdown(`Title ${URLS}`, text, 'EN: ', fullLexicon());
  const r = spawnSync('cmark-gfm', ['-e', 'autolink'], { input: md, encoding: 'utf8' });
  // CI provisions it (test/harness/provision.sh): there a missing tool is a failure, not a skip.
  if (r.error && process.env.CI) assert.fail('cmark-gfm is missing: run bash test/harness/provision.sh');
  if (r.error) return t.skip('cmark-gfm not installed (Debian package cmark-gfm); markdown-it was checked above');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes('<a '), r.stdout);
});

test('bilingual HTML: glossary and annotation text cannot add elements', () => {
  const evil = '<script>alert(1)</script> & <img src=x onerror=alert(2)> "q"';
  const html = bilingualHtml(evil, `压铸${evil}\nEN: ${evil}\n`, 'EN: ', fullLexicon());
  const doc = parseDocument(html);
  const tags = new Set(elements(doc));
  for (const bad of ['script', 'img']) assert.ok(!tags.has(bad), `<${bad}> in the export`);
  assert.ok(textOf(doc).includes(`EN: ${evil}`.slice(4)), 'the annotation text reads as written');
});

/** Any text on one line: ASCII punctuation, URL pieces, Markdown and HTML syntax, Han, astral characters. */
const piece = fc.oneof(
  fc.constantFrom('http://', 'https://', 'www.', '.com', '@', 'mailto:', '<', '>', '&amp;', '&#65;', '[x](y)'),
  fc.constantFrom('![i](j)', 'xmpp:'),
  fc.constantFrom('`', '*', '_'),
  fc.constantFrom('~~', '|', '#', '\\', ':', '/', '.', ' ', 'a', 'B', '9', '压', '铸', '😀', '-', '+', '=', '!'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 2 }),
);
const oneLineText = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((ps) =>
    ps
      .join('')
      .replace(/[\r\n\u0000]/g, ' ')
      .trim(),
  )
  .filter((s) => s.length > 0);

test('bilingual Markdown title: markdown-it renders exactly the text, with no link or tag (10,000 texts)', () => {
  const lexicon = fullLexicon();
  fc.assert(
    fc.property(oneLineText, (title) => {
      const rendered = markdownIt.render(bilingualMarkdown(title, '', 'EN: ', lexicon));
      const m = /^<h1>(.*)<\/h1>\n$/s.exec(rendered);
      assert.ok(m, rendered);
      assert.ok(!/<(?!\/?h1>)/.test(m[1].replaceAll('&lt;', '')), rendered);
      // The escaper folds runs of ASCII white space to one space (leading spaces would make code blocks).
      assert.equal(decode(m[1]).replaceAll('\u2060', ''), title.replace(/[ \t\f\v]+/g, ' '));
    }),
    { numRuns: 10_000 },
  );
});
