/**
 * CC-CEDICT as the general fallback layer. The 10 MB dictionary text is turned at build time into a
 * compact binary asset: the term index's typed arrays as they are in memory, plus the entries as
 * UTF-8 records decoded only when a key is looked up. Loading it is taking views over the bytes —
 * no parsing, no per-key objects — so the index is ready in milliseconds and costs little heap.
 */
import { TermIndex, type TrieArrays } from './termIndex';
import {
  bytesSource,
  encodeContainer,
  chunkedSums,
  packTrie,
  readContainer,
  sumChunkStarts,
  sumChunkWords,
  TRIE_PARTS,
  trieSizes,
  u16,
  u32,
  packedTrieArrays,
  type ByteSource,
  type RunningSums,
} from './assetContainer';
import { sourceKind, type GlossarySource, type RedirectTarget, type SourcedEntry } from '../glossary/entry';
import { LexiconLayer, type KeyRecord, type ListedEntries } from './lexicon';
import { cedictPinyinToMarks, type CedictLine } from '../glossary/cedictLine';
import { displayDictionary, type DisplayEntry, type DisplayOptions } from './cedictSenses';
import { foldWith } from '../text/foldPairs';
import { numberPhrases } from '../reading/numbers';
import { composedEntry, type ComposedPart } from './compose';
import { NO_TAG, PathSolver, UNKNOWN_CHARACTER_COST, UNKNOWN_FREQUENCY_COST, wordCost } from '../reading/segment';

export const CEDICT_SOURCE: GlossarySource = { layer: 'cedict', label: 'CC-CEDICT', id: 'cedict' };

// "HGCA": the trie's nodes and the running sums are stored packed with each chunk's first values,
// expanded as lookups reach them; "HGC9" stored the edge filter; "HGC8": records carry a seventh
// field, "j" for a word of jieba's dictionary that CC-CEDICT lacks
// (its entry is composed from its parts when read); v7 had entries in display order with redirects
// resolved, each key's word-frequency cost and the folded keys; v5 added the index checksum.
const MAGIC = 0x41434748;

/** A damaged dictionary asset: callers name the file and say how to get a good one. */
export class CedictAssetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CedictAssetError';
  }
}

/*
 * Layout (little-endian, sections 4-byte aligned), chosen to pack small in the VSIX and expand in
 * a few milliseconds: header; root children u32[65536]; first-character bits i32[2048]; per node
 * its child count u16; edge code units u16; one bit per node "a key ends here" (values are
 * numbered in node order, so the bit count gives the value index); the trie's edge filter i32
 * (its word count is the header's sixth count); per chunk of 1,024 nodes its first edge and first
 * value u32, then the end's (`chunkStartsOf`); per key its entry count u8;
 * per key its word cost u8 (see frequencyCosts); entry numbers u32 (each key's in display order,
 * cedictSenses.ts); per entry its record length u16; the first running sum of each chunk of 4,096
 * entry counts, then of record lengths, u32 (`sumChunkStarts`); the records, UTF-8
 * "traditional<TAB>simplified<TAB>pinyin<TAB>senses<TAB>note<TAB>redirect target<TAB>kind" (kind
 * "j": a jieba word with no senses of its own, every other field but simplified empty).
 */

export type { ByteSource } from './assetContainer';

interface Sections {
  trie: TrieArrays;
  keyEntryStart: RunningSums;
  keyEntries: Uint32Array;
  entryOffset: RunningSums;
  /** Bytes [offset, offset + length) of the records blob. */
  records: (offset: number, length: number) => Uint8Array;
}

const SEP = '\u001f';

function record(e: DisplayEntry): string {
  const t = e.target;
  const target = t ? [t.traditional, t.simplified, t.pinyin, t.relation].join(SEP) : '';
  // An empty traditional field means "same as simplified" (true of about half the entries).
  const traditional = e.traditional === e.simplified ? '' : e.traditional;
  return [traditional, e.simplified, e.pinyin, e.senses.join(SEP), e.note ?? '', target, ''].join('\t');
}

