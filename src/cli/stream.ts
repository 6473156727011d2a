/**
 * Large outputs (`scan --json` of a 50 MB file) go to stdout piece by piece, made only as fast as
 * the reader takes them: the whole output is never one string in memory. A reader that goes away
 * (`| head`) ends the output quietly, as with other command-line tools.
 */
import type { Writable } from 'node:stream';

/** Writes `pieces` to `stream`, waiting for 'drain' when its buffer is full. Resolves 'closed' on EPIPE. */
export function writePieces(stream: Writable, pieces: Iterable<string>): Promise<'done' | 'closed'> {
  return new Promise((resolve, reject) => {
    let ended = false;
    const finish = (how: 'done' | 'closed') => {
      ended = true;
      stream.off('error', onError);
      resolve(how);
    };
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') finish('closed');
      else {
        ended = true;
        reject(e);
      }
    };
    stream.on('error', onError);
    const iterator = pieces[Symbol.iterator]();
    const pump = () => {
      try {
        while (!ended) {
          const next = iterator.next();
          if (next.done) return finish('done');
          if (!stream.write(next.value)) {
            stream.once('drain', pump);
            return;
          }
        }
      } catch (e) {
        ended = true;
        reject(e);
      }
    };
    pump();
  });
}

/**
 * Streams `pieces` and a final line break to stdout. The command has already returned its exit
 * code; a failure while writing sets it to 1 with a one-line message.
 */
export function streamToStdout(pieces: Iterable<string>): void {
  function* withNewline(): Generator<string> {
    yield* pieces;
    yield '\n';
  }
  writePieces(process.stdout, withNewline()).catch((e: NodeJS.ErrnoException) => {
    const reason = e.code ? `cannot write the output (${e.code})` : `internal error: ${e.stack ?? e}`;
    process.stderr.write(`hanzi-gloss: ${reason}\n`);
    process.exitCode = 1;
  });
}
