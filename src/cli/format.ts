/** Output shapes of `hanzi-gloss scan`: the JSON read by external checks, and a table for people. */
import type { ScanResult } from '../core/scan';
import { lineColumnAt } from '../core/text';

export interface ScanJson {
  passages: { start: number; end: number; text: string }[];
  matches: { start: number; end: number; text: string; pinyin: string; entries: { zh: string; en: string[]; source: string }[] }[];
}

/** Exactly the documented keys, in the documented order. */
export function toScanJson(result: ScanResult): ScanJson {
  return {
    passages: result.passages.map((p) => ({ start: p.start, end: p.end, text: p.text })),
    matches: result.matches.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      pinyin: m.reading,
      entries: m.entries.map((e) => ({ zh: e.zh, en: [...e.en], source: e.source.id })),
    })),
  };
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
  const rows = result.matches.map((m) => {
    const { line, column } = lineColumnAt(text, m.start);
    const first = m.entries[0];
    return [`${line}:${column}`, m.text, m.reading, first ? truncate(first.en.slice(0, 3).join('; '), 60) : '', first ? first.source.id : ''];
  });
  const header = ['line:col', 'term', 'pinyin', 'english', 'source'];
  const widths = header.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k]))));
  const lines = [header, ...rows].map((r) => r.map((cell, k) => (k === r.length - 1 ? cell : pad(cell, widths[k]))).join('  ').trimEnd());
  lines.push('', `${result.passages.length} Chinese passage(s), ${result.matches.length} glossary match(es)`);
  return lines.join('\n');
}