/** The record of a jieba word CC-CEDICT lacks: its written form only, composed when read. */
const jiebaRecord = (word: string) => ['', word, '', '', '', '', JIEBA_KIND].join('\t');
const JIEBA_KIND = 'j';

/** A key's cost byte when the frequency list does not have the word. */
export const NO_FREQUENCY = 255;

/**
 * What the build step knows beyond the dictionary: word frequencies (the counts of jieba's
 * dictionary) and the traditional → simplified fold the lexicon matches with.
 */
export interface AssetExtras {
  /** Occurrence counts by written form. */
  readonly frequencies?: ReadonlyMap<string, number>;
  /** The fold table (code unit → simplified code unit, 0: unchanged). */
  readonly fold?: Uint16Array;
  /**
   * Words of the frequency list that CC-CEDICT lacks are added as keys when counted at least this
   * often (jieba's 3 is its count for a word listed without a corpus count); none when unset.
   */
  readonly wordFloor?: number;
  /** The reading most common for a written form alone (displayDictionary orders entries by it). */
  readonly commonReading?: DisplayOptions['commonReading'];
}

/**
 * Words counted at least `floor` times, Han characters only, of 2–8 characters, that no key has
 * and that are not a number with its unit.
 */
function jiebaOnlyWords(extras: AssetExtras, has: (key: string) => boolean): string[] {
  const floor = extras.wordFloor;
  if (floor === undefined || !extras.frequencies) return [];
  const out: string[] = [];
  for (const [word, count] of extras.frequencies) {
    if (count < floor || word.length < 2 || word.length > 8 || !/^[\u4e00-\u9fff]+$/.test(word)) continue;
    // A number with its unit (第四代, 三期) is the reader's number word, with the number's value.
    const numbers = numberPhrases(word, 0, word.length);
    if (numbers.length === 2 && numbers[0] === 0 && numbers[1] === word.length) continue;
    const folded = extras.fold ? (foldWith(word, extras.fold) ?? word) : word;
    if (!has(word) && !has(folded)) out.push(folded);
  }
  return [...new Set(out)];
}

/**
 * Each key's word cost: the negative natural log of its relative frequency, in tenths (0–254;
 * NO_FREQUENCY when unknown). Keys are grouped by their folded form and a group shares the cost of
 * its most frequent form (simplified or traditional, key or headword), so traditional text and its
 * simplified form are segmented alike.
 */
function frequencyCosts(
  keys: readonly string[],
  byKey: ReadonlyMap<string, readonly number[]>,
  entries: readonly { readonly simplified: string; readonly traditional: string }[],
  extras: AssetExtras,
): Uint8Array {
  const costs = new Uint8Array(keys.length).fill(NO_FREQUENCY);
  const frequencies = extras.frequencies;
  if (!frequencies || frequencies.size === 0) return costs;
  let total = 0;
  for (const n of frequencies.values()) total += n;
  const folded = (k: string) => (extras.fold ? (foldWith(k, extras.fold) ?? k) : k);
  const classCount = new Map<string, number>();
  keys.forEach((key) => {
    const forms = [key, folded(key)];
    for (const i of byKey.get(key) ?? []) forms.push(entries[i].simplified, entries[i].traditional);
    let best = 0;
    for (const f of forms) best = Math.max(best, frequencies.get(f) ?? 0);
    const group = folded(key);
    classCount.set(group, Math.max(classCount.get(group) ?? 0, best));
  });
  keys.forEach((key, k) => {
    const count = classCount.get(folded(key)) ?? 0;
    if (count > 0) costs[k] = Math.min(NO_FREQUENCY - 1, Math.round(10 * Math.log(total / count)));
  });
  return costs;
}

