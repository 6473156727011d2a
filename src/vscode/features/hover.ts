/** Hover: the longest glossary term under the pointer, its pinyin, its English and where it came from. */
import * as vscode from 'vscode';
import { commandLink, renderHoverMarkdown } from '../../core/document/hoverMarkdown';
import { describePosition } from '../../core/document/scan';
import { buildTraditional } from '../../core/text/script';
import { loadPinyin } from '../../core/reading/pinyin';
import { Lexicon, type LexiconLayer } from '../../core/lexicon/lexicon';
import { CedictAssetError } from '../../core/lexicon/cedictAsset';
import type { InstallFailures } from '../services/installFailures';
import { languageEnabled, readConfig, type HanziGlossConfig } from '../services/config';
import type { TaskTimer } from '../services/taskTimer';
import { hostClock, TimeSlicer } from '../services/timeSlices';
import type { GlossaryService } from '../services/glossaryService';
import { hoverLabels } from '../services/hoverLabels';
import { Commands } from '../services/ids';

/** Han characters (and surrogates of the supplementary planes): a cheap test before any loading. */
const HAN = /[\u2e80-\u9fff\uf900-\ufaff\ud840-\ud8bf]/;

/** Around the pointer on a very long line, only this many characters each side are examined. */
const WINDOW = 400;

export class HanziHoverProvider implements vscode.HoverProvider {
  /** Layers whose records turned out damaged: later hovers do without them (the glossaries stay). */
  private readonly broken = new WeakSet<LexiconLayer>();
  private degraded: { from: Lexicon; to: Lexicon } | undefined;

  constructor(
    private readonly glossary: Pick<GlossaryService, 'lexicon'>,
    private readonly tasks: TaskTimer,
    private readonly failures: InstallFailures,
    private readonly shown: () => void = () => undefined,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const config = readConfig(document);
    if (!config.hoverEnabled || !languageEnabled(config, document.languageId)) return undefined;
    const line = document.lineAt(position.line).text;
    // Cheap rejection before any loading: most hovers are over code or English.
    if (!HAN.test(line)) return undefined;
    const lexicon = await this.glossary.lexicon();
    if (token.isCancellationRequested) return undefined;
    try {
      return this.tasks.measure('hover', () => this.render(line, position, this.usable(lexicon), config));
    } catch (e) {
      if (!this.failures.report(e)) throw e;
      if (!(e instanceof CedictAssetError)) return undefined; // a missing vendor file: no hover
      this.dropBrokenLayers(lexicon, line, position, config);
      return this.tasks.measure('hover', () => this.render(line, position, this.usable(lexicon), config));
    }
  }

  /** The lexicon without the layers known to be damaged (the same object while none is). */
  private usable(lexicon: Lexicon): Lexicon {
    if (!lexicon.layers.some((l) => this.broken.has(l))) return lexicon;
    if (this.degraded?.from !== lexicon) {
      this.degraded = { from: lexicon, to: lexicon.withLayers((l) => !this.broken.has(l)) };
    }
    return this.degraded.to;
  }

  /** Finds which layers fail on this hover's text by trying each alone (rare: only after a failure). */
  private dropBrokenLayers(lexicon: Lexicon, line: string, position: vscode.Position, config: HanziGlossConfig): void {
    for (const layer of lexicon.layers) {
      if (this.broken.has(layer)) continue;
      try {
        this.render(
          line,
          position,
          lexicon.withLayers((l) => l === layer),
          config,
        );
      } catch (e) {
        if (e instanceof CedictAssetError) this.broken.add(layer);
      }
    }
  }

  private render(
    line: string,
    position: vscode.Position,
    lexicon: Lexicon,
    config: HanziGlossConfig,
  ): vscode.Hover | undefined {
    // A passage never crosses a line, but one line of a scraped dump can be megabytes long.
    const long = line.length > 2 * WINDOW;
    const from = long ? Math.max(0, position.character - WINDOW) : 0;
    const window = long ? line.slice(from, position.character + WINDOW) : line;
    const found = describePosition(window, position.character - from, lexicon, config.toneStyle);
    if (!found) return undefined;
    const info = { ...found, start: found.start + from, end: found.end + from };
    const toneColor = config.toneColors ? toneCssColor : undefined;
    const options = { scriptFirst: config.scriptFirst, maxDictionaryEntries: 4, toneColor };
    const markdown = new vscode.MarkdownString(renderHoverMarkdown(info, hoverLabels(), options));
    // Our own commands as links, the term as their argument (commandLink encodes it so that any
    // term stays one link). Glossary text itself is escaped Markdown, so it cannot add links, and
    // no other command is enabled.
    const args = [{ zh: info.simplified }];
    const hasOwn = info.entries.some((e) => e.source.layer === 'workspace' || e.source.layer === 'user');
    const links = [
      commandLink(vscode.l10n.t('Add to glossary'), Commands.addEntry, args),
      commandLink(hasOwn ? vscode.l10n.t('Edit entry') : vscode.l10n.t('Edit (override)'), Commands.editEntry, args),
      ...(hasOwn ? [commandLink(vscode.l10n.t('Remove entry'), Commands.removeEntry, args)] : []),
      commandLink(vscode.l10n.t('Annotate line'), Commands.annotatePassage),
    ];
    markdown.appendMarkdown(`\n\n${links.join(' · ')}`);
    markdown.isTrusted = {
      enabledCommands: [Commands.addEntry, Commands.editEntry, Commands.removeEntry, Commands.annotatePassage],
    };
    // HTML only for the tone colours' spans (glossary text is escaped, so it cannot add any).
    markdown.supportHtml = toneColor !== undefined;
    markdown.supportThemeIcons = false;
    const range = new vscode.Range(position.line, info.start, position.line, info.end);
    this.shown();
    return new vscode.Hover(markdown, range);
  }
}

