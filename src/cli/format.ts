/** Output shapes of `hanzi-gloss scan`: the JSON read by external checks, and a table for people. */
import type { Passage } from '../core/text/detect';
import type { ScanResult, ScannedMatch } from '../core/document/scan';
import { displayWidth } from '../core/text/displayWidth';
import { LineIndex } from '../core/text/text';
import { shownRenderings } from '../core/glossary/rendering';
import type { GlossaryStats } from '../core/glossary/stats';

export interface ScanJson {
  passages: { start: number; end: number; text: string }[];
  matches: {
    start: number;
    end: number;
    text: string;
    pinyin: string;
    entries: { zh: string; en: string[]; source: string }[];
    /** Only on an organisation-like run no glossary has (then `entries` is empty). */
    unlisted?: { name: string; kind: string };
  }[];
}

type PassageJson = ScanJson['passages'][number];
type MatchJson = ScanJson['matches'][number];

function passageJson(p: Passage): PassageJson {
  return { start: p.start, end: p.end, text: p.text };
}

function matchJson(m: ScannedMatch): MatchJson {
  const entries = m.entries.map((e) => ({ zh: e.zh, en: [...e.en], source: e.source.id }));
  const unlisted = m.name ? { unlisted: { name: m.name.name, kind: m.name.kind } } : {};
  return { start: m.start, end: m.end, text: m.text, pinyin: m.reading, entries, ...unlisted };
}

/** Exactly the documented keys, in the documented order. */
export function toScanJson(result: ScanResult): ScanJson {
  return { passages: result.passages.map(passageJson), matches: result.matches.map(matchJson) };
}

/** Output is handed on in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/**
 * The text of `JSON.stringify(toScanJson(…))`, byte for byte, in pieces made as they are asked
 * for: a 50 MB file's output is never one string, and its matches are never all in memory.
 */
export function* scanJsonChunks(passages: readonly Passage[], matches: Iterable<ScannedMatch>): Generator<string> {
  const out = { buffer: '{"passages":[' };
  yield* jsonItems(out, passages, passageJson);
  out.buffer += '],"matches":[';
  yield* jsonItems(out, matches, matchJson);
  yield out.buffer + ']}';
}

/** Appends the items to `out.buffer`, comma-separated, handing on each piece that has grown full. */
function* jsonItems<T>(out: { buffer: string }, items: Iterable<T>, json: (item: T) => unknown): Generator<string> {
  let first = true;
  for (const item of items) {
    out.buffer += (first ? '' : ',') + JSON.stringify(json(item));
    first = false;
    if (out.buffer.length >= CHUNK_CHARS) {
      yield out.buffer;
      out.buffer = '';
    }
  }
}

/**
 * At most `max` UTF-16 units, cut hard, with "…". Not core's shortenToWidth (columns, cut at a
 * word): the table's cells are pinned byte for byte by test/unit/scale.test.ts.
 */
function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The English cell of an organisation-like run no glossary has. */
function unlistedCell(kind: string): string {
  return `[not in the glossary: look up its official English name]${kind ? ` … ${kind}` : ''}`;
}

export function formatScanTable(text: string, result: ScanResult): string {
  const lines = new LineIndex(text);
  const rows = result.matches.map((m) => {
    const { line, column } = lines.at(m.start);
    const first = m.entries[0];
    return [
      `${line}:${column}`,
      m.text,
      m.reading,
      first ? truncate(shownRenderings(first, 3), 60) : m.name ? unlistedCell(m.name.kind) : '',
      first ? first.source.id : m.name ? 'unlisted' : '',
    ];
  });
  const header = ['line:col', 'term', 'pinyin', 'english', 'source'];
  // A loop, not Math.max(...column): spreading 150,000 rows overflows the call stack.
  const widths = header.map(displayWidth);
  for (const r of rows) for (let k = 0; k < r.length; k++) widths[k] = Math.max(widths[k], displayWidth(r[k]));
  const padded = (r: string[]) => r.map((cell, k) => (k === r.length - 1 ? cell : pad(cell, widths[k])));
  const out = [header, ...rows].map((r) => padded(r).join('  ').trimEnd());
  out.push('', `${result.passages.length} Chinese passage(s), ${result.matches.length} glossary match(es)`);
  return out.join('\n');
}

/** `validate --stats`: two tables (per domain, per file) of entries and aliases, and the total. */
export function formatStats(stats: GlossaryStats): string {
  const rows = [...stats.domains, ...stats.files, stats.total];
  const width = Math.max('domain'.length, ...rows.map((r) => displayWidth(r.name)));
  const line = (name: string, entries: string | number, aliases: string | number) =>
    `${name}${' '.repeat(width - displayWidth(name))}  ${String(entries).padStart(7)}  ${String(aliases).padStart(7)}`;
  return [
    line('domain', 'entries', 'aliases'),
    ...stats.domains.map((r) => line(r.name, r.entries, r.aliases)),
    '',
    line('file', 'entries', 'aliases'),
    ...stats.files.map((r) => line(r.name, r.entries, r.aliases)),
    line(stats.total.name, stats.total.entries, stats.total.aliases),
  ].join('\n');
}
