/**
 * The one place that turns the sourced glossaries into the lexicon the extension, the CLI and the
 * tests query: the layers in priority order (workspace, user, curated, CC-CEDICT), the curated
 * domains the user switched off left out, and traditional text folded onto simplified keys.
 */
import type { SourcedGlossary } from '../glossary/entry';
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
