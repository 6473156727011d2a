/**
 * Chinese passage detection: maximal runs of Han ideographs and CJK punctuation, joined across short
 * runs of digits and Latin letters (2台6000吨, 极氪009, HNB公司), never across plain English prose.
 *
 * Offsets are UTF-16 code units, as in VS Code and JavaScript strings. The scanner is a hand-written
 * loop over char codes rather than a regex because it runs over whole 20 MB documents and must beat
 * `/\p{Script=Han}+/gu` while doing more (joining, punctuation).
 */

export interface Passage {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Longest run of non-Chinese characters that may still join two Chinese runs. */
const MAX_JOIN_LENGTH = 32;

const HAN = 1;
const PUNCT = 2;
const HIGH = 3;
/** High surrogate of U+16FE2–16FE3 and U+16FF0–16FF6: Han marks (old Chinese hook and iteration marks). */
const HIGH_MARKS = 4;

/**
 * Class of every BMP code unit: the scanner's inner loop is one table lookup. Filled by ranges
 * (native fills) because it is built on every start; a unit test checks it against the predicates.
 */
const CLASS = (() => {
  const t = new Uint8Array(0x10000);
  // Later ranges win: the Han marks 々〇〡… sit inside the CJK punctuation block.
  const ranges: [kind: number, from: number, to: number][] = [
    [PUNCT, 0x3000, 0x303f],
    [PUNCT, 0xff00, 0xffef],
    [PUNCT, 0xfe30, 0xfe4f],
    [PUNCT, 0xfe10, 0xfe1f],
    [HAN, 0x4e00, 0x9fff],
    [HAN, 0x3400, 0x4dbf],
    [HAN, 0xf900, 0xfaff],
    [HAN, 0x2e80, 0x2fdf],
    [HAN, 0x3005, 0x3005],
    [HAN, 0x3007, 0x3007],
    [HAN, 0x3021, 0x3029],
    [HAN, 0x3038, 0x303b],
    [HIGH, 0xd840, 0xd8bf],
    [HIGH_MARKS, 0xd81b, 0xd81b],
  ];
  for (const [kind, from, to] of ranges) t.fill(kind, from, to + 1);
  return t;
})();

/**
 * The scanner's class of a BMP code unit: 1 a Han ideograph (CJK radicals, 々〇, Ext A, URO,
 * compatibility), 2 CJK punctuation or a full-width form, 3 a high surrogate D840–D8BF (code points
 * U+20000–U+3FFFF: the ideographic planes), 4 the high surrogate D81B (a few Han marks among
 * U+16FE0–16FFF), 0 anything else.
 */
export function charClassOf(c: number): number {
  return CLASS[c];
}

/**
 * Width in code units of the Chinese character at `i` (2 for an ideograph outside the BMP), or 0
 * if the character there is not Chinese. Negative widths mark punctuation: -1 (one unit).
 */
function chineseWidth(text: string, i: number): number {
  const k = CLASS[text.charCodeAt(i)];
  if (k === 0) return 0;
  if (k === HAN) return 1;
  if (k === PUNCT) return -1;
  const low = text.charCodeAt(i + 1);
  if (k === HIGH_MARKS) return (low >= 0xdfe2 && low <= 0xdfe3) || (low >= 0xdff0 && low <= 0xdff6) ? 2 : 0;
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that may sit inside a joining run besides letters, digits and spaces. */
function isJoinConnector(c: number): boolean {
  switch (c) {
    case 0x2c: // ,
    case 0x2e: // .
    case 0x3a: // :
    case 0x3b: // ;
    case 0x25: // %
    case 0x2b: // +
    case 0x2d: // -
    case 0x5f: // _
    case 0x2f: // /
    case 0x26: // &
    case 0x27: // '
    case 0x28: // (
    case 0x29: // )
    case 0xb7: // ·  (name separator, 托马斯·爱迪生)
    case 0x2014: // —
    case 0x2026: // …
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d: // curly quotes, used around Chinese terms
      return true;
    default:
      return false;
  }
}

/**
 * If the non-Chinese run starting at `from` ends, within MAX_JOIN_LENGTH units and on the same
 * line, at a Chinese character, and looks like part of Chinese text (a model number, an acronym, a
 * lone English word, spacing), returns the index of that Chinese character; otherwise -1.
 * Two or more Latin words separated by spaces read as English prose and never join.
 */
function joinEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_JOIN_LENGTH + 1);
  let words = 0;
  let inWord = false;
  let spaced = false;
  for (let k = from; k < limit; k++) {
    if (chineseWidth(text, k) !== 0) return words > 1 && spaced ? -1 : k;
    const c = text.charCodeAt(k);
    if (isLatinLetter(c)) {
      if (!inWord) words++;
      inWord = true;
      continue;
    }
    if (isDigit(c)) {
      continue;
    }
    inWord = false;
    if (c === 0x20 || c === 0x09 || c === 0xa0) spaced = true;
    else if (!isJoinConnector(c)) return -1;
  }
  return -1;
}

