/** CC-CEDICT-style lines ("傳統 传统 [chuan2 tong3] /tradition/traditional/"), for lists kept in that format. */
import { toTraditional } from '../../script';
import { readingUnits, toNumbered } from '../../pinyin';
import { LocatedError, splitLines, type LineColumn } from '../../text';
import { cedictPinyinToMarks, parseCedictLine } from '../cedict';
import type { Glossary, GlossaryEntry } from '../entry';
import { idFor, oneLine, type FormatParseResult, type GlossaryFormat } from './common';

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

function parse(text: string, file: string): FormatParseResult {
  const problems: LocatedError[] = [];
  const entries: GlossaryEntry[] = [];
  const positions: LineColumn[] = [];
  const taken = new Set<string>();
  const byZh = new Map<string, GlossaryEntry>();
  splitLines(text).forEach((raw, k) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const line = parseCedictLine(raw);
    if (!line) {
      problems.push(new LocatedError(file, k + 1, 1, 'not a CC-CEDICT line: expected "TRADITIONAL SIMPLIFIED [pin1 yin1] /english/…/"'));
      return;
    }
    const pinyin = cedictPinyinToMarks(alignTokens(line.simplified, line.pinyin));
    const prior = byZh.get(line.simplified);
    if (prior && prior.pinyin === pinyin) {
      // Same word and reading on two lines: one entry with both sets of senses.
      const merged = { ...prior, en: [...prior.en, ...line.senses.filter((s) => !prior.en.includes(s))] };
      entries[entries.indexOf(prior)] = merged;
      byZh.set(line.simplified, merged);
      return;
    }
    const entry: GlossaryEntry = {
      id: idFor({ zh: line.simplified, pinyin }, taken),
      zh: line.simplified,
      ...(line.traditional !== line.simplified ? { traditional: line.traditional } : {}),
      pinyin,
      en: [...line.senses],
    };
    entries.push(entry);
    positions.push({ line: k + 1, column: 1 });
    byZh.set(line.simplified, entry);
  });
  return { glossary: { name: file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), entries }, problems, positions };
}

function serialize(glossary: Glossary): string {
  return (
    glossary.entries
      .map((e) => {
        const traditional = e.traditional ?? toTraditional(e.zh);
        const numbered = (e.pinyin ?? '').split(/\s+/).filter((s) => s).map(toNumbered).join(' ');
        return `${traditional} ${e.zh} [${numbered}] /${e.en.map((s) => oneLine(s).replace(/\//g, '⁄')).join('/')}/`;
      })
      .join('\n') + '\n'
  );
}

export const cedictFormat: GlossaryFormat = { id: 'cedict', extensions: ['.u8'], label: 'CC-CEDICT lines', parse, serialize };
