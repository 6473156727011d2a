/** Hover: the longest glossary term under the pointer, its pinyin, its English and where it came from. */
import * as vscode from 'vscode';
import { renderHoverMarkdown } from '../core/hoverMarkdown';
import { describePosition } from '../core/scan';
import { languageEnabled, readConfig } from './config';
import type { GlossaryService } from './glossaryService';
import { hoverLabels } from './hoverLabels';

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
    // Glossary text is data: no command links, no HTML, no theme icons taken from it.
    markdown.isTrusted = false;
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
