/**
 * A file read at given offsets, for assets the CLI only needs parts of (CC-CEDICT's records are
 * read a page at a time, when a lookup needs them). The descriptor stays open for the process.
 */
import { fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../core/lexicon/cedictAsset';

export function fileByteSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      if (offset < 0 || offset + length > size)
        throw new RangeError(`${path}: bytes ${offset}..${offset + length} are outside the file (${size} bytes)`);
      const out = Buffer.allocUnsafeSlow(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n === 0) throw new Error(`${path}: file ended at ${offset + done} of ${size} bytes`);
        done += n;
      }
      return out;
    },
  };
}
