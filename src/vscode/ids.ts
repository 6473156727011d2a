/**
 * The one table of command ids and setting keys. A test checks it against package.json both ways,
 * so a command cannot be contributed without a handler or registered without being contributed.
 */
export const Commands = {
  showTerms: 'hanziGloss.showTerms',
} as const;

export const SECTION = 'hanziGloss';

export const Settings = {
  hoverEnabled: 'hover.enabled',
  languagesInclude: 'languages.include',
  languagesExclude: 'languages.exclude',
  toneStyle: 'pinyin.toneStyle',
  scriptFirst: 'script.first',
  statusBarEnabled: 'statusBar.enabled',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