/*
 * The two hot loops live in small functions of their own: V8 optimises those the same way on
 * every run, whereas one large loop was optimised well or badly (13 or 25 ms over the benchmark
 * corpus) depending on the type feedback it had gathered when on-stack replacement kicked in.
 */

/** First position at or after `i` whose code unit could be Chinese (below U+2E80 none is). */
function skipBelowCjk(text: string, i: number, n: number): number {
  while (i < n && text.charCodeAt(i) < 0x2e80) i++;
  return i;
}

/** End of the run of BMP ideographs starting at `j`. */
function hanRunEnd(text: string, j: number, n: number): number {
  while (j < n && CLASS[text.charCodeAt(j)] === HAN) j++;
  return j;
}

/** Every Chinese passage of `text`, in order, with UTF-16 offsets. */
export function findPassages(text: string, from = 0, to = text.length): Passage[] {
  const passages: Passage[] = [];
  const n = to;
  let i = from;
  while (i < n) {
    i = skipBelowCjk(text, i, n);
    if (i >= n) break;
    const w = chineseWidth(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    let hasHan = w > 0;
    let end = i + Math.abs(w);
    let j = end;
    while (j < n) {
      const c = text.charCodeAt(j);
      const cls = CLASS[c];
      if (cls === HAN) {
        // The common case, a run of BMP ideographs.
        hasHan = true;
        j = end = hanRunEnd(text, j + 1, n);
        continue;
      }
      if (cls === PUNCT) {
        j = end = j + 1;
        continue;
      }
      if (cls >= HIGH && chineseWidth(text, j) === 2) {
        hasHan = true;
        j = end = j + 2;
        continue;
      }
      const k = joinEnd(text, j);
      if (k < 0 || k >= n) break;
      j = k;
    }
    if (hasHan) pushTrimmed(passages, text, start, end, passages.length > 0 ? passages[passages.length - 1].end : from);
    i = end;
  }
  return passages;
}

/**
 * Ideographic spaces at either end are layout, not text; once they are gone, a joining run (Latin
 * letters, digits) that they held between Chinese characters no longer joins anything either.
 */
function pushTrimmed(out: Passage[], text: string, start: number, end: number, floor: number): void {
  for (;;) {
    while (start < end && text.charCodeAt(start) === 0x3000) start++;
    while (start < end && chineseWidth(text, start) === 0) start++;
    if (start >= end || text.charCodeAt(start) !== 0x3000) break;
  }
  for (;;) {
    while (end > start && text.charCodeAt(end - 1) === 0x3000) end--;
    while (end > start && !endsChinese(text, end)) end--;
    if (end <= start || text.charCodeAt(end - 1) !== 0x3000) break;
  }
  if (end <= start) return;
  if (chineseWidth(text, start) !== 0) start = attachedStart(text, start, floor);
  out.push({ start, end, text: text.slice(start, end) });
}

/**
 * Where a passage that starts with a Chinese character really starts: a number or Latin token written
 * against it (2024年, 15.8亿元, SK海力士, 3D打印 at the start of a line) belongs to it, as the same token
 * does between Chinese characters; a token after a space, or glued to more Latin text (a URL, a file
 * name), does not. Never before `floor` (the range's start or the previous passage's end).
 */
function attachedStart(text: string, start: number, floor: number): number {
  let k = start;
  while (k > floor && start - k < MAX_JOIN_LENGTH) {
    const c = text.charCodeAt(k - 1);
    if (isAsciiLetter(c) || isDigit(c)) k--;
    // A decimal point or thousands comma inside a number (15.8亿, 1,200台), not one ending a sentence.
    else if (
      (c === 0x2e || c === 0x2c) &&
      k - 1 > floor &&
      isDigit(text.charCodeAt(k - 2)) &&
      isDigit(text.charCodeAt(k))
    )
      k--;
    else break;
  }
  if (k === start) return start;
  // The token must stand on its own: what precedes it is no letter, digit or joining mark of a longer run.
  const before = k > 0 ? text.charCodeAt(k - 1) : 0x20;
  if (
    k > floor &&
    (isLatinLetter(before) ||
      before === 0x2f ||
      before === 0x5f ||
      before === 0x2d ||
      before === 0x2e ||
      before === 0x40)
  )
    return start;
  return k;
}

/** Whether text[end - 1] closes a Chinese character (a BMP one, or the low half of a pair). */
function endsChinese(text: string, end: number): boolean {
  if (chineseWidth(text, end - 1) !== 0) return true;
  return end >= 2 && chineseWidth(text, end - 2) === 2;
}

/** True if `text` holds at least one Han ideograph. */
export function containsHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const w = chineseWidth(text, i);
    if (w > 0) return true;
  }
  return false;
}

/** Code-unit width of the Han ideograph at `i`, or 0 if there is none. */
export function hanWidthAt(text: string, i: number): number {
  const w = chineseWidth(text, i);
  return w > 0 ? w : 0;
}
