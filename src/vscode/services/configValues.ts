/**
 * Hanzi Gloss settings as one typed, readonly object, read from a `WorkspaceConfiguration` (or
 * anything with its `get` and `inspect`), so tests can hand in the values VS Code would.
 *
 * Settings that name files the extension reads or writes take only the values the user chose:
 * - `glossaries.user` is machine-scoped, so VS Code never takes it from workspace or folder
 *   settings; only the user's (or, in a remote window, the remote machine's) value is read here
 *   too, whatever a workspace file says.
 * - `glossaries.workspace` is resource-scoped (each folder names its own glossaries). In an
 *   untrusted workspace only the user's value counts: VS Code drops the workspace's value of a
 *   restricted setting (package.json `restrictedConfigurations`), and this reader does not look
 *   at it either, so an untrusted folder cannot point the extension's writes at another file.
 */
import type * as vscode from 'vscode';
import { DEFAULT_MARKERS } from '../../core/annotate/annotations';
import type { ToneStyle } from '../../core/reading/pinyin';
import { DEFAULT_SEVERITY, type QaCode } from '../../core/annotate/qa';
import type { WordKind } from '../../core/document/readingWords';
import { Settings } from './ids';

export interface HanziGlossConfig {
  readonly hoverEnabled: boolean;
  readonly languagesInclude: readonly string[];
  readonly languagesExclude: readonly string[];
  readonly toneStyle: ToneStyle;
  readonly scriptFirst: 'simplified' | 'traditional';
  readonly statusBarEnabled: boolean;
  /** Workspace glossary files: paths or globs relative to each workspace folder. */
  readonly workspaceGlossaries: readonly string[];
  /** The user's glossary file ("" = the extension's global storage). */
  readonly userGlossary: string;
  /** Curated domains switched off. */
  readonly disabledDomains: readonly string[];
  /** Annotation markers by language id, over the defaults. */
  readonly markers: Readonly<Record<string, string>>;
  /** Severity of each terminology check, or "off". */
  readonly qaSeverity: QaSeverity;
  /** Where Next/Previous Term stop: glossary terms, or every word of the reading. */
  readonly stopAt: WordKind;
  /** Pinyin drawn beside each word of the reading, each glossary term, or nowhere. */
  readonly inlinePinyin: 'off' | WordKind;
  /** Han characters with inline pinyin coloured by tone (theme colours hanziGloss.tone1…5). */
  readonly toneColors: boolean;
}

type QaSeverity = Readonly<Record<QaCode, 'error' | 'warning' | 'information' | 'hint' | 'off'>>;

export type ConfigurationValues = Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>;

/** The user's own value of a setting (user or remote settings), else its default. */
function userValue(c: ConfigurationValues, key: string): unknown {
  const inspected = c.inspect<unknown>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function configFrom(c: ConfigurationValues, trusted: boolean): HanziGlossConfig {
  const strings = (v: unknown, fallback: string[]): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : fallback;
  const list = (key: string, fallback: string[]) => strings(c.get<unknown>(key), fallback);
  const user = userValue(c, Settings.userGlossary);
  return {
    hoverEnabled: c.get<boolean>(Settings.hoverEnabled, true),
    languagesInclude: list(Settings.languagesInclude, ['*']),
    languagesExclude: list(Settings.languagesExclude, []),
    toneStyle: c.get<string>(Settings.toneStyle) === 'numbers' ? 'numbers' : 'marks',
    scriptFirst: c.get<string>(Settings.scriptFirst) === 'traditional' ? 'traditional' : 'simplified',
    statusBarEnabled: c.get<boolean>(Settings.statusBarEnabled, true),
    workspaceGlossaries: strings(
      trusted ? c.get<unknown>(Settings.workspaceGlossaries) : userValue(c, Settings.workspaceGlossaries),
      ['.vscode/hanzi-gloss.json'],
    ),
    userGlossary: typeof user === 'string' ? user : '',
    disabledDomains: list(Settings.disabledDomains, []),
    markers: { ...DEFAULT_MARKERS, ...stringRecord(c.get(Settings.markers)) },
    qaSeverity: { ...DEFAULT_SEVERITY, ...(stringRecord(c.get(Settings.qaSeverity)) as Partial<QaSeverity>) },
    stopAt: c.get<string>(Settings.stopAt) === 'words' ? 'words' : 'terms',
    inlinePinyin: oneOf(c.get<string>(Settings.inlinePinyin), ['words', 'terms'] as const) ?? 'off',
    toneColors: c.get<boolean>(Settings.toneColors, false) === true,
  };
}

function stringRecord(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  const entries = Object.entries(v as Record<string, unknown>);
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function oneOf<T extends string>(v: unknown, values: readonly T[]): T | undefined {
  return values.find((x) => x === v);
}
