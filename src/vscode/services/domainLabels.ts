/**
 * Names of the curated glossaries' domains in the user's language, for the side bar's groups. A
 * domain of the user's own (any lower-case id) is shown as written.
 */
import * as vscode from 'vscode';
import { NO_DOMAIN, UNLISTED } from '../../core/document/termTree';

export function domainLabel(domain: string): string {
  switch (domain) {
    case 'die-casting':
      return vscode.l10n.t('Die casting');
    case 'automotive':
      return vscode.l10n.t('Automotive');
    case 'manufacturing':
      return vscode.l10n.t('Manufacturing');
    case 'companies':
      return vscode.l10n.t('Companies and organisations');
    case 'trade':
      return vscode.l10n.t('Trade and finance');
    case 'semiconductors':
      return vscode.l10n.t('Semiconductors');
    case 'quantum':
      return vscode.l10n.t('Quantum');
    case 'energy':
      return vscode.l10n.t('Energy');
    case 'telecom':
      return vscode.l10n.t('Telecom');
    case 'research':
      return vscode.l10n.t('Research');
    case 'space':
      return vscode.l10n.t('Space');
    case NO_DOMAIN:
      return vscode.l10n.t('No domain');
    case UNLISTED:
      return vscode.l10n.t('Names not in the glossary');
    default:
      return domain;
  }
}

/** A category as the glossaries write it ("machine-tool" → "machine tool"); '' is no category. */
export function categoryLabel(category: string): string {
  return category === '' ? vscode.l10n.t('No category') : category.replace(/-/g, ' ');
}
