/** "Export Bilingual Document": Markdown or HTML (ruby pinyin) beside the source, by save dialog. */
import * as vscode from 'vscode';
import { bilingualHtml, bilingualMarkdown } from '../../core/document/bilingual';
import { markerFor } from '../services/config';
import type { GlossaryService } from '../services/glossaryService';
import { writeAtomically } from '../services/fileWriter';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';
import type { SidecarNotes } from './sidecarNotes';
import { withExtension } from '../../core/text/fileName';

export async function exportBilingual(
  glossary: GlossaryService,
  notes: SidecarNotes,
  args: { file?: string } = {},
): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const document = editor.document;
  const file = args.file
    ? vscode.Uri.file(args.file)
    : await vscode.window.showSaveDialog({
        filters: { HTML: ['html'], Markdown: ['md'] },
        defaultUri: document.uri.with({ path: withExtension(document.uri.path, '.bilingual.html') }),
      });
  if (!file) return undefined;
  const title = document.uri.path.replace(/^.*\//, '');
  const lexicon = await glossary.lexicon();
  const text = document.getText();
  const sidecar = new Map((await notes.anchored(document)).filter((a) => !a.stale).map((a) => [a.line, a.note.text]));
  const content = /\.md$/i.test(file.path)
    ? bilingualMarkdown(title, text, markerFor(document), lexicon, sidecar)
    : bilingualHtml(title, text, markerFor(document), lexicon, sidecar);
  await writeAtomically(file, content);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported the bilingual document to {0}.', file.fsPath));
  return file;
}

export function registerExportBilingual(glossary: GlossaryService, notes: SidecarNotes): vscode.Disposable {
  return registerCommand(Commands.exportBilingual, (args?: { file?: string }) =>
    exportBilingual(glossary, notes, args),
  );
}
