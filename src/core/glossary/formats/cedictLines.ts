/** CC-CEDICT-style lines ("傳統 传统 [chuan2 tong3] /tradition/traditional/"), for lists kept in that format. */
import { toTraditional } from '../../script';
import { toNumbered } from '../../pinyin';
import { LocatedError } from '../../text';
import { cedictPinyinToMarks, parseCedictLine } from '../cedict';
import type { Glossary, GlossaryEntry } from '../entry';
import { idFor, oneLine, type FormatParseResult, type GlossaryFormat } from './common';

function parse(text: string, file: string): FormatParseResult {
  const problems: LocatedError[] = [];
  const entries: GlossaryEntry[] = [];
  const taken = new Set<string>();
  const byZh = new Map<string, GlossaryEntry>();
  text.split(/\r?\n/).forEach((raw, k) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const line = parseCedictLine(raw);
    if (!line) {
      problems.push(new LocatedError(file, k + 1, 1, 'not a CC-CEDICT line: expected "TRADITIONAL SIMPLIFIED [pin1 yin1] /english/…/"'));
      return;
    }
    const pinyin = cedictPinyinToMarks(line.pinyin);
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
    byZh.set(line.simplified, entry);
  });
  return { glossary: { name: file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), entries }, problems };
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
