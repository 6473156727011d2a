/**
 * The one way Hanzi Gloss replaces a file on a local disk (the CLI's outputs; the extension's
 * glossaries, exports and sidecar notes on `file:` URIs). The new content goes to a temporary file
 * beside the real target, is flushed to disk, and is renamed over the target, so a reader (or a
 * crash, or kill -9) only ever sees the old or the new version, never part of one. Replacing by
 * rename would otherwise lose what the old file carried, so the writer:
 * - writes through symbolic links to the file they point at (the link stays a link);
 * - gives the new file the old one's mode and, where the OS lets us, its owner and group;
 * - refuses a read-only target (it was made read-only for a reason) with a one-line error;
 * - removes temporary files that an earlier, killed writer left behind (ours only, by name, and
 *   only when their process is gone or they are old).
 * Synchronous on purpose: one implementation serves the CLI and the extension, whose files are
 * small; and two writers in one process can never interleave.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A write that did not happen, with a one-line reason: `path: reason`. The target is untouched. */
export class AtomicWriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'AtomicWriteError';
  }
}

/** `.<name>.<pid>.<8 hex>.hanzi-gloss.tmp`: recognisably ours, and says which process made it. */
const TEMP_NAME = /^\.(.*)\.(\d+)\.[0-9a-f]{8}\.hanzi-gloss\.tmp$/s;
/** A temporary file this old is stale even if a process with its number runs (numbers are reused). */
export const STALE_TEMP_MS = 10 * 60 * 1000;
/** File names are limited to 255 bytes; the temporary name keeps at most this much of the target's. */
const NAME_BYTES = 160;

export function tempNameFor(target: string, pid = process.pid): string {
  let name = basename(target);
  while (Buffer.byteLength(name) > NAME_BYTES) name = name.slice(0, -1);
  return `.${name}.${pid}.${randomBytes(4).toString('hex')}.hanzi-gloss.tmp`;
}

export function isOurTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** The file a path finally names: symbolic links followed, even one pointing at a file not yet made. */
function resolveTarget(path: string): { real: string; stat: fs.Stats | undefined } {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { real: current, stat: undefined };
      throw new AtomicWriteError(path, `cannot write file (${errorCode(e)})`, errorCode(e));
    }
    if (!stat.isSymbolicLink()) return { real: current, stat };
    current = resolve(dirname(current), fs.readlinkSync(current));
  }
  throw new AtomicWriteError(path, 'cannot write file (too many symbolic links)', 'ELOOP');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(e) === 'EPERM';
  }
}

/**
 * Removes the temporary files of writers that died before renaming (kill -9, power loss) from
 * `dir`. Only names of our pattern are touched, and only when their process is gone or the file is
 * older than STALE_TEMP_MS (so a live writer's file is never taken from under it). Returns the names
 * removed.
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      const pid = Number(m[2]);
      const old = now - fs.lstatSync(path).mtimeMs > STALE_TEMP_MS;
      if (!old && pid !== process.pid && isAlive(pid)) continue;
      // Our own process's temporary files exist only during a write, which is synchronous.
      fs.unlinkSync(path);
      removed.push(name);
    } catch {
      // Gone already (another writer cleaned it) or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Flushes a directory's entries (the rename) to disk where the OS supports it. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows, some network file systems): the rename still happened.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Why the existing `stat` may not be replaced, or undefined. */
function refusal(real: string, stat: fs.Stats): string | undefined {
  if (!stat.isFile()) return stat.isDirectory() ? 'is a folder, not a file' : 'is not a regular file';
  // No write bit at all is read-only even for root, who passes every access check.
  let writable = (stat.mode & 0o222) !== 0;
  if (writable) {
    try {
      fs.accessSync(real, fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  return writable ? undefined : 'the file is read-only; not written (make it writable to allow changes)';
}

/**
 * Replaces the file at `path` (or the file its symbolic links point at) by `content`, atomically.
 * Creates the parent folders of a new file. Throws AtomicWriteError, leaving the target as it was.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const { real, stat } = resolveTarget(path);
  if (stat) {
    const reason = refusal(real, stat);
    if (reason) throw new AtomicWriteError(path, reason, 'EACCES');
  }
  const dir = dirname(real);
  const temp = join(dir, tempNameFor(real));
  let fd: number | undefined;
  try {
    if (!stat) fs.mkdirSync(dir, { recursive: true });
    // A new file gets the default mode (0666 less the umask), as any other program's new file.
    fd = fs.openSync(temp, 'wx', stat ? stat.mode & 0o777 : 0o666);
    if (stat) {
      // open() applied the umask; set the old mode exactly (setuid/setgid bits are not carried).
      fs.fchmodSync(fd, stat.mode & 0o777);
      keepOwner(fd, stat);
    }
    fs.writeFileSync(fd, content);
    // Flushed before the rename: otherwise a power loss can leave the new name on empty blocks.
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, real);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw new AtomicWriteError(path, `cannot write file (${errorCode(e)})`, errorCode(e));
  }
  syncDirectory(dir);
  removeStaleTemps(dir);
}

/** Gives the new file the old one's owner and group, as far as this process may (root: both). */
function keepOwner(fd: number, stat: fs.Stats): void {
  if (typeof process.getuid !== 'function') return;
  if (stat.uid === process.getuid() && stat.gid === process.getgid?.()) return;
  try {
    fs.fchownSync(fd, stat.uid, stat.gid);
  } catch {
    try {
      // Not root: the group can still be kept if we are a member of it.
      fs.fchownSync(fd, process.getuid(), stat.gid);
    } catch {
      // The new file is ours; its mode is still the old one.
    }
  }
}
