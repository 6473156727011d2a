/**
 * Finds a glossary rendering in English text the way a careful reviewer reads it: any case; any
 * inflection of each word (machines, delivered, castings, batteries, the machine's, built, children);
 * British or American spelling (englishForms.ts); hyphen, space and closed forms alike (die-casting =
 * die casting = diecasting). Per rendering the glossary can ask for less (glossary/rendering.ts): a
 * stem marker ("die-cast|ing": the word only has to start with "cast") or an exact match. A figure may
 * stand between a rendering's words ("up 13.4% year on year" for "up year on year"). Missing-term
 * and forbidden-term both ask this one matcher, so a forbidden rendering is caught inflected too.
 *
 * Two words are forms of one word when Porter's second English stemmer (Snowball "english", through
 * wink-porter2-stemmer) gives them one stem and what tells them apart is an inflection (-s, -es, -ies,
 * -ed, -ing, a doubled consonant). The stemmer alone would also join derivations (product/production,
 * integrated/integration, organ/organize), which are other terms; the inflection check refuses those.
 */
import stem from 'wink-porter2-stemmer';
import { STEM_MARKER } from '../glossary/rendering';
import { americanSpelling, irregularBase } from './englishForms';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

interface Word {
  /** Where the word is in its text, without a possessive 's. */
  readonly start: number;
  readonly end: number;
  /** As written (case kept), possessive and stem marker removed. */
  readonly surface: string;
  /** Lower case in American spelling, then the irregular forms' base if any: the forms compared. */
  readonly forms: readonly string[];
  /** What stands between this word and the one before: "" at the start, " ", "-", ", ", "&". */
  readonly before: string;
  /** A rendering's word written with a stem marker: `surface` is the part before it. */
  readonly prefix: boolean;
}

/** A word (letters and digits) and an optional possessive 's or s'. */
const POSSESSIVE = String.raw`((?:['’]s)?(?![\p{L}\p{N}])|['’](?![\p{L}\p{N}]))?`;
const TEXT_WORD = new RegExp(String.raw`([\p{L}\p{N}]+)` + POSSESSIVE, 'gu');
/** In a rendering, a word may hold a stem marker: "cast|ing". */
const RENDERING_WORD = new RegExp(String.raw`([\p{L}\p{N}]+(?:\|[\p{L}\p{N}]*)?)` + POSSESSIVE, 'gu');

/** Separators that space, hyphen and closed forms make equal (one hyphen, any spacing). */
const LOOSE = /^\s*[-‐‑]?\s*$/u;

function formsOf(lower: string): string[] {
  const american = americanSpelling(lower);
  const base = irregularBase(lower) ?? irregularBase(american);
  const out = base && base !== american ? [american, base] : [american];
  // A stem marker's prefix is compared with the word as written too (mould| in "moulding").
  return out.includes(lower) ? out : [...out, lower];
}

function words(text: string, rendering: boolean): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(rendering ? RENDERING_WORD : TEXT_WORD)) {
    const raw = m[1];
    const at = raw.indexOf(STEM_MARKER);
    const surface = at >= 0 ? raw.slice(0, at) : raw;
    const start = m.index;
    const lower = surface.toLowerCase();
    out.push({
      start,
      end: start + raw.length,
      surface,
      forms: at >= 0 ? [lower] : formsOf(lower),
      before: text.slice(last, start),
      prefix: at >= 0,
    });
    last = start + m[0].length;
  }
  return out;
}

/** Endings that make inflected forms of one word (make/making, stop/stopped, die/dying, battery/batteries). */
const INFLECTIONS = new Set(['', 's', 'es', 'ed', 'd', 'ing', 'ings', 'e', 'y', 'ies', 'ied', 'ie', 'ying']);

function inflectional(rest: string, common: string): boolean {
  if (INFLECTIONS.has(rest)) return true;
  // A doubled final consonant: stop → stopped, plan → planning.
  return rest.length > 1 && rest[0] === common.at(-1) && INFLECTIONS.has(rest.slice(1));
}

/** Words that look like another word's plural but are words of their own. */
const NOT_PLURALS = new Set(['news', 'goods', 'arms', 'means', 'species', 'series', 'glasses', 'savings']);

