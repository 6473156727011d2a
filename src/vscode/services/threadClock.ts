/**
 * CPU time of the calling thread, for telling how long a task kept the extension host's thread
 * busy. Wall time overstates it when the OS runs something else mid-task (two cores, a server and
 * a test runner beside the host); the process's CPU time overstates it by the V8 helper threads
 * (concurrent marking, parallel scavenging, background compiling), which never block JavaScript.
 * The thread's own CPU time counts exactly what blocks it, garbage-collection pauses on it included.
 *
 * Linux keeps it in nanoseconds in /proc/thread-self/schedstat (first field). The file is opened
 * once by the thread that asks (the extension host's only JavaScript thread) and read again at
 * offset 0, about 5 µs a read. Elsewhere, or if the file cannot be read, the process's CPU time
 * stands in (an upper bound of the thread's).
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface CpuClock {
  /** Milliseconds of CPU time, from an arbitrary origin; only differences mean anything. */
  nowMs(): number;
  /** What is counted: "thread" or "process". */
  readonly kind: 'thread' | 'process';
}

const processClock: CpuClock = {
  kind: 'process',
  nowMs: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
};

/** The calling thread's CPU clock where the platform has one, else the process's. */
export function threadCpuClock(): CpuClock {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return processClock;
  }
  const buffer = Buffer.alloc(64);
  const read = (): number => {
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const end = buffer.indexOf(0x20);
    return Number(buffer.toString('latin1', 0, end > 0 && end < n ? end : n)) / 1e6;
  };
  try {
    if (!Number.isFinite(read())) throw new Error('unreadable');
  } catch {
    closeSync(fd);
    return processClock;
  }
  return { kind: 'thread', nowMs: read };
}
