/** Hover: the longest glossary term under the pointer, its pinyin, its English and where it came from. */
import * as vscode from 'vscode';
import { renderHoverMarkdown } from '../core/hoverMarkdown';
import { describePosition } from '../core/scan';
import { languageEnabled, readConfig } from './config';
import type { GlossaryService } from './glossaryService';
import { hoverLabels } from './hoverLabels';
import { Commands } from './ids';

export class HanziHoverProvider implements vscode.HoverProvider {
  constructor(private readonly glossary: GlossaryService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const config = readConfig(document);
    if (!config.hoverEnabled || !languageEnabled(config, document.languageId)) return undefined;
    const line = document.lineAt(position.line).text;
    // Cheap rejection before any loading: most hovers are over code or English.
    if (!/[\u2e80-\u9fff\uf900-\ufaff\ud840-\ud8bf]/.test(line)) return undefined;
    const lexicon = await this.glossary.lexicon();
    if (token.isCancellationRequested) return undefined;
    const info = describePosition(line, position.character, lexicon, config.toneStyle);
    if (!info) return undefined;
    const markdown = new vscode.MarkdownString(renderHoverMarkdown(info, hoverLabels(), { scriptFirst: config.scriptFirst, maxDictionaryEntries: 4 }));
    // Our own two commands as links; the term travels URI-encoded as their argument. Glossary text
    // itself is escaped Markdown, so it cannot add links, and no other command is enabled.
    const args = encodeURIComponent(JSON.stringify([{ zh: info.simplified }]));
    const hasOwn = info.entries.some((e) => e.source.layer === 'workspace' || e.source.layer === 'user');
    markdown.appendMarkdown(
      `\n\n[${vscode.l10n.t('Add to glossary')}](command:${Commands.addEntry}?${args}) · [${hasOwn ? vscode.l10n.t('Edit entry') : vscode.l10n.t('Edit (override)')}](command:${Commands.editEntry}?${args})`,
    );
    markdown.isTrusted = { enabledCommands: [Commands.addEntry, Commands.editEntry] };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    const range = new vscode.Range(position.line, info.start, position.line, info.end);
    return new vscode.Hover(markdown, range);
  }
}

export function registerHover(glossary: GlossaryService): vscode.Disposable {
  // Any language, any scheme: Chinese shows up in plain text, Markdown, code comments, output.
  return vscode.languages.registerHoverProvider({ pattern: '**' }, new HanziHoverProvider(glossary));
}
