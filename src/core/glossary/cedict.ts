/**
 * CC-CEDICT as the general fallback layer. The 10 MB dictionary text is turned at build time into a
 * compact binary asset: the term index's typed arrays as they are in memory, plus the entries as
 * UTF-8 records decoded only when a key is looked up. Loading it is taking views over the bytes —
 * no parsing, no per-key objects — so the index is ready in milliseconds and costs little heap.
 */
import { TermIndex, type TrieArrays } from '../match';
import { markTone } from '../pinyin';
import type { GlossarySource, SourcedEntry } from './entry';
import { markFallbackLayer, type KeyRecord, type LexiconLayer } from './lexicon';

export const CEDICT_SOURCE: GlossarySource = { layer: 'cedict', label: 'CC-CEDICT', id: 'cedict' };

export interface CedictLine {
  readonly traditional: string;
  readonly simplified: string;
  /** As CC-CEDICT writes it: "ya1 zhu4", "Bei3 jing1", "nu:3". */
  readonly pinyin: string;
  readonly senses: readonly string[];
}

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;

/** One dictionary line, or undefined for comments and malformed lines. */
export function parseCedictLine(line: string): CedictLine | undefined {
  if (line.startsWith('#')) return undefined;
  const m = LINE.exec(line);
  if (!m) return undefined;
  const senses = m[4].split('/').map((s) => s.trim()).filter((s) => s.length > 0);
  if (senses.length === 0) return undefined;
  return { traditional: m[1], simplified: m[2], pinyin: m[3], senses };
}

/** Converted syllables: CC-CEDICT has ~1,700 distinct ones, and the hover converts them often. */
const marked = new Map<string, string>();

function markSyllable(token: string): string {
  let out = marked.get(token);
  if (out === undefined) {
    const m = /^([A-Za-zü:]+?)([1-5])$/.exec(token);
    out = m ? markTone(m[1].toLowerCase().replace(/u:|v/g, 'ü'), Number(m[2])) : token.toLowerCase() === 'r5' ? 'r' : token;
    marked.set(token, out);
  }
  return out;
}

/** "ya1 zhu4" → "yā zhù"; "Bei3 jing1" → "běi jīng"; "nu:3" → "nǚ"; other tokens (A, ·) kept. */
export function cedictPinyinToMarks(numbered: string): string {
  return numbered
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map(markSyllable)
    .join(' ');
}

const MAGIC = 0x32434748; // "HGC2"
const HEADER_WORDS = 8;

interface Sections {
  trie: TrieArrays;
  keyEntryStart: Uint32Array;
  keyEntries: Uint32Array;
  entryOffset: Uint32Array;
  blob: Uint8Array;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Builds the asset from dictionary lines: keys are both the simplified and the traditional forms. */
export function encodeCedictAsset(lines: readonly CedictLine[]): Uint8Array {
  const encoder = new TextEncoder();
  // An empty traditional field means "same as simplified" (true of about half the entries).
  const records = lines.map((l) =>
    encoder.encode(`${l.traditional === l.simplified ? '' : l.traditional}\t${l.simplified}\t${l.pinyin}\t${l.senses.join('\u001f')}`),
  );
  const byKey = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const key of new Set([l.simplified, l.traditional])) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const index = TermIndex.build([...byKey.entries()]);
  const keyEntryStart = new Uint32Array(index.size + 1);
  const flat: number[] = [];
  for (let k = 0; k < index.size; k++) {
    keyEntryStart[k] = flat.length;
    flat.push(...index.valueAt(k));
  }
  keyEntryStart[index.size] = flat.length;
  const entryOffset = new Uint32Array(records.length + 1);
  let blobBytes = 0;
  records.forEach((r, i) => {
    entryOffset[i] = blobBytes;
    blobBytes += r.length;
  });
  entryOffset[records.length] = blobBytes;
  const { rootChildren, edgeStart, edgeChar, nodeValue } = index.arrays;
  const parts: ArrayBufferView[] = [rootChildren, edgeStart, edgeChar, nodeValue, keyEntryStart, Uint32Array.from(flat), entryOffset];
  let size = HEADER_WORDS * 4;
  for (const p of parts) size += align4(p.byteLength);
  size += blobBytes;
  const out = new Uint8Array(size);
  const header = new Uint32Array(out.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, nodeValue.length, edgeChar.length, index.size, records.length, flat.length, blobBytes, 0]);
  let at = HEADER_WORDS * 4;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += align4(p.byteLength);
  }
  for (const r of records) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}

