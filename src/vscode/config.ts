/** The one typed reader of Hanzi Gloss settings. */
import * as vscode from 'vscode';
import type { ToneStyle } from '../core/pinyin';
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
  };
}

/** Whether Hanzi Gloss works in documents of `languageId` under the include/exclude settings. */
export function languageEnabled(config: HanziGlossConfig, languageId: string): boolean {
  if (config.languagesExclude.includes(languageId)) return false;
  return config.languagesInclude.includes('*') || config.languagesInclude.includes(languageId);
}

export function affectsHanziGloss(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
