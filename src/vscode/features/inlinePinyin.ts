/**
 * Inline pinyin: each word of the reading (or each glossary term) gets its pinyin drawn after it,
 * in the visible lines of the visible editors only, redrawn after a scroll or an edit settles.
 *
 * Drawn as `after` decorations rather than inlay hints: a decoration takes a contributed theme
 * colour, a margin and a font style, so the pinyin reads as a quiet gloss beside the characters;
 * it is drawn for exactly the lines we give it; and the tone colours are decorations of the
 * characters themselves (an inlay hint has neither colours nor a way to colour the text it follows).
 * With tone colours on, the Han characters are coloured by the tone of their syllable (as
 * Zhongwen colours them), the pinyin beside them keeps one colour: an `after` attachment takes one
 * colour, and splitting a word's pinyin into one attachment per syllable would scatter it.
 *
 * Readings come from the core reader (readLineWords: the passage read once with the glossary's
 * verified readings), so they agree with the hover and the term list. Lines already read are kept
 * by their text, so scrolling back is free; the work runs a time slice at a time.
 */
import * as vscode from 'vscode';
import { readLineWords, type ReadWord, type WordKind } from '../../core/document/readingWords';
import type { ToneStyle } from '../../core/reading/pinyin';
import { affectsHanziGloss, languageEnabled, readConfig } from '../services/config';
import type { GlossaryService } from '../services/glossaryService';
import { Commands, SECTION, Settings } from '../services/ids';
import { registerCommand } from '../services/registerCommand';
import type { TaskTimer } from '../services/taskTimer';
import { TimeSlicer } from '../services/timeSlices';

/** Waits this long after a scroll (and longer after typing) so that a fling is drawn once. */
const SCROLL_DELAY_MS = 60;
const TYPING_DELAY_MS = 250;
/** Lines of read words kept by text: several screens, so scrolling back and forth reads nothing. */
const CACHE_LINES = 2000;
/** Only this many characters of a line are read: a megabyte-long line is drawn at its start. */
const LINE_WINDOW = 4000;
const TONES = [1, 2, 3, 4, 5] as const;

/** What is drawn in one editor, for the tests: the pinyin decorations and the tone-coloured characters. */
export interface DrawnPinyin {
  readonly pinyin: readonly { range: vscode.Range; text: string }[];
  readonly tones: ReadonlyMap<number, readonly vscode.Range[]>;
}

