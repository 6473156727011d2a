/**
 * The *Terms in This Document* view: the active document's distinct terms (the list Show Terms in
 * Document shows, collected by the document scans a time slice at a time) grouped by domain and
 * category, each with its pinyin, English and count; choosing one selects its next occurrence
 * after the cursor, round the end of the document. The list is collected again only while the view
 * is visible, after the scans caught up with an edit (they wait for the user to pause) and a
 * further pause; a newer edit cancels a collection under way.
 */
import * as vscode from 'vscode';
import { RefreshWhileVisible } from '../services/visibleRefresh';
import {
  groupTerms,
  nextOccurrence,
  type TermCategory,
  type TermDomain,
  type TermRow,
} from '../../core/document/termTree';
import { affectsHanziGloss, readConfig } from '../services/config';
import type { DocumentScans } from '../services/documentScans';
import { categoryLabel, domainLabel } from '../services/domainLabels';
import type { GlossaryService } from '../services/glossaryService';
import { Commands, Views } from '../services/ids';
import { registerCommand } from '../services/registerCommand';
import type { TaskTimer } from '../services/taskTimer';
import { unlistedText } from './showTerms';

/** After the scans caught up: a little more quiet before the whole list is collected again. */
const REFRESH_DELAY_MS = 300;

export type TermNode =
  | { readonly kind: 'domain'; readonly domain: TermDomain }
  | { readonly kind: 'category'; readonly domain: string; readonly category: TermCategory }
  | { readonly kind: 'term'; readonly row: TermRow };

/** What the view shows: the document and version its terms were collected from. */
export interface ShownTerms {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly domains: readonly TermDomain[];
}

/** Where a choice of a term went. */
export interface TermReveal {
  readonly range: vscode.Range;
  /** Which occurrence (0-based) of how many. */
  readonly index: number;
  readonly count: number;
  readonly wrapped: boolean;
}

const LABELS = { domain: domainLabel, category: categoryLabel };

