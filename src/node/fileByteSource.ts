/**
 * A file read at given offsets, for assets only parts of which are needed at once: CC-CEDICT's index
 * (6 of its 19 MB) is read when the layer opens, its records a page at a time when a lookup needs
 * them. The CLI and the extension both open the asset so. The descriptor stays open until `close`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../core/lexicon/cedictAsset';

export function fileByteSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let open = true;
  return {
    size,
    close() {
      if (open) closeSync(fd);
      open = false;
    },
    read(offset, length) {
      if (!open) throw new Error(`${path}: read after the asset was closed`);
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
