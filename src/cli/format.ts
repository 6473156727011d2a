/** Output shapes of `hanzi-gloss scan`: the JSON read by external checks, and a table for people. */
import type { Passage } from '../core/text/detect';
import type { ScanResult, ScannedMatch } from '../core/document/scan';
import { LineIndex } from '../core/text/text';

export interface ScanJson {
  passages: { start: number; end: number; text: string }[];
  matches: { start: number; end: number; text: string; pinyin: string; entries: { zh: string; en: string[]; source: string }[] }[];
}

type PassageJson = ScanJson['passages'][number];
type MatchJson = ScanJson['matches'][number];

function passageJson(p: Passage): PassageJson {
  return { start: p.start, end: p.end, text: p.text };
}

function matchJson(m: ScannedMatch): MatchJson {
  const entries = m.entries.map((e) => ({ zh: e.zh, en: [...e.en], source: e.source.id }));
  return { start: m.start, end: m.end, text: m.text, pinyin: m.reading, entries };
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
  let buffer = '{"passages":[';
  let first = true;
  for (const p of passages) {
    buffer += (first ? '' : ',') + JSON.stringify(passageJson(p));
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  buffer += '],"matches":[';
  first = true;
  for (const m of matches) {
    buffer += (first ? '' : ',') + JSON.stringify(matchJson(m));
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + ']}';
}

/** East Asian wide characters take two terminal columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function formatScanTable(text: string, result: ScanResult): string {
  const lines = new LineIndex(text);
  const rows = result.matches.map((m) => {
    const { line, column } = lines.at(m.start);
    const first = m.entries[0];
    return [`${line}:${column}`, m.text, m.reading, first ? truncate(first.en.slice(0, 3).join('; '), 60) : '', first ? first.source.id : ''];
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