function sections(bytes: Uint8Array): Sections {
  // Typed-array views need 4-byte alignment; copy once if the caller's buffer is not aligned.
  const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const header = new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('not a Hanzi Gloss CC-CEDICT asset (bad magic number)');
  const [, nodeCount, edgeCount, keyCount, entryCount, keyEntryCount, blobBytes] = header;
  let at = data.byteOffset + HEADER_WORDS * 4;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, unit: number): T => {
    const view = make(data.buffer, at, length);
    at += align4(length * unit);
    return view;
  };
  const u32 = (b: ArrayBufferLike, o: number, n: number) => new Uint32Array(b, o, n);
  const rootChildren = take(u32, 0x10000, 4);
  const edgeStart = take(u32, nodeCount + 1, 4);
  const edgeChar = take((b, o, n) => new Uint16Array(b, o, n), edgeCount, 2);
  const nodeValue = take((b, o, n) => new Int32Array(b, o, n), nodeCount, 4);
  const keyEntryStart = take(u32, keyCount + 1, 4);
  const keyEntries = take(u32, keyEntryCount, 4);
  const entryOffset = take(u32, entryCount + 1, 4);
  const blob = new Uint8Array(data.buffer, at, blobBytes);
  if (at + blobBytes > data.byteOffset + data.byteLength) throw new Error('truncated CC-CEDICT asset');
  return { trie: { rootChildren, edgeStart, edgeChar, nodeValue }, keyEntryStart, keyEntries, entryOffset, blob };
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The CC-CEDICT layer over the asset's bytes; entries are decoded per lookup. */
export function loadCedictLayer(bytes: Uint8Array): LexiconLayer {
  const s = sections(bytes);
  const decoder = new TextDecoder('utf-8');
  const entry = (n: number): SourcedEntry & { readonly numbered: string } => {
    const [storedTraditional, simplified, numbered, senses] = decoder.decode(s.blob.subarray(s.entryOffset[n], s.entryOffset[n + 1])).split('\t');
    const traditional = storedTraditional || simplified;
    return {
      id: `cedict:${n}`,
      zh: simplified,
      traditional,
      pinyin: cedictPinyinToMarks(numbered),
      numbered,
      en: senses.split('\u001f'),
      source: CEDICT_SOURCE,
    };
  };
  const keyCount = s.keyEntryStart.length - 1;
  const valueAt = (k: number): KeyRecord => {
    const entries: ReturnType<typeof entry>[] = [];
    for (let i = s.keyEntryStart[k]; i < s.keyEntryStart[k + 1]; i++) entries.push(entry(s.keyEntries[i]));
    // Simplified and traditional forms of one word have the same length; either names the record.
    const key = entries[0].zh;
    // A word's dictionary reading is trusted only when every sense agrees on it; single characters
    // are left to pinyin-pro, which reads them in context (行 xíng / háng).
    const readings = new Set(entries.map((e) => e.numbered.toLowerCase()));
    const pinyin = readings.size === 1 && countCodePoints(key) > 1 ? entries[0].pinyin : undefined;
    return { key, pinyin, entries: entries.map(({ numbered: _n, ...e }) => e) };
  };
  return markFallbackLayer(new TermIndex(s.trie, keyCount, valueAt));
}