export class TermsView implements vscode.TreeDataProvider<TermNode>, vscode.Disposable {
  private current: ShownTerms | undefined;
  private view: vscode.TreeView<TermNode> | undefined;
  private collecting: vscode.CancellationTokenSource | undefined;
  private readonly changed = new vscode.EventEmitter<TermNode | undefined>();
  private readonly refreshing = new RefreshWhileVisible(() => this.refresh(), REFRESH_DELAY_MS);
  private readonly refreshed = new vscode.EventEmitter<ShownTerms | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.refreshed];
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires when the view shows a newly collected list (undefined: no document). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly scans: Pick<DocumentScans, 'terms' | 'onDidScan'>,
    private readonly glossary: Pick<GlossaryService, 'onDidChange'>,
    private readonly tasks: TaskTimer,
  ) {}

  /** The list shown now. */
  get shown(): ShownTerms | undefined {
    return this.current;
  }

  /** Starts following the active editor for `view` (registerViews). */
  attach(view: vscode.TreeView<TermNode>): vscode.Disposable {
    this.view = view;
    const active = () => vscode.window.activeTextEditor?.document.uri.toString();
    return vscode.Disposable.from(
      this.refreshing.attach(view),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshing.schedule(0)),
      this.scans.onDidScan((s) => {
        if (s.uri === active() && s.version !== this.current?.version) this.refreshing.schedule();
      }),
      this.glossary.onDidChange(() => this.refreshing.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsHanziGloss(e)) this.refreshing.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.current?.document) this.refreshing.schedule(0);
      }),
    );
  }

  /** Collects the active document's terms now (cancelling a collection under way) and shows them. */
  async refresh(): Promise<ShownTerms | undefined> {
    this.refreshing.started();
    this.collecting?.cancel();
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      this.show(undefined);
      return undefined;
    }
    const source = new vscode.CancellationTokenSource();
    this.collecting = source;
    const document = editor.document;
    const version = document.version;
    try {
      const terms = await this.scans.terms(document, readConfig(document).toneStyle, source.token);
      if (source.token.isCancellationRequested) return this.current;
      const domains = this.tasks.measure('terms view grouping', () => groupTerms(terms, LABELS));
      this.show({ document, version, domains });
      return this.current;
    } finally {
      source.dispose();
      if (this.collecting === source) this.collecting = undefined;
    }
  }

  private show(shown: ShownTerms | undefined): void {
    this.current = shown;
    if (this.view) {
      const count = shown?.domains.reduce((n, d) => n + d.terms, 0) ?? 0;
      this.view.description = shown ? vscode.workspace.asRelativePath(shown.document.uri) : undefined;
      this.view.message = !shown
        ? vscode.l10n.t('Open a document with Chinese text to list its terms.')
        : count === 0
          ? vscode.l10n.t('No glossary terms in this document.')
          : '';
    }
    this.changed.fire(undefined);
    this.refreshed.fire(shown);
  }

  getChildren(node?: TermNode): TermNode[] {
    if (!node) return (this.current?.domains ?? []).map((domain) => ({ kind: 'domain', domain }));
    if (node.kind === 'domain') {
      const [only] = node.domain.categories;
      // A domain whose entries have no categories lists its terms directly.
      if (node.domain.categories.length === 1 && only.key === '')
        return only.terms.map((row) => ({ kind: 'term', row }));
      return node.domain.categories.map((category) => ({ kind: 'category', domain: node.domain.key, category }));
    }
    if (node.kind === 'category') return node.category.terms.map((row) => ({ kind: 'term', row }));
    return [];
  }

  getTreeItem(node: TermNode): vscode.TreeItem {
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    if (node.kind === 'domain') {
      const item = new vscode.TreeItem(domainLabel(node.domain.key), expanded);
      item.id = `domain:${node.domain.key}`;
      item.description = vscode.l10n.t('{0} term(s) · {1}×', node.domain.terms, node.domain.occurrences);
      return item;
    }
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(categoryLabel(node.category.key), expanded);
      item.id = `category:${node.domain}/${node.category.key}`;
      item.description = vscode.l10n.t('{0} term(s) · {1}×', node.category.terms.length, node.category.occurrences);
      return item;
    }
    const { row } = node;
    const english = row.english || unlistedText(row.term);
    const item = new vscode.TreeItem(row.text, vscode.TreeItemCollapsibleState.None);
    item.id = `term:${row.text}`;
    item.description = `${row.reading} — ${english} (${row.count}×)`;
    item.tooltip = [
      `${row.text}  ${row.reading}`,
      english,
      ...(row.source ? [row.source] : []),
      vscode.l10n.t('{0} occurrence(s); choose to go to the next one after the cursor', row.count),
    ].join('\n');
    item.command = {
      command: Commands.revealTerm,
      title: vscode.l10n.t('Go to Next Occurrence'),
      arguments: [{ text: row.text }],
    };
    return item;
  }

  /**
   * Selects the next occurrence of `text` after the cursor in the shown document's editor (the
   * occurrence at the cursor when nothing is selected), round the end. The list is collected again
   * first if the document changed since, so the occurrence is where the text is now.
   */
  async reveal(text: string): Promise<TermReveal | undefined> {
    let shown = this.current;
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    if (!shown || shown.document !== editor.document || shown.version !== editor.document.version) {
      shown = await this.refresh();
    }
    const term = shown?.domains.flatMap((d) => d.categories.flatMap((c) => c.terms)).find((r) => r.text === text)?.term;
    if (!shown || !term) return undefined;
    const document = shown.document;
    const selection = editor.selection;
    const from = selection.isEmpty ? document.offsetAt(selection.active) : document.offsetAt(selection.start) + 1;
    const next = nextOccurrence(term.occurrences, from);
    if (!next) return undefined;
    const span = term.occurrences.at(next.index);
    const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (next.wrapped) {
      const message = vscode.l10n.t('Hanzi Gloss: reached the end of the document, continued from the start');
      vscode.window.setStatusBarMessage(`$(book) ${message}`, 4000);
    }
    return { range, index: next.index, count: term.occurrences.length, wrapped: next.wrapped };
  }

  dispose(): void {
    this.refreshing.dispose();
    this.collecting?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerTermsView(terms: TermsView): vscode.Disposable {
  const view = vscode.window.createTreeView(Views.terms, { treeDataProvider: terms, showCollapseAll: true });
  return vscode.Disposable.from(
    terms,
    view,
    terms.attach(view),
    registerCommand(Commands.revealTerm, (args?: { text?: string }) =>
      args?.text ? terms.reveal(args.text) : undefined,
    ),
  );
}
