/**
 * English drafts of Chinese industry lines: glossary renderings for terms, numbers with thousands
 * separators, classifiers and units (2台6000吨 → 2 × 6,000 t, 已购一台8800吨 → purchased one 8,800 t),
 * English punctuation, company names as proper nouns. Words only CC-CEDICT knows are marked "(?)"
 * for review; characters nothing can render stay as Chinese in brackets, never dropped. A draft for
 * a person to finish, not machine translation.
 */
import { hanWidthAt } from '../text/detect';
import { isGlossaryEntry, type SourcedEntry } from '../glossary/entry';
import type { Lexicon } from '../lexicon/lexicon';
import { findNumbers, formatNumber, isQuantity, numberWord, ordinalWord, type NumberToken } from './numbers';

export type DraftSpanKind = 'term' | 'number' | 'review' | 'untranslated';

export interface DraftSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: DraftSpanKind;
}

export interface Draft {
  readonly text: string;
  /** Parts of the English a person should check, with offsets into `text`. */
  readonly spans: readonly DraftSpan[];
}

const PUNCTUATION: Record<string, string> = {
  '，': ',',
  '、': ',',
  '。': '.',
  '；': ';',
  '：': ':',
  '！': '!',
  '？': '?',
  '（': '(',
  '）': ')',
  '《': '“',
  '》': '”',
  '「': '“',
  '」': '”',
  '『': '“',
  '』': '”',
  '“': '“',
  '”': '”',
  ',': ',',
  '.': '.',
  ';': ';',
  ':': ':',
};
const OPENING = new Set(['(', '“']);

/** Grammar words a glossary does not hold; '' drops the word (的, 了 have no English of their own). */
const FUNCTION_WORDS: Record<string, string> = {
  的: '',
  了: '',
  地: '',
  得: '',
  是: 'is',
  在: 'in',
  和: 'and',
  与: 'and',
  及: 'and',
  并: 'and',
  已: 'already',
  用: 'using',
  也: 'also',
  将: 'will',
  从: 'from',
  到: 'to',
  向: 'to',
  对: 'for',
  为: 'for',
  等: 'etc.',
  其: 'its',
  被: '',
  把: '',
};

/** Classifiers and units after a number. */
const UNITS: Record<string, { one: string; many: string }> = {
  台: { one: 'unit', many: 'units' },
  件: { one: 'piece', many: 'pieces' },
  家: { one: 'company', many: 'companies' },
  套: { one: 'set', many: 'sets' },
  条: { one: 'line', many: 'lines' },
  座: { one: 'plant', many: 'plants' },
  个: { one: '', many: '' },
  元: { one: 'yuan', many: 'yuan' },
  吨: { one: 't', many: 't' },
};

interface Piece {
  text: string;
  kind?: DraftSpanKind;
  /** Punctuation attaches to the word before it (or, opening, to the word after). */
  punct?: 'close' | 'open';
}

const LEGAL_FORM =
  /\b(Co\.,? Ltd\.?|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?|AG|SE|SA|S\.A\.|S\.p\.A\.|GmbH|N\.V\.|plc|LLC)$/i;

/**
 * A company's name as a draft writes it: without the legal form, preferring two or more words
 * ("Tuopu Group", "LK Technology") over a bare short form, falling back to the official name.
 */
function rendering(entry: SourcedEntry): string {
  if (entry.domain !== 'companies') return entry.en[0];
  const plain = entry.en.filter((e) => !LEGAL_FORM.test(e.trim()));
  const multi = plain.filter((e) => /\s/.test(e.trim())).sort((a, b) => a.length - b.length);
  return multi[0] ?? plain[0] ?? entry.en[0];
}

function firstSense(sense: string): string {
  // CC-CEDICT senses carry notes like "CL:台[tai2]" or "(abbr.)": keep the plain gloss.
  return (
    sense
      .replace(/\bCL:.*$/, '')
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .split(/[;/]/)[0]
      .trim() || sense
  );
}