/**
 * Added, in tenths, to a jieba word that CC-CEDICT can read as a compound holding a word of two
 * characters or more (成本高 = 成本 + 高, 新手机 = 新 + 手机): such a split gives the reader the
 * dictionary's own senses, so jieba's word must be clearly likelier than the split to replace it.
 * A jieba word CC-CEDICT can read only as single characters (抢攻, 核发, 储运) pays nothing: there
 * the split is the weaker reading.
 */
export const COMPOUND_PENALTY = 60;

/**
 * The cost bytes with COMPOUND_PENALTY added to each jieba word whose least-cost reading by
 * CC-CEDICT keys (as the segmentation scores them, unknown characters at the unknown cost) holds a
 * word of two characters or more.
 */
function compoundCosts(keys: readonly string[], costs: Uint8Array, jieba: ReadonlySet<string>): Uint8Array {
  const cost = new Map<string, number>();
  keys.forEach((key, k) => {
    if (!jieba.has(key)) cost.set(key, costs[k] === NO_FREQUENCY ? UNKNOWN_FREQUENCY_COST : costs[k] / 10);
  });
  keys.forEach((key, k) => {
    if (!jieba.has(key)) return;
    // best[i]: least cost of key[i…]; long[i]: whether that reading holds a word of 2+ characters.
    const n = key.length;
    const best = new Float64Array(n + 1).fill(Infinity);
    const long = new Uint8Array(n + 1);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      best[i] = UNKNOWN_CHARACTER_COST + best[i + 1];
      long[i] = long[i + 1];
      for (let j = i + 1; j <= n; j++) {
        const c = cost.get(key.slice(i, j));
        if (c === undefined || j - i === n) continue;
        const total = wordCost(c, j - i, false) + best[j];
        if (total < best[i]) {
          best[i] = total;
          long[i] = j - i > 1 || long[j] ? 1 : 0;
        }
      }
    }
    if (long[0]) costs[k] = Math.min(NO_FREQUENCY - 1, costs[k] + COMPOUND_PENALTY);
  });
  return costs;
}

/**
 * Builds the asset from dictionary lines: keys are both the simplified and the traditional forms,
 * each with its entries in display order, and (with a fold) each key's folded form where the
 * dictionary lacks it (乾隆 folds to 干隆): a traditional text then finds every word through the
 * fold that its simplified form finds.
 */
export function encodeCedictAsset(lines: readonly CedictLine[], extras: AssetExtras = {}): Uint8Array {
  const encoder = new TextEncoder();
  const display = displayDictionary(lines, { commonReading: extras.commonReading });
  const records = display.entries.map((e) => encoder.encode(record(e)));
  const byKey = new Map<string, number[]>([...display.keys].map(([key, list]) => [key, [...list]]));
  const entries: { simplified: string; traditional: string }[] = [...display.entries];
  if (extras.fold) {
    const fold = extras.fold;
    const own = new Set(byKey.keys());
    for (const [key, list] of display.keys) {
      const f = foldWith(key, fold);
      if (f === undefined || own.has(f)) continue;
      const folded = byKey.get(f) ?? [];
      for (const e of list) if (!folded.includes(e)) folded.push(e);
      byKey.set(f, folded);
    }
  }
  const jiebaWords = new Set(jiebaOnlyWords(extras, (k) => byKey.has(k)));
  for (const word of jiebaWords) {
    byKey.set(word, [records.length]);
    records.push(encoder.encode(jiebaRecord(word)));
    entries.push({ simplified: word, traditional: word });
  }
  const index = TermIndex.build([...byKey.entries()]);
  const trie = packTrie(index, 'CC-CEDICT');
  // TermIndex.build numbers values in the keys' sorted order; the asset numbers them in node order.
  const sortedKeys = [...byKey.keys()].sort();
  const keyOfValue: string[] = [];
  const entryCount: number[] = [];
  const flat: number[] = [];
  for (const v of trie.valueOrder) {
    const list = index.valueAt(v);
    keyOfValue.push(sortedKeys[v]);
    if (list.length > 0xff) throw new Error('CC-CEDICT asset: a key has more than 255 entries');
    entryCount.push(list.length);
    flat.push(...list);
  }
  const recordLength = Uint16Array.from(records, (r) => {
    if (r.length > 0xffff) throw new Error('CC-CEDICT asset: a record is longer than 65,535 bytes');
    return r.length;
  });
  const parts: ArrayBufferView[] = [
    ...trie.parts,
    Uint8Array.from(entryCount),
    compoundCosts(keyOfValue, frequencyCosts(keyOfValue, byKey, entries, extras), jiebaWords),
    Uint32Array.from(flat),
    recordLength,
    sumChunkStarts(entryCount),
    sumChunkStarts(recordLength),
  ];
  const counts = [trie.nodeCount, trie.edgeCount, entryCount.length, records.length, flat.length, trie.filterWords];
  return encodeContainer(MAGIC, counts, parts, records);
}

