/**
 * The one place that turns the sourced glossaries into the lexicon the extension, the CLI and the
 * tests query: the layers in priority order (workspace, user, curated, CC-CEDICT), the curated
 * domains the user switched off left out, and traditional text folded onto simplified keys.
 */
import type { ComposedKind, GlossarySource, SourcedEntry, SourcedGlossary } from '../glossary/entry';
import { draftGloss } from './cedictSenses';
import { simplifiedFoldTable } from '../text/script';
import { curatedGlossariesOf, isPrebuilt, type CuratedGlossaries } from './curatedAsset';
import { buildLayer, Lexicon, type LexiconLayer } from './lexicon';

export interface LexiconSources {
  /** Glossaries of the open workspace (or given to the CLI with --glossary): highest priority. */
  readonly workspace?: readonly SourcedGlossary[];
  /** The user's own glossaries, across workspaces. */
  readonly user?: readonly SourcedGlossary[];
  /** The curated glossaries shipped with the extension, all domains: parsed, or the prebuilt layer. */
  readonly curated?: CuratedGlossaries;
  /** Curated domains to leave out (`hanziGloss.curated.disabledDomains`); an entry without one has ''. */
  readonly disabledDomains?: Iterable<string>;
  /** The general dictionary (CC-CEDICT) if it loaded: the lowest layer. */
  readonly cedict?: LexiconLayer;
}

/**
 * The layered lexicon, highest layer first. A layer with no glossaries is left out: it could
 * match nothing and would cost a probe at every position.
 */
export function composeLexicon(sources: LexiconSources): Lexicon {
  const disabled = new Set(sources.disabledDomains ?? []);
  const layers: LexiconLayer[] = [];
  for (const glossaries of [sources.workspace ?? [], sources.user ?? []]) {
    if (glossaries.length > 0) layers.push(buildLayer(glossaries, simplifiedFoldTable()));
  }
  const curated = curatedLayer(sources.curated, disabled);
  if (curated) layers.push(curated);
  if (sources.cedict) layers.push(sources.cedict);
  return new Lexicon(layers, simplifiedFoldTable);
}

/** The prebuilt layer when it serves (all domains on); else the layer built from the entries. */
function curatedLayer(curated: CuratedGlossaries | undefined, disabled: ReadonlySet<string>): LexiconLayer | undefined {
  if (isPrebuilt(curated) && disabled.size === 0) return curated.fileCount > 0 ? curated.layer : undefined;
  const glossaries: readonly SourcedGlossary[] = curatedGlossariesOf(curated).map((g) =>
    disabled.size === 0
      ? g
      : { ...g, glossary: { ...g.glossary, entries: g.glossary.entries.filter((e) => !disabled.has(e.domain ?? '')) } },
  );
  return glossaries.length > 0 ? buildLayer(glossaries, simplifiedFoldTable()) : undefined;
}

/** A part of a composed word: its characters and the entries a dictionary has for them (none: unknown). */
export interface ComposedPart {
  readonly zh: string;
  readonly entries: readonly SourcedEntry[];
  /** A number's value as read (8,800; 4th), for the pieces of a number word that are numbers. */
  readonly reading?: string;
}

/** The first English of a part's entries as a draft writes it (no note, no redirect), or undefined. */
function partGloss(part: ComposedPart): string | undefined {
  for (const e of part.entries) {
    const gloss = draftGloss(e.en);
    if (gloss) return gloss;
  }
  return undefined;
}

/** A part's surname sense ("surname Huang"), if one of its entries has one. */
function surnameSense(part: ComposedPart): string | undefined {
  for (const e of part.entries) for (const sense of e.en) if (/^surname [A-Z]/.test(sense)) return sense;
  return undefined;
}

/**
 * The one builder of entries the reader makes up from parts, so hover, term list, drafts and
 * `scan --json` show them alike: never a made-up sense, only the parts' own dictionary English,
 * and a note saying what the entry is.
 * - 'word' (a jieba word CC-CEDICT lacks, 抢攻): the parts' glosses joined by " + ";
 * - 'name' (黄仁勋): the surname as the dictionary romanises it, "(personal name)"; the parts are
 *   surname and given name;
 * - 'number' (2奈米, 第四代, 2台6000吨): each number as read (an ordinal "4th"), each unit and its
 *   first senses.
 */
export function composedEntry(
  zh: string,
  kind: ComposedKind,
  parts: readonly ComposedPart[],
  source: GlossarySource,
): SourcedEntry {
  const names = parts.map((p) => p.zh).join(' + ');
  let en: string;
  let note: string;
  if (kind === 'name') {
    // "surname Huang or Hwang" → "Huang (personal name)": a draft writes the name, not a note.
    const surname =
      parts.length > 0
        ? surnameSense(parts[0])
            ?.replace(/^surname /, '')
            .split(/ or |[,;(]/)[0]
        : undefined;
    en = surname ? `${surname.trim()} (personal name)` : 'personal name';
    note = `a surname and a given name (${names}); no dictionary has the name`;
  } else if (kind === 'number') {
    // A number piece says its value; a unit its first senses, named (月 "moon; month; monthly").
    en = parts
      .map((p) => {
        if (p.reading !== undefined) return p.reading;
        // Named by its headword, so the English is the same in both scripts (台 for 臺).
        const senses = p.entries[0]?.en.slice(0, 3).join('; ');
        return senses ? `${p.entries[0].zh} (${senses})` : p.zh;
      })
      .join(' ');
    note = `a number with its unit (${names})`;
  } else {
    en = parts.map((p) => partGloss(p) ?? p.zh).join(' + ');
    note = `composed of ${names}: jieba's dictionary has the word, CC-CEDICT only its parts`;
  }
  return { id: `${source.id}:composed:${zh}`, zh, en: [en], note, composed: kind, source };
}
