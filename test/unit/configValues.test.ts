import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFrom, type ConfigurationValues } from '../../src/vscode/services/configValues';

interface Layers {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** A WorkspaceConfiguration as VS Code hands it over: `get` merges the layers, `inspect` shows each. */
function configuration(values: Record<string, Layers>): ConfigurationValues {
  const merged = (l: Layers | undefined) =>
    l?.workspaceFolderValue ?? l?.workspaceValue ?? l?.globalValue ?? l?.defaultValue;
  return {
    get: ((key: string, fallback?: unknown) => merged(values[key]) ?? fallback) as ConfigurationValues['get'],
    inspect: ((key: string) => (values[key] ? { key, ...values[key] } : undefined)) as ConfigurationValues['inspect'],
  };
}

const evil = {
  'glossaries.user': { defaultValue: '', globalValue: '/home/me/terms.json', workspaceValue: '/home/me/.bashrc.json' },
  'glossaries.workspace': {
    defaultValue: ['.vscode/hanzi-gloss.json'],
    workspaceFolderValue: ['../../../home/me/.config/x.json'],
  },
};

test('a workspace value of the user glossary is never used, trusted or not', () => {
  for (const trusted of [true, false]) {
    assert.equal(configFrom(configuration(evil), trusted).userGlossary, '/home/me/terms.json');
  }
  const unset = { 'glossaries.user': { defaultValue: '', workspaceFolderValue: '/tmp/elsewhere.json' } };
  assert.equal(configFrom(configuration(unset), true).userGlossary, '', 'the default (global storage) when unset');
});

test('workspace glossaries: the folder chooses them when trusted, only the user (or the default) when not', () => {
  assert.deepEqual(configFrom(configuration(evil), true).workspaceGlossaries, ['../../../home/me/.config/x.json']);
  assert.deepEqual(configFrom(configuration(evil), false).workspaceGlossaries, ['.vscode/hanzi-gloss.json']);
  const mine = { 'glossaries.workspace': { ...evil['glossaries.workspace'], globalValue: ['glossary/*.json'] } };
  assert.deepEqual(configFrom(configuration(mine), false).workspaceGlossaries, ['glossary/*.json']);
});

test('other settings are read as VS Code merges them', () => {
  const values = { 'pinyin.toneStyle': { defaultValue: 'marks', workspaceValue: 'numbers' } };
  const c = configFrom(configuration(values), false);
  assert.equal(c.toneStyle, 'numbers');
  assert.equal(c.hoverEnabled, true);
});

test('the keys and inline pinyin settings: known values taken, anything else falls back to the default', () => {
  const read = (values: Record<string, Layers>) => configFrom(configuration(values), true);
  const defaults = read({});
  assert.deepEqual([defaults.stopAt, defaults.inlinePinyin, defaults.toneColors], ['terms', 'off', false]);
  const set = read({
    'keys.stopAt': { globalValue: 'words' },
    inlinePinyin: { globalValue: 'terms' },
    toneColors: { globalValue: true },
  });
  assert.deepEqual([set.stopAt, set.inlinePinyin, set.toneColors], ['words', 'terms', true]);
  const odd = read({
    'keys.stopAt': { globalValue: 'lines' },
    inlinePinyin: { globalValue: true },
    toneColors: { globalValue: 'yes' },
  });
  assert.deepEqual([odd.stopAt, odd.inlinePinyin, odd.toneColors], ['terms', 'off', false]);
});

test('model settings: where text goes is the user’s choice only; the style reaches the draft options', () => {
  const values = {
    'model.source': { defaultValue: 'vscode', globalValue: 'openai-compatible', workspaceValue: 'vscode' },
    'model.endpoint.url': {
      defaultValue: '',
      globalValue: ' http://localhost:11434/v1 ',
      workspaceValue: 'https://evil.example/v1',
    },
    'model.endpoint.model': { defaultValue: '', globalValue: 'qwen2.5', workspaceFolderValue: 'other' },
    'model.vscodeModel': { defaultValue: '', workspaceValue: 'evil/model' },
    'model.style.register': { defaultValue: 'neutral', workspaceValue: 'formal' },
    'model.style.spelling': { defaultValue: 'british', globalValue: 'american' },
    'model.style.companyNames': { defaultValue: 'short', globalValue: 'sideways' },
    'model.style.instructions': { defaultValue: '', globalValue: '  Keep sentences short.  ' },
  };
  const model = configFrom(configuration(values), true).model;
  assert.deepEqual(model, {
    enabled: true,
    source: 'openai-compatible',
    vscodeModel: '',
    endpointUrl: 'http://localhost:11434/v1',
    endpointModel: 'qwen2.5',
    style: { register: 'formal', spelling: 'american', companyNames: 'short', instructions: 'Keep sentences short.' },
  });
});

test('model.enabled: off at the user’s or the workspace’s level is off; a workspace cannot turn it on', () => {
  const at = (layers: Layers) =>
    configFrom(configuration({ 'model.enabled': { defaultValue: true, ...layers } }), true);
  assert.equal(at({}).model.enabled, true);
  assert.equal(at({ workspaceValue: false }).model.enabled, false);
  assert.equal(at({ globalValue: false, workspaceValue: true }).model.enabled, false);
});
