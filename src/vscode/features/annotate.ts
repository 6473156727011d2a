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
  /** Draft with the language model (Draft with Language Model, which says it sends the passage). */
  readonly model?: boolean;
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

/** The Chinese line an annotation command works on: the cursor's, or the one above its annotation. */
export interface PassageTarget {
  readonly line: number;
  /** The selected Chinese on that line, else the whole line, trimmed. */
  readonly chinese: string;
  readonly indent: string;
  /** The annotation line below it, if there is one. */
  readonly annotation?: { readonly text: string; readonly column: number };
}

export function passageAt(editor: vscode.TextEditor): PassageTarget | undefined {
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
  const indent = /^\s*/.exec(lineText)![0];
  const next = line + 1 < document.lineCount ? annotationText(document.lineAt(line + 1).text, marker) : undefined;
  return { line, chinese, indent, ...(next ? { annotation: next } : {}) };
}

export async function annotatePassage(glossary: GlossaryService, args: AnnotateArgs = {}): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  if (args.model) return vscode.commands.executeCommand<string | undefined>(Commands.draftWithModel, args);
  const document = editor.document;
  const marker = markerFor(document);
  const target = passageAt(editor);
  if (!target) return undefined;
  const { line, chinese, indent, annotation: next } = target;
  const draft = draftEnglish(chinese, await glossary.lexicon());
  if (next) {
    if (!args.refresh) {
      const refresh = vscode.l10n.t('Refresh Draft');
      // The other option names what it does: it sends the line to a model.
      const model = vscode.l10n.t('Draft with Language Model');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('This line already has an annotation. Replace it with a fresh draft?'),
        refresh,
        model,
      );
      if (answer === model) {
        return vscode.commands.executeCommand<string | undefined>(Commands.draftWithModel, { refresh: true });
      }
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