/**
 * The theme colour hanziGloss.tone<N> as CSS. A MarkdownString cannot name a ThemeColor, but the
 * workbench defines every registered colour as a CSS variable (`--vscode-` + the id with dots as
 * dashes), and VS Code's hover sanitizer keeps a span's `style` when it is exactly
 * `color:#hex;` or `color:var(--vscode-…);` (markdownRenderer's uponSanitizeAttribute hook, 1.100):
 * so the hover follows the active theme and a theme's or the user's override, as inline pinyin does.
 */
function toneCssColor(tone: number): string {
  return `var(--vscode-hanziGloss-tone${tone})`;
}

const WARM_DELAY_MS = 1500;

/** The first line with Han characters among the first 200 of the visible editors, if any. */
function visibleChineseLine(): string | undefined {
  for (const e of vscode.window.visibleTextEditors) {
    for (let line = 0; line < Math.min(e.document.lineCount, 200); line++) {
      const text = e.document.lineAt(line).text;
      if (HAN.test(text)) return text;
    }
  }
  return undefined;
}

/**
 * Every hover shows a term's traditional form and its pinyin, and the first of each costs a
 * one-time load: OpenCC's phrase tables (0.25 s to build in one go) and pinyin-pro's dictionary
 * (a 320 kB module, then its phrase index). They are loaded once, while the editor is idle shortly
 * after Chinese text first becomes visible, so that the first hover does not pay for them: the
 * tables a time slice at a time, pinyin-pro in its two steps (it cannot be sliced further), then
 * one reading of a visible line. Each step is measured like any task.
 */
function warmReadingWhenChineseIsVisible(
  glossary: Pick<GlossaryService, 'lexicon'>,
  tasks: TaskTimer,
  failures: InstallFailures,
): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const slices = new TimeSlicer(tasks);
  const warm = async (): Promise<void> => {
    const stopped = () => disposed;
    if (!(await slices.run('warm-up: traditional tables slice', buildTraditional, stopped))) return;
    tasks.measureLoad('one-time load: pinyin-pro module', () => loadPinyin('module'));
    await hostClock.yield();
    tasks.measureLoad('one-time load: pinyin-pro index', () => loadPinyin('index'));
    const lexicon = await glossary.lexicon();
    const line = visibleChineseLine();
    const at = line?.search(HAN) ?? -1;
    if (disposed || line === undefined || at < 0) return;
    tasks.measure('warm-up: first reading', () => describePosition(line.slice(0, 2 * WINDOW), at, lexicon, 'marks'));
  };
  const check = (): void => {
    if (timer || visibleChineseLine() === undefined) return;
    timer = setTimeout(() => {
      warm().catch((e: unknown) => {
        // A broken installation is told to the user; anything else is a bug, for the log.
        if (!failures.report(e)) console.error('Hanzi Gloss: warming up failed', e);
      });
    }, WARM_DELAY_MS);
  };
  const listener = vscode.window.onDidChangeVisibleTextEditors(check);
  check();
  return new vscode.Disposable(() => {
    disposed = true;
    listener.dispose();
    if (timer) clearTimeout(timer);
  });
}

/** `shown` is told each time a gloss is shown (the walkthrough's first step waits for it). */
export function registerHover(
  glossary: Pick<GlossaryService, 'lexicon'>,
  tasks: TaskTimer,
  failures: InstallFailures,
  shown?: () => void,
): vscode.Disposable {
  // Any language, any scheme: Chinese shows up in plain text, Markdown, code comments, output.
  const hovers = new HanziHoverProvider(glossary, tasks, failures, shown);
  const provider = vscode.languages.registerHoverProvider({ pattern: '**' }, hovers);
  return vscode.Disposable.from(provider, warmReadingWhenChineseIsVisible(glossary, tasks, failures));
}
