/**
 * Child process of the kill-during-write and concurrent-writer tests: writes versions of one file
 * through the atomic writer, forever (until killed) or `count` times. Prints "ready" after its
 * first write so the parent kills it mid-loop, not during start-up.
 * Usage: node writerChild.js <target> <kind> <first version> [count]
 */
import { writeFileAtomic } from '../../src/node/atomicWrite';
import { fileVersion, type Kind } from './writtenFiles';

const [target, kind, first, count] = process.argv.slice(2);
const versions = [0, 1].map((d) => fileVersion(kind as Kind, Number(first) + d));
const limit = count === undefined ? Infinity : Number(count);
for (let n = 0; n < limit; n++) {
  writeFileAtomic(target, versions[n % 2]);
  if (n === 0) process.stdout.write('ready\n');
}
