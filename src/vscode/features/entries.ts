/**
 * Add, edit and remove glossary entries from the editor. Each command is a short series of input
 * boxes (Chinese, pinyin, English, note, domain, target file) prefilled from the selection or the
 * term under the cursor; given complete arguments (from a keybinding, a hover link or a test) it
 * runs without asking. Curated and CC-CEDICT entries are read-only: editing one creates an entry in
 * a writable layer that overrides it.
 */
import * as vscode from 'vscode';
import { containsHan } from '../../core/text/detect';
import type { GlossaryEntry, SourcedEntry } from '../../core/glossary/entry';
import { canonical, idFor } from '../../core/glossary/formats/common';
import { addEntryEdits, removeEntryEdits, replaceEntryEdits } from '../../core/glossary/jsonEdit';
import { pinyinProblem } from '../../core/reading/pinyin';
import { LABELS } from '../services/userLabels';
import { pinyinOfText } from '../../core/document/pinyinText';
import { describePosition } from '../../core/document/scan';
import type { GlossaryService } from '../services/glossaryService';
import { GlossaryTargets, type GlossaryTarget } from './glossaryTarget';
import { pickRenderings } from './renderingsPick';
import { fileLabel, tell } from '../services/tellUser';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

/** The pinyin check's messages in the user's language. */

/** Arguments accepted by the entry commands; with zh, en and target given nothing is asked. */
export interface EntryArgs {
  readonly zh?: string;
  readonly pinyin?: string;
  readonly en?: readonly string[] | string;
  readonly note?: string;
  readonly domain?: string;
  /** "workspace", "user", or a file URI string. */
  readonly target?: string;
  /** For edit/remove: the entry's id in `target`. */
  readonly id?: string;
  /** For add: ask every field even when zh and en are given, prefilled with them (Search Glossary's "Add"). */
  readonly ask?: boolean;
}

interface Located {
  readonly entry: GlossaryEntry;
  readonly target: GlossaryTarget;
}

/** What an approval wrote, kept until it is undone: the entry it wrote and the one it replaced, if any. */
interface Approval {
  readonly target: GlossaryTarget;
  readonly written: GlossaryEntry;
  readonly previous?: GlossaryEntry;
}

/** Arguments of the approve command and of its undo. */
export interface ApprovalArgs {
  readonly zh?: string;
  readonly rendering?: string;
}

const approvalKey = (zh: string, rendering: string) => `${zh}\n${rendering.toLowerCase()}`;
const sameEntry = (a: GlossaryEntry, b: GlossaryEntry) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Renderings from arguments: a list as it is, a string as one rendering (names contain commas). */
const renderingsOf = (en: readonly string[] | string): string[] =>
  (typeof en === 'string' ? [en] : [...en]).map((s) => s.trim()).filter((s) => s.length > 0);

export class EntryCommands {
  /** Where entries are saved; the import command (exchange.ts) picks from the same list. */
  readonly targets: GlossaryTargets;
  /** Approvals that can still be undone, by term and rendering. */
  private readonly approvals = new Map<string, Approval>();

  constructor(private readonly glossary: GlossaryService) {
    this.targets = new GlossaryTargets(glossary, vscode);
  }

  /** Writable entries (user and workspace layers), optionally only those for one of `terms`. */
  writableEntries(...terms: string[]): Located[] {
    const targets = this.targets.all();
    const wanted = new Set(terms.filter((t) => t.length > 0));
    const out: Located[] = [];
    for (const file of this.glossary.editableFiles) {
      const target = targets.find((t) => t.uri.toString() === file.uri.toString()) ?? {
        uri: file.uri,
        layer: file.layer,
        label: vscode.workspace.asRelativePath(file.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
      };
      if (!/\.jsonc?$/i.test(file.uri.path)) continue;
      for (const entry of file.good?.glossary.entries ?? []) {
        const named = wanted.has(entry.zh) || entry.aliases?.some((a) => wanted.has(a.zh));
        if (wanted.size === 0 || named) out.push({ entry, target });
      }
    }
    return out;
  }

  /** The selection if it holds Chinese, else the term under the cursor: as written and in simplified characters. */
  private async termAtCursor(): Promise<{ text: string; simplified: string } | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const selected = editor.document.getText(editor.selection).trim();
    if (selected && containsHan(selected)) return { text: selected, simplified: selected };
    const position = editor.selection.active;
    const info = describePosition(
      editor.document.lineAt(position.line).text,
      position.character,
      await this.glossary.lexicon(),
    );
    return info && { text: info.text, simplified: info.simplified };
  }

