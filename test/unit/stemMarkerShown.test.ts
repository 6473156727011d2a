/**
 * A stem marker (die-cast|ing) is for the QA matcher only: term lists, exports and the hover show
 * the rendering without it (glossary/rendering.ts shownRenderings), as drafts and quick fixes write it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ankiNotes } from '../../src/core/document/anki';
import type { SourcedEntry } from '../../src/core/glossary/entry';
import { shownRenderings } from '../../src/core/glossary/rendering';

const entry: SourcedEntry = {
  id: 't.yzj',
  zh: '压铸机',
  en: ['die-cast|ing machine', 'DCM'],
  source: { label: 'Workspace', layer: 'workspace', id: 'ws' },
};

test('term lists and exports show renderings without stem markers', () => {
  assert.equal(shownRenderings(entry), 'die-casting machine; DCM');
  // A dictionary sense's "|" is a reference's (traditional|simplified), not a stem marker.
  const sense = '; capital Lhasa 拉薩市|拉萨市[La1 sa4 Shi4]';
  const cedict = { ...entry, en: [sense], source: { label: 'CC-CEDICT', layer: 'cedict' as const, id: 'cedict' } };
  assert.equal(shownRenderings(cedict), sense);
  const notes = ankiNotes([{ text: '压铸机', reading: 'yā zhù jī', entries: [entry] }]);
  assert.ok(notes.includes('die-casting machine; DCM'), notes);
  assert.ok(!notes.includes('|'), notes);
});
