/** Activation only wires services and features together; nothing heavy loads here. */
import * as vscode from 'vscode';
import { DocumentScans } from './vscode/services/documentScans';
import { GlossaryService } from './vscode/services/glossaryService';
import { registerAnnotate } from './vscode/features/annotate';
import { EntryCommands, registerEntryCommands } from './vscode/features/entries';
import { ExchangeCommands, registerExchangeCommands } from './vscode/features/exchange';
import { registerExportBilingual } from './vscode/features/exportBilingual';
import { registerHover } from './vscode/features/hover';
import { QaDiagnostics, registerQa } from './vscode/features/qa';
import { registerShowTerms } from './vscode/features/showTerms';
import { registerSearchGlossary, SearchGlossary } from './vscode/features/search';
import { GlossarySearchService } from './vscode/services/glossarySearch';
import { registerSidecarNotes, SidecarNotes } from './vscode/features/sidecarNotes';
import { registerStatusBar } from './vscode/features/statusBar';
import { registerTermKeys, TermKeys } from './vscode/features/termKeys';
import { InlinePinyin, registerInlinePinyin } from './vscode/features/inlinePinyin';
import { registerTermsView, TermsView } from './vscode/features/termsView';
import { GlossariesView, registerGlossariesView } from './vscode/features/glossariesView';
import { AnnotationsView, registerAnnotationsView } from './vscode/features/annotationsView';
import { registerWalkthrough, Walkthrough } from './vscode/features/walkthrough';
import { ModelDrafts, registerModelDrafts } from './vscode/features/modelDrafts';
import { registerChatParticipant } from './vscode/features/chatParticipant';
import { ModelSources } from './vscode/services/modelSources';
import { TaskTimer } from './vscode/services/taskTimer';
import { InstallFailures } from './vscode/services/installFailures';
import { loadCedictLayer } from './core/lexicon/cedictAsset';
import { Lexicon } from './core/lexicon/lexicon';
import { simplifiedFoldTable } from './core/text/script';

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
  /** Failures of the installation shown to the user (once per broken file). */
  readonly failures: InstallFailures;
  /** Search Glossary… (its onDidShowResults) and the search it runs (its openMs). */
  readonly search: SearchGlossary;
  readonly searches: GlossarySearchService;
  /** Next / Previous Term. */
  readonly termKeys: TermKeys;
  /** Inline pinyin: what is drawn, and an event when a draw is done. */
  readonly inlinePinyin: InlinePinyin;
  /** The side bar's views: what each shows. */
  readonly views: {
    readonly terms: TermsView;
    readonly glossaries: GlossariesView;
    readonly annotations: AnnotationsView;
  };
  /** The walkthrough's sample and which of its steps are done. */
  readonly walkthrough: Walkthrough;
  /** Language-model drafts (their consent memory too). */
  readonly drafts: ModelDrafts;
  readonly testing: {
    /**
     * Hovers from now on see CC-CEDICT through the real asset loader over dist/cedict.bin whose
     * records read back damaged (the index stays good), as a corrupted file would; `false` undoes it.
     */
    damageDictionaryRecords(damaged: boolean): Promise<void>;
  };
}

export function activate(context: vscode.ExtensionContext): HanziGlossApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Hanzi Gloss', { log: true });
  const glossary = new GlossaryService(context, log);
  const tasks = new TaskTimer();
  const failures = new InstallFailures(context.extensionUri.fsPath, log, (m) => void vscode.window.showErrorMessage(m));
  let damagedLexicon: Lexicon | undefined;
  const hoverLexicon = { lexicon: () => (damagedLexicon ? Promise.resolve(damagedLexicon) : glossary.lexicon()) };
  const scans = new DocumentScans(glossary, tasks, failures);
  // Features that others use (and the tests see) are made here; each register… owns what it is given.
  const entries = new EntryCommands(glossary);
  const notes = new SidecarNotes(glossary);
  const qa = new QaDiagnostics(glossary, tasks, notes);
  const searches = new GlossarySearchService(context, glossary, log);
  const search = new SearchGlossary(searches, glossary, entries);
  const termKeys = new TermKeys(glossary, scans, tasks);
  const inlinePinyin = new InlinePinyin(glossary, tasks);
  const views = {
    terms: new TermsView(scans, glossary, tasks),
    glossaries: new GlossariesView(glossary, tasks),
    annotations: new AnnotationsView(qa, notes),
  };
  const walkthrough = new Walkthrough(context.extensionUri);
  const sources = new ModelSources(context.secrets);
  const drafts = new ModelDrafts(glossary, sources, notes, context.globalState, context.secrets);
  context.subscriptions.push(
    log,
    glossary,
    scans,
    // Before the glossary hover, as before: a note then shows below the term's hover.
    registerSidecarNotes(notes),
    registerHover(hoverLexicon, tasks, failures, () => walkthrough.done('hover')),
    registerStatusBar(scans, glossary),
    registerShowTerms(scans),
    registerSearchGlossary(search),
    registerEntryCommands(entries),
    registerExchangeCommands(new ExchangeCommands(glossary, entries, scans)),
    registerAnnotate(glossary),
    registerQa(qa),
    registerExportBilingual(glossary, notes),
    registerTermKeys(termKeys),
    registerInlinePinyin(inlinePinyin),
    registerTermsView(views.terms),
    registerGlossariesView(views.glossaries, glossary, entries),
    registerAnnotationsView(views.annotations),
    registerWalkthrough(walkthrough, context.globalStorageUri, qa),
    registerModelDrafts(drafts, sources),
    registerChatParticipant(glossary, drafts.consent),
  );
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  const testing = {
    async damageDictionaryRecords(damaged: boolean): Promise<void> {
      damagedLexicon = undefined;
      if (!damaged) return;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'cedict.bin'));
      let loaded = false;
      const source = {
        size: bytes.length,
        read: (offset: number, length: number) =>
          loaded ? new Uint8Array(length).fill(0xff) : bytes.subarray(offset, offset + length),
      };
      const cedict = loadCedictLayer(source);
      loaded = true;
      // The service composes CC-CEDICT as the last layer, after the glossaries.
      const layers = (await glossary.lexicon()).layers;
      damagedLexicon = new Lexicon([...layers.slice(0, -1), cedict], simplifiedFoldTable);
    },
  };
  return {
    glossary,
    scans,
    activationMs,
    tasks,
    qa,
    notes,
    failures,
    search,
    searches,
    termKeys,
    inlinePinyin,
    views,
    walkthrough,
    drafts,
    testing,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