const stems = new Map<string, string>();
function stemOf(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stem(word);
    // The cache only spares the stemmer repeated words; bounded so a long session cannot grow it.
    if (stems.size > 50_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** True if `a` and `b` (lower case) are inflected forms of one word. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // A plural -s or -es the stemmer leaves on: acronyms (LLMs, PVs), -us and -eau (buses, bureaus).
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  const plural = long === `${short}s` || long === `${short}es`;
  if (plural && short.length >= 2 && /\p{L}/u.test(short) && !NOT_PLURALS.has(long)) return true;
  if (/\d/.test(a) || /\d/.test(b) || stemOf(a) !== stemOf(b)) return false;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const common = a.slice(0, n);
  return inflectional(a.slice(n), common) && inflectional(b.slice(n), common);
}

const anySame = (as: readonly string[], bs: readonly string[]) => as.some((a) => bs.some((b) => sameWord(a, b)));

/**
 * One word against a run of words it closes up ("diecastings" against "die" "casting"): the word
 * must start with the run's head exactly, and what follows must be a form of the run's last word,
 * so that an inflection cannot reach across the join ("doorring" is not "door" + a doubled r + ing).
 */
function closedMatch(one: Word, run: readonly Word[], oneIsRendering: boolean): boolean {
  if (run.slice(1).some((w) => !LOOSE.test(w.before)) || run.slice(0, -1).some((w) => w.prefix)) return false;
  const head = run.slice(0, -1);
  const heads = new Set([head.map((w) => w.forms[0]).join(''), head.map((w) => w.surface.toLowerCase()).join('')]);
  const last = run.at(-1)!;
  for (const form of one.forms) {
    for (const h of heads) {
      if (!form.startsWith(h) || form.length === h.length) continue;
      const rest = form.slice(h.length);
      if (oneIsRendering && one.prefix ? last.forms.some((f) => f.startsWith(rest)) : false) return true;
      if (!oneIsRendering && last.prefix ? rest.startsWith(last.forms[0]) : false) return true;
      if (!one.prefix && !last.prefix && anySame(formsOf(rest), last.forms)) return true;
    }
  }
  return false;
}

/** A rendering's word (or run) against a text's word (or run); one side is a single word. */
function wordsMatch(rendering: readonly Word[], text: readonly Word[]): boolean {
  if (rendering.length > 1) return closedMatch(text[0], rendering, false);
  if (text.length > 1) return closedMatch(rendering[0], text, true);
  const r = rendering[0];
  if (r.prefix) return text[0].forms.some((f) => f.startsWith(r.forms[0]));
  return anySame(r.forms, text[0].forms);
}

/** Separators before two aligned groups agree: both loose (space, hyphen) or the same punctuation. */
function separatorsAgree(r: string, t: string): boolean {
  if (LOOSE.test(r) && LOOSE.test(t)) return true;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(r) === norm(t);
}

/** The longest group either side aligns: "high-pressure die casting" has at most 4 words to join. */
const MAX_JOIN = 4;

/**
 * A figure standing between two words of a rendering: "up 13.4% year on year" for "up year on year"
 * (年增13.4%), "down 8 per cent year on year". English puts the amount inside the phrase that the
 * Chinese writes around it; the number check, not the term check, has the figure itself.
 */
const NUMBER_GAP = /^\s+\d+(?:[.,]\d+)*\s*(?:%|per ?cent|percent|percentage points?|points?)?\s+$/iu;

/** Where the rendering's next word may start in the text after a figure from word `j` on (13.4 per cent). */
function afterFigure(text: string, tw: readonly Word[], j: number): number[] {
  const out: number[] = [];
  if (j === 0 || j >= tw.length || !/^\d+$/.test(tw[j].surface)) return out;
  for (let g = j + 1; g < tw.length && g <= j + 4; g++) {
    if (NUMBER_GAP.test(text.slice(tw[j - 1].end, tw[g].start))) out.push(g);
  }
  return out;
}

/**
 * The end of the text words from `i` that spell the rendering, or -1. Words align one to one, or a
 * run of words on one side to one word on the other (a closed form), and a figure may stand between
 * two words (afterFigure); reach[a] holds the text positions reached after the first `a` rendering
 * words, and `figured` those reached by passing a figure (whose separator is the figure's).
 */
function alignAt(rw: readonly Word[], tw: readonly Word[], i: number, text: string): number {
  const reach: Set<number>[] = rw.map(() => new Set<number>());
  reach[0].add(i);
  for (let a = 0; a < rw.length; a++) {
    const figured = new Set<number>();
    if (a > 0 && LOOSE.test(rw[a].before)) {
      for (const j of reach[a]) {
        for (const g of afterFigure(text, tw, j)) if (!reach[a].has(g)) figured.add(g);
      }
    }
    for (const j of [...reach[a], ...figured]) {
      for (let m = 1; m <= MAX_JOIN && a + m <= rw.length; m++) {
        for (let k = 1; k <= (m === 1 ? MAX_JOIN : 1) && j + k <= tw.length; k++) {
          if (a > 0 && !figured.has(j) && !separatorsAgree(rw[a].before, tw[j].before)) continue;
          if (!wordsMatch(rw.slice(a, a + m), tw.slice(j, j + k))) continue;
          if (a + m === rw.length) return j + k;
          reach[a + m].add(j + k);
        }
      }
    }
  }
  return -1;
}

/** First letters a word can be compared by (its forms may differ there: went → go). */
const initials = (w: Word) => new Set(w.forms.map((f) => f[0]));

/** An English text, split into words once, in which renderings are looked for. */
export class EnglishText {
  private readonly words: Word[];
  private readonly initials: Set<string>[];
  constructor(readonly text: string) {
    this.words = words(text, false);
    this.initials = this.words.map(initials);
  }

  /** Where the rendering first occurs, or undefined; `exact`: as written, case and hyphens included. */
  find(rendering: string, exact = false): TextSpan | undefined {
    return this.findAll(rendering, exact)[0];
  }

  /** Every place the rendering occurs, in order, none overlapping. */
  findAll(rendering: string, exact = false): TextSpan[] {
    const out: TextSpan[] = [];
    const rw = words(rendering, !exact);
    if (rw.length === 0) return out;
    for (let i = 0; i < this.words.length;) {
      const end = exact ? this.exactAt(rw, i) : this.looseAt(rw, i);
      if (end > i) {
        out.push({ start: this.words[i].start, end: this.words[end - 1].end });
        i = end;
      } else i++;
    }
    return out;
  }

  private looseAt(rw: readonly Word[], i: number): number {
    // A closed form starts with the same letter as its first word: most starts fail here, cheaply.
    if (![...this.initials[i]].some((c) => rw[0].forms.some((f) => f[0] === c))) return -1;
    return alignAt(rw, this.words, i, this.text);
  }

  private exactAt(rw: readonly Word[], i: number): number {
    const norm = (s: string) => s.replace(/\s+/g, ' ');
    if (i + rw.length > this.words.length) return -1;
    const ok = rw.every((r, k) => {
      const t = this.words[i + k];
      return t.surface === r.surface && (k === 0 || norm(t.before) === norm(r.before));
    });
    return ok ? i + rw.length : -1;
  }
}
