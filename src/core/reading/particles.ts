/**
 * The structural particle 地 (de, "-ly"), which pinyin-pro reads dì wherever its own dictionary has
 * no word for it: 有效地降低 yǒu xiào dì, 更好地平衡 gèng hǎo dì, 积极地推动 jī jí dì. The reader
 * knows better: where its path reads 地 as a word of its own right after a word of two or more
 * characters (an adjective or adverb: 有效, 更好, 积极) and before more Chinese (the verb), it is the
 * particle. Where 地 is the noun, the dictionaries read it as part of a word (土地, 本地, 占地, 地区,
 * 各地, 用地), or it follows a count or a pointer (两块地, 这块地), or it ends the phrase (买了地).
 */
import { hanWidthAt } from '../text/detect';

/** What a word before 地 may not start with: counts and pointers (一块地, 两片地, 这块地, 每块地). */
const COUNT_OR_POINTER = /^[0-9０-９一二两兩三四五六七八九十百千万萬几幾数數多每这這那该該此各某本]/u;

/**
 * Whether the one-character word text[at, at + 1) is the particle 地 (de): the word before it is
 * text[before, at), a dictionary word of two characters or more; `end` is the end of the passage.
 */
export function isAdverbialDe(text: string, before: number, at: number, end: number): boolean {
  if (text[at] !== '地' || at - before < 2 || at + 1 >= end || hanWidthAt(text, at + 1) === 0) return false;
  const word = text.slice(before, at);
  if (COUNT_OR_POINTER.test(word)) return false;
  for (let i = before; i < at; i += hanWidthAt(text, i)) if (hanWidthAt(text, i) === 0) return false;
  return true;
}

/** The particle's reading (without tone: the neutral tone). */
export const PARTICLE_DE = 'de';

/**
 * The entries of a word the reader did not read as the particle: for 地 alone, the noun's (dì: earth,
 * ground, place) before the particle's, which CC-CEDICT lists first, the order within each kept;
 * any other word's as they are.
 */
export function particleLast<T extends { readonly pinyin?: string }>(
  word: string,
  entries: readonly T[],
): readonly T[] {
  if (word !== '地') return entries;
  const particle = entries.filter((e) => e.pinyin === PARTICLE_DE);
  if (particle.length === 0 || particle.length === entries.length) return entries;
  return [...entries.filter((e) => e.pinyin !== PARTICLE_DE), ...particle];
}
