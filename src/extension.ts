/** Activation only wires services and features together; nothing heavy loads here. */
import * as vscode from 'vscode';
import { registerCommands } from './vscode/services/registerCommand';
import { DocumentScans } from './vscode/services/documentScans';
import { EntryCommands } from './vscode/features/entries';
import { ExchangeCommands } from './vscode/features/exchange';
import { GlossaryService } from './vscode/services/glossaryService';
import { registerHover } from './vscode/features/hover';
import { QaDiagnostics } from './vscode/features/qa';
import { SidecarNotes } from './vscode/features/sidecarNotes';
import { registerStatusBar } from './vscode/features/statusBar';
import { TaskTimer } from './vscode/services/taskTimer';

/** What activate() returns: a small API used by the extension-host tests and other extensions. */
export interface HanziGlossApi {
  readonly glossary: GlossaryService;
  readonly scans: DocumentScans;
  /** Milliseconds spent in activate(). */
  readonly activationMs: number;
  /** The longest synchronous piece of work so far, by feature. */
  readonly tasks: TaskTimer;
  readonly qa: QaDiagnostics;
  readonly notes: SidecarNotes;
}

export function activate(context: vscode.ExtensionContext): HanziGlossApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Hanzi Gloss', { log: true });
  const glossary = new GlossaryService(context, log);
  const tasks = new TaskTimer();
  const scans = new DocumentScans(glossary, tasks);
  const entries = new EntryCommands(glossary);
  const qa = new QaDiagnostics(glossary, tasks);
  const notes = new SidecarNotes(glossary);
  qa.sidecarNotes = (document) => notes.anchored(document);
  notes.onDidUpdate((uri) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) qa.schedule(document);
  });
  const exchange = new ExchangeCommands(glossary, entries, scans);
  context.subscriptions.push(log, glossary, scans, registerHover(glossary, tasks), registerStatusBar(scans, glossary), registerCommands({ scans, entries, exchange, glossary, notes }), qa, notes);
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { glossary, scans, activationMs, tasks, qa, notes };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
