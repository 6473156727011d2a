import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, escapeHtmlText } from '../../src/core/text/html';

test('markup characters become entities; "&" first, so an entity in the text shows as typed', () => {
  assert.equal(escapeHtmlText('<b>A&amp;B</b> "q"'), '&lt;b&gt;A&amp;amp;B&lt;/b&gt; "q"');
  assert.equal(escapeHtml('<a href="x">'), '&lt;a href=&quot;x&quot;&gt;');
  assert.equal(escapeHtml('压铸 die casting'), '压铸 die casting');
});

test('escaped text holds no markup and decodes back to the text', () => {
  const decode = (s: string) =>
    s.replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[n] ?? '');
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      for (const out of [escapeHtml(s), escapeHtmlText(s)]) {
        assert.doesNotMatch(out, /[<>]|&(?!(lt|gt|quot|amp);)/);
        assert.equal(decode(out), s);
      }
      assert.doesNotMatch(escapeHtml(s), /"/);
    }),
    { numRuns: 2_000 },
  );
});
