/** Status bar: how many Chinese passages and glossary terms the active editor holds. */
import * as vscode from 'vscode';
import { affectsHanziGloss, languageEnabled, readConfig } from '../services/config';
import type { DocumentScans } from '../services/documentScans';
import type { GlossaryService } from '../services/glossaryService';
import { Commands } from '../services/ids';

/** A warning while a user or workspace glossary file has problems (its last good version stays in use). */
function registerGlossaryWarning(glossary: GlossaryService): vscode.Disposable {
  const warning = vscode.window.createStatusBarItem('hanziGloss.glossaryProblems', vscode.StatusBarAlignment.Right, 99);
  warning.name = vscode.l10n.t('Hanzi Gloss glossary problems');
  warning.command = 'workbench.actions.view.problems';
  warning.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  const refresh = () => {
    const n = glossary.problemCount;
    if (n === 0) return warning.hide();
    warning.text = `$(warning) ${vscode.l10n.t('Glossary: {0} problem(s)', n)}`;
    warning.tooltip = vscode.l10n.t(
      'A glossary file has problems; its last good version is still in use. Click to see them.',
    );
    warning.show();
  };
  return vscode.Disposable.from(warning, glossary.onDidChange(refresh));
}

export function registerStatusBar(scans: DocumentScans, glossary: GlossaryService): vscode.Disposable {
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
    const summary = await scans.summary(editor.document);
    if (vscode.window.activeTextEditor !== editor) return;
    show(summary.passages, summary.terms);
  };
  const show = (passages: number, terms: number): void => {
    if (passages === 0) {
      item.hide();
      return;
    }
    item.text = `$(book) ${vscode.l10n.t('{0} passages · {1} terms', passages, terms)}`;
    item.tooltip = vscode.l10n.t(
      'Hanzi Gloss: {0} Chinese passage(s), {1} glossary term(s). Click to list the terms.',
      passages,
      terms,
    );
    item.show();
  };

  void refresh();
  return vscode.Disposable.from(
    item,
    registerGlossaryWarning(glossary),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    glossary.onDidChange(() => void refresh()),
    scans.onDidScan((summary) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && editor.document.uri.toString() === summary.uri && readConfig(editor.document).statusBarEnabled)
        show(summary.passages, summary.terms);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsHanziGloss(e)) void refresh();
    }),
  );
}
