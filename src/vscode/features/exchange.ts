/** Import and export of glossaries (JSON, OmegaT TSV, CSV, TBX, CC-CEDICT lines) and Anki export. */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { parseGlossaryFile } from '../../core/glossary/load';
import type { Glossary, GlossaryEntry } from '../../core/glossary/entry';
import { idFor } from '../../core/glossary/formats/common';
import type * as Formats from '../../core/glossary/formats';
import { addEntryEdits, applyTextEdits } from '../../core/glossary/jsonEdit';
import { decodeUtf8 } from '../../core/text/text';
import { LABELS } from '../services/userLabels';
import { withExtension } from '../../core/text/fileName';
import { ankiNotes } from '../../core/document/anki';
import { readConfig } from '../services/config';
import type { DocumentScans } from '../services/documentScans';
import type { EntryCommands } from './entries';
import type { GlossaryService } from '../services/glossaryService';
import { writeAtomically } from '../services/fileWriter';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

/** The exchange formats (CSV and XML parsers included) load on first import or export, not at activation. */
function formats(): typeof Formats {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../core/glossary/formats') as typeof Formats;
}

function filters(): Record<string, string[]> {
  return Object.fromEntries(formats().FORMATS.map((f) => [f.label, f.extensions.map((e) => e.slice(1))]));
}

export interface ImportArgs {
  readonly file?: string;
  readonly target?: string;
}

export interface ExportArgs {
  /** "workspace", "user", "curated", or a glossary file URI string. */
  readonly source?: string;
  readonly file?: string;
}

export class ExchangeCommands {
  constructor(
    private readonly glossary: GlossaryService,
    private readonly entries: EntryCommands,
    private readonly scans: DocumentScans,
  ) {}

