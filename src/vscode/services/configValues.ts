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
import type { DraftStyle } from '../../core/annotate/modelPrompt';
import { Settings } from './ids';

/** Where language-model drafts come from: VS Code's language models, or an OpenAI-compatible endpoint. */
export type ModelSourceKind = 'vscode' | 'openai-compatible';

export interface ModelConfig {
  /** Off: no command sends anything to a model (they say so and give the rule-based draft). */
  readonly enabled: boolean;
  readonly source: ModelSourceKind;
  /** The VS Code model the user picked ("vendor/id"), '' before the first pick. */
  readonly vscodeModel: string;
  /** The endpoint and its model name; the key is in secret storage, never here. */
  readonly endpointUrl: string;
  readonly endpointModel: string;
  readonly style: DraftStyle;
}

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
  readonly model: ModelConfig;
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
    model: modelConfig(c),
  };
}

/**
 * The model settings. Those that say where text goes (the endpoint, its model, the VS Code model)
 * are application-scoped in package.json and read from the user's settings only here as well: a
 * workspace, trusted or not, must not send the user's key or passages to a server it chose.
 */
function modelConfig(c: ConfigurationValues): ModelConfig {
  const own = (key: string) => {
    const v = userValue(c, key);
    return typeof v === 'string' ? v.trim() : '';
  };
  const instructions = c.get<string>(Settings.modelInstructions, '');
  const style: DraftStyle = {
    register: oneOf(c.get<string>(Settings.modelRegister), ['neutral', 'formal', 'informal'] as const) ?? 'neutral',
    spelling: oneOf(c.get<string>(Settings.modelSpelling), ['british', 'american'] as const) ?? 'british',
    companyNames: oneOf(c.get<string>(Settings.modelCompanyNames), ['short', 'full'] as const) ?? 'short',
    ...(typeof instructions === 'string' && instructions.trim() ? { instructions: instructions.trim() } : {}),
  };
  return {
    // Off at any level is off: a workspace may turn drafts off, but not on against the user's setting.
    enabled: c.get<boolean>(Settings.modelEnabled, true) !== false && userValue(c, Settings.modelEnabled) !== false,
    source: oneOf(userValue(c, Settings.modelSource), ['vscode', 'openai-compatible'] as const) ?? 'vscode',
    vscodeModel: own(Settings.modelVscodeModel),
    endpointUrl: own(Settings.modelEndpointUrl),
    endpointModel: own(Settings.modelEndpointModel),
    style,
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
