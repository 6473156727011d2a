/** The CC-CEDICT asset: encoded from dictionary lines, read whole or a page at a time. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileByteSource } from '../../src/node/fileByteSource';
import { encodeCedictAsset, loadCedictLayer, type ByteSource } from '../../src/core/lexicon/cedictAsset';
import { parseCedictLine } from '../../src/core/glossary/cedictLine';
import { isPrebuilt, loadCurated } from '../../src/core/lexicon/curatedAsset';
import { edgeFilterOf } from '../../src/core/lexicon/termIndex';
import { readGlossaryFolder } from '../../src/node/glossaryFolder';

const lines = [
  '壓鑄 压铸 [ya1 zhu4] /die casting/',
  '壓鑄機 压铸机 [ya1 zhu4 ji1] /die-casting machine/',
  '行 行 [xing2] /to walk/',
  '行 行 [hang2] /row/',
  '𠀀 𠀀 [qiu1] /variant of 丘/',
]
  .map(parseCedictLine)
  .filter((l) => l !== undefined);

test('an encoded asset answers for both scripts, merges homographs and keeps characters outside the BMP', () => {
  const layer = loadCedictLayer(encodeCedictAsset(lines));
  assert.equal(layer.longestAt('壓鑄機器', 0), 3);
  assert.deepEqual(
    layer.valueAt(layer.lastValue).entries.map((e) => [e.zh, e.traditional, e.pinyin, e.en[0]]),
    [['压铸机', '壓鑄機', 'yā zhù jī', 'die-casting machine']],
  );
  assert.equal(layer.get('压铸')?.pinyin, 'yā zhù');
  assert.deepEqual(
    layer.get('行')?.entries.map((e) => e.pinyin),
    ['xíng', 'háng'],
  );
  assert.equal(layer.get('行')?.pinyin, undefined, 'a single character with two readings is left to pinyin-pro');
  assert.equal(layer.get('𠀀')?.entries[0].en[0], 'variant of 丘');
});

test('an asset in a Node Buffer loads whatever its offset in the underlying memory and its length', () => {
  const bytes = encodeCedictAsset(lines);
  for (const shift of [0, 1, 2, 3, 4]) {
    for (const extra of [0, 1, 3]) {
      // A Buffer that starts `shift` bytes into a larger allocation with `extra` bytes after it.
      const backing = Buffer.alloc(shift + bytes.length + extra);
      backing.set(bytes, shift);
      const buffer = backing.subarray(shift, shift + bytes.length);
      assert.equal(
        loadCedictLayer(buffer).get('压铸')?.entries[0].en[0],
        'die casting',
        `shift ${shift}, extra ${extra}`,
      );
    }
  }
});

test('a bad or truncated asset is refused with a clear error', () => {
  const bytes = encodeCedictAsset(lines);
  const wrong = bytes.slice();
  wrong[0] ^= 0xff;
  assert.throws(() => loadCedictLayer(wrong), /bad magic number/);
  assert.throws(() => loadCedictLayer(bytes.subarray(0, 100)), /truncated/);
  assert.throws(() => loadCedictLayer(bytes.subarray(0, bytes.length - 1)), /truncated/);
});

test('the shipped asset read a page at a time gives the same entries as read whole, reading little', () => {
  const path = join(__dirname, '..', '..', 'dist', 'cedict.bin');
  const whole = loadCedictLayer(readFileSync(path));
  const file = fileByteSource(path);
  let bytesRead = 0;
  const counting: ByteSource = {
    size: file.size,
    read(offset, length) {
      bytesRead += length;
      return file.read(offset, length);
    },
  };
  const paged = loadCedictLayer(counting);
  const headBytes = bytesRead;
  assert.ok(headBytes < file.size / 3, `the index part is ${headBytes} of ${file.size} bytes`);
  for (const word of ['压铸', '壓鑄', '模具', '开模', '北京', '中华人民共和国', '行', '一']) {
    assert.deepEqual(paged.get(word), whole.get(word), word);
  }
  assert.ok(bytesRead - headBytes <= 8 * 65536 * 2, `${bytesRead - headBytes} bytes of records read for 8 lookups`);
  assert.throws(() => file.read(file.size - 1, 2), /outside the file/);
});

test('the asset tells a jieba word composed of parts from a CC-CEDICT word without composing it', () => {
  const layer = loadCedictLayer(readFileSync(join(__dirname, '..', '..', 'dist', 'cedict.bin')));
  const composedAt = layer.composedAt;
  assert.ok(composedAt, 'the CC-CEDICT layer answers composedAt');
  // Both kinds, as the entries say: 算机 (of 计算机) and 压铸 are jieba words CC-CEDICT lacks, 北京 its own.
  const kinds = new Map<boolean, number>();
  for (let k = 0; k < layer.size; k += 61) {
    const composed = layer.valueAt(k).entries.every((e) => e.composed);
    assert.equal(composedAt(k), composed, `key ${k} (${layer.valueAt(k).key})`);
    kinds.set(composed, (kinds.get(composed) ?? 0) + 1);
  }
  assert.ok((kinds.get(true) ?? 0) > 100 && (kinds.get(false) ?? 0) > 100, `both kinds sampled: ${[...kinds]}`);
  assert.equal(layer.longestAt('算机', 0), 2);
  assert.equal(composedAt(layer.lastValue), true, '算机');
  assert.equal(layer.longestAt('压铸', 0), 2);
  assert.equal(composedAt(layer.lastValue), true, '压铸');
  assert.equal(layer.longestAt('北京', 0), 2);
  assert.equal(composedAt(layer.lastValue), false, '北京');
});

test('the shipped assets store the edge filter the index would build, so opening builds none', () => {
  const root = join(__dirname, '..', '..');
  const cedict = loadCedictLayer(readFileSync(join(root, 'dist', 'cedict.bin')));
  const files = readGlossaryFolder(join(root, 'glossary'), (n) => `glossary/${n}`);
  const { curated } = loadCurated(files, readFileSync(join(root, 'dist', 'curated.bin')));
  assert.ok(isPrebuilt(curated), 'the curated asset matches the files');
  for (const layer of [cedict, curated.layer]) {
    const { nodes, edgeChar, edgeFilter } = layer.arrays;
    assert.ok(edgeFilter, 'stored');
    assert.deepEqual(edgeFilter, edgeFilterOf(nodes, edgeChar).filter);
  }
});
