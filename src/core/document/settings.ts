/**
 * Checks the Hanzi Gloss keys of a settings.json against the settings schema the extension
 * contributes (package.json's `contributes.configuration`, passed in: the core reads no files).
 * VS Code's settings editor underlines the same mistakes; this is the check without an editor
 * (the malformed-input corpus; a front end that wants to check a committed .vscode/settings.json).
 */
import type { Node } from 'jsonc-parser';
import { parseJsonTree } from '../glossary/jsonGlossary';
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

function typeOf(node: Node): string {
  return node.type === 'number' && Number.isInteger(node.value) ? 'integer' : node.type;
}

/** Why `node` does not fit `schema` (named `name`), or undefined. */
function mismatch(node: Node, schema: SettingSchema, name: string): { node: Node; reason: string } | undefined {
  const actual = typeOf(node);
  if (schema.type && actual !== schema.type && !(schema.type === 'number' && actual === 'integer')) {
    const shown = node.type === 'string' || node.type === 'number' ? ` ${JSON.stringify(node.value)}` : '';
    const article = ['array', 'object', 'integer'].includes(schema.type) ? 'an' : 'a';
    return { node, reason: `${name} must be ${article} ${schema.type}, not ${node.type}${shown}` };
  }
  if (schema.enum && !schema.enum.includes(node.value)) {
    const allowed = schema.enum.map((v) => JSON.stringify(v)).join(', ');
    return { node, reason: `${name} must be one of ${allowed}, not ${JSON.stringify(node.value)}` };
  }
  if (node.type === 'array' && schema.items) {
    for (const [k, item] of (node.children ?? []).entries()) {
      const found = mismatch(item, schema.items, `${name}[${k}]`);
      if (found) return found;
    }
  }
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const sub = schema.properties?.[String(key.value)] ?? schema.additionalProperties;
      const known = Object.keys(schema.properties ?? {}).join(', ');
      if (sub === false) return { node: key, reason: `${name} has no key "${key.value}" (known: ${known})` };
      const found = sub && sub !== true ? mismatch(value, sub, `${name}["${key.value}"]`) : undefined;
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
): LocatedError[] {
  const lines = new LineIndex(text);
  const { root, problems } = parseJsonTree(text, file, lines);
  if (!root) return problems;
  const at = (node: Node, reason: string) => {
    const { line, column } = lines.at(node.offset);
    return new LocatedError(file, line, column, reason);
  };
  if (root.type !== 'object') return [at(root, 'settings must be a JSON object')];
  const out: LocatedError[] = [];
  for (const prop of root.children ?? []) {
    const [key, value] = prop.children ?? [];
    const name = String(key?.value ?? '');
    if (!key || !value || !name.startsWith(SECTION)) continue;
    const setting = schema[name];
    if (!setting) {
      out.push(at(key, `unknown setting "${name}"`));
      continue;
    }
    const found = mismatch(value, setting, name);
    if (found) out.push(at(found.node, found.reason));
  }
  return out;
}
