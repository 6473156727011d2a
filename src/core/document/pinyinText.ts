/**
 * Pinyin of a free text, as the CLI's `pinyin` command prints it: syllables and Latin/digit runs
 * separated by single spaces, glossary readings first, CJK punctuation turned into its ASCII form
 * and attached to the neighbouring syllable (压铸（开模） → yā zhù (kāi mú)).
 */
import { findPassages } from '../text/detect';
import type { Lexicon } from '../lexicon/lexicon';
import { readText, toNumbered, type ToneStyle } from '../reading/pinyin';

const OPENING = /[([{“‘《「『【〈（［｛]$/;

export function pinyinOfText(text: string, lexicon: Lexicon, style: ToneStyle = 'marks'): string {
  const tokens = readText(text, lexicon.matchPassages(text, findPassages(text)).toArray());
  const out: string[] = [];
  let pendingPrefix = '';
  let cursor = 0;
  const attachGap = (gap: string): void => {
    const visible = gap.normalize('NFKC').replace(/\s+/g, '');
    if (!visible) return;
    const punctuation = visible
      .replace(/[。｡]/g, '.')
      .replace(/[、]/g, ',')
      .replace(/[《「『【〈]/g, '“')
      .replace(/[》」』】〉]/g, '”');
    const opening = OPENING.test(punctuation) ? (punctuation.match(/[([{“‘]+$/)?.[0] ?? '') : '';
    const closing = punctuation.slice(0, punctuation.length - opening.length);
    if (closing) {
      if (out.length > 0) out[out.length - 1] += closing;
      else pendingPrefix += closing;
    }
    pendingPrefix += opening;
  };
  for (const t of tokens) {
    const word = t.syllable === undefined ? t.text : style === 'numbers' ? toNumbered(t.syllable) : t.syllable;
    // 5.786 as written: the point joins the digit runs.
    if (t.joined !== undefined && out.length > 0 && cursor === t.start - 1) {
      out[out.length - 1] += t.joined + word;
      cursor = t.end;
      continue;
    }
    attachGap(text.slice(cursor, t.start));
    out.push(pendingPrefix + word);
    pendingPrefix = '';
    cursor = t.end;
  }
  attachGap(text.slice(cursor));
  if (pendingPrefix) out.push(pendingPrefix);
  return out.join(' ');
}
