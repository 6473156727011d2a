/**
 * "Search Glossary…": a quick pick over every layer (workspace, user, curated, CC-CEDICT) that
 * searches again on every keystroke, by Chinese, pinyin (any tone style, spaces or none), initials
 * or English, ranked by the core's search; the chosen term can be inserted at the cursor, its
 * English copied, added to the user's own glossary through the add-entry flow, or shown as the
 * hover shows it. The bench puts a search well under a keystroke's budget, so nothing is debounced.
 */
import * as vscode from 'vscode';
import { renderHoverMarkdown } from '../../core/document/hoverMarkdown';
import { describePosition, type PositionInfo } from '../../core/document/scan';
import { shownRenderings } from '../../core/glossary/rendering';
import type { SearchResult } from '../../core/lexicon/search';
import type { Lexicon } from '../../core/lexicon/lexicon';
import { readConfig } from '../services/config';
import type { GlossarySearchService } from '../services/glossarySearch';
import type { GlossaryService } from '../services/glossaryService';
import { hoverLabels } from '../services/hoverLabels';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';
import { tell } from '../services/tellUser';
import type { EntryCommands } from './entries';

/** What can be done with the chosen term. */
export type SearchAction = 'insert' | 'copyEnglish' | 'add' | 'show';

/** Arguments of the command (a keybinding or a test): the query to start with, the action to take. */
export interface SearchArgs {
  readonly query?: string;
  readonly action?: SearchAction;
}

interface ResultItem extends vscode.QuickPickItem {
  readonly result: SearchResult;
}

/** How many results the list shows. */
const LIMIT = 50;
const ENTRY_SCHEME = 'hanzi-gloss-entry';

function resultItem(result: SearchResult): ResultItem {
  const layer = hoverLabels().layers[result.source.layer];
  const english = shownRenderings(result.entry, 1);
  return {
    label: result.zh,
    description: result.pinyin ? `${result.pinyin} — ${english}` : english,
    detail: layer === result.source.label ? layer : `${layer} · ${result.source.label}`,
    // The list is in the search's order: VS Code must neither hide a result whose label does not
    // match the query (ljjt matches no Chinese) nor sort the results by their labels.
    alwaysShow: true,
    result,
  };
}

/** The hover's Markdown for a chosen result, its entry first. */
export function entryMarkdown(result: SearchResult, lexicon: Lexicon): string {
  const config = readConfig();
  const found = describePosition(result.zh, 0, lexicon, config.toneStyle);
  const rest = (entries: readonly SearchResult['entry'][]) => entries.filter((e) => e !== result.entry);
  const info: PositionInfo =
    found && found.text === result.zh
      ? { ...found, entries: [result.entry, ...rest(found.entries)], also: [] }
      : {
          kind: 'term',
          start: 0,
          end: result.zh.length,
          text: result.zh,
          simplified: result.zh,
          traditional: result.entry.traditional ?? result.zh,
          reading: result.pinyin,
          entries: [result.entry, ...rest(lexicon.lookup(result.zh))],
          also: [],
        };
  return renderHoverMarkdown(info, hoverLabels(), { scriptFirst: config.scriptFirst, maxDictionaryEntries: 4 });
}

export class SearchGlossary {
  private readonly updated = new vscode.EventEmitter<{ query: string; results: readonly SearchResult[] }>();
  /** Fires each time the list shows the results of a query (the tests wait on it). */
  readonly onDidShowResults = this.updated.event;
  private readonly entryPages = new Map<string, string>();
  private readonly pageChanged = new vscode.EventEmitter<vscode.Uri>();

  constructor(
    private readonly searches: GlossarySearchService,
    private readonly glossary: Pick<GlossaryService, 'lexicon'>,
    private readonly entries: EntryCommands,
  ) {}

  /** The entries shown by "Show entry", as read-only Markdown documents. */
  readonly pages: vscode.TextDocumentContentProvider = {
    onDidChange: this.pageChanged.event,
    provideTextDocumentContent: (uri) => this.entryPages.get(uri.toString()),
  };