function sections(source: ByteSource): Sections {
  const container = readContainer(
    source,
    { magic: MAGIC, counts: 6, what: 'CC-CEDICT' },
    ([nodeCount, edgeCount, keyCount, entryCount, keyEntryCount, filterWords]) => [
      ...trieSizes(nodeCount, edgeCount, filterWords),
      [keyCount, 1],
      [keyCount, 1],
      [keyEntryCount, 4],
      [entryCount, 2],
      [sumChunkWords(keyCount), 4],
      [sumChunkWords(entryCount), 4],
    ],
    (reason) => new CedictAssetError(reason),
  );
  const { parts } = container;
  // Each key's cost byte goes into its node, so the walk reads both from one cache line.
  const trie = packedTrieArrays(parts, container.counts[0], parts[TRIE_PARTS + 1]);
  // The counts' running sums are filled a chunk at a time as lookups need them (from the stored
  // first sum of each chunk): summing them all was a few milliseconds of every start.
  return {
    trie,
    keyEntryStart: chunkedSums(parts[TRIE_PARTS], u32(parts[TRIE_PARTS + 4])),
    keyEntries: u32(parts[TRIE_PARTS + 2]),
    entryOffset: chunkedSums(u16(parts[TRIE_PARTS + 3]), u32(parts[TRIE_PARTS + 5])),
    records: container.records,
  };
}

