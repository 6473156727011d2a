/**
 * Keys for reading term by term: Next / Previous Term move the cursor to the start of the next or
 * previous glossary term of the reading (or, with `hanziGloss.keys.stopAt: "words"`, of any word:
 * every Han character belongs to some dictionary word, so stopping at all of them is a slower walk
 * most readers do not want by default), wrapping at the ends of the document; Show Gloss at Cursor
 * opens the hover there from the keyboard.
 *
 * Lines are read with the core reader (the words the scan and the hover see); the document scans'
 * per-line counts let the walk skip lines known to hold no term without reading them, and the walk
 * runs a time slice at a time, so stepping across a 20 MB file never blocks the extension host.
 */
import * as vscode from 'vscode';
import { lineWords, wordAfter, type WordKind } from '../../core/document/readingWords';
import type { Lexicon } from '../../core/lexicon/lexicon';
import { readConfig } from '../services/config';
import type { DocumentScans } from '../services/documentScans';
import type { GlossaryService } from '../services/glossaryService';
import { Commands } from '../services/ids';
import { registerCommand } from '../services/registerCommand';
import type { TaskTimer } from '../services/taskTimer';
import { TimeSlicer } from '../services/timeSlices';

/** Where a step landed: the word's range, and whether the walk went past an end of the document. */
export interface TermStep {
  readonly range: vscode.Range;
  readonly wrapped: boolean;
}

export class TermKeys {
  private readonly slices: TimeSlicer;

  constructor(
    private readonly glossary: Pick<GlossaryService, 'lexicon'>,
    private readonly scans: Pick<DocumentScans, 'lineCounts'>,
    timer: TaskTimer,
  ) {
    this.slices = new TimeSlicer(timer);
  }

  /**
   * The next (or previous) word of the kind from `from`, going round the document once; undefined
   * when the document has none.
   */
  async find(
    document: vscode.TextDocument,
    from: vscode.Position,
    forward: boolean,
    kind: WordKind,
  ): Promise<TermStep | undefined> {
    const lexicon = await this.glossary.lexicon();
    const lines = document.lineCount;
    // Lines visited in order: the cursor's line (after or before the cursor), then the others
    // round the document, then the cursor's line again from its other end.
    let visited = 0;
    let found: TermStep | undefined;
    const done = await this.slices.run(forward ? 'next term' : 'previous term', (expired) => {
      for (; visited <= lines; visited++) {
        const line = (from.line + (forward ? visited : lines - visited)) % lines;
        const wrapped = forward ? from.line + visited >= lines || visited === lines : visited > from.line;
        const after = visited === 0 ? from.character : visited === lines ? (forward ? -1 : Infinity) : undefined;
        const hit = this.inLine(document, line, after, forward, kind, lexicon);
        if (hit) {
          found = { range: new vscode.Range(line, hit[0], line, hit[1]), wrapped };
          return true;
        }
        if (expired()) {
          visited++;
          return false;
        }
      }
      return true;
    });
    return done ? found : undefined;
  }

  /** The word of `line` next after (or before) column `after` (a whole line when undefined). */
  private inLine(
    document: vscode.TextDocument,
    line: number,
    after: number | undefined,
    forward: boolean,
    kind: WordKind,
    lexicon: Lexicon,
  ): [number, number] | undefined {
    const counts = this.scans.lineCounts(document, line);
    if (counts && (kind === 'terms' ? counts.terms : counts.passages) === 0) return undefined;
    const bounds = lineWords(document.lineAt(line).text, lexicon, kind);
    const k = wordAfter(bounds, after ?? (forward ? -1 : Infinity), forward);
    return k < 0 ? undefined : [bounds[k], bounds[k + 1]];
  }

  /** Moves the editor's cursor to the next (or previous) word and reveals it. */
  async step(editor: vscode.TextEditor, forward: boolean): Promise<TermStep | undefined> {
    const kind = readConfig(editor.document).stopAt;
    const found = await this.find(editor.document, editor.selection.active, forward, kind);
    if (!found) {
      const none =
        kind === 'terms'
          ? vscode.l10n.t('No glossary terms in this document')
          : vscode.l10n.t('No Chinese words in this document');
      vscode.window.setStatusBarMessage(`$(book) ${none}`, 4000);
      return undefined;
    }
    const start = found.range.start;
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(found.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (found.wrapped) {
      const message = forward
        ? vscode.l10n.t('Hanzi Gloss: reached the end of the document, continued from the start')
        : vscode.l10n.t('Hanzi Gloss: reached the start of the document, continued from the end');
      vscode.window.setStatusBarMessage(`$(book) ${message}`, 4000);
    }
    return found;
  }
}

export function registerTermKeys(keys: TermKeys): vscode.Disposable {
  const withEditor = (forward: boolean) => async () => {
    const editor = vscode.window.activeTextEditor;
    return editor ? keys.step(editor, forward) : undefined;
  };
  return vscode.Disposable.from(
    registerCommand(Commands.nextTerm, withEditor(true)),
    registerCommand(Commands.previousTerm, withEditor(false)),
    // VS Code's own hover at the cursor: the glossary hover is one of its providers.
    registerCommand(Commands.showGlossAtCursor, () => vscode.commands.executeCommand('editor.action.showHover')),
  );
}
