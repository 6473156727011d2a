/**
 * CC-CEDICT-style lines ("傳統 传统 [chuan2 tong3] /tradition/traditional/"), for lists kept in that format.
 * The format holds the two scripts, the reading and the senses, nothing else. It has no escaping, so
 * the writer keeps a line readable and the reader undoes exactly what the writer did: a "/" inside a
 * sense is written as "⁄" (U+2044 FRACTION SLASH) and read back as "/"; a traditional form that
 * would start a "#" comment line gets the neutralising "'" of common.ts.
 */
import { toTraditional } from '../../text/script';
import { readingUnits, toNumbered } from '../../reading/pinyin';
import { LocatedError, splitLines, type LineColumn } from '../../text/text';
import { cedictPinyinToMarks, parseCedictLine } from '../cedictLine';
import type { Glossary, GlossaryEntry } from '../entry';
import {
  Losses,
  UNPAIRED_SURROGATE,
  dropChars,
  idFor,
  neutralise,
  unneutralise,
  type FittedGlossary,
  type FormatParseResult,
  type GlossaryFormat,
} from './common';
import { fileStem } from '../../text/fileName';
import { ENGLISH_GLOSSARY_LABELS } from '../labels';

const LABEL = 'CC-CEDICT lines';
/** What a line's first field may not start with unprotected: "#" starts a comment. */
const LINE_STARTS = "#'";
const SLASH_IN_SENSE = '\u2044';

interface Line {
  readonly traditional: string;
  readonly simplified: string;
  /** Tone marks, as the entry holds it ('' for none). */
  readonly pinyin: string;
  readonly senses: readonly string[];
}

/** Adds a line as an entry, or merges its senses into the last entry of the same term and reading. */
function addLine(entries: GlossaryEntry[], byZh: Map<string, number>, taken: Set<string>, line: Line): boolean {
  const at = byZh.get(line.simplified);
  const prior = at === undefined ? undefined : entries[at];
  if (prior && (prior.pinyin ?? '') === line.pinyin) {
    // Same word and reading on two lines: one entry with both sets of senses.
    entries[at!] = { ...prior, en: [...prior.en, ...line.senses.filter((s) => !prior.en.includes(s))] };
    return true;
  }
  entries.push({
    id: idFor({ zh: line.simplified, pinyin: line.pinyin }, taken),
    zh: line.simplified,
    ...(line.traditional !== line.simplified ? { traditional: line.traditional } : {}),
    ...(line.pinyin ? { pinyin: line.pinyin } : {}),
    en: [...line.senses],
  });
  byZh.set(line.simplified, entries.length - 1);
  return false;
}

/**
 * CC-CEDICT spells Latin letters one token each and writes punctuation as a token (卡拉OK [ka3 la1
 * O K], 马克·吐温 [Ma3 ke4 · Tu3 wen1]); a glossary reading has one token per Han character or Latin
 * run. Joined where the tokens spell the run; left as written (the checks then say why) otherwise.
 */
function alignTokens(zh: string, numbered: string): string {
  const tokens = numbered.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const out: string[] = [];
  let k = 0;
  for (const unit of readingUnits(zh)) {
    if (unit.han) {
      if (k >= tokens.length) return numbered;
      out.push(tokens[k++]);
      continue;
    }
    const run = zh.slice(unit.start, unit.end);
    let spelled = '';
    while (k < tokens.length && spelled.length < run.length) spelled += tokens[k++];
    if (spelled.toLowerCase() !== run.toLowerCase()) return numbered;
    out.push(run);
  }
  return k === tokens.length ? out.join(' ') : numbered;
}

function parse(text: string, file: string, labels = ENGLISH_GLOSSARY_LABELS): FormatParseResult {
  const problems: LocatedError[] = [];
  const entries: GlossaryEntry[] = [];
  const positions: LineColumn[] = [];
  const taken = new Set<string>();
  const byZh = new Map<string, number>();
  splitLines(text).forEach((raw, k) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const line = parseCedictLine(raw);
    if (!line) {
      problems.push(new LocatedError(file, k + 1, 1, labels.formats.notCedictLine()));
      return;
    }
    const merged = addLine(entries, byZh, taken, {
      traditional: unneutralise(line.traditional, LINE_STARTS),
      simplified: line.simplified,
      pinyin: cedictPinyinToMarks(alignTokens(line.simplified, line.pinyin)),
      senses: line.senses.map((s) => s.replaceAll(SLASH_IN_SENSE, '/')),
    });
    if (!merged) positions.push({ line: k + 1, column: 1 });
  });
  return { glossary: { name: fileStem(file), entries }, problems, positions };
}

