/**
 * The *Glossaries* view: the layers highest first (workspace, user, curated, CC-CEDICT), their
 * files, each file's domains and their entries. Entries of the user's own JSON glossaries carry the
 * context menu of the entry commands (edit, remove: entries.ts, given the entry as their argument)
 * and Reveal in File; the curated files are read-only, and CC-CEDICT is one node with its entry
 * count that opens Search Glossary (listing 125,000 entries would help no one). A workspace without
 * a glossary gets a "Create Workspace Glossary" item under its layer.
 */
import * as vscode from 'vscode';
import type { Glossary, GlossaryEntry } from '../../core/glossary/entry';
import { entriesByDomain, entryDescription, type DomainEntries } from '../../core/document/glossaryTree';
import { serializeGlossaryJson } from '../../core/glossary/formats/json';
import { entrySpan } from '../../core/glossary/jsonEdit';
import { renderingText } from '../../core/glossary/rendering';
import { dictionaryEntryCount } from '../../core/lexicon/cedictAsset';
import { fileBaseName } from '../../core/text/fileName';
import { readConfig } from '../services/config';
import { domainLabel } from '../services/domainLabels';
import type { GlossaryService } from '../services/glossaryService';
import { Commands, Views } from '../services/ids';
import { registerCommand } from '../services/registerCommand';
import type { TaskTimer } from '../services/taskTimer';
import { fileLabel } from '../services/tellUser';
import { LABELS } from '../services/userLabels';
import type { EntryCommands } from './entries';

type Layer = 'workspace' | 'user' | 'curated' | 'cedict';

export interface FileNode {
  readonly kind: 'file';
  readonly layer: Layer;
  readonly label: string;
  readonly glossary: Glossary | undefined;
  /** A user or workspace file (its URI); curated files are the extension's. */
  readonly uri?: vscode.Uri;
  /** Entries can be edited in place (a JSON file of the user or workspace layer). */
  readonly own: boolean;
  readonly problems: number;
}

/**
 * An entry. Its top-level fields are the entry commands' arguments (EntryArgs: the term and the
 * file), so VS Code's context menu hands it to them as it is; the entry itself is nested, so that
 * its English is not taken as new renderings to save without asking.
 */
export interface EntryNode {
  readonly kind: 'entry';
  readonly zh: string;
  /** The file's URI string (EntryArgs.target) for an own entry. */
  readonly target?: string;
  readonly entry: GlossaryEntry;
  readonly file: FileNode;
}

export type GlossaryNode =
  | { readonly kind: 'layer'; readonly layer: Layer }
  | { readonly kind: 'create' }
  | FileNode
  | { readonly kind: 'domain'; readonly file: FileNode; readonly group: DomainEntries }
  | EntryNode;

/** The contexts of the view's items, for package.json's menus. */
export const CONTEXT = { ownEntry: 'hanziGloss.ownEntry', entry: 'hanziGloss.entry' } as const;
/** Set while the workspace has a workspace glossary (package.json's menus and welcome). */
export const HAS_WORKSPACE_GLOSSARY = 'hanziGloss.hasWorkspaceGlossary';

const LAYERS: readonly Layer[] = ['workspace', 'user', 'curated', 'cedict'];

