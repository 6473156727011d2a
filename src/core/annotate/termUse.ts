/**
 * How the glossary terms of annotated Chinese are rendered in their English, for the two checks a
 * key-term QA tool (Xbench, Trados' Terminology Verifier) makes beyond "is the term there":
 * - key-term count: a term the English renders fewer than half as often as the Chinese has it
 *   (压铸机 three times, "die-casting machine" once), as information. Chinese repeats a noun where
 *   English says it once and then uses a pronoun, "ones", the head noun alone or ellipsis ("bigger
 *   ones", "those on lithium batteries", "5,000 machines"), at most every other time in the QA
 *   corpus (2 → 1, 3 → 2, 4 → 2); fewer than that is more likely a dropped clause;
 * - consistency: one Chinese term rendered with different approved renderings in the annotations
 *   of one file (压铸机 as "die-casting machine" in one line, "DCM" in another), as information,
 *   with the renderings and how often each is used.
 * Finding a rendering in English is the QA matcher's job; it is passed in, so that both checks
 * accept exactly what the missing-term check accepts.
 */
import { findPassages } from '../text/detect';
import { isGlossaryMatch, type Lexicon, type TermMatch } from '../lexicon/lexicon';
import { isGlossaryEntry, type GlossaryEntry, type SourcedEntry } from '../glossary/entry';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where `rendering` (an approved or forbidden rendering of `entry`) occurs in `english`. */
export type RenderingFinder = (english: string, entry: GlossaryEntry, rendering: string) => readonly Span[];

/** One glossary term of the Chinese and what the English does with it. */
export interface TermUse {
  /** The term as the Chinese writes it, and its entry's id (the key of consistency). */
  readonly term: string;
  readonly entry: GlossaryEntry;
  /** How often the Chinese has it. */
  readonly count: number;
  /** How often an approved rendering occurs in the English (overlaps counted once). */
  readonly rendered: number;
  /** The approved renderings the English uses, each once, in the entry's order. */
  readonly renderings: readonly string[];
}

/**
 * Whether the QA asks for an entry's approved English (missing-term, key-term count, consistency).
 * Two categories hold no key terms: measure words and units (台, 吨), rendered through their numbers
 * (2台 → "2 units"), and general vocabulary ("general": 今年, 公司, 机台, 龙头), everyday words kept
 * for the hover and drafts whose English a careful translator chooses by context: the company's
 * name or "it" for 公司, "in January" for 今年元月, "lathes" for the 机台 that are lathes. The
 * forbidden renderings of every entry are still checked.
 */
export function isKeyTerm(entry: GlossaryEntry): boolean {
  return entry.category !== 'measure' && entry.category !== 'general';
}

/** A glossary term as the Chinese writes it at one place, with the entry it was read with. */
export interface GlossaryTerm {
  readonly term: string;
  readonly entry: GlossaryEntry;
}

/** A glossary term read from the Chinese, with the match of the reading that found it. */
export interface ReadTerm extends GlossaryTerm {
  /** The highest layer's glossary entry of the match, with where it came from. */
  readonly entry: SourcedEntry;
  readonly match: TermMatch;
}

/** The glossary terms of `chinese`, one per place, as the QA reads them (matches with a glossary entry). */
export function glossaryTerms(chinese: string, lexicon: Lexicon): ReadTerm[] {
  const out: ReadTerm[] = [];
  for (const m of lexicon.glossaryMatches(chinese, findPassages(chinese))) {
    if (!isGlossaryMatch(m)) continue;
    const entry = m.entries.find(isGlossaryEntry);
    if (entry) out.push({ term: m.text, entry, match: m });
  }
  return out;
}

/** The glossary terms of `chinese` (one per entry) and how `english` renders each. */
export function termUses(chinese: string, english: string, lexicon: Lexicon, find: RenderingFinder): TermUse[] {
  return usesOf(glossaryTerms(chinese, lexicon), english, find);
}

/** How `english` renders each entry of `terms` (the glossary terms of its Chinese, one per place). */
export function usesOf(terms: readonly GlossaryTerm[], english: string, find: RenderingFinder): TermUse[] {
  const byEntry = new Map<string, { term: string; entry: GlossaryEntry; count: number }>();
  for (const { term, entry } of terms) {
    if (!isKeyTerm(entry)) continue;
    const seen = byEntry.get(entry.id);
    if (seen) seen.count++;
    else byEntry.set(entry.id, { term, entry, count: 1 });
  }
  return [...byEntry.values()].map(({ term, entry, count }) => {
    // A place in the English belongs to the first rendering found there: "die-casting machine" and
    // "die casting machine" are one rendering to the matcher, and "DCM" inside a longer one is no use.
    const claimed: Span[] = [];
    const renderings: string[] = [];
    for (const rendering of entry.en) {
      let used = false;
      for (const f of find(english, entry, rendering)) {
        if (claimed.some((c) => f.start < c.end && c.start < f.end)) continue;
        claimed.push(f);
        used = true;
      }
      if (used) renderings.push(rendering);
    }
    return { term, entry, count, rendered: claimed.length, renderings };
  });
}

/**
 * A term the English renders fewer than half as often as the Chinese has it (only where it is
 * rendered at all: a term never rendered is the missing-term check's).
 */
export function undercounted(uses: readonly TermUse[]): TermUse[] {
  return uses.filter((u) => u.rendered > 0 && 2 * u.rendered < u.count);
}

/** One annotation of a file: its place (the caller's key) and its term uses. */
export interface AnnotationUses<K> {
  readonly key: K;
  readonly uses: readonly TermUse[];
}

export interface Inconsistency<K> {
  readonly term: string;
  readonly entry: GlossaryEntry;
  /** Each rendering used, with how many annotations use it, the commonest first. */
  readonly renderings: readonly { rendering: string; annotations: number }[];
  /** The annotations that use a rendering other than the commonest. */
  readonly keys: readonly K[];
}

/**
 * Terms rendered with different approved renderings across the annotations of one file. The
 * commonest rendering (the entry's order breaks a tie) is taken as the file's choice; the
 * annotations using another are reported.
 */
export function inconsistencies<K>(annotations: readonly AnnotationUses<K>[]): Inconsistency<K>[] {
  const byEntry = new Map<string, { term: string; entry: GlossaryEntry; users: Map<string, K[]> }>();
  for (const { key, uses } of annotations) {
    for (const u of uses) {
      let group = byEntry.get(u.entry.id);
      if (!group) byEntry.set(u.entry.id, (group = { term: u.term, entry: u.entry, users: new Map() }));
      for (const r of u.renderings) {
        const keys = group.users.get(r) ?? [];
        if (!keys.includes(key)) keys.push(key);
        group.users.set(r, keys);
      }
    }
  }
  const out: Inconsistency<K>[] = [];
  for (const { term, entry, users } of byEntry.values()) {
    if (users.size < 2) continue;
    const order = (r: string) => entry.en.indexOf(r);
    const renderings = [...users]
      .map(([rendering, keys]) => ({ rendering, annotations: keys.length }))
      .sort((a, b) => b.annotations - a.annotations || order(a.rendering) - order(b.rendering));
    const chosen = renderings[0].rendering;
    const keys = [...users].filter(([r]) => r !== chosen).flatMap(([, k]) => k);
    // An annotation that also uses the chosen rendering is consistent enough.
    const chosenKeys = users.get(chosen) ?? [];
    const reported = [...new Set(keys)].filter((k) => !chosenKeys.includes(k));
    if (reported.length > 0) out.push({ term, entry, renderings, keys: reported });
  }
  return out;
}
