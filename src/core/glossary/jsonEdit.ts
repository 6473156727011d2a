/**
 * Edits to a JSON glossary file as text edits (jsonc-parser's `modify`), so comments, key order and
 * formatting survive, and the same edits can go into a VS Code WorkspaceEdit (undoable, respecting
 * unsaved changes) or be applied to the file's text for an atomic write.
 */
import { applyEdits, modify, findNodeAtLocation, type Edit, type FormattingOptions, type Node } from 'jsonc-parser';
import type { GlossaryEntry } from './entry';
import { entryJson, serializeGlossaryJson } from './formats/json';
import { parseJsonTree } from './jsonGlossary';
import { ENGLISH_EDIT_LABELS, type EditLabels } from './labels';

export type { Edit } from 'jsonc-parser';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1];
  return {
    insertSpaces: !indent?.startsWith('\t'),
    tabSize: indent && !indent.startsWith('\t') ? indent.length : 2,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/**
 * The file's syntax tree. A file that does not read as JSON (a syntax error, nesting too deep for
 * the parser) is not edited: an edit placed by a guessed tree could garble it further.
 */
function tree(text: string, labels: EditLabels): Node | undefined {
  const { root, problems } = parseJsonTree(text, 'glossary');
  const [p] = problems;
  if (p) throw new Error(labels.notJson(p.line, p.column, p.reason));
  return root;
}

/** Index of the entry with `id` in the file's "entries" array, or -1. */
export function entryIndex(text: string, id: string, labels: EditLabels = ENGLISH_EDIT_LABELS): number {
  const root = tree(text, labels);
  const entries = root && findNodeAtLocation(root, ['entries']);
  if (!entries || entries.type !== 'array') return -1;
  return (entries.children ?? []).findIndex(
    (item) => item.type === 'object' && findNodeAtLocation(item, ['id'])?.value === id,
  );
}

/** Where the entry with `id` is written in the file (its object's offset and length), if it is there. */
export function entrySpan(
  text: string,
  id: string,
  labels: EditLabels = ENGLISH_EDIT_LABELS,
): { offset: number; length: number } | undefined {
  const index = entryIndex(text, id, labels);
  const node = index < 0 ? undefined : findNodeAtLocation(tree(text, labels)!, ['entries', index]);
  return node && { offset: node.offset, length: node.length };
}

/** Edits that append `entry`; an empty or missing file becomes a new glossary named `name`. */
export function addEntryEdits(
  text: string,
  entry: GlossaryEntry,
  name: string,
  labels: EditLabels = ENGLISH_EDIT_LABELS,
): Edit[] {
  if (text.trim() === '')
    return [{ offset: 0, length: text.length, content: serializeGlossaryJson({ name, entries: [entry] }) }];
  const root = tree(text, labels);
  const options = { formattingOptions: root ? formattingOf(text) : FORMAT };
  if (!root || !findNodeAtLocation(root, ['entries'])) return modify(text, ['entries'], [entryJson(entry)], options);
  return modify(text, ['entries', -1], entryJson(entry), { ...options, isArrayInsertion: true });
}

/** Edits that replace the entry with `id` (which must exist). */
export function replaceEntryEdits(
  text: string,
  id: string,
  entry: GlossaryEntry,
  labels: EditLabels = ENGLISH_EDIT_LABELS,
): Edit[] {
  const index = entryIndex(text, id, labels);
  if (index < 0) throw new Error(labels.noEntry(id));
  return modify(text, ['entries', index], entryJson(entry), { formattingOptions: formattingOf(text) });
}

/** Edits that remove the entry with `id` (which must exist). */
export function removeEntryEdits(text: string, id: string, labels: EditLabels = ENGLISH_EDIT_LABELS): Edit[] {
  const index = entryIndex(text, id, labels);
  if (index < 0) throw new Error(labels.noEntry(id));
  return modify(text, ['entries', index], undefined, { formattingOptions: formattingOf(text) });
}

export function applyTextEdits(text: string, edits: readonly Edit[]): string {
  return applyEdits(text, [...edits]);
}
