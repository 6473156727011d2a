/**
 * The files Hanzi Gloss writes, as the kill-during-write and concurrent-writer tests make them:
 * version `k` of each is a large file made by the real serializer (glossary JSON, the exchange
 * formats the exports and `convert` write, sidecar notes, bilingual exports), recognisable by `k` and complete only
 * if it equals what the serializer gives for that version.
 */
import { formatForPath } from '../../src/core/glossary/formats';
import type { Glossary } from '../../src/core/glossary/entry';
import { bilingualHtml, bilingualMarkdown } from '../../src/core/document/bilingual';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { serializeSidecar } from '../../src/core/annotate/sidecar';

const SOURCE = { id: 'workspace:test', label: 'Test glossary', layer: 'workspace' } as const;

export const KINDS = [
  'glossary.json',
  'export.tsv',
  'export.csv',
  'export.tbx',
  'export.u8',
  'annotations.json',
  'bilingual.html',
  'bilingual.md',
] as const;
export type Kind = (typeof KINDS)[number];

const HAN = [...new Set('压铸开模具铝合金锌镁射冲头浇口排气槽顶针抛光去毛刺热处理')].join('');

/** A distinct Chinese term for each number: its digits in base HAN.length, written in Han characters. */
function termFor(i: number): string {
  let zh = '';
  for (let n = i; zh.length < 3 || n > 0; n = Math.floor(n / HAN.length)) zh = HAN[n % HAN.length] + zh;
  return zh;
}

/** A glossary whose every entry carries the version number, so two versions never share a line. */
export function glossaryVersion(k: number, entries: number): Glossary {
  return {
    name: `Version ${k}`,
    entries: Array.from({ length: entries }, (_, i) => ({
      id: `v${k}-e${i}`,
      zh: termFor(i),
      en: [`term ${i} of version ${k}`, `alternative rendering ${i}`],
      note: `written by version ${k}`,
    })),
  };
}

/** Version `k` of a file of `kind`, about `entries` × 100 bytes. */
export function fileVersion(kind: Kind, k: number, entries = 3_000): string {
  if (kind === 'annotations.json') {
    const note = (i: number) => ({
      file: `src/f${i % 50}.c`,
      line: i,
      chinese: termFor(i),
      text: `note ${i} of version ${k}`,
    });
    const notes = Array.from({ length: entries }, (_, i) => note(i));
    return serializeSidecar(notes);
  }
  if (kind === 'bilingual.html' || kind === 'bilingual.md') {
    // The bilingual export of a document with `entries` annotated lines, over a small glossary.
    const lexicon = new Lexicon([buildLayer([{ glossary: glossaryVersion(k, 200), source: SOURCE }])]);
    const line = (i: number) => `${termFor(i % 200)}和${termFor((i * 7) % 200)}\n// line ${i} of version ${k}`;
    const text = Array.from({ length: entries / 4 }, (_, i) => line(i)).join('\n');
    return (kind === 'bilingual.md' ? bilingualMarkdown : bilingualHtml)(`version ${k}`, text, '//', lexicon);
  }
  const format = formatForPath(kind);
  if (!format) throw new Error(`no format for ${kind}`);
  return format.serialize(glossaryVersion(k, entries));
}

const made = new Map<string, string>();

/** The version a file's text is (its first "version N" mention), if the text is that version whole. */
export function completeVersion(kind: Kind, text: string, entries = 3_000): number | undefined {
  const k = Number(/version (\d+)/.exec(text)?.[1] ?? NaN);
  if (!Number.isInteger(k)) return undefined;
  const key = `${kind} ${k} ${entries}`;
  let expected = made.get(key);
  if (expected === undefined) made.set(key, (expected = fileVersion(kind, k, entries)));
  return text === expected ? k : undefined;
}