  async importGlossary(args: ImportArgs = {}): Promise<number | undefined> {
    const file = args.file
      ? vscode.Uri.file(args.file)
      : (
          await vscode.window.showOpenDialog({
            canSelectMany: false,
            filters: filters(),
            title: vscode.l10n.t('Import Glossary'),
          })
        )?.[0];
    if (!file) return undefined;
    const format = formats().formatForPath(file.path);
    if (!format)
      throw new Error(vscode.l10n.t('{0}: unknown glossary format (use .json .tsv .csv .tbx or .u8)', file.fsPath));
    const target = args.target
      ? this.entries.targets.resolve(args.target)
      : await this.entries.targets.pick(vscode.l10n.t('Import into…'));
    if (!target) return undefined;
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Importing {0}', vscode.workspace.asRelativePath(file)),
        cancellable: true,
      },
      async (progress, token) => {
        // The same reading and content checks as `hanzi-gloss validate` (tone numbers become marks).
        const input = decodeUtf8(await vscode.workspace.fs.readFile(file), file.fsPath, LABELS.glossary.text);
        const { glossary, problems } = parseGlossaryFile(input, file.fsPath, { labels: LABELS.glossary });
        if (problems.length > 0) {
          const more = problems.length > 1 ? vscode.l10n.t(' (and {0} more)', problems.length - 1) : '';
          throw new Error(problems[0].message + more);
        }
        progress.report({ message: vscode.l10n.t('{0} entries', glossary.entries.length) });
        await this.glossary.lexicon(); // the file's ids are known once the first load read it
        const taken = this.entries.idsIn(target);
        if (token.isCancellationRequested) return undefined;
        await this.glossary.write(target, (before) => {
          let after = before;
          for (const e of glossary.entries) {
            const entry: GlossaryEntry = { ...e, id: taken.has(e.id) ? idFor(e, taken) : (taken.add(e.id), e.id) };
            after = applyTextEdits(after, addEntryEdits(after, entry, glossary.name, LABELS.glossary.edit));
          }
          return [{ offset: 0, length: before.length, content: after }];
        });
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Imported {0} entries into {1}.', glossary.entries.length, target.label),
        );
        return glossary.entries.length;
      },
    );
  }

  /** The glossaries a user can export: each user/workspace file, and the curated glossaries. */
  private async sources(): Promise<{ label: string; id: string; glossary: Glossary }[]> {
    await this.glossary.lexicon(); // the first load also reads the user and workspace files
    const out = this.glossary.editableFiles
      .filter((f) => f.good)
      .map((f) => ({
        label: vscode.workspace.asRelativePath(f.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
        id: f.uri.toString(),
        glossary: f.good!.glossary,
        layer: f.layer,
      }));
    const curated = this.glossary.curatedGlossaries();
    return [
      ...out,
      {
        label: vscode.l10n.t('Curated glossary (all domains)'),
        id: 'curated',
        glossary: {
          name: 'Hanzi Gloss curated',
          entries: curated.flatMap((g) =>
            g.glossary.entries.map((e) => ({ ...e, domain: e.domain ?? g.glossary.domain })),
          ),
        },
      },
    ];
  }

  async exportGlossary(args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
    const sources = await this.sources();
    const chosen = args.source
      ? sources.find(
          (s) =>
            s.id === args.source || (args.source === 'user' && s.id === this.glossary.userGlossaryUri().toString()),
        )
      : (
          await vscode.window.showQuickPick(
            sources.map((s) => ({
              label: s.label,
              description: vscode.l10n.t('{0} entries', s.glossary.entries.length),
              source: s,
            })),
            { placeHolder: vscode.l10n.t('Glossary to export') },
          )
        )?.source;
    if (!chosen) return undefined;
    const file = args.file ? vscode.Uri.file(args.file) : await this.askExportFile(chosen.glossary.name);
    if (!file) return undefined;
    const format = formats().formatForPath(file.path);
    if (!format)
      throw new Error(vscode.l10n.t('{0}: unknown glossary format (use .json .tsv .csv .tbx or .u8)', file.fsPath));
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Exporting {0} entries', chosen.glossary.entries.length),
      },
      () => writeAtomically(file, format.serialize(chosen.glossary)),
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Exported {0} entries to {1}.', chosen.glossary.entries.length, file.fsPath),
    );
    // What the format could not hold, one clause per kind ("OmegaT TSV cannot hold aliases: dropped in 3 entries").
    const lost = format.fit(chosen.glossary).lost;
    if (lost.length > 0) void vscode.window.showWarningMessage(lost.join('; '));
    return file;
  }

  /**
   * The format first, then the save dialog, opened on a file named after the glossary in the
   * workspace folder with that format's extension, so that Enter saves it (without a name, the
   * dialog's Enter tried to save over the folder).
   */
  private async askExportFile(glossaryName: string): Promise<vscode.Uri | undefined> {
    const format = (
      await vscode.window.showQuickPick(
        formats().FORMATS.map((f) => ({ label: f.label, description: f.extensions.join(' '), format: f })),
        { placeHolder: vscode.l10n.t('Export as…'), title: vscode.l10n.t('Export Glossary') },
      )
    )?.format;
    if (!format) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
    const slug = glossaryName
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-');
    const name = slug.replace(/^-+|-+$/g, '') || 'glossary';
    return vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, `${name}${format.extensions[0]}`),
      filters: { [format.label]: format.extensions.map((e) => e.slice(1)) },
      title: vscode.l10n.t('Export Glossary'),
    });
  }

  /** The document's terms as Anki "Basic" notes (core/document/anki). */
  async exportAnki(args: { file?: string } = {}): Promise<vscode.Uri | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document with Chinese text to list its terms.'));
      return undefined;
    }
    const terms = await this.scans.terms(editor.document, readConfig(editor.document).toneStyle);
    if (terms.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No glossary terms in this document.'));
      return undefined;
    }
    const file = args.file
      ? vscode.Uri.file(args.file)
      : await vscode.window.showSaveDialog({
          filters: { 'Anki TSV': ['tsv', 'txt'] },
          defaultUri: editor.document.uri.with({ path: withExtension(editor.document.uri.path, '.anki.tsv') }),
        });
    if (!file) return undefined;
    await writeAtomically(file, ankiNotes(terms));
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Exported {0} terms for Anki to {1}.', terms.length, file.fsPath),
    );
    return file;
  }
}

export function registerExchangeCommands(exchange: ExchangeCommands): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(Commands.importGlossary, (args?: ImportArgs) => exchange.importGlossary(args)),
    registerCommand(Commands.exportGlossary, (args?: ExportArgs) => exchange.exportGlossary(args)),
    registerCommand(Commands.exportAnki, (args?: { file?: string }) => exchange.exportAnki(args)),
  );
}
