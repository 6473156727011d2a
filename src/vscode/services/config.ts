/** The one typed reader of Hanzi Gloss settings. */
import * as vscode from 'vscode';
import { DEFAULT_MARKERS } from '../../core/annotate/annotations';
import { configFrom, type HanziGlossConfig } from './configValues';
import { SECTION } from './ids';

export type { HanziGlossConfig } from './configValues';

type ConfigurationSource = Pick<typeof vscode.workspace, 'getConfiguration' | 'isTrusted'>;

export function readConfig(
  scope?: vscode.ConfigurationScope,
  workspace: ConfigurationSource = vscode.workspace,
): HanziGlossConfig {
  return configFrom(workspace.getConfiguration(SECTION, scope), workspace.isTrusted);
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