export class GlossariesView implements vscode.TreeDataProvider<GlossaryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<GlossaryNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private cedictCount: number | undefined;
  /** The curated files, decoded when the curated layer is first opened (the prebuilt asset decodes them then). */
  private curatedFiles: FileNode[] | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly tasks: TaskTimer,
  ) {
    this.disposables.push(
      glossary.onDidChange(() => {
        this.curatedFiles = undefined;
        void this.updateContext();
        this.changed.fire(undefined);
      }),
    );
    void this.updateContext();
  }

  /** Whether the workspace has a glossary file (the create item and the welcome depend on it). */
  hasWorkspaceGlossary(): boolean {
    return this.glossary.editableFiles.some((f) => f.layer === 'workspace');
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', HAS_WORKSPACE_GLOSSARY, this.hasWorkspaceGlossary());
  }

  /** The files of a layer as loaded. */
  files(layer: Layer): FileNode[] {
    if (layer === 'curated') {
      const curated = this.tasks.measure('glossaries view curated', () => this.glossary.curatedGlossaries());
      this.curatedFiles = curated.map(({ glossary, source }) => ({
        kind: 'file',
        layer,
        label: `${glossary.name} (${fileBaseName(source.file ?? source.id)})`,
        glossary,
        own: false,
        problems: 0,
      }));
      return this.curatedFiles;
    }
    if (layer === 'cedict') return [];
    return this.glossary.editableFiles
      .filter((f) => f.layer === layer)
      .map((f) => ({
        kind: 'file',
        layer,
        label: fileLabel(f.uri),
        glossary: f.good?.glossary,
        uri: f.uri,
        own: /\.jsonc?$/i.test(f.uri.path),
        problems: f.problems.length,
      }));
  }

  /** CC-CEDICT's entry count, once it is loaded (undefined when it could not be). */
  private dictionaryCount(): number | undefined {
    if (this.cedictCount === undefined) {
      const listed = this.glossary.shippedLayers.find((l) => l.name === 'cedict')?.layer.listed;
      if (listed) this.cedictCount = this.tasks.measure('glossaries view count', () => dictionaryEntryCount(listed));
    }
    return this.cedictCount;
  }

  async getChildren(node?: GlossaryNode): Promise<GlossaryNode[]> {
    // The layers are known once the glossaries are loaded (the view is their first use, if nothing else was).
    await this.glossary.lexicon();
    if (!node) return LAYERS.map((layer) => ({ kind: 'layer', layer }));
    if (node.kind === 'layer') {
      const first = node.layer === 'curated' && !this.curatedFiles;
      const files = node.layer === 'curated' ? (this.curatedFiles ?? this.files('curated')) : this.files(node.layer);
      if (first) setTimeout(() => this.changed.fire(node), 0);
      const canCreate = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
      if (node.layer === 'workspace' && files.length === 0 && canCreate) return [{ kind: 'create' }];
      return files;
    }
    if (node.kind === 'file') {
      const groups = entriesByDomain(node.glossary?.entries ?? []);
      return groups.map((group) => ({ kind: 'domain', file: node, group }));
    }
    if (node.kind === 'domain') {
      return node.group.entries.map((entry) => ({
        kind: 'entry',
        zh: entry.zh,
        ...(node.file.own && node.file.uri ? { target: node.file.uri.toString() } : {}),
        entry,
        file: node.file,
      }));
    }
    return [];
  }

  getTreeItem(node: GlossaryNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'layer':
        return this.layerItem(node.layer);
      case 'create': {
        const item = new vscode.TreeItem(vscode.l10n.t('Create Workspace Glossary…'), None);
        item.iconPath = new vscode.ThemeIcon('new-file');
        const where = this.glossary.workspaceGlossaryUris().find((u) => /\.jsonc?$/i.test(u.path));
        if (where) item.tooltip = vscode.l10n.t('Writes an empty glossary at {0} and opens it', fileLabel(where));
        item.command = { command: Commands.createWorkspaceGlossary, title: String(item.label) };
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.label, node.layer === 'curated' ? Collapsed : Expanded);
        item.id = `file:${node.layer}:${node.uri?.toString() ?? node.label}`;
        const count = node.glossary?.entries.length ?? 0;
        item.description =
          node.problems > 0
            ? vscode.l10n.t('{0} entries · {1} problem(s)', count, node.problems)
            : vscode.l10n.t('{0} entries', count);
        item.iconPath = new vscode.ThemeIcon(node.own ? 'file' : 'lock');
        if (node.uri) item.resourceUri = node.uri;
        if (!node.own) item.tooltip = vscode.l10n.t('Read-only');
        return item;
      }
      case 'domain': {
        const item = new vscode.TreeItem(domainLabel(node.group.domain), Collapsed);
        item.id = `domain:${node.file.layer}:${node.file.uri?.toString() ?? node.file.label}:${node.group.domain}`;
        const off = node.file.layer === 'curated' && readConfig().disabledDomains.includes(node.group.domain);
        item.description = off
          ? vscode.l10n.t('{0} entries · switched off in the settings', node.group.entries.length)
          : vscode.l10n.t('{0} entries', node.group.entries.length);
        return item;
      }
      case 'entry':
        return this.entryItem(node);
    }
  }

  private layerItem(layer: Layer): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const names: Record<Layer, string> = {
      workspace: vscode.l10n.t('Workspace glossaries'),
      user: vscode.l10n.t('User glossary'),
      curated: vscode.l10n.t('Curated glossaries'),
      cedict: 'CC-CEDICT',
    };
    if (layer === 'cedict') {
      const item = new vscode.TreeItem(names.cedict, None);
      item.id = 'layer:cedict';
      const count = this.dictionaryCount();
      item.description =
        count === undefined
          ? vscode.l10n.t('not loaded')
          : vscode.l10n.t('{0} entries · read-only', count.toLocaleString(vscode.env.language));
      item.tooltip = vscode.l10n.t('The general dictionary, below the glossaries. Click to search it.');
      item.iconPath = new vscode.ThemeIcon('book');
      item.command = { command: Commands.searchGlossary, title: vscode.l10n.t('Search Glossary…') };
      return item;
    }
    // The curated layer's count once it was opened: decoding its 4,600 entries waits until then.
    const files = layer === 'curated' ? this.curatedFiles : this.files(layer);
    const entries = files?.reduce((n, f) => n + (f.glossary?.entries.length ?? 0), 0) ?? 0;
    const item = new vscode.TreeItem(names[layer], layer === 'curated' ? Collapsed : Expanded);
    item.id = `layer:${layer}`;
    item.iconPath = new vscode.ThemeIcon(layer === 'curated' ? 'library' : layer === 'user' ? 'account' : 'folder');
    item.description = !files
      ? vscode.l10n.t('read-only')
      : files.length === 0
        ? layer === 'user'
          ? vscode.l10n.t('none yet: Add Glossary Entry creates it')
          : vscode.l10n.t('none')
        : layer === 'curated'
          ? vscode.l10n.t('{0} entries · read-only', entries)
          : vscode.l10n.t('{0} entries', entries);
    return item;
  }

  private entryItem(node: EntryNode): vscode.TreeItem {
    const { entry } = node;
    const item = new vscode.TreeItem(entry.zh, vscode.TreeItemCollapsibleState.None);
    item.description = entryDescription(entry);
    const lines = [
      `${entry.zh}${entry.traditional && entry.traditional !== entry.zh ? ` ${entry.traditional}` : ''}`,
      ...(entry.pinyin ? [entry.pinyin] : []),
      entry.en.map(renderingText).join(' · '),
      ...(entry.forbidden?.length ? [vscode.l10n.t('Avoid: {0}', entry.forbidden.join(' · '))] : []),
      ...(entry.aliases?.length
        ? [vscode.l10n.t('Also written: {0}', entry.aliases.map((a) => a.zh).join(' · '))]
        : []),
      ...(entry.note ? [entry.note] : []),
    ];
    item.tooltip = lines.join('\n');
    item.contextValue = node.target ? CONTEXT.ownEntry : CONTEXT.entry;
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens the entry's file with the entry's object selected. */
async function revealEntryInFile(node: EntryNode | undefined): Promise<vscode.TextEditor | undefined> {
  const uri = node?.file.uri;
  if (!node || !uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const span = entrySpan(document.getText(), node.entry.id, LABELS.glossary.edit);
  if (!span) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer in {1}.', node.zh, fileLabel(uri)));
  }
  const selection = span
    ? new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length))
    : undefined;
  return vscode.window.showTextDocument(document, selection ? { selection } : {});
}

