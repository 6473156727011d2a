/** English hover labels as the extension's l10n gives them, for tests and the benchmark outside VS Code. */
import type { HoverLabels } from '../../src/core/document/hoverMarkdown';

export const ENGLISH_LABELS: HoverLabels = {
  source: 'Source',
  layers: { workspace: 'Workspace glossary', user: 'User glossary', curated: 'Curated glossary', cedict: 'CC-CEDICT' },
  noEntry: 'No glossary entry',
  footer: 'Hanzi Gloss',
  more: (n) => `…and ${n} more`,
  also: 'Also',
  unlisted: 'Not in the glossary — look up its official English name',
  unlistedKind: (english) => `Looks like an organisation name: … ${english}`,
};