export function draftEnglish(chinese: string, lexicon: Lexicon): Draft {
  const numbers = new Map<number, NumberToken>(findNumbers(chinese).map((n) => [n.start, n]));
  const pieces: Piece[] = [];
  let pendingHan = '';
  const flushHan = () => {
    if (pendingHan) pieces.push({ text: `[${pendingHan}]`, kind: 'untranslated' });
    pendingHan = '';
  };
  let i = 0;
  while (i < chinese.length) {
    const n = numbers.get(i);
    const unit = n ? chinese[n.end] : undefined;
    // Chinese numerals count only before a unit or after 第: 一体化 is a word, not "one".
    if (
      n &&
      isQuantity(chinese, n) &&
      (!n.chinese || n.ordinal || (unit !== undefined && unit in UNITS) || n.end - n.start > 1)
    ) {
      flushHan();
      const consumed = numberPhrase(chinese, n, numbers, pieces);
      i = consumed;
      continue;
    }
    const m = lexicon.matchAt(chinese, i);
    if (m) {
      flushHan();
      const own = m.entries.find(isGlossaryEntry);
      if (own) pieces.push({ text: rendering(own), kind: 'term' });
      else if (m.text in FUNCTION_WORDS) {
        if (FUNCTION_WORDS[m.text]) pieces.push({ text: FUNCTION_WORDS[m.text] });
      } else pieces.push({ text: `${firstSense(m.entries[0].en[0])} (?)`, kind: 'review' });
      i = m.end;
      continue;
    }
    const ch = chinese[i];
    if (ch in PUNCTUATION) {
      flushHan();
      const p = PUNCTUATION[ch];
      pieces.push({ text: p, punct: OPENING.has(p) ? 'open' : 'close' });
      i++;
      continue;
    }
    const w = hanWidthAt(chinese, i);
    if (w > 0) {
      pendingHan += chinese.slice(i, i + w);
      i += w;
      continue;
    }
    flushHan();
    const latin = /^[^\s\u2e80-\u9fff，。；：、！？（）《》「」『』“”]+/.exec(chinese.slice(i));
    if (latin) {
      pieces.push({ text: latin[0] });
      i += latin[0].length;
    } else i++;
  }
  flushHan();
  return assemble(pieces);
}

/** A number and what follows it; returns where the phrase ends. */
function numberPhrase(text: string, n: NumberToken, numbers: Map<number, NumberToken>, out: Piece[]): number {
  const unit = text[n.end];
  if (n.ordinal) {
    const u = unit !== undefined ? UNITS[unit] : undefined;
    out.push({ text: u && u.one ? `the ${ordinalWord(n.value)} ${u.one}` : ordinalWord(n.value), kind: 'number' });
    return u ? n.end + 1 : n.end;
  }
  if (unit === '台') {
    // 2台6000吨: two machines of 6,000 t each.
    const size = numbers.get(n.end + 1);
    if (size && !size.chinese && text[size.end] === '吨') {
      out.push({
        text: n.chinese
          ? `${numberWord(n.value)} ${formatNumber(size.value)} t`
          : `${formatNumber(n.value)} × ${formatNumber(size.value)} t`,
        kind: 'number',
      });
      return size.end + 1;
    }
  }
  const u = unit !== undefined ? UNITS[unit] : undefined;
  const count = n.chinese ? numberWord(n.value) : formatNumber(n.value);
  if (!u) {
    out.push({ text: count, kind: 'number' });
    return n.end;
  }
  const noun = n.value === 1 ? u.one : u.many;
  out.push({ text: noun ? `${count} ${noun}` : count, kind: 'number' });
  return n.end + 1;
}

function assemble(pieces: readonly Piece[]): Draft {
  let text = '';
  const spans: DraftSpan[] = [];
  let glue = false; // after an opening bracket: no space
  for (const p of pieces) {
    if (p.punct === 'close') {
      text = text.replace(/\s+$/, '') + p.text;
      glue = false;
      continue;
    }
    if (text && !glue && !text.endsWith(' ')) text += ' ';
    if (p.punct === 'open') {
      text += p.text;
      glue = true;
      continue;
    }
    glue = false;
    const start = text.length;
    text += p.text;
    if (p.kind) spans.push({ start, end: text.length, kind: p.kind });
  }
  return { text: text.trim(), spans };
}
