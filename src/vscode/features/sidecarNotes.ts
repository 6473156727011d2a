/**
 * Sidecar notes in the editor: shown after their line as decorations and in the hover, following
 * their passage as lines move, marked stale when the Chinese changed. Commands add, edit, remove
 * and convert between sidecar notes and inline annotation lines. The notes live in
 * `.hanzi-gloss/annotations.json` of the workspace folder, written atomically in a stable order.
 */
import * as vscode from 'vscode';
import { annotationText } from '../../core/annotate/annotations';
import { containsHan } from '../../core/text/detect';
import { draftEnglish } from '../../core/annotate/draft';
import {
  anchorNotes,
  parseSidecar,
  serializeSidecar,
  type Anchored,
  type SidecarNote,
} from '../../core/annotate/sidecar';
import { decodeUtf8 } from '../../core/text/text';
import { LABELS } from '../services/userLabels';
import { columnsAfterLine, displayWidth, shortenToWidth } from '../../core/text/displayWidth';
import { markerFor } from '../services/config';
import { fileLabel, tell } from '../services/tellUser';
import type { GlossaryService } from '../services/glossaryService';
import { writeAtomically } from '../services/fileWriter';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

type NoteDecorations = Record<'fresh' | 'stale', vscode.DecorationOptions[]>;

/**
 * A decoration after a line does not wrap and is cut at the editor's edge, and an extension cannot
 * know the editor's width: the note gets the room an editor of VIEW_COLUMNS columns leaves after
 * the line's last row (between MIN and MAX columns) and ends in "…" when longer; the hover shows
 * it whole.
 */
const NOTE_LAYOUT = { VIEW_COLUMNS: 90, MARGIN_COLUMNS: 4, MIN: 16, MAX: 80 } as const;

export interface NoteArgs {
  readonly text?: string;
  readonly line?: number;
  /** The input box's starting text (a model's draft) in place of the rule-based draft. */
  readonly draft?: string;
}

