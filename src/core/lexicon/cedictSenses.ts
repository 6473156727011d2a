/**
 * CC-CEDICT's entries in the order a reader wants them, worked out once at build time so every
 * reader (hover, `scan --json`, term list, bilingual export, drafts) sees the same order: common
 * entries before names (capitalised pinyin: surnames, places), redirects ("variant of 發布|发布[fa1
 * bu4]", "used in 自個兒|自个儿[zi4 ge3 r5]", "see …") replaced by the senses of the word they point
 * to and placed after every entry that has senses of its own, classifier notes ("CL:個|个[ge4]")
 * moved to the entry's note, and the grammar particles described once in plain words.
 */
import type { CedictLine } from '../glossary/cedictLine';
import { cedictPinyinToMarks } from '../glossary/cedictLine';

/** The word a redirect points to, as its target line writes it (numbered pinyin). */
export interface SenseTarget {
  readonly traditional: string;
  readonly simplified: string;
  readonly pinyin: string;
  /** What the source said, without the reference: "variant of", "used in", "(Tw) see". */
  readonly relation: string;
}

/** One entry as shown: its own headword, plain senses first, and where a redirect led. */
export interface DisplayEntry extends CedictLine {
  /** Classifier and pronunciation notes, for a line of their own ("CL: 个 gè, 位 wèi"). */
  readonly note?: string;
  /** Set when the senses are those of another word this entry redirected to. */
  readonly target?: SenseTarget;
  /**
   * Nothing of its own to show: a redirect whose target is not in the dictionary (or that leads in
   * a circle), or only notes. Shown last, as written.
   */
  readonly unresolved?: boolean;
}

export interface DisplayDictionary {
  readonly entries: readonly DisplayEntry[];
  /** Per written form (simplified and traditional), its entries' numbers in display order. */
  readonly keys: ReadonlyMap<string, readonly number[]>;
}

// A reference as CC-CEDICT writes one: 發布|发布[fa1 bu4], 向[xiang4], 個|个 (pinyin optional).
const HAN_WORD = String.raw`[\p{Script=Han}〇][\p{Script=Han}〇\p{L}\p{N}·・，]*`;
const REFERENCE = new RegExp(String.raw`(${HAN_WORD})(?:\|(${HAN_WORD}))?(?:\[([^\]]*)\])?`, 'gu');

/*
 * A sense that only points elsewhere: an optional register tag, the relation, one or more
 * references joined by "and"/"or"/",", then at most a parenthetical or comma remark. Anything
 * longer has English of its own ("abbr. for Xinjiang 新疆[Xin1 jiang1]") and stays a sense; a bare
 * "abbr. for 春節聯歡晚會|春节联欢晚会[…]" points to its full form like any redirect.
 */
const TAG = String.raw`(?:\((?:Tw|dialect|literary|old|archaic|coll\.)\)\s*)*`;
const QUALIFIER =
  String.raw`(?:(?:old|erhua|archaic|ancient|popular|euphemistic|Taiwan|unofficial|literary|` +
  String.raw`nonstandard simplified|non-standard|\(old\) contracted|contracted|Japanese)\s+)?`;
const RELATION =
  String.raw`(?:see also|see|${QUALIFIER}variant of|used in|also written|same as|` +
  String.raw`erhua form of|now written|abbr\. (?:for|of|to))`;
const ONE_REFERENCE = String.raw`${HAN_WORD}(?:\|${HAN_WORD})?(?:\[[^\]]*\])?`;
// Separators are required between references: two words side by side could split one run of Han
// characters in many ways, and a failing match would try them all.
const REDIRECT = new RegExp(
  String.raw`^(${TAG}${RELATION})\s+(${ONE_REFERENCE}(?:\s*(?:,|and|or)\s*${ONE_REFERENCE})*)\s*(?:[,;(].*)?$`,
  'u',
);

export interface Reference {
  readonly traditional?: string;
  readonly simplified: string;
  readonly pinyin?: string;
}

/** The relation ("variant of") and the words a redirect sense points to; undefined for any other sense. */
export function parseRedirect(sense: string): { relation: string; references: Reference[] } | undefined {
  const m = REDIRECT.exec(sense.trim());
  if (!m) return undefined;
  const references = [...m[2].matchAll(REFERENCE)].map((r) => ({
    ...(r[2] ? { traditional: r[1] } : {}),
    simplified: r[2] ?? r[1],
    ...(r[3] ? { pinyin: r[3] } : {}),
  }));
  return references.length > 0 ? { relation: m[1].trim(), references } : undefined;
}