  /** Shows the pick; resolves with the chosen result (after its action), or undefined. */
  async run(args: SearchArgs = {}): Promise<SearchResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    const chosen = await this.pick(args.query ?? (selected.includes('\n') ? '' : selected));
    if (!chosen) return undefined;
    const action = args.action ?? (await this.askAction(chosen));
    if (!action) return undefined;
    await this.act(action, chosen, editor);
    return chosen;
  }

  private pick(initial: string): Promise<SearchResult | undefined> {
    const pick = vscode.window.createQuickPick<ResultItem>();
    pick.title = vscode.l10n.t('Search Glossary');
    pick.placeholder = vscode.l10n.t('Chinese, pinyin (yazhuji, ya zhu ji, ya2zhu4), initials (ljjt) or English');
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    // Not yet in the typed API (proposed "quickPickSortByLabel"), but honoured by VS Code 1.100 to 1.116.
    Object.assign(pick, { sortByLabel: false });
    pick.value = initial;
    pick.busy = true;
    let search: Awaited<ReturnType<GlossarySearchService['search']>> | undefined;
    const show = (query: string) => {
      if (!search) return;
      const results = search.search(query, LIMIT);
      pick.items = results.map(resultItem);
      this.updated.fire({ query, results });
    };
    return new Promise<SearchResult | undefined>((resolve, reject) => {
      let accepted: SearchResult | undefined;
      pick.onDidChangeValue(show);
      pick.onDidAccept(() => {
        accepted = pick.activeItems[0]?.result;
        if (accepted) pick.hide();
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve(accepted);
      });
      pick.show();
      this.searches.search().then(
        (s) => {
          search = s;
          pick.busy = false;
          show(pick.value);
        },
        (e: unknown) => {
          pick.hide();
          reject(e);
        },
      );
    });
  }

  private async askAction(result: SearchResult): Promise<SearchAction | undefined> {
    const english = shownRenderings(result.entry, 1);
    const items: (vscode.QuickPickItem & { action: SearchAction })[] = [
      { label: vscode.l10n.t('Insert at cursor'), description: result.zh, action: 'insert' },
      { label: vscode.l10n.t('Copy English'), description: english, action: 'copyEnglish' },
      { label: vscode.l10n.t('Add to my glossary'), description: result.zh, action: 'add' },
      { label: vscode.l10n.t('Show entry'), description: result.pinyin, action: 'show' },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `${result.zh} ${result.pinyin}`.trim(),
      placeHolder: vscode.l10n.t('What to do with {0}', result.zh),
    });
    return picked?.action;
  }

  private async act(action: SearchAction, result: SearchResult, editor: vscode.TextEditor | undefined): Promise<void> {
    const english = shownRenderings(result.entry, 1);
    switch (action) {
      case 'insert': {
        if (!editor) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open an editor to insert {0} into.', result.zh));
          return;
        }
        // Over the selection, if any: a pinyin query selected in the text becomes its Chinese.
        await editor.edit((edit) => editor.selections.forEach((s) => edit.replace(s, result.zh)));
        return;
      }
      case 'copyEnglish':
        await vscode.env.clipboard.writeText(english);
        tell(vscode.l10n.t('Copied "{0}".', english));
        return;
      case 'add': {
        // The term as found (an alias is its own entry) with its own reading; the rest from the entry.
        const { en, note, domain } = result.entry;
        await this.entries.add({ zh: result.zh, pinyin: result.pinyin || undefined, en, note, domain, ask: true });
        return;
      }
      case 'show': {
        const markdown = entryMarkdown(result, await this.glossary.lexicon());
        const uri = vscode.Uri.from({ scheme: ENTRY_SCHEME, path: `/${result.zh}.md` });
        this.entryPages.set(uri.toString(), markdown);
        this.pageChanged.fire(uri);
        await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => {
          // Without the built-in Markdown extension, the Markdown itself.
          await vscode.window.showTextDocument(uri, { preview: true });
        });
      }
    }
  }

  dispose(): void {
    this.updated.dispose();
    this.pageChanged.dispose();
  }
}

export function registerSearchGlossary(search: SearchGlossary): vscode.Disposable {
  return vscode.Disposable.from(
    search,
    vscode.workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, search.pages),
    registerCommand(Commands.searchGlossary, (args?: SearchArgs) => search.run(args)),
  );
}
