/** Command table: id → handler, registered in one loop. */
import * as vscode from 'vscode';
import type { DocumentScans } from './documentScans';
import { Commands, type CommandId } from './ids';
import { showTermsInDocument } from './showTerms';

export interface CommandServices {
  readonly scans: DocumentScans;
}

export function commandTable(services: CommandServices): Record<CommandId, (...args: unknown[]) => unknown> {
  return {
    [Commands.showTerms]: () => showTermsInDocument(services.scans),
  };
}

export function registerCommands(services: CommandServices): vscode.Disposable {
  const table = commandTable(services);
  return vscode.Disposable.from(...Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler)));
}