  private async ask(
    step: number,
    steps: number,
    title: string,
    options: vscode.InputBoxOptions,
  ): Promise<string | undefined> {
    return vscode.window.showInputBox({ ...options, title: `${title} (${step}/${steps})`, ignoreFocusOut: true });
  }

  /** The input boxes; undefined when the user cancels. */
  private async prompt(title: string, initial: Partial<GlossaryEntry>): Promise<Omit<GlossaryEntry, 'id'> | undefined> {
    const zh = await this.ask(1, 5, title, {
      prompt: vscode.l10n.t('Chinese term'),
      value: initial.zh ?? '',
      validateInput: (v) => (containsHan(v) ? undefined : vscode.l10n.t('Enter a Chinese term')),
    });
    if (zh === undefined) return undefined;
    const lexicon = await this.glossary.lexicon();
    const pinyin = await this.ask(2, 5, title, {
      prompt: vscode.l10n.t('Pinyin with tone marks, one syllable per character (prefilled; correct it if needed)'),
      value: initial.zh === zh && initial.pinyin ? initial.pinyin : pinyinOfText(zh.trim(), lexicon),
      validateInput: (v) =>
        v.trim() === '' ? undefined : pinyinProblem(zh.trim(), v.trim(), true, LABELS.glossary.pinyin),
    });
    if (pinyin === undefined) return undefined;
    const en = await pickRenderings(`${title} (3/5)`, initial.en ?? []);
    if (en === undefined) return undefined;
    const note = await this.ask(4, 5, title, { prompt: vscode.l10n.t('Note (optional)'), value: initial.note ?? '' });
    if (note === undefined) return undefined;
    const domain = await this.ask(5, 5, title, {
      prompt: vscode.l10n.t('Domain (optional), e.g. die-casting'),
      value: initial.domain ?? '',
      validateInput: (v) =>
        v.trim() === '' || /^[a-z0-9][a-z0-9-]*$/.test(v.trim())
          ? undefined
          : vscode.l10n.t('Lower-case letters, digits and hyphens'),
    });
    if (domain === undefined) return undefined;
    return {
      zh: zh.trim(),
      en,
      ...(pinyin.trim() ? { pinyin: pinyin.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(domain.trim() ? { domain: domain.trim() } : {}),
    };
  }

  private fromArgs(args: EntryArgs): Omit<GlossaryEntry, 'id'> | undefined {
    if (!args.zh || !args.en || !containsHan(args.zh)) return undefined;
    const en = renderingsOf(args.en);
    if (en.length === 0) return undefined;
    if (args.pinyin) {
      const problem = pinyinProblem(args.zh, args.pinyin, true, LABELS.glossary.pinyin);
      if (problem) throw new Error(problem);
    }
    return {
      zh: args.zh,
      en,
      ...(args.pinyin ? { pinyin: args.pinyin } : {}),
      ...(args.note ? { note: args.note } : {}),
      ...(args.domain ? { domain: args.domain } : {}),
    };
  }

  /** The ids already used in `target`, so a new entry's id is unique in its file. */
  idsIn(target: GlossaryTarget): Set<string> {
    return new Set(
      this.writableEntries()
        .filter((l) => l.target.uri.toString() === target.uri.toString())
        .map((l) => l.entry.id),
    );
  }

  async add(args: EntryArgs = {}): Promise<GlossaryEntry | undefined> {
    const title = vscode.l10n.t('Add Glossary Entry');
    const zh = args.zh ?? (await this.termAtCursor())?.text ?? '';
    const prefill = args.ask ? { ...args, en: args.en === undefined ? undefined : renderingsOf(args.en) } : {};
    const fields = (args.ask ? undefined : this.fromArgs(args)) ?? (await this.prompt(title, { ...prefill, zh }));
    if (!fields) return undefined;
    const target =
      this.targets.resolve(args.target) ??
      (await this.targets.pick(
        vscode.l10n.t('Save "{0}" in…', fields.zh),
        vscode.l10n.t('Hanzi Gloss: where to save the entry'),
      ));
    if (!target) return undefined;
    // The files' entries are known once the first load read them (a keybinding can come before any hover).
    await this.glossary.lexicon();
    const existing = this.writableEntries(fields.zh).find(
      (l) => l.target.uri.toString() === target.uri.toString() && l.entry.zh === fields.zh,
    );
    if (existing) {
      if (!args.target) {
        const replace = vscode.l10n.t('Replace');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('"{0}" is already in {1}. Replace that entry?', fields.zh, target.label),
          { modal: true },
          replace,
        );
        if (answer !== replace) return undefined;
      }
      const entry = { ...fields, id: existing.entry.id };
      await this.glossary.write(target, (text) =>
        replaceEntryEdits(text, existing.entry.id, entry, LABELS.glossary.edit),
      );
      tell(vscode.l10n.t('Replaced {0} in {1}.', entry.zh, fileLabel(target.uri)));
      return entry;
    }
    const entry: GlossaryEntry = { id: idFor(fields, this.idsIn(target)), ...fields };
    await this.glossary.write(target, (text) =>
      addEntryEdits(
        text,
        entry,
        target.layer === 'user' ? vscode.l10n.t('My glossary') : vscode.l10n.t('Workspace glossary'),
        LABELS.glossary.edit,
      ),
    );
    tell(vscode.l10n.t('Added {0} to {1}.', entry.zh, fileLabel(target.uri)));
    return entry;
  }

  /**
   * Adds `rendering` to the approved renderings of `zh` in the workspace glossary (a QA quick fix):
   * to its entry there, or to a new entry overriding the one the reader shows now, whose reading,
   * renderings, note, domain, category and forbidden renderings it copies, so that nothing the
   * curated entry says is lost. A rendering on the forbidden list is taken off it. The message saying
   * so has an Undo button (undoApproval).
   */
  async approveRendering(args: ApprovalArgs = {}): Promise<GlossaryEntry | undefined> {
    const zh = args.zh?.trim();
    const rendering = args.rendering?.trim();
    if (!zh || !rendering || !containsHan(zh)) return undefined;
    const target = this.targets.resolve('workspace');
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep a workspace glossary.'));
      return undefined;
    }
    const lexicon = await this.glossary.lexicon();
    const existing = this.writableEntries(zh).find(
      (l) => l.target.uri.toString() === target.uri.toString() && l.entry.zh === zh,
    );
    const base: Omit<GlossaryEntry, 'id'> | undefined =
      existing?.entry ?? lexicon.lookup(zh).find((e) => e.source.layer !== 'cedict') ?? lexicon.lookup(zh)[0];
    const same = (a: string) => a.toLowerCase() === rendering.toLowerCase();
    const forbidden = (base?.forbidden ?? []).filter((f) => !same(f));
    const fields: Omit<GlossaryEntry, 'id'> = {
      zh,
      ...(base?.pinyin ? { pinyin: base.pinyin } : {}),
      en: [...(base?.en ?? []).filter((e) => !same(e)), rendering],
      ...(forbidden.length > 0 ? { forbidden } : {}),
      ...(base?.domain ? { domain: base.domain } : {}),
      ...(base?.category ? { category: base.category } : {}),
      ...(base?.note ? { note: base.note } : {}),
    };
    if (existing) {
      const entry: GlossaryEntry = { ...existing.entry, ...fields, id: existing.entry.id };
      await this.glossary.write(target, (text) =>
        replaceEntryEdits(text, existing.entry.id, entry, LABELS.glossary.edit),
      );
      this.approved(zh, rendering, { target, written: entry, previous: existing.entry });
      return entry;
    }
    const entry: GlossaryEntry = { id: idFor(fields, this.idsIn(target)), ...fields };
    await this.glossary.write(target, (text) =>
      addEntryEdits(text, entry, vscode.l10n.t('Workspace glossary'), LABELS.glossary.edit),
    );
    this.approved(zh, rendering, { target, written: entry });
    return entry;
  }

