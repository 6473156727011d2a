/** Localised labels for the hover Markdown (kept apart so the hover and tests share them). */
import * as vscode from 'vscode';
import type { HoverLabels } from '../../core/document/hoverMarkdown';

export function hoverLabels(): HoverLabels {
  return {
    source: vscode.l10n.t('Source'),
    layers: {
      workspace: vscode.l10n.t('Workspace glossary'),
      user: vscode.l10n.t('User glossary'),
      curated: vscode.l10n.t('Curated glossary'),
      cedict: vscode.l10n.t('CC-CEDICT'),
    },
    noEntry: vscode.l10n.t('No glossary entry'),
    footer: vscode.l10n.t('Hanzi Gloss · dictionary fallback CC-CEDICT (CC BY-SA 4.0) · pinyin by pinyin-pro'),
    more: (count) => vscode.l10n.t('…and {0} more dictionary senses', count),
    also: vscode.l10n.t('Also'),
    unlisted: vscode.l10n.t('Not in the glossary — look up its official English name'),
    unlistedKind: (english) => vscode.l10n.t('Looks like an organisation name: … {0}', english),
  };
}
