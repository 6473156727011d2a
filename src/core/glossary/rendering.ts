/**
 * How a glossary writes the way an English rendering is matched by the annotation QA. By default a
 * rendering matches inflected, respelt, hyphenated and closed forms (annotate/termMatch.ts). Two
 * overrides, per rendering:
 * - a stem marker "|" inside a word, the convention of memoQ and Phrase: "die-cast|ing" matches any
 *   word that starts with "cast" after "die-" (die-cast, die-casting, die-caster); what follows the
 *   marker is only an example ending, never required;
 * - the entry's "exact" list: renderings matched exactly as written (case, hyphens, no inflection or
 *   respelling; only a possessive 's may follow), for names and codes (BYD, HPDC-3000, A380).
 * The marker is part of the text in every file format, so round trips keep it; what a reader sees,
 * and what a draft or a quick fix writes, is the rendering without it (renderingText).
 */
import { isGlossaryEntry, type GlossaryEntry, type SourcedEntry } from './entry';

export const STEM_MARKER = '|';

/** The rendering as shown and written into English text: stem markers removed. */
export function renderingText(rendering: string): string {
  return rendering.includes(STEM_MARKER) ? rendering.split(STEM_MARKER).join('') : rendering;
}

/**
 * An entry's English as a term list, export or hover shows it: the first `count` renderings,
 * "; "-joined, a glossary entry's stem markers removed (a CC-CEDICT sense's "|" is part of its
 * reference, 拉薩市|拉萨市, and stays).
 */
export function shownRenderings(entry: SourcedEntry, count = entry.en.length): string {
  return shownList(entry).slice(0, count).join('; ');
}

/** An entry's English as shown, one item per rendering (see shownRenderings). */
export function shownList(entry: SourcedEntry): string[] {
  return isGlossaryEntry(entry) ? entry.en.map(renderingText) : [...entry.en];
}

/** What can be wrong with a rendering's stem markers (the names of their labels). */
export type MarkerFault = 'markerStartsWord' | 'twoMarkers' | 'markerInExact';

/** A word of a rendering and the marker inside it, if any: letters and digits around at most one "|". */
const WORD_WITH_MARKERS = /[\p{L}\p{N}|]+/gu;

/** Why the rendering's stem markers cannot be read, or undefined. `exact`: the rendering is in "exact". */
export function markerFault(rendering: string, exact = false): MarkerFault | undefined {
  if (!rendering.includes(STEM_MARKER)) return undefined;
  if (exact) return 'markerInExact';
  for (const [word] of rendering.matchAll(WORD_WITH_MARKERS)) {
    const at = word.indexOf(STEM_MARKER);
    if (at < 0) continue;
    // "|ing" would match every word; "die-|casting" too, as its own word.
    if (at === 0) return 'markerStartsWord';
    if (word.indexOf(STEM_MARKER, at + 1) >= 0) return 'twoMarkers';
  }
  return undefined;
}

/** The entry's renderings, approved then forbidden, as written (the ones "exact" may name). */
export function renderingsOf(entry: Pick<GlossaryEntry, 'en' | 'forbidden'>): string[] {
  return [...entry.en, ...(entry.forbidden ?? [])];
}

/** True if the entry lists `rendering` as matched exactly. */
export function isExact(entry: Pick<GlossaryEntry, 'exact'>, rendering: string): boolean {
  return entry.exact?.includes(rendering) ?? false;
}