/** "yā zhù" → "ya1 zhu4"; a "]" would close the brackets, so it cannot be part of a reading. */
const numbered = (pinyin: string): string =>
  pinyin
    .replaceAll(']', '')
    .split(/\s+/)
    .filter((s) => s)
    .map(toNumbered)
    .join(' ');

/** Line terminators that JavaScript's "." (and so the line pattern) does not cross, and tabs. */
const oneSense = (s: string): string => s.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();

const CEDICT_DROPS = ['forbidden', 'domain', 'category', 'note', 'aliases', 'ref'] as const;

function fit(glossary: Glossary): FittedGlossary {
  const losses = new Losses(LABEL);
  const entries: GlossaryEntry[] = [];
  const taken = new Set<string>();
  const byZh = new Map<string, number>();
  const originals: (GlossaryEntry | undefined)[] = [];
  glossary.entries.forEach((e, k) => {
    const found = new Set<string>();
    const keep = (s: string) => dropChars(s, UNPAIRED_SURROGATE, found).trim();
    losses.dropped({ ...e, domain: e.domain ?? glossary.domain }, k, CEDICT_DROPS);
    const zh = keep(e.zh);
    let traditional = keep(e.traditional ?? toTraditional(zh));
    if (/\s/.test(traditional) && !/\s/.test(zh)) {
      losses.add('a traditional form with spaces', 'derived from the simplified form', k);
      traditional = toTraditional(zh);
    }
    const senses = e.en.map((s) => {
      const kept = keep(s);
      const sense = oneSense(kept);
      if (sense !== kept) losses.add('tabs or line breaks', 'turned into spaces', k);
      if (sense.includes(SLASH_IN_SENSE)) losses.add(`"${SLASH_IN_SENSE}" (it stands for "/")`, 'read back as "/"', k);
      return sense.replaceAll(SLASH_IN_SENSE, '/');
    });
    // What the reader makes of the written reading (tokens aligned with the term's letters and marks).
    const pinyin = cedictPinyinToMarks(alignTokens(zh, numbered(keep(e.pinyin ?? ''))));
    if (e.pinyin !== undefined && pinyin !== e.pinyin) {
      losses.add('pinyin other than tone-marked syllables', 'changed', k);
    }
    if (found.size > 0) losses.add('unpaired surrogates (UTF-8)', 'dropped', k, found);
    const en = senses.filter((s) => s.length > 0);
    if (!zh || /\s/.test(zh) || en.length === 0) {
      return losses.add('a Chinese term with spaces, or an entry without English', 'left out', k);
    }
    const before = entries.length;
    if (addLine(entries, byZh, taken, { traditional, simplified: zh, pinyin, senses: en })) {
      losses.add('two entries with the same Chinese term and pinyin', 'merged', k);
    } else if (entries.length > before) originals.push(e);
  });
  entries.forEach((e, k) => {
    if (originals[k]?.id !== e.id) losses.add('ids', 'made again from the pinyin', k);
  });
  return { glossary: { name: glossary.name, entries }, lost: losses.lines() };
}

function serialize(glossary: Glossary): string {
  const lines = fit(glossary).glossary.entries.map((e) => {
    const senses = e.en.map((s) => s.replaceAll('/', SLASH_IN_SENSE)).join('/');
    return `${neutralise(e.traditional ?? e.zh, LINE_STARTS)} ${e.zh} [${numbered(e.pinyin ?? '')}] /${senses}/`;
  });
  return lines.join('\n') + '\n';
}

export const cedictFormat: GlossaryFormat = {
  id: 'cedict',
  extensions: ['.u8'],
  label: LABEL,
  parse,
  fit,
  serialize,
};
