/** Status bar: how many Chinese passages and glossary terms the active editor holds. */
import * as vscode from 'vscode';
import { affectsHanziGloss, languageEnabled, readConfig } from './config';
import type { DocumentScans } from './documentScans';
import { Commands } from './ids';

export function registerStatusBar(scans: DocumentScans): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('hanziGloss.summary', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Hanzi Gloss');
  item.command = Commands.showTerms;

  const refresh = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const config = readConfig(editor?.document);
    if (!editor || !config.statusBarEnabled || !languageEnabled(config, editor.document.languageId)) {
      item.hide();
      return;
    }
    const scan = await scans.scan(editor.document);
    if (vscode.window.activeTextEditor !== editor) return;
    show(scan.passages.length, scan.matches.length);
  };
  const show = (passages: number, terms: number): void => {
    if (passages === 0) {
      item.hide();
      return;
    }
    item.text = `$(book) ${vscode.l10n.t('{0} passages · {1} terms', passages, terms)}`;
    item.tooltip = vscode.l10n.t('Hanzi Gloss: {0} Chinese passage(s), {1} glossary term(s). Click to list the terms.', passages, terms);
    item.show();
  };

  void refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    scans.onDidScan((scan) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && editor.document.uri.toString() === scan.uri) void refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsHanziGloss(e)) void refresh();
    }),
  );
}