  /** Keeps what an approval wrote and says so, with an Undo button (through the undo command). */
  private approved(zh: string, rendering: string, approval: Approval): void {
    this.approvals.set(approvalKey(zh, rendering), approval);
    const undo = vscode.l10n.t('Undo');
    const message = vscode.l10n.t(
      '"{0}" is now an approved rendering of {1} in {2}.',
      rendering,
      zh,
      fileLabel(approval.target.uri),
    );
    void vscode.window.showInformationMessage(message, undo).then((choice) => {
      if (choice !== undo) return;
      // A failure is shown by the command itself (registerCommand).
      void vscode.commands
        .executeCommand(Commands.undoApproveRendering, { zh, rendering })
        .then(undefined, () => undefined);
    });
  }

  /**
   * Undoes the approval of `rendering` for `zh`: the workspace glossary's entry goes back to what it
   * was (or away, if the approval made it), the rest of the file as it is now. Refused, with a
   * message, when the entry has changed since (an edit of the user's is never overwritten).
   * Returns whether it was undone.
   */
  async undoApproval(args: ApprovalArgs = {}): Promise<boolean> {
    const zh = args.zh?.trim();
    const rendering = args.rendering?.trim();
    const approval = zh && rendering ? this.approvals.get(approvalKey(zh, rendering)) : undefined;
    if (!zh || !rendering || !approval) return false;
    this.approvals.delete(approvalKey(zh, rendering));
    const { target, written, previous } = approval;
    await this.glossary.lexicon();
    const now = this.writableEntries(written.zh).find(
      (l) => l.target.uri.toString() === target.uri.toString() && l.entry.id === written.id,
    );
    if (!now || !sameEntry(now.entry, written)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} has changed in {1} since "{2}" was approved; not undone.',
          zh,
          fileLabel(target.uri),
          rendering,
        ),
      );
      return false;
    }
    await this.glossary.write(target, (text) =>
      previous
        ? replaceEntryEdits(text, written.id, previous, LABELS.glossary.edit)
        : removeEntryEdits(text, written.id, LABELS.glossary.edit),
    );
    tell(
      vscode.l10n.t('"{0}" is no longer an approved rendering of {1} in {2}.', rendering, zh, fileLabel(target.uri)),
    );
    return true;
  }

  /**
   * The entry to edit or remove: by id, else among the entries of the term given or under the
   * cursor (no question when there is one). Without such entries, `orAll` offers every writable
   * entry: always for remove, for edit only when no term is at the cursor (editing a term of
   * another layer makes an overriding entry instead).
   */
  private async pickEntry(
    args: EntryArgs,
    placeHolder: string,
    orAll: 'always' | 'without-term',
  ): Promise<Located | undefined> {
    await this.glossary.lexicon(); // the files' entries are known once the first load read them
    const target = this.targets.resolve(args.target);
    const inTarget = (l: Located) => !target || l.target.uri.toString() === target.uri.toString();
    if (args.id) {
      return this.writableEntries(...(args.zh ? [args.zh] : []))
        .filter(inTarget)
        .find((l) => l.entry.id === args.id);
    }
    const here = args.zh ? { text: args.zh, simplified: args.zh } : await this.termAtCursor();
    const forTerm = here ? this.writableEntries(here.text, here.simplified).filter(inTarget) : [];
    if (forTerm.length === 1) return forTerm[0];
    // From the hover the term is known: only its own entries are offered.
    const offerAll = forTerm.length === 0 && !args.zh && (orAll === 'always' || !here);
    const candidates = offerAll ? this.writableEntries().filter(inTarget) : forTerm;
    if (candidates.length === 0) return undefined;
    const picked = await vscode.window.showQuickPick(
      candidates.map((l) => ({
        label: l.entry.zh,
        description: `${l.entry.pinyin ?? ''} — ${l.entry.en.join('; ')}`,
        detail: l.target.label,
        located: l,
      })),
      { placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true },
    );
    return picked?.located;
  }

  async edit(args: EntryArgs = {}): Promise<GlossaryEntry | undefined> {
    const located = await this.pickEntry(args, vscode.l10n.t('Entry to edit'), 'without-term');
    const title = vscode.l10n.t('Edit Glossary Entry');
    if (!located) {
      // Nothing writable for this term: editing makes an overriding entry, prefilled from what the reader sees now.
      const term = args.zh ?? (args.id ? undefined : (await this.termAtCursor())?.simplified);
      if (!term) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('No entries in your glossaries yet. Use "Add Glossary Entry" first.'),
        );
        return undefined;
      }
      if (args.en) return this.add({ ...args, zh: term });
      const shown: SourcedEntry | undefined = (await this.glossary.lexicon()).lookup(term)[0];
      const fields = await this.prompt(title, {
        zh: term,
        pinyin: shown?.pinyin,
        en: shown?.en,
        note: shown?.note,
        domain: shown?.domain,
      });
      return fields ? this.add({ ...fields, target: args.target }) : undefined;
    }
    const updates = this.fromArgs({
      zh: located.entry.zh,
      pinyin: located.entry.pinyin,
      note: located.entry.note,
      domain: located.entry.domain,
      ...args,
      en: args.en ?? located.entry.en,
    });
    const fields = args.en ? updates : await this.prompt(title, located.entry);
    if (!fields) return undefined;
    const entry: GlossaryEntry = { ...located.entry, ...fields, id: located.entry.id };
    await this.glossary.write(located.target, (text) =>
      replaceEntryEdits(text, located.entry.id, entry, LABELS.glossary.edit),
    );
    tell(vscode.l10n.t('Updated {0} in {1}.', entry.zh, fileLabel(located.target.uri)));
    return entry;
  }

  async remove(args: EntryArgs = {}): Promise<GlossaryEntry | undefined> {
    const located = await this.pickEntry(args, vscode.l10n.t('Entry to remove'), 'always');
    if (!located) {
      if (!args.id)
        void vscode.window.showInformationMessage(vscode.l10n.t('No entries in your glossaries to remove.'));
      return undefined;
    }
    if (!args.id) {
      const remove = vscode.l10n.t('Remove');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Remove "{0}" ({1}) from {2}?',
          located.entry.zh,
          located.entry.en.join('; '),
          located.target.label,
        ),
        { modal: true },
        remove,
      );
      if (answer !== remove) return undefined;
    }
    await this.glossary.write(located.target, (text) => removeEntryEdits(text, located.entry.id, LABELS.glossary.edit));
    tell(vscode.l10n.t('Removed {0} from {1}.', located.entry.zh, fileLabel(located.target.uri)));
    return located.entry;
  }
}

export function registerEntryCommands(entries: EntryCommands): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(Commands.addEntry, (args?: EntryArgs) => entries.add(args)),
    registerCommand(Commands.editEntry, (args?: EntryArgs) => entries.edit(args)),
    registerCommand(Commands.approveRendering, (args?: ApprovalArgs) => entries.approveRendering(args)),
    registerCommand(Commands.undoApproveRendering, (args?: ApprovalArgs) => entries.undoApproval(args)),
    registerCommand(Commands.removeEntry, (args?: EntryArgs) => entries.remove(args)),
  );
}