const CLASSIFIER = /^CL:\s*/;
/** Pronunciation remarks: a note for the reader, not a meaning. */
const PRONUNCIATION = /^(?:also pr\.|Taiwan pr\.|pr\. )/;
/** Senses that say what a word is rather than what it means: after its plain senses. */
const ASIDE =
  /^(?:surname |abbr\. (?:for|of|to) |\(abbr\. for |also called |cf\.? |one of the |used in |character used )/;
/** Senses of another age or place: an entry with only these comes after the ordinary ones (居 jī, jū). */
const DATED = /^\((?:archaic|literary|old|classical|dialect|obsolete|Cantonese|Hokkien|Buddhism)\)/;

/** Whether the first syllable is capitalised with a tone (Xiang4, Bei3): a name, place or surname. */
export function isProperPinyin(numbered: string): boolean {
  return /^[A-Z][a-zü:]*[1-5]/.test(numbered.trim());
}

/*
 * The grammar particles, in plain words. These readings have no English word of their own, and
 * CC-CEDICT gives them several parenthesised grammar notes each; the reader gets one line.
 */
const PARTICLES: Readonly<Record<string, string>> = {
  '了 le5': 'particle after a verb or at the end of a sentence: the action is done, or the situation has changed',
  '着 zhe5': 'particle after a verb: the action or state is going on (-ing)',
  '的 de5': "particle linking a describing word or phrase to a noun, like 's or of",
  '地 de5': 'particle turning the words before it into an adverb, like -ly',
  '得 de5': 'particle after a verb, introducing how or how well it is done',
  '过 guo5': 'particle after a verb: the action has happened before (have ever …)',
  '吗 ma5': 'particle at the end of a yes-no question',
  '呢 ne5': 'particle at the end of a question (what about …?) or of a statement (still, indeed)',
  '吧 ba5': 'particle at the end of a sentence: a suggestion (let us …) or a guess (… I suppose)',
  '啊 a5': 'particle at the end of a sentence, adding emphasis or warmth',
  '们 men5': 'plural ending for pronouns and for nouns of people',
  '把 ba3': 'particle putting the object before the verb (把 + object + verb)',
  '被 bei4': 'particle of the passive: by (被 + doer + verb)',
};

/** A sense CC-CEDICT writes as grammar: "(completed action marker)", "structural particle: …". */
const GRAMMAR = new RegExp(
  [
    String.raw`^\((?:used|completed|experienced|modal|question|sentence-final|discourse|aspect|structural)\b`,
    '^(?:structural|aspect|modal) particle',
    '^plural marker',
    '^used to indicate passive',
    String.raw`\(possessive particle\)$`,
  ].join('|'),
);

/** A particle's reading: its grammar notes become one plain line, first (in running text it is the particle). */
function particleSenses(line: CedictLine): readonly string[] {
  const plain = PARTICLES[`${line.simplified} ${line.pinyin}`];
  if (!plain || !line.senses.some((s) => GRAMMAR.test(s))) return line.senses;
  return [plain, ...line.senses.filter((s) => !GRAMMAR.test(s))];
}

/** "CL:個|个[ge4],位[wei4]" → "CL: 个 gè, 位 wèi". */
function classifierNote(sense: string): string {
  const words = [...sense.replace(CLASSIFIER, '').matchAll(REFERENCE)].map((r) => {
    const reading = r[3] ? ` ${cedictPinyinToMarks(r[3])}` : '';
    return `${r[2] ?? r[1]}${reading}`;
  });
  return words.length > 0 ? `CL: ${words.join(', ')}` : sense;
}

interface Split {
  /** Plain senses, asides last. */
  plain: string[];
  notes: string[];
  redirects: { relation: string; reference: Reference; sense: string }[];
}

/** CC-CEDICT's region tag before a sense with English of its own: "(Tw) meter (unit of length)". */
const TAIWAN = /^\(Tw\)\s+/;
export const TAIWAN_USAGE = 'Taiwan usage';
/** A pattern CC-CEDICT explains in quotes: used in the construction 以...為例|以...为例, "to take … as an example". */
const CONSTRUCTION = /^used in the construction (.+?),\s*"(.+)"$/;

function splitSenses(line: CedictLine): Split {
  const plain: string[] = [];
  const asides: string[] = [];
  const notes: string[] = [];
  const redirects: Split['redirects'] = [];
  let taiwan = 0;
  for (const raw of particleSenses(line)) {
    // The region tag is a marker, not part of the English: the sense is shown plain, the tag as a note.
    const tagged = TAIWAN.test(raw) && parseRedirect(raw) === undefined;
    const sense = tagged ? raw.replace(TAIWAN, '') : raw;
    if (tagged) taiwan++;
    const construction = CONSTRUCTION.exec(sense);
    if (construction) {
      plain.push(construction[2]);
      notes.push(`in the construction ${construction[1]}`);
    } else if (CLASSIFIER.test(sense)) notes.push(classifierNote(sense));
    else if (PRONUNCIATION.test(sense)) notes.push(sense);
    else {
      const redirect = parseRedirect(sense);
      if (redirect) for (const reference of redirect.references) redirects.push({ ...redirect, reference, sense });
      else (ASIDE.test(sense) ? asides : plain).push(sense);
    }
  }
  if (taiwan > 0) notes.unshift(TAIWAN_USAGE);
  return { plain: [...plain, ...asides], notes, redirects };
}

const toneless = (p: string) => normal(p).replace(/[1-5]/g, '');
const samePinyin = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
// CC-CEDICT writes ü as u: in readings and, in some references, as "u : 3"; pinyin-pro writes ü.
const normal = (p: string) =>
  p
    .toLowerCase()
    .replace(/u\s*:\s*|ü/g, 'v')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Display ranks, lowest first; within a rank CC-CEDICT's own order. In running text 着, 得, 把 are
 * far more often the particle than their other readings; names (capitalised pinyin) come after the
 * common entries of the same characters; redirects after every entry with senses of its own.
 */
const RANK = { particle: -1, common: 0, dated: 1, name: 2, redirect: 3, properRedirect: 4, unresolved: 5 } as const;

function plainRank(line: CedictLine, plain: readonly string[]): number {
  if (isProperPinyin(line.pinyin)) return RANK.name;
  if (plain[0] === PARTICLES[`${line.simplified} ${line.pinyin}`]) return RANK.particle;
  // Asides are sorted last, so a first aside means there is nothing else.
  return plain.every((s) => DATED.test(s)) || ASIDE.test(plain[0]) ? RANK.dated : RANK.common;
}

export interface DisplayOptions {
  /**
   * The reading most common for a written form alone (numbered pinyin), if known: within a rank,
   * its entries come first. CC-CEDICT's own order puts 厂 hǎn "cliff radical" before chǎng
   * "factory", 听 yǐn "smile (archaic)" before tīng, 更 gēng "to change" before gèng "more".
   */
  readonly commonReading?: (written: string) => string | undefined;
}

/** Orders and resolves a whole dictionary: the one place readers' entry order comes from. */
export function displayDictionary(lines: readonly CedictLine[], options: DisplayOptions = {}): DisplayDictionary {
  const split = lines.map(splitSenses);
  const byForm = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const form of new Set([l.simplified, l.traditional])) {
      const list = byForm.get(form);
      if (list) list.push(i);
      else byForm.set(form, [i]);
    }
  });

  /**
   * The line a reference names, never one already on the path: exact pinyin, then any case. A
   * reference with one form (捷[jie2]) names the word written so in both scripts where there is one.
   */
  const targetLine = (ref: Reference, seen: ReadonlySet<number>): number | undefined => {
    const form = (byForm.get(ref.simplified) ?? []).filter((i) => !seen.has(i));
    const traditional = ref.traditional ?? ref.simplified;
    const exact = form.filter((i) => lines[i].traditional === traditional);
    const candidates = exact.length > 0 || ref.traditional ? exact : form;
    const ranked = [...candidates].sort((a, b) => lineRank(a) - lineRank(b));
    if (ref.pinyin === undefined) return ranked[0];
    const pinyin = ref.pinyin;
    // Last, the same syllables in another tone (亡八 "variant of 王八[wang2 ba1]": 王八 is wang2 ba5).
    return (
      ranked.find((i) => samePinyin(lines[i].pinyin, pinyin)) ??
      ranked.find((i) => normal(lines[i].pinyin) === normal(pinyin)) ??
      ranked.find((i) => toneless(lines[i].pinyin) === toneless(pinyin))
    );
  };
  const lineRank = (i: number) => (split[i].plain.length === 0 ? RANK.redirect : plainRank(lines[i], split[i].plain));

  /** Follows redirects to a line with senses of its own; undefined on a dead end or a circle. */
  const resolve = (ref: Reference, seen: Set<number>): number | undefined => {
    const i = targetLine(ref, seen);
    if (i === undefined) return undefined;
    if (split[i].plain.length > 0) return i;
    seen.add(i);
    for (const r of split[i].redirects) {
      const found = resolve(r.reference, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  };

  const entries: DisplayEntry[] = [];
  /** Per line, its display entries: [number, rank, target line]. */
  const ofLine: [number, number, number | undefined][][] = lines.map(() => []);
  const notesOf = (notes: readonly string[]) => (notes.length > 0 ? { note: notes.join('; ') } : {});
  lines.forEach((line, i) => {
    const { plain, redirects } = split[i];
    const notes = [...split[i].notes];
    const resolved: [Split['redirects'][number], number][] = [];
    const dead: string[] = [];
    for (const r of redirects) {
      const t = resolve(r.reference, new Set([i]));
      if (t === undefined) dead.push(r.sense);
      else if (!resolved.some(([, u]) => u === t)) resolved.push([r, t]);
    }
    // A pointer that leads nowhere, beside senses of the entry's own ("also written 磨擦"), is a note.
    if (plain.length > 0 || resolved.length > 0) notes.push(...new Set(dead));
    const proper = isProperPinyin(line.pinyin);
    if (plain.length > 0) {
      ofLine[i].push([entries.length, plainRank(line, plain), undefined]);
      entries.push({ ...line, senses: plain, ...notesOf(notes) });
    }
    for (const [r, t] of resolved) {
      const to = lines[t];
      const target = {
        traditional: to.traditional,
        simplified: to.simplified,
        pinyin: to.pinyin,
        relation: r.relation,
      };
      ofLine[i].push([entries.length, proper ? RANK.properRedirect : RANK.redirect, t]);
      // With nothing of its own to say, the entry shows the target's notes (its classifier).
      const note = notesOf(plain.length > 0 || notes.length > 0 ? notes : split[t].notes);
      entries.push({ ...line, senses: split[t].plain, ...note, target });
    }
    if (plain.length === 0 && resolved.length === 0) {
      // Nothing to show but what it says (a dead pointer, or only notes): kept as written, last.
      ofLine[i].push([entries.length, RANK.unresolved, undefined]);
      const senses = dead.length > 0 ? [...new Set(dead)] : notes.length > 0 ? notes : line.senses;
      entries.push({ ...line, senses, ...notesOf(dead.length > 0 ? notes : []), unresolved: true });
    }
  });

  const commonReadings = new Map<string, string | undefined>();
  const commonReadingOf = (simplified: string) => {
    if (!options.commonReading) return undefined;
    if (!commonReadings.has(simplified)) {
      const reading = options.commonReading(simplified);
      commonReadings.set(simplified, reading === undefined ? undefined : normal(reading));
    }
    return commonReadings.get(simplified);
  };
  const keys = new Map<string, number[]>();
  for (const [form, lineNumbers] of byForm) {
    const here = new Set(lineNumbers.filter((n) => split[n].plain.length > 0));
    const shown = new Set<number>();
    const list: [number, number][] = [];
    for (const n of lineNumbers) {
      for (const [entry, rank, target] of ofLine[n]) {
        // A redirect to a word this key already shows (發佈 → 發布 under 发布) would say it twice.
        if (target !== undefined && (here.has(target) || shown.has(target))) continue;
        if (target !== undefined) shown.add(target);
        list.push([entry, rank]);
      }
    }
    // A stable sort: within a rank, the entries of the word's common reading (asked of its simplified
    // form, so that both scripts order alike), then CC-CEDICT's order.
    const several = new Set(list.map(([entry]) => normal(entries[entry].pinyin))).size > 1;
    const other = (entry: number) => {
      const common = several ? commonReadingOf(entries[entry].simplified) : undefined;
      return common !== undefined && normal(entries[entry].pinyin) !== common ? 1 : 0;
    };
    list.sort((a, b) => a[1] - b[1] || other(a[0]) - other(b[0]));
    keys.set(
      form,
      list.map(([entry]) => entry),
    );
  }
  return { entries, keys };
}

/** Whether a shown sense is a redirect, a dictionary note or a bare name rather than English for the word. */
export function isNoteSense(sense: string): boolean {
  return (
    parseRedirect(sense) !== undefined ||
    CLASSIFIER.test(sense) ||
    PRONUNCIATION.test(sense) ||
    /^(?:surname |abbr\. |\(abbr\. |used in |character used |see )/.test(sense) ||
    /\bvariant of\b/.test(sense)
  );
}

/**
 * The first sense of `senses` that is English for the word, cut to its gloss for a draft: no
 * redirect, note, bracketed remark or Chinese reference ("one of the ten heavenly stems 天干[tian1
 * gan1]" → "one of the ten heavenly stems"). Undefined when every sense is a note.
 */
export function draftGloss(senses: readonly string[]): string | undefined {
  for (const sense of senses) {
    // Grammar described in words ("particle after a verb …") is for the hover, not for a draft.
    if (isNoteSense(sense) || /\b(?:particle|marker)\b/.test(sense)) continue;
    const gloss = sense
      .replace(/\bCL:.*$/, '')
      .replace(REFERENCE, ' ')
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .split(/[;/]/)[0]
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.])/g, '$1')
      .replace(/^[\s,]+|[\s,]+$/g, '');
    // A proper name's gloss is the name, not its description: "Banan, a district of Chongqing" is
    // Banan, "Hong Kong, special administrative region …" Hong Kong.
    const name = /^[A-Z]/.test(gloss) ? gloss.split(', ')[0] : gloss;
    if (/[A-Za-z]/.test(name)) return name;
  }
  return undefined;
}
