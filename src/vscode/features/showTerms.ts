/**
 * "Show Terms in Document": a quick pick of the distinct glossary terms; moving through the list
 * previews each term in the editor, accepting selects every occurrence of it. Typing filters the
 * list with Search Glossary's matcher (ya zhu, yazhu, yz, die casting), in its order.
 */
import * as vscode from 'vscode';
import { termListSearch, type DocumentTerm } from '../../core/document/termList';
import { shownRenderings } from '../../core/glossary/rendering';
import { readConfig } from '../services/config';
import type { DocumentScans } from '../services/documentScans';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

interface TermItem extends vscode.QuickPickItem {
  readonly term: DocumentTerm;
}

function rangeOf(document: vscode.TextDocument, o: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(o.start), document.positionAt(o.end));
}

/** An organisation-like run no glossary has, as the hover words it. */
export function unlistedText(term: DocumentTerm): string {
  const message = vscode.l10n.t('Not in the glossary — look up its official English name');
  const kind = term.unlisted?.kind;
  return kind ? `${message} (${vscode.l10n.t('Looks like an organisation name: … {0}', kind)})` : message;
}

export async function showTermsInDocument(scans: DocumentScans): Promise<DocumentTerm | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a document with Chinese text to list its terms.'));
    return undefined;
  }
  const document = editor.document;
  const terms = await scans.terms(document, readConfig(document).toneStyle);
  if (terms.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No glossary terms in this document.'));
    return undefined;
  }
  const items: TermItem[] = terms.map((term) => {
    const first = term.entries[0];
    const line = document.positionAt(term.occurrences.at(0).start).line + 1;
    return {
      label: term.text,
      description: `${term.reading} — ${first ? shownRenderings(first) : term.unlisted ? unlistedText(term) : ''}`,
      detail: vscode.l10n.t(
        '{0} occurrence(s), first on line {1} · {2}',
        term.occurrences.length,
        line,
        first ? first.source.label : '',
      ),
      // Shown whatever VS Code's own label filter thinks: the matcher below decides.
      alwaysShow: true,
      term,
    };
  });
  const pick = vscode.window.createQuickPick<TermItem>();
  pick.items = items;
  const matcher = termListSearch(terms);
  pick.onDidChangeValue((query) => {
    pick.items = query.trim() === '' ? items : matcher.search(query).map((i) => items[i]);
  });
  // Not yet in the typed API (proposed "quickPickSortByLabel"), but honoured by VS Code 1.100 to 1.116.
  Object.assign(pick, { sortByLabel: false });
  pick.placeholder = vscode.l10n.t(
    'Glossary terms in {0} (type to filter by Chinese, pinyin or English)',
    vscode.workspace.asRelativePath(document.uri),
  );
  const originalSelections = editor.selections;
  const originalRange = editor.visibleRanges[0];
  const preview = (item: TermItem | undefined): void => {
    if (!item) return;
    const range = rangeOf(document, item.term.occurrences.at(0));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  return new Promise<DocumentTerm | undefined>((resolve) => {
    let accepted: DocumentTerm | undefined;
    // The filter replaces the items from the extension host, so VS Code can report the new list's
    // active item after Enter was pressed: a preview then must not undo the accepted selections.
    let closing = false;
    pick.onDidChangeActive((active) => {
      if (!closing) preview(active[0]);
    });
    pick.onDidAccept(() => {
      closing = true;
      const item = pick.selectedItems[0];
      if (item) {
        accepted = item.term;
        const ranges = item.term.occurrences.map((o) => rangeOf(document, o));
        editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
        editor.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      pick.hide();
    });
    pick.onDidHide(() => {
      closing = true;
      if (!accepted) {
        editor.selections = originalSelections;
        if (originalRange) editor.revealRange(originalRange, vscode.TextEditorRevealType.AtTop);
      }
      pick.dispose();
      resolve(accepted);
    });
    pick.show();
  });
}

export function registerShowTerms(scans: DocumentScans): vscode.Disposable {
  return registerCommand(Commands.showTerms, () => showTermsInDocument(scans));
}
