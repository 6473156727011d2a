/**
 * The *Annotations* view: the inline annotation lines and sidecar notes of the active file, by
 * the line of their Chinese, each with its QA problems (from the QA check's own diagnostics, by
 * severity) and, for a note whose Chinese changed, stale. Choosing one selects it in the editor.
 * Nothing is searched again: the annotation lines are those the last QA check found, the notes
 * where the sidecar notes placed them; the view follows their events while it is visible.
 */
import * as vscode from 'vscode';
import { RefreshWhileVisible } from '../services/visibleRefresh';
import { annotationItems, type AnnotationItem } from '../../core/document/annotationList';
import type { SidecarNotes } from './sidecarNotes';
import type { QaDiagnostics } from './qa';
import { Commands, Views } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

const REFRESH_DELAY_MS = 150;

export interface ShownAnnotations {
  readonly document: vscode.TextDocument;
  readonly items: readonly AnnotationItem[];
  /** The QA check of a long file searched only near the visible lines. */
  readonly partial: boolean;
}

export class AnnotationsView implements vscode.TreeDataProvider<AnnotationItem>, vscode.Disposable {
  private current: ShownAnnotations | undefined;
  private view: vscode.TreeView<AnnotationItem> | undefined;
  private readonly changed = new vscode.EventEmitter<AnnotationItem | undefined>();
  private readonly refreshing = new RefreshWhileVisible(() => this.refresh(), REFRESH_DELAY_MS);
  private readonly refreshed = new vscode.EventEmitter<ShownAnnotations | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.refreshed];
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires when the view shows a new list (undefined: no document). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly qa: Pick<QaDiagnostics, 'annotationsOf' | 'problemsOf' | 'onDidCheck'>,
    private readonly notes: Pick<SidecarNotes, 'anchored' | 'onDidUpdate'>,
  ) {}

  get shown(): ShownAnnotations | undefined {
    return this.current;
  }

  attach(view: vscode.TreeView<AnnotationItem>): vscode.Disposable {
    this.view = view;
    const isActive = (uri: vscode.Uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
    return vscode.Disposable.from(
      this.refreshing.attach(view),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshing.schedule(0)),
      this.qa.onDidCheck((uri) => {
        if (isActive(uri)) this.refreshing.schedule();
      }),
      this.notes.onDidUpdate((uri) => {
        if (isActive(uri)) this.refreshing.schedule();
      }),
    );
  }

  /** The active document's annotations and notes as last checked and placed, shown now. */
  async refresh(): Promise<ShownAnnotations | undefined> {
    this.refreshing.started();
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      this.show(undefined);
      return undefined;
    }
    const placed = await this.notes.anchored(document);
    const checked = this.qa.annotationsOf(document.uri);
    const notes = placed.map((a) => ({ line: a.line, stale: a.stale, text: a.note.text, chinese: a.note.chinese }));
    const items = annotationItems(checked?.inline ?? [], notes, this.qa.problemsOf(document.uri));
    this.show({ document, items, partial: checked?.partial ?? false });
    return this.current;
  }

  private show(shown: ShownAnnotations | undefined): void {
    this.current = shown;
    if (this.view) {
      this.view.description = shown ? vscode.workspace.asRelativePath(shown.document.uri) : undefined;
      this.view.message = !shown
        ? vscode.l10n.t('Open a file to see its annotations and sidecar notes.')
        : shown.items.length === 0
          ? vscode.l10n.t('No annotations or sidecar notes in this file. Use Annotate Passage or Add Sidecar Note.')
          : shown.partial
            ? vscode.l10n.t('A long file: the annotations near the lines on screen, and every sidecar note.')
            : '';
    }
    this.changed.fire(undefined);
    this.refreshed.fire(shown);
  }

  getChildren(item?: AnnotationItem): AnnotationItem[] {
    return item ? [] : [...(this.current?.items ?? [])];
  }

  getTreeItem(a: AnnotationItem): vscode.TreeItem {
    const item = new vscode.TreeItem(a.text.trim() || vscode.l10n.t('(empty)'), vscode.TreeItemCollapsibleState.None);
    item.id = `${a.kind}:${a.line}`;
    const where =
      a.kind === 'note' ? vscode.l10n.t('sidecar note, line {0}', a.line + 1) : vscode.l10n.t('line {0}', a.line + 1);
    const state = a.stale
      ? vscode.l10n.t('stale: the Chinese changed since it was written')
      : a.problemCount > 0
        ? vscode.l10n.t('{0} problem(s)', a.problemCount)
        : vscode.l10n.t('no problems');
    item.description = `${where} · ${state}`;
    const problems = [
      a.problems.error ? vscode.l10n.t('{0} error(s)', a.problems.error) : '',
      a.problems.warning ? vscode.l10n.t('{0} warning(s)', a.problems.warning) : '',
      a.problems.information + a.problems.hint
        ? vscode.l10n.t('{0} note(s)', a.problems.information + a.problems.hint)
        : '',
    ].filter((s) => s !== '');
    item.tooltip = [
      a.text,
      where,
      ...(a.writtenFor ? [vscode.l10n.t('Written for: {0}', a.writtenFor)] : []),
      problems.length > 0 ? problems.join(', ') : state,
    ].join('\n');
    item.iconPath = a.stale
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : a.problems.error > 0
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
        : a.problems.warning > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon(a.kind === 'note' ? 'note' : 'comment');
    item.contextValue = a.kind === 'note' ? 'hanziGloss.sidecarNote' : 'hanziGloss.inlineAnnotation';
    item.command = { command: Commands.revealAnnotation, title: vscode.l10n.t('Reveal'), arguments: [a] };
    return item;
  }

  /** Selects the annotation's text (a note: its passage's line) in the shown document's editor. */
  async reveal(a: AnnotationItem | undefined): Promise<vscode.Range | undefined> {
    const document = this.current?.document;
    if (!a || !document || document.isClosed || a.line >= document.lineCount) return undefined;
    const line = document.lineAt(a.line);
    const range =
      a.kind === 'inline'
        ? new vscode.Range(a.line, Math.min(a.column, line.text.length), a.line, line.text.length)
        : line.range;
    const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  }

  dispose(): void {
    this.refreshing.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerAnnotationsView(annotations: AnnotationsView): vscode.Disposable {
  const view = vscode.window.createTreeView(Views.annotations, { treeDataProvider: annotations });
  return vscode.Disposable.from(
    annotations,
    view,
    annotations.attach(view),
    registerCommand(Commands.revealAnnotation, (a?: AnnotationItem) => annotations.reveal(a)),
  );
}
