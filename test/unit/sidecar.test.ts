import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchorNotes, parseSidecar, serializeSidecar } from '../../src/core/annotate/sidecar';

const note = { file: 'a.txt', line: 1, chinese: '压铸机', text: 'die-casting machine' };

test('notes follow their passage when lines are inserted or removed above it', () => {
  assert.deepEqual(
    anchorNotes([note], ['x', '压铸机']).map((a) => [a.line, a.stale]),
    [[1, false]],
  );
  assert.deepEqual(
    anchorNotes([note], ['x', 'y', 'z', '压铸机']).map((a) => [a.line, a.stale]),
    [[3, false]],
  );
  assert.deepEqual(
    anchorNotes([note], ['压铸机']).map((a) => [a.line, a.stale]),
    [[0, false]],
  );
});

test('a note whose Chinese changed is stale, at its line', () => {
  assert.deepEqual(
    anchorNotes([note], ['x', '压铸件']).map((a) => [a.line, a.stale]),
    [[1, true]],
  );
});

test('the sidecar file has a stable order and reads back', () => {
  const b = { file: 'a.txt', line: 0, chinese: '开模', text: 'tooling' };
  const c = { file: 'B.txt', line: 5, chinese: '吨', text: 't' };
  const text = serializeSidecar([note, c, b]);
  assert.deepEqual(parseSidecar(text), [c, b, note]);
  assert.equal(serializeSidecar(parseSidecar(text)), text);
  assert.throws(() => parseSidecar('{"notes": 3}'), /expected/);
});
