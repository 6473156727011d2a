/** Command table: id → handler, registered in one loop. Handlers report failures to the user. */
import * as vscode from 'vscode';
import { annotatePassage, type AnnotateArgs } from '../features/annotate';
import type { DocumentScans } from './documentScans';
import { exportBilingual } from '../features/exportBilingual';
import type { GlossaryService } from './glossaryService';
import type { NoteArgs, SidecarNotes } from '../features/sidecarNotes';
import type { EntryArgs, EntryCommands } from '../features/entries';
import type { ExchangeCommands, ExportArgs, ImportArgs } from '../features/exchange';
import { Commands, type CommandId } from './ids';
import { showTermsInDocument } from '../features/showTerms';

export interface CommandServices {
  readonly scans: DocumentScans;
  readonly entries: EntryCommands;
  readonly exchange: ExchangeCommands;
  readonly glossary: GlossaryService;
  readonly notes: SidecarNotes;
}

export function commandTable(s: CommandServices): Record<CommandId, (...args: unknown[]) => unknown> {
  return {
    [Commands.showTerms]: () => showTermsInDocument(s.scans),
    [Commands.addEntry]: (args?: unknown) => s.entries.add(args as EntryArgs | undefined),
    [Commands.editEntry]: (args?: unknown) => s.entries.edit(args as EntryArgs | undefined),
    [Commands.removeEntry]: (args?: unknown) => s.entries.remove(args as EntryArgs | undefined),
    [Commands.importGlossary]: (args?: unknown) => s.exchange.importGlossary(args as ImportArgs | undefined),
    [Commands.exportGlossary]: (args?: unknown) => s.exchange.exportGlossary(args as ExportArgs | undefined),
    [Commands.exportAnki]: (args?: unknown) => s.exchange.exportAnki(args as { file?: string } | undefined),
    [Commands.annotatePassage]: (args?: unknown) => annotatePassage(s.glossary, args as AnnotateArgs | undefined),
    [Commands.exportBilingual]: (args?: unknown) =>
      exportBilingual(s.glossary, s.notes, args as { file?: string } | undefined),
    [Commands.addNote]: (args?: unknown) => s.notes.add(args as NoteArgs | undefined),
    [Commands.editNote]: (args?: unknown) => s.notes.edit(args as NoteArgs | undefined),
    [Commands.removeNote]: (args?: unknown) => s.notes.remove(args as NoteArgs | undefined),
    [Commands.noteToInline]: (args?: unknown) => s.notes.toInline(args as NoteArgs | undefined),
    [Commands.inlineToNote]: (args?: unknown) => s.notes.toSidecar(args as NoteArgs | undefined),
  };
}

/** Wraps a handler so an error becomes a message to the user (and still rejects for callers). */
function reporting(id: string, handler: (...args: unknown[]) => unknown) {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(vscode.l10n.t('Hanzi Gloss: {0}', reason));
      throw new Error(`${id}: ${reason}`);
    }
  };
}

export function registerCommands(services: CommandServices): vscode.Disposable {
  const table = commandTable(services);
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, reporting(id, handler))),
  );
}
