/** The glossary entry model shared by every layer (curated, user, workspace, CC-CEDICT). */

export interface Alias {
  /** Another written form of the term: a short name, a full legal name, an older spelling. */
  readonly zh: string;
  /** Verified pinyin of the alias, syllables separated by spaces, tone marks. */
  readonly pinyin?: string;
}

export interface GlossaryEntry {
  /** Stable id, unique within its glossary; used by edits and by QA results. */
  readonly id: string;
  /** Simplified Chinese form. */
  readonly zh: string;
  /** Traditional form, where the source gives one (CC-CEDICT does). */
  readonly traditional?: string;
  /** Verified pinyin, one syllable per Han character, tone marks (yā zhù). */
  readonly pinyin?: string;
  /** English renderings, preferred first. */
  readonly en: readonly string[];
  /** English renderings to avoid (checked by the annotation QA). */
  readonly forbidden?: readonly string[];
  /**
   * Renderings (of `en` or `forbidden`) the QA matches exactly as written: names and codes. Others
   * match inflected, respelt and hyphenated forms, or up to a stem marker "|" (rendering.ts).
   */
  readonly exact?: readonly string[];
  readonly domain?: string;
  readonly category?: string;
  readonly note?: string;
  readonly aliases?: readonly Alias[];
  /** For companies: where the official English name was verified. */
  readonly ref?: string;
}

/** Where an entry came from, for the hover and the CLI's `source` field. */
export interface GlossarySource {
  /** Short human name, e.g. "Curated · Die casting". */
  readonly label: string;
  /** The layer, highest priority first in the store. */
  readonly layer: 'workspace' | 'user' | 'curated' | 'cedict';
  /** File the entries were read from (a path or URI string), if any. */
  readonly file?: string;
  /** Stable short id, printed as `source` by the CLI: "curated:die-casting", or the file path. */
  readonly id: string;
}

export interface SourcedEntry extends GlossaryEntry {
  readonly source: GlossarySource;
  /**
   * A dictionary entry that only pointed to another word ("variant of 發布|发布[fa1 bu4]"): `en`
   * holds that word's senses, and this names it so readers can show whose senses they are.
   */
  readonly redirect?: RedirectTarget;
  /**
   * Made by the reader, not written in any dictionary: a word of jieba's dictionary that CC-CEDICT
   * lacks ('word'), a personal name ('name') or a number with its unit ('number'). Its English is
   * composed from its parts' dictionary senses (lexicon/compose.ts) and its note says so.
   */
  readonly composed?: ComposedKind;
}

export type ComposedKind = 'word' | 'name' | 'number';

export interface RedirectTarget {
  readonly zh: string;
  readonly traditional: string;
  /** Tone marks. */
  readonly pinyin: string;
  /** As the dictionary put it: "variant of", "used in", "(Tw) see". */
  readonly relation: string;
}

export interface Glossary {
  readonly name: string;
  readonly domain?: string;
  readonly entries: readonly GlossaryEntry[];
}

/** A glossary with where it came from: what the loader gives and a lexicon layer is built from. */
export interface SourcedGlossary {
  readonly glossary: Glossary;
  readonly source: GlossarySource;
}

/**
 * What a source is: a glossary (workspace, user, curated: the industry's own terms, checked by QA
 * and preferred in drafts) or a general dictionary (CC-CEDICT, the fallback). The one place that
 * says which layers are which; lexicon layers take their kind from here too.
 */
export type SourceKind = 'glossary' | 'dictionary';

export function sourceKind(source: GlossarySource): SourceKind {
  return source.layer === 'cedict' ? 'dictionary' : 'glossary';
}

/** True if the entry comes from a glossary, not from the general dictionary. */
export function isGlossaryEntry(entry: SourcedEntry): boolean {
  return sourceKind(entry.source) === 'glossary';
}

/**
 * An entry's fields in the schema's order: the JSON keys a reader accepts, the CSV columns, the
 * order exports write and comparisons read.
 */
export const ENTRY_FIELDS = [
  'id',
  'zh',
  'traditional',
  'pinyin',
  'en',
  'forbidden',
  'exact',
  'domain',
  'category',
  'note',
  'aliases',
  'ref',
] as const satisfies readonly (keyof GlossaryEntry)[];