export class SidecarNotes implements vscode.HoverProvider, vscode.Disposable {
  private readonly notes = new Map<string, SidecarNote[]>(); // by folder URI
  private readonly loading = new Map<string, Promise<SidecarNote[]>>();
  /** Folders whose sidecar file does not read: it is never overwritten (its notes would be lost). */
  private readonly unreadable = new Map<string, Error>();
  private readonly updated = new vscode.EventEmitter<vscode.Uri>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly placedCache = new WeakMap<
    vscode.TextDocument,
    { version: number; all: readonly SidecarNote[]; placed: Anchored[] }
  >();
  private readonly fresh = vscode.window.createTextEditorDecorationType({
    after: {
      margin: '0 0 0 2em',
      color: new vscode.ThemeColor('hanziGloss.sidecarNoteForeground'),
      fontStyle: 'italic',
    },
  });
  private readonly stale = vscode.window.createTextEditorDecorationType({
    after: {
      margin: '0 0 0 2em',
      color: new vscode.ThemeColor('hanziGloss.sidecarNoteStaleForeground'),
      fontStyle: 'italic',
    },
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after the notes of a document have been placed (decorations redrawn). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly glossary: GlossaryService) {
    this.disposables.push(
      this.updated,
      this.fresh,
      this.stale,
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document))),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.schedule(e.document));
  }

  private where(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; file: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.path.includes('/.hanzi-gloss/')) return undefined;
    return { folder, file: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/') };
  }

  private sidecarUri(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, '.hanzi-gloss', 'annotations.json');
  }

  private sidecarLabel(folder: vscode.WorkspaceFolder): string {
    return fileLabel(this.sidecarUri(folder));
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<SidecarNote[]> {
    const key = folder.uri.toString();
    const known = this.notes.get(key);
    if (known) return known;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        let list: SidecarNote[] = [];
        try {
          const path = this.sidecarUri(folder).fsPath;
          const bytes = await vscode.workspace.fs.readFile(this.sidecarUri(folder));
          list = parseSidecar(decodeUtf8(bytes, path, LABELS.glossary.text), path, LABELS.sidecar);
        } catch (e) {
          if (!(e instanceof vscode.FileSystemError)) {
            this.unreadable.set(key, e as Error);
            void vscode.window.showWarningMessage((e as Error).message);
          }
        }
        this.notes.set(key, list);
        return list;
      })();
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async save(folder: vscode.WorkspaceFolder, list: SidecarNote[]): Promise<void> {
    const broken = this.unreadable.get(folder.uri.toString());
    if (broken) {
      throw new Error(vscode.l10n.t('{0} (fix the file first: saving would drop the notes it holds)', broken.message));
    }
    this.notes.set(folder.uri.toString(), list);
    await writeAtomically(this.sidecarUri(folder), serializeSidecar(list));
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.refresh(document), 150),
    );
  }

  /** The notes of a document placed on its current lines. */
  async anchored(document: vscode.TextDocument): Promise<Anchored[]> {
    const where = this.where(document.uri);
    if (!where) return [];
    const all = await this.load(where.folder);
    // Hovers and redraws ask often; place the notes once per document version and notes list.
    const cached = this.placedCache.get(document);
    if (cached && cached.version === document.version && cached.all === all) return cached.placed;
    const mine = all.filter((n) => n.file === where.file);
    const placed =
      mine.length === 0
        ? []
        : anchorNotes(
            mine,
            Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text),
          );
    this.placedCache.set(document, { version: document.version, all, placed });
    return placed;
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const placed = await this.anchored(document);
    const where = this.where(document.uri);
    if (where && placed.some((a) => !a.stale && a.line !== a.note.line)) {
      // Keep each note's line with its passage, so the sidecar stays right when saved next.
      const list = this.notes.get(where.folder.uri.toString()) ?? [];
      const moved = new Map(placed.filter((a) => !a.stale).map((a) => [a.note, a.line]));
      this.notes.set(
        where.folder.uri.toString(),
        list.map((n) => (moved.has(n) ? { ...n, line: moved.get(n)! } : n)),
      );
    }
    const { fresh, stale } = this.decorationsOf(placed, document);
    for (const editor of vscode.window.visibleTextEditors.filter((e) => e.document === document)) {
      editor.setDecorations(this.fresh, fresh);
      editor.setDecorations(this.stale, stale);
    }
    this.updated.fire(document.uri);
  }

  /** What is drawn after each noted line: the note shortened to the room beside it (the hover shows it whole). */
  decorationsOf(placed: readonly Anchored[], document: vscode.TextDocument): NoteDecorations {
    const editor = vscode.workspace.getConfiguration('editor', document);
    const wrap = editor.get<string>('wordWrap', 'off');
    const column = editor.get<number>('wordWrapColumn', 80);
    const { VIEW_COLUMNS, MARGIN_COLUMNS, MIN, MAX } = NOTE_LAYOUT;
    const wrapAt = { on: VIEW_COLUMNS, wordWrapColumn: column, bounded: Math.min(VIEW_COLUMNS, column) }[wrap];
    const decorate = (stale: boolean) =>
      placed
        .filter((a) => a.stale === stale)
        .map((a) => {
          const prefix = stale ? vscode.l10n.t('⚠ stale note: ') : 'EN: ';
          const line = document.lineAt(a.line);
          const after = columnsAfterLine(displayWidth(line.text), VIEW_COLUMNS, wrapAt);
          const room = after - MARGIN_COLUMNS - displayWidth(prefix);
          const text = shortenToWidth(a.note.text, Math.min(MAX, Math.max(MIN, room)));
          return { range: line.range, renderOptions: { after: { contentText: `${prefix}${text}` } } };
        });
    return { fresh: decorate(false), stale: decorate(true) };
  }

  /** The whole note of the line under the pointer (registered by registerSidecarNotes). */
  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const note = (await this.anchored(document)).find((a) => a.line === position.line);
    if (!note) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(
      `**${vscode.l10n.t('Sidecar note')}**` +
        `${note.stale ? ` — ${vscode.l10n.t('stale: the Chinese changed since it was written')}` : ''}\n\n`,
    );
    md.appendText(note.note.text);
    if (note.stale) md.appendText(`\n\n${vscode.l10n.t('Written for: {0}', note.note.chinese)}`);
    return new vscode.Hover(md);
  }

  private async target(
    args: NoteArgs,
  ): Promise<
    { document: vscode.TextDocument; line: number; folder: vscode.WorkspaceFolder; file: string } | undefined
  > {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const where = this.where(editor.document.uri);
    if (!where) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Sidecar notes need the file to be in a workspace folder.'),
      );
      return undefined;
    }
    return { document: editor.document, line: args.line ?? editor.selection.active.line, ...where };
  }

  async add(args: NoteArgs = {}): Promise<SidecarNote | undefined> {
    const t = await this.target(args);
    if (!t) return undefined;
    const chinese = t.document.lineAt(t.line).text.trim();
    if (!containsHan(chinese)) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Put the cursor on a line with Chinese text to annotate it.'),
      );
      return undefined;
    }
    const text =
      args.text ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Sidecar note'),
        prompt: chinese,
        value: args.draft ?? draftEnglish(chinese, await this.glossary.lexicon()).text,
        ignoreFocusOut: true,
      }));
    if (!text) return undefined;
    const list = (await this.load(t.folder)).filter((n) => !(n.file === t.file && n.line === t.line));
    const note: SidecarNote = { file: t.file, line: t.line, chinese, text };
    await this.save(t.folder, [...list, note]);
    await this.refresh(t.document);
    tell(vscode.l10n.t('Saved the note on line {0} in {1}.', t.line + 1, this.sidecarLabel(t.folder)));
    return note;
  }

  private async noteAt(args: NoteArgs) {
    const t = await this.target(args);
    if (!t) return undefined;
    const placed = (await this.anchored(t.document)).find((a) => a.line === t.line);
    if (!placed) void vscode.window.showInformationMessage(vscode.l10n.t('No sidecar note on this line.'));
    return placed && { ...t, placed };
  }

  async edit(args: NoteArgs = {}): Promise<SidecarNote | undefined> {
    const found = await this.noteAt(args);
    if (!found) return undefined;
    const text =
      args.text ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Sidecar note'),
        value: found.placed.note.text,
        ignoreFocusOut: true,
      }));
    if (!text) return undefined;
    const updated: SidecarNote = {
      ...found.placed.note,
      line: found.line,
      chinese: found.document.lineAt(found.line).text.trim(),
      text,
    };
    const list = (await this.load(found.folder)).map((n) => (n === found.placed.note ? updated : n));
    await this.save(found.folder, list);
    await this.refresh(found.document);
    tell(vscode.l10n.t('Updated the note on line {0} in {1}.', found.line + 1, this.sidecarLabel(found.folder)));
    return updated;
  }

  async remove(args: NoteArgs = {}): Promise<SidecarNote | undefined> {
    const found = await this.noteAt(args);
    if (!found) return undefined;
    await this.save(
      found.folder,
      (await this.load(found.folder)).filter((n) => n !== found.placed.note),
    );
    await this.refresh(found.document);
    tell(vscode.l10n.t('Removed the note on line {0} from {1}.', found.line + 1, this.sidecarLabel(found.folder)));
    return found.placed.note;
  }

  /** Sidecar note → annotation line below the passage (the source file is edited). */
  async toInline(args: NoteArgs = {}): Promise<boolean> {
    const found = await this.noteAt(args);
    if (!found) return false;
    const lineText = found.document.lineAt(found.line).text;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      found.document.uri,
      found.document.lineAt(found.line).range.end,
      `\n${/^\s*/.exec(lineText)![0]}${markerFor(found.document)}${found.placed.note.text}`,
    );
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    await this.save(
      found.folder,
      (await this.load(found.folder)).filter((n) => n !== found.placed.note),
    );
    await this.refresh(found.document);
    const [line, file] = [found.line + 1, this.sidecarLabel(found.folder)];
    tell(vscode.l10n.t('Moved the note on line {0} into the text and out of {1}.', line, file));
    return true;
  }

  /** Annotation line (on or below the cursor's Chinese line) → sidecar note; the line is removed. */
  async toSidecar(args: NoteArgs = {}): Promise<SidecarNote | undefined> {
    const t = await this.target(args);
    if (!t) return undefined;
    const marker = markerFor(t.document);
    const chineseLine = annotationText(t.document.lineAt(t.line).text, marker) ? t.line - 1 : t.line;
    const below =
      chineseLine + 1 < t.document.lineCount
        ? annotationText(t.document.lineAt(chineseLine + 1).text, marker)
        : undefined;
    if (chineseLine < 0 || !below) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No annotation line under this passage.'));
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.delete(
      t.document.uri,
      new vscode.Range(
        chineseLine,
        t.document.lineAt(chineseLine).text.length,
        chineseLine + 1,
        t.document.lineAt(chineseLine + 1).text.length,
      ),
    );
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    return this.add({ line: chineseLine, text: below.text });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** The notes' hover beside the glossary hover (any file), and the note commands. */
export function registerSidecarNotes(notes: SidecarNotes): vscode.Disposable {
  return vscode.Disposable.from(
    notes,
    vscode.languages.registerHoverProvider({ pattern: '**' }, notes),
    registerCommand(Commands.addNote, (args?: NoteArgs) => notes.add(args)),
    registerCommand(Commands.editNote, (args?: NoteArgs) => notes.edit(args)),
    registerCommand(Commands.removeNote, (args?: NoteArgs) => notes.remove(args)),
    registerCommand(Commands.noteToInline, (args?: NoteArgs) => notes.toInline(args)),
    registerCommand(Commands.inlineToNote, (args?: NoteArgs) => notes.toSidecar(args)),
  );
}
