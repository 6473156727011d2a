/**
 * The "Get started with Hanzi Gloss" walkthrough's side: each step's button runs Open Sample with
 * the step's name, which opens the bundled die-casting sample (the order report that `npm start`
 * opens), puts the cursor where the step has something to show and runs the step's own command.
 *
 * Steps finish on context keys (`onContext:hanziGloss.walkthrough.<step>`) as well as on the
 * commands a person runs from the palette (`onCommand:`): a command that one extension command runs
 * through executeCommand stays in the extension host, where the walkthrough does not see it. The
 * hover step's key is set when a gloss is shown, the QA step's when a QA check finds fewer problems
 * than the one before (a fix), the others' when the step's button has run its command. VS Code
 * (1.100) ticks a step on a key that turns true while the walkthrough is registered; a key already
 * true when it registers is taken as seen and never ticks the step: so the keys are set only on
 * those actions, never at start-up.
 */
import * as vscode from 'vscode';
import type { QaDiagnostics } from './qa';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';

/** The walkthrough's id in package.json (`hanzi-gloss.hanzi-gloss#getStarted` for openWalkthrough). */
export const WALKTHROUGH_ID = 'getStarted';

/** The context key the walkthrough's step `name` waits for (`onContext:<key>` in package.json). */
export const stepKey = (name: string) => `hanziGloss.walkthrough.${name}`;

/** The sample as shipped in the VSIX (.vscodeignore keeps it): the fixture the UI tests and `npm start` use. */
const SAMPLE = ['test', 'fixtures', 'diecasting-orders.txt'] as const;

interface SampleStep {
  /** Where the cursor goes: the first occurrence of this text in the sample. */
  readonly at?: string;
  /** Whether that text is selected (the term of a new entry) rather than the cursor put before it. */
  readonly select?: boolean;
  /** What the step runs once the sample is open there. */
  readonly run: (editor: vscode.TextEditor) => Thenable<unknown>;
  /** Whether running it is the step done (not for the hover and QA steps: they wait for the user). */
  readonly doneOnRun?: boolean;
}

const run = (command: string) => () => vscode.commands.executeCommand(command);

/** The steps of the walkthrough that a button does on the sample, by the name its link passes. */
const STEPS: Readonly<Record<string, SampleStep>> = {
  hover: { at: '压铸', run: run(Commands.showGlossAtCursor) },
  addEntry: { at: '在宁波加工', select: true, run: run(Commands.addEntry), doneOnRun: true },
  annotate: { at: '布勒', run: run(Commands.annotatePassage), doneOnRun: true },
  qa: { run: showQaProblem },
  search: { run: run(Commands.searchGlossary), doneOnRun: true },
  // A second button of the search step: its key is the search step's.
  inlinePinyin: { run: run(Commands.toggleInlinePinyin), doneOnRun: true },
};

/** The names Open Sample takes, for the tests. */
export const SAMPLE_STEPS = Object.keys(STEPS);

/** The step whose key a sample step sets (the inline pinyin button belongs to the search step). */
const STEP_OF: Readonly<Record<string, string>> = { inlinePinyin: 'search' };

export class Walkthrough {
  private readonly keys = new Map<string, ReturnType<typeof contextKey>>();

  /** Marks the walkthrough's step `name` done (once; later calls cost nothing). */
  done(name: string): void {
    let key = this.keys.get(name);
    if (!key) this.keys.set(name, (key = contextKey(stepKey(name))));
    key.set();
  }

  /** Whether `done(name)` was called, for the QA watch to stop. */
  isDone(name: string): boolean {
    return this.keys.get(name)?.done ?? false;
  }

  constructor(private readonly extensionUri: vscode.Uri) {}

  /**
   * The user's copy of the sample, made from the shipped one the first time: the steps edit it (an
   * annotation, a fix), and the extension's own folder may be read-only and is replaced on update.
   * It lives in the extension's global storage, so what the user did there is kept between sessions.
   */
  async sampleUri(storage: vscode.Uri): Promise<vscode.Uri> {
    const copy = sampleCopy(storage);
    try {
      await vscode.workspace.fs.stat(copy);
    } catch {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(storage, 'sample'));
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(this.extensionUri, ...SAMPLE), copy);
    }
    return copy;
  }

  /** Opens the sample, then does the step `name` there (just opens it without a known name). */
  async openSample(storage: vscode.Uri, name?: string): Promise<vscode.TextEditor> {
    const step = name === undefined ? undefined : STEPS[name];
    if (name !== undefined && !step) throw new Error(vscode.l10n.t('No walkthrough step "{0}".', String(name)));
    const document = await vscode.workspace.openTextDocument(await this.sampleUri(storage));
    const editor = await vscode.window.showTextDocument(document);
    const at = step?.at === undefined ? -1 : document.getText().indexOf(step.at);
    if (step?.at !== undefined && at >= 0) {
      const start = document.positionAt(at);
      const end = step.select ? document.positionAt(at + step.at.length) : start;
      editor.selection = new vscode.Selection(start, end);
      editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    if (step) await step.run(editor);
    if (name !== undefined && step?.doneOnRun) this.done(STEP_OF[name] ?? name);
    return editor;
  }
}

/**
 * The QA step: the Problems panel, and when the sample has a Hanzi Gloss problem, the cursor on the
 * first one and its quick fixes offered (the step's text says how to make one: type a forbidden
 * rendering in an annotation).
 */
async function showQaProblem(editor: vscode.TextEditor): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const problem = qaProblems(editor.document.uri)[0];
  if (!problem) return;
  await vscode.window.showTextDocument(editor.document, { selection: problem.range });
  await vscode.commands.executeCommand('editor.action.quickFix');
}

function qaProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Hanzi Gloss');
}

/** Sets a walkthrough context key once; `done` after that, so later calls cost nothing. */
function contextKey(key: string): { set(): void; readonly done: boolean } {
  let done = false;
  return {
    set() {
      if (done) return;
      done = true;
      void vscode.commands.executeCommand('setContext', key, true);
    },
    get done() {
      return done;
    },
  };
}

/** Where the user's copy of the sample lives (made by `sampleUri`). */
function sampleCopy(storage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(storage, 'sample', SAMPLE[SAMPLE.length - 1]);
}

/**
 * Watches the QA checks of the sample until one finds fewer problems than the check before: the
 * step's fix. Only the sample's: the step is about the problem its button shows there, and a fix
 * elsewhere (another file's annotation) would tick it before the user has seen it.
 */
function watchQaFixes(
  walkthrough: Walkthrough,
  qa: Pick<QaDiagnostics, 'onDidCheck'>,
  storage: vscode.Uri,
): vscode.Disposable {
  const counts = new Map<string, number>();
  const sample = sampleCopy(storage).toString();
  const listener = qa.onDidCheck((uri) => {
    if (walkthrough.isDone('qa')) return;
    const key = uri.toString();
    if (key !== sample) return;
    const now = qaProblems(uri).length;
    const before = counts.get(key) ?? 0;
    counts.set(key, now);
    if (now < before) {
      walkthrough.done('qa');
      counts.clear();
      listener.dispose();
    }
  });
  return listener;
}

export function registerWalkthrough(
  walkthrough: Walkthrough,
  storage: vscode.Uri,
  qa: Pick<QaDiagnostics, 'onDidCheck'>,
): vscode.Disposable {
  return vscode.Disposable.from(
    // Nothing returned: the walkthrough runs the command from the workbench, where an editor does not travel.
    registerCommand(Commands.openSample, async (name?: string) => {
      await walkthrough.openSample(storage, name);
    }),
    watchQaFixes(walkthrough, qa, storage),
  );
}