/**
 * Writes an empty glossary at the first workspace glossary path of the settings
 * (`.vscode/hanzi-gloss.json` by default) unless a file is there, and opens it.
 */
export async function createWorkspaceGlossary(
  glossary: GlossaryService,
  entries: EntryCommands,
): Promise<vscode.Uri | undefined> {
  const target = entries.targets.resolve('workspace');
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep a workspace glossary.'));
    return undefined;
  }
  const empty = serializeGlossaryJson({ name: vscode.l10n.t('Workspace glossary'), entries: [] });
  // A file already there (with entries, or not yet read) is opened as it is.
  await glossary.write(target, (text) =>
    text.trim() === '' ? [{ offset: 0, length: text.length, content: empty }] : [],
  );
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target.uri));
  return target.uri;
}

export function registerGlossariesView(
  view: GlossariesView,
  glossary: GlossaryService,
  entries: EntryCommands,
): vscode.Disposable {
  const tree = vscode.window.createTreeView(Views.glossaries, { treeDataProvider: view, showCollapseAll: true });
  return vscode.Disposable.from(
    view,
    tree,
    registerCommand(Commands.revealEntryInFile, (node?: EntryNode) => revealEntryInFile(node)),
    registerCommand(Commands.createWorkspaceGlossary, () => createWorkspaceGlossary(glossary, entries)),
  );
}