export class InlinePinyin implements vscode.Disposable {
  private readonly pinyinType = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('hanziGloss.inlinePinyinForeground'),
      margin: '0 0.35em 0 0.15em',
      fontStyle: 'italic',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly toneTypes = new Map(
    TONES.map((t) => [
      t,
      vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(`hanziGloss.tone${t}`) }),
    ]),
  );
  private readonly cache = new Map<string, ReadWord[]>();
  private cacheKey = '';
  private readonly slices: TimeSlicer;
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly drawn = new Map<vscode.TextEditor, DrawnPinyin>();
  /** Per editor, a number bumped on each redraw: an older draw still running stops. */
  private readonly generation = new Map<vscode.TextEditor, number>();
  private readonly finished = new vscode.EventEmitter<vscode.TextEditor>();
  /** Fires when an editor's pinyin has been drawn (or cleared) for its current visible ranges. */
  readonly onDidDraw = this.finished.event;

  constructor(
    private readonly glossary: Pick<GlossaryService, 'lexicon' | 'onDidChange'>,
    timer: TaskTimer,
  ) {
    this.slices = new TimeSlicer(timer);
  }

  /** Redraws everything after a glossary change (a new entry's reading shows at once). */
  glossaryChanged(): vscode.Disposable {
    return this.glossary.onDidChange(() => this.redrawAll());
  }

  /** What is drawn in `editor` now (empty when nothing is). */
  drawnIn(editor: vscode.TextEditor): DrawnPinyin {
    return this.drawn.get(editor) ?? { pinyin: [], tones: new Map() };
  }

  schedule(editor: vscode.TextEditor, delay = SCROLL_DELAY_MS): void {
    clearTimeout(this.timers.get(editor));
    this.timers.set(
      editor,
      setTimeout(() => {
        this.timers.delete(editor);
        void this.draw(editor);
      }, delay),
    );
  }

  scheduleDocument(document: vscode.TextDocument): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document === document) this.schedule(e, TYPING_DELAY_MS);
  }

  redrawAll(): void {
    this.cache.clear();
    for (const e of vscode.window.visibleTextEditors) this.schedule(e, 0);
  }

  /** Draws (or clears) the pinyin of the editor's visible lines. */
  async draw(editor: vscode.TextEditor): Promise<void> {
    const generation = (this.generation.get(editor) ?? 0) + 1;
    this.generation.set(editor, generation);
    const config = readConfig(editor.document);
    const kind = config.inlinePinyin;
    if (kind === 'off' || !languageEnabled(config, editor.document.languageId)) {
      // Nothing to clear (the usual case, on every scroll): no work at all.
      if (this.drawn.has(editor)) this.apply(editor, { pinyin: [], tones: new Map() }, false);
      return;
    }
    const lexicon = await this.glossary.lexicon();
    const style = config.toneStyle;
    this.useCache(`${kind} ${style}`, lexicon);
    const lines = visibleLines(editor);
    const stale = () => this.generation.get(editor) !== generation || editor.document.isClosed;
    const pinyin: { range: vscode.Range; text: string }[] = [];
    const tones = new Map<number, vscode.Range[]>(TONES.map((t) => [t, []]));
    let k = 0;
    const done = await this.slices.run(
      'inline pinyin slice',
      (expired) => {
        for (; k < lines.length; k++) {
          const line = lines[k];
          for (const w of this.wordsOf(editor.document.lineAt(line).text, kind, style, lexicon)) {
            pinyin.push({ range: new vscode.Range(line, w.start, line, w.end), text: w.reading });
            for (const t of w.tones) tones.get(t.tone)?.push(new vscode.Range(line, t.start, line, t.end));
          }
          if (expired()) return ++k >= lines.length;
        }
        return true;
      },
      stale,
    );
    if (!done || stale()) return;
    this.apply(editor, { pinyin, tones }, config.toneColors);
  }

  private useCache(key: string, lexicon: unknown): void {
    // A new lexicon (a glossary edit) or another grouping or tone style reads everything again.
    if (this.cacheKey !== key || this.cachedLexicon !== lexicon) this.cache.clear();
    this.cacheKey = key;
    this.cachedLexicon = lexicon;
  }

  private cachedLexicon: unknown;

  private wordsOf(
    text: string,
    kind: WordKind,
    style: ToneStyle,
    lexicon: Awaited<ReturnType<GlossaryService['lexicon']>>,
  ): ReadWord[] {
    const line = text.length > LINE_WINDOW ? cutAt(text, LINE_WINDOW) : text;
    let words = this.cache.get(line);
    if (words === undefined) {
      words = /[\u2e80-\u9fff\uf900-\ufaff\ud840-\ud8bf]/.test(line) ? readLineWords(line, lexicon, kind, style) : [];
      if (this.cache.size >= CACHE_LINES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(line, words);
    }
    return words;
  }

  private apply(editor: vscode.TextEditor, drawn: DrawnPinyin, toneColors: boolean): void {
    editor.setDecorations(
      this.pinyinType,
      drawn.pinyin.map((p) => ({ range: p.range, renderOptions: { after: { contentText: p.text } } })),
    );
    for (const [tone, type] of this.toneTypes)
      editor.setDecorations(type, toneColors ? (drawn.tones.get(tone) ?? []) : []);
    const shown = toneColors ? drawn : { pinyin: drawn.pinyin, tones: new Map<number, vscode.Range[]>() };
    if (drawn.pinyin.length === 0) this.drawn.delete(editor);
    else this.drawn.set(editor, shown);
    this.finished.fire(editor);
  }

  forget(editor: vscode.TextEditor): void {
    clearTimeout(this.timers.get(editor));
    this.timers.delete(editor);
    this.drawn.delete(editor);
    this.generation.delete(editor);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.pinyinType.dispose();
    for (const t of this.toneTypes.values()) t.dispose();
    this.finished.dispose();
  }
}

/** The line numbers of the editor's visible ranges, each once, in order. */
function visibleLines(editor: vscode.TextEditor): number[] {
  const lines = new Set<number>();
  for (const r of editor.visibleRanges) for (let l = r.start.line; l <= r.end.line; l++) lines.add(l);
  return [...lines].filter((l) => l < editor.document.lineCount).sort((a, b) => a - b);
}

/** text[0, n), one unit short if that would split a surrogate pair. */
function cutAt(text: string, n: number): string {
  const c = text.charCodeAt(n - 1);
  return text.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

export function registerInlinePinyin(pinyin: InlinePinyin): vscode.Disposable {
  let lastOn: WordKind = 'terms';
  for (const e of vscode.window.visibleTextEditors) pinyin.schedule(e, 0);
  return vscode.Disposable.from(
    pinyin,
    registerCommand(Commands.toggleInlinePinyin, async () => {
      const config = vscode.workspace.getConfiguration(SECTION);
      const current = readConfig(vscode.window.activeTextEditor?.document).inlinePinyin;
      if (current !== 'off') lastOn = current;
      // The user's setting, where a person toggling a view option expects it (like the minimap's).
      await config.update(Settings.inlinePinyin, current === 'off' ? lastOn : 'off', vscode.ConfigurationTarget.Global);
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => pinyin.schedule(e.textEditor)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => pinyin.schedule(e, 0))),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) pinyin.scheduleDocument(e.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsHanziGloss(e)) pinyin.redrawAll();
    }),
    pinyin.glossaryChanged(),
  );
}