function redirectTarget(stored: string): RedirectTarget {
  const [traditional, zh, numbered, relation] = stored.split(SEP);
  return { zh, traditional, pinyin: cedictPinyinToMarks(numbered ?? ''), relation: relation ?? '' };
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * The CC-CEDICT layer over the asset: its bytes (the extension reads the file through VS Code's
 * file system) or a random-access source (the CLI); entries are decoded per lookup.
 */
export function loadCedictLayer(asset: Uint8Array | ByteSource): LexiconLayer {
  const s = sections(asset instanceof Uint8Array ? bytesSource(asset) : asset);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fieldsOf = (n: number): string[] => {
    // Records are read when looked up, so damage there shows only then: refuse it rather than
    // show a garbled entry.
    let fields: string[] = [];
    try {
      const offset = s.entryOffset.at(n);
      fields = decoder.decode(s.records(offset, s.entryOffset.at(n + 1) - offset)).split('\t');
    } catch {
      // not UTF-8: reported below
    }
    if (fields.length !== 7 || !fields[1] || (!fields[3] && fields[6] !== JIEBA_KIND)) {
      throw new CedictAssetError(`corrupted CC-CEDICT asset (record ${n} is malformed)`);
    }
    return fields;
  };
  const entry = (n: number, fields = fieldsOf(n)): SourcedEntry & { readonly numbered: string } => {
    const [storedTraditional, simplified, numbered, senses, note, target] = fields;
    const traditional = storedTraditional || simplified;
    return {
      id: `cedict:${n}`,
      zh: simplified,
      traditional,
      pinyin: cedictPinyinToMarks(numbered),
      numbered,
      en: senses.split(SEP),
      ...(note ? { note } : {}),
      ...(target ? { redirect: redirectTarget(target) } : {}),
      source: CEDICT_SOURCE,
    };
  };
  const keyCount = s.keyEntryStart.length - 1;
  /** The jieba word of key number k, or undefined when k is a CC-CEDICT word. */
  const jiebaWord = (k: number): string | undefined => {
    if (s.keyEntryStart.at(k + 1) - s.keyEntryStart.at(k) !== 1) return undefined;
    const fields = fieldsOf(s.keyEntries[s.keyEntryStart.at(k)]);
    return fields[6] === JIEBA_KIND ? fields[1] : undefined;
  };
  const valueAt = (k: number): KeyRecord => {
    const word = jiebaWord(k);
    if (word !== undefined) {
      return {
        key: word,
        entries: [composedEntry(word, 'word', composedParts(layer, word, jiebaWord), CEDICT_SOURCE)],
      };
    }
    const entries: ReturnType<typeof entry>[] = [];
    const to = s.keyEntryStart.at(k + 1);
    for (let i = s.keyEntryStart.at(k); i < to; i++) entries.push(entry(s.keyEntries[i]));
    // Simplified and traditional forms of one word have the same length; either names the record.
    const key = entries[0].zh;
    // A word's dictionary reading is trusted only when every sense agrees on it; single characters
    // are left to pinyin-pro, which reads them in context (行 xíng / háng).
    const readings = new Set(entries.map((e) => e.numbered.toLowerCase()));
    const pinyin = readings.size === 1 && countCodePoints(key) > 1 ? entries[0].pinyin : undefined;
    return { key, pinyin, entries: entries.map(({ numbered: _n, ...e }) => e) };
  };
  const composedAt = (k: number) => jiebaWord(k) !== undefined;
  const listed: ListedEntries = {
    count: s.entryOffset.length - 1,
    at: (n) => {
      const fields = fieldsOf(n);
      if (fields[6] === JIEBA_KIND) return undefined;
      const { numbered: _n, ...e } = entry(n, fields);
      return e;
    },
  };
  const layer = new LexiconLayer(s.trie, keyCount, valueAt, sourceKind(CEDICT_SOURCE), composedAt, listed);
  return layer;
}

/**
 * The CC-CEDICT words a jieba word is made of: the least-cost reading of it (as the segmentation
 * scores words) by the layer's own CC-CEDICT keys, neither the whole word nor another jieba word.
 */
function composedParts(
  layer: LexiconLayer,
  word: string,
  jiebaWord: (k: number) => string | undefined,
): ComposedPart[] {
  const solver = new PathSolver();
  const lengths = new Int32Array(word.length);
  const values = new Int32Array(word.length);
  const weights = new Int32Array(word.length);
  solver.solve(word, 0, word.length, 1, (i) => {
    let single = false;
    const n = layer.prefixesAt(word, i, word.length, undefined, lengths, values, weights);
    for (let h = 0; h < n; h++) {
      if (lengths[h] === word.length || jiebaWord(values[h]) !== undefined) continue;
      single ||= lengths[h] === 1;
      const cost = layer.wordCosts[lengths[h] === 1 ? 256 + weights[h] : weights[h]];
      solver.candidates.add(i + lengths[h], cost, values[h]);
    }
    if (!single) solver.candidates.add(i + 1, UNKNOWN_CHARACTER_COST, NO_TAG);
  });
  const parts: ComposedPart[] = [];
  solver.forEachOnPath((start, end, tag) => {
    const zh = word.slice(start, end);
    parts.push({ zh, entries: tag === NO_TAG ? [] : layer.valueAt(tag).entries });
  });
  return parts;
}

/**
 * How many of a dictionary layer's listed numbers are dictionary entries: encodeCedictAsset writes
 * the dictionary's records first and the jieba words' after them, so the count is where `at`
 * first answers undefined, found by binary search (about 17 records decoded, not 130,000).
 */
export function dictionaryEntryCount(listed: ListedEntries): number {
  let lo = 0;
  let hi = listed.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (listed.at(mid) !== undefined) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
