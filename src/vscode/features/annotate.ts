/**
 * "Annotate Passage": inserts an English draft below the Chinese line as a snippet, with tab stops
 * over the parts to check (terms, numbers, words only CC-CEDICT knew, Chinese left as is).
 * On a line that already has an annotation it offers to refresh the draft.
 */
import * as vscode from 'vscode';
import { annotationText } from '../../core/annotate/annotations';
import { containsHan } from '../../core/text/detect';
import { draftEnglish, type Draft } from '../../core/annotate/draft';
import { markerFor } from '../services/config';
import type { GlossaryService } from '../services/glossaryService';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

export interface AnnotateArgs {
  /** Refresh an existing annotation without asking. */
  readonly refresh?: boolean;
}

function snippetOf(draft: Draft): vscode.SnippetString {
  const escape = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);
  let out = '';
  let at = 0;
  let stop = 1;
  for (const span of draft.spans) {
    out += escape(draft.text.slice(at, span.start));
    out += `\${${stop++}:${escape(draft.text.slice(span.start, span.end))}}`;
    at = span.end;
  }
  return new vscode.SnippetString(out + escape(draft.text.slice(at)) + '$0');
}

export async function annotatePassage(glossary: GlossaryService, args: AnnotateArgs = {}): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const document = editor.document;
  const marker = markerFor(document);
  let line = editor.selection.active.line;
  if (annotationText(document.lineAt(line).text, marker) && line > 0) line--;
  const lineText = document.lineAt(line).text;
  const selected =
    editor.selection.isEmpty || editor.selection.start.line !== editor.selection.end.line
      ? ''
      : document.getText(editor.selection);
  const chinese = containsHan(selected) ? selected : lineText.trim();
  if (!containsHan(chinese)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Put the cursor on a line with Chinese text to annotate it.'),
    );
    return undefined;
  }
  const draft = draftEnglish(chinese, await glossary.lexicon());
  const indent = /^\s*/.exec(lineText)![0];
  const next = line + 1 < document.lineCount ? annotationText(document.lineAt(line + 1).text, marker) : undefined;
  if (next) {
    if (!args.refresh) {
      const refresh = vscode.l10n.t('Refresh Draft');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('This line already has an annotation. Replace it with a fresh draft?'),
        refresh,
      );
      if (answer !== refresh) return undefined;
    }
    const range = new vscode.Range(line + 1, next.column, line + 1, document.lineAt(line + 1).text.length);
    await editor.insertSnippet(snippetOf(draft), range);
    return draft.text;
  }
  const end = document.lineAt(line).range.end;
  const snippet = new vscode.SnippetString(`\n${indent}${marker}`.replace(/[$}\\]/g, (c) => `\\${c}`));
  snippet.value += snippetOf(draft).value;
  await editor.insertSnippet(snippet, end);
  return draft.text;
}

export function registerAnnotate(glossary: GlossaryService): vscode.Disposable {
  return registerCommand(Commands.annotatePassage, (args?: AnnotateArgs) => annotatePassage(glossary, args));
}
