/** The one typed reader of Hanzi Gloss settings. */
import * as vscode from 'vscode';
import { DEFAULT_MARKERS } from '../core/annotations';
import type { ToneStyle } from '../core/pinyin';
import { DEFAULT_SEVERITY, type QaCode } from '../core/qa';
import { SECTION, Settings } from './ids';

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
  readonly qaSeverity: Readonly<Record<QaCode, 'error' | 'warning' | 'information' | 'hint' | 'off'>>;
}

type ConfigurationSource = Pick<typeof vscode.workspace, 'getConfiguration'>;

export function readConfig(scope?: vscode.ConfigurationScope, workspace: ConfigurationSource = vscode.workspace): HanziGlossConfig {
  const c = workspace.getConfiguration(SECTION, scope);
  const list = (key: string, fallback: string[]): string[] => {
    const v = c.get<unknown>(key);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : fallback;
  };
  return {
    hoverEnabled: c.get<boolean>(Settings.hoverEnabled, true),
    languagesInclude: list(Settings.languagesInclude, ['*']),
    languagesExclude: list(Settings.languagesExclude, []),
    toneStyle: c.get<string>(Settings.toneStyle) === 'numbers' ? 'numbers' : 'marks',
    scriptFirst: c.get<string>(Settings.scriptFirst) === 'traditional' ? 'traditional' : 'simplified',
    statusBarEnabled: c.get<boolean>(Settings.statusBarEnabled, true),
    workspaceGlossaries: list(Settings.workspaceGlossaries, ['.vscode/hanzi-gloss.json']),
    userGlossary: c.get<string>(Settings.userGlossary, '') ?? '',
    disabledDomains: list(Settings.disabledDomains, []),
    markers: { ...DEFAULT_MARKERS, ...stringRecord(c.get(Settings.markers)) },
    qaSeverity: { ...DEFAULT_SEVERITY, ...(stringRecord(c.get(Settings.qaSeverity)) as Partial<HanziGlossConfig['qaSeverity']>) },
  };
}

function stringRecord(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The annotation marker for a document: the setting, the language's default, else "EN: ". */
export function markerFor(document: vscode.TextDocument): string {
  return readConfig(document).markers[document.languageId] ?? DEFAULT_MARKERS.plaintext;
}

/** Whether Hanzi Gloss works in documents of `languageId` under the include/exclude settings. */
export function languageEnabled(config: HanziGlossConfig, languageId: string): boolean {
  if (config.languagesExclude.includes(languageId)) return false;
  return config.languagesInclude.includes('*') || config.languagesInclude.includes(languageId);
}

export function affectsHanziGloss(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
