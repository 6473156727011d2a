/**
 * Checks the Hanzi Gloss keys of a settings.json against the settings schema the extension
 * contributes (package.json's `contributes.configuration`, passed in: the core reads no files).
 * VS Code's settings editor underlines the same mistakes; this is the check without an editor
 * (the malformed-input corpus; a front end that wants to check a committed .vscode/settings.json).
 */
import type { Node } from 'jsonc-parser';
import { parseJsonTree } from '../glossary/jsonGlossary';
import { ENGLISH_JSON_LABELS, type JsonLabels } from '../glossary/labels';
import { LineIndex, LocatedError } from '../text/text';

/** The part of JSON Schema that the contributed settings use. */
export interface SettingSchema {
  readonly type?: 'string' | 'boolean' | 'number' | 'integer' | 'array' | 'object';
  readonly enum?: readonly unknown[];
  readonly items?: SettingSchema;
  readonly properties?: Readonly<Record<string, SettingSchema>>;
  readonly additionalProperties?: SettingSchema | boolean;
}

const SECTION = 'hanziGloss.';

/** The type names English writes with "an". */
const AN = new Set(['array', 'object', 'integer']);

/** What the settings check tells a user (localised by a front end that wants to, English by default). */
export interface SettingsLabels extends JsonLabels {
  /** `shown` is the value after a space (` "abc"`, ` 3`) or empty for arrays and objects. */
  readonly wrongType: (name: string, expected: string, actual: string, shown: string) => string;
  readonly notOneOf: (name: string, allowed: string, value: string) => string;
  readonly noSuchKey: (name: string, key: string, known: string) => string;
  readonly notAnObject: () => string;
  readonly unknownSetting: (name: string) => string;
}

export const ENGLISH_SETTINGS_LABELS: SettingsLabels = {
  ...ENGLISH_JSON_LABELS,
  wrongType: (name, expected, actual, shown) =>
    `${name} must be ${AN.has(expected) ? 'an' : 'a'} ${expected}, not ${actual}${shown}`,
  notOneOf: (name, allowed, value) => `${name} must be one of ${allowed}, not ${value}`,
  noSuchKey: (name, key, known) => `${name} has no key "${key}" (known: ${known})`,
  notAnObject: () => 'settings must be a JSON object',
  unknownSetting: (name) => `unknown setting "${name}"`,
};

function typeOf(node: Node): string {
  return node.type === 'number' && Number.isInteger(node.value) ? 'integer' : node.type;
}

/** Why `node` does not fit `schema` (named `name`), or undefined. */
function mismatch(
  node: Node,
  schema: SettingSchema,
  name: string,
  labels: SettingsLabels,
): { node: Node; reason: string } | undefined {
  const actual = typeOf(node);
  if (schema.type && actual !== schema.type && !(schema.type === 'number' && actual === 'integer')) {
    const shown = node.type === 'string' || node.type === 'number' ? ` ${JSON.stringify(node.value)}` : '';
    return { node, reason: labels.wrongType(name, schema.type, node.type, shown) };
  }
  if (schema.enum && !schema.enum.includes(node.value)) {
    const allowed = schema.enum.map((v) => JSON.stringify(v)).join(', ');
    return { node, reason: labels.notOneOf(name, allowed, JSON.stringify(node.value)) };
  }
  if (node.type === 'array' && schema.items) {
    for (const [k, item] of (node.children ?? []).entries()) {
      const found = mismatch(item, schema.items, `${name}[${k}]`, labels);
      if (found) return found;
    }
  }
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const sub = schema.properties?.[String(key.value)] ?? schema.additionalProperties;
      const known = Object.keys(schema.properties ?? {}).join(', ');
      if (sub === false) return { node: key, reason: labels.noSuchKey(name, String(key.value), known) };
      const found = sub && sub !== true ? mismatch(value, sub, `${name}["${key.value}"]`, labels) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Problems of the `hanziGloss.*` settings in a settings.json text (other extensions' keys are theirs). */
export function settingsProblems(
  text: string,
  file: string,
  schema: Readonly<Record<string, SettingSchema>>,
  labels: SettingsLabels = ENGLISH_SETTINGS_LABELS,
): LocatedError[] {
  const lines = new LineIndex(text);
  const { root, problems } = parseJsonTree(text, file, lines, labels);
  if (!root) return problems;
  const at = (node: Node, reason: string) => {
    const { line, column } = lines.at(node.offset);
    return new LocatedError(file, line, column, reason);
  };
  if (root.type !== 'object') return [at(root, labels.notAnObject())];
  const out: LocatedError[] = [];
  for (const prop of root.children ?? []) {
    const [key, value] = prop.children ?? [];
    const name = String(key?.value ?? '');
    if (!key || !value || !name.startsWith(SECTION)) continue;
    const setting = schema[name];
    if (!setting) {
      out.push(at(key, labels.unknownSetting(name)));
      continue;
    }
    const found = mismatch(value, setting, name, labels);
    if (found) out.push(at(found.node, found.reason));
  }
  return out;
}
