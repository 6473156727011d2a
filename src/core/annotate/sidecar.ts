/**
 * Sidecar notes: English notes on files the user must not edit, kept in the workspace
 * (`.hanzi-gloss/annotations.json`, meant to be committed: stable order, one note per object,
 * pretty-printed). A note is anchored by its line and the Chinese text of that line, so it follows
 * the passage when lines move (re-found by its text), and is stale when that text changed.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { parseJsonTree } from '../glossary/jsonGlossary';
import { ENGLISH_JSON_LABELS, type JsonLabels } from '../glossary/labels';
import { LineIndex, LocatedError } from '../text/text';

export interface SidecarNote {
  /** Path relative to the workspace folder, with forward slashes. */
  readonly file: string;
  /** 0-based line of the Chinese passage. */
  readonly line: number;
  /** The Chinese line as it was when the note was written (trimmed). */
  readonly chinese: string;
  readonly text: string;
}

export interface SidecarFile {
  readonly version: 1;
  readonly notes: readonly SidecarNote[];
}

export function sortNotes(notes: readonly SidecarNote[]): SidecarNote[] {
  return [...notes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function serializeSidecar(notes: readonly SidecarNote[]): string {
  const ordered = sortNotes(notes).map(({ file, line, chinese, text }) => ({ file, line, chinese, text }));
  return JSON.stringify({ version: 1, notes: ordered }, null, 2) + '\n';
}

const NOTE_FIELDS: Record<keyof SidecarNote, 'string' | 'line'> = {
  file: 'string',
  line: 'line',
  chinese: 'string',
  text: 'string',
};
/** What a sidecar file's problems say (localised by the extension, English by default). */
export interface SidecarLabels extends JsonLabels {
  readonly shape: () => string;
  readonly version: () => string;
  /** `note` counts from 1. */
  readonly noteNotObject: (note: number) => string;
  readonly noteLacks: (note: number, key: string) => string;
  readonly noteNotLine: (note: number, key: string) => string;
  readonly noteNotString: (note: number, key: string) => string;
}

export const ENGLISH_SIDECAR_LABELS: SidecarLabels = {
  ...ENGLISH_JSON_LABELS,
  shape: () => 'expected {"version": 1, "notes": [...]}',
  version: () => '"version" must be 1 (this Hanzi Gloss reads version 1 only)',
  noteNotObject: (k) => `note ${k} must be an object with "file", "line", "chinese" and "text"`,
  noteLacks: (k, key) => `note ${k} has no "${key}"`,
  noteNotLine: (k, key) => `note ${k}: "${key}" must be a line number (a whole number ≥ 0)`,
  noteNotString: (k, key) => `note ${k}: "${key}" must be a string`,
};

const isLine = (v: Node | undefined) => v?.type === 'number' && Number.isSafeInteger(v.value) && v.value >= 0;

/**
 * Reads a sidecar file, or throws the first problem with its line and column. A note that does not
 * read is an error, not skipped: the file is rewritten on the next change, and a skipped note would
 * be gone.
 */
export function parseSidecar(
  text: string,
  file = '.hanzi-gloss/annotations.json',
  labels: SidecarLabels = ENGLISH_SIDECAR_LABELS,
): SidecarNote[] {
  if (text.trim() === '') return [];
  const lines = new LineIndex(text);
  const fail = (offset: number, reason: string): never => {
    const at = lines.at(offset);
    throw new LocatedError(file, at.line, at.column, reason);
  };
  const { root, problems } = parseJsonTree(text, file, lines, labels);
  if (!root) throw problems[0];
  if (root.type !== 'object') fail(root.offset, labels.shape());
  const version = findNodeAtLocation(root, ['version']);
  if (version && version.value !== 1) {
    fail(version.offset, labels.version());
  }
  const notes = findNodeAtLocation(root, ['notes']);
  if (!notes || notes.type !== 'array') fail(notes?.offset ?? root.offset, labels.shape());
  return (notes?.children ?? []).map((node, k) => {
    if (node.type !== 'object') {
      fail(node.offset, labels.noteNotObject(k + 1));
    }
    const out: Record<string, unknown> = {};
    for (const [key, kind] of Object.entries(NOTE_FIELDS)) {
      const value = findNodeAtLocation(node, [key]);
      if (!value) fail(node.offset, labels.noteLacks(k + 1, key));
      const ok = kind === 'line' ? isLine(value) : value?.type === 'string';
      if (!ok) {
        const reason = kind === 'line' ? labels.noteNotLine(k + 1, key) : labels.noteNotString(k + 1, key);
        fail(value?.offset ?? node.offset, reason);
      }
      out[key] = value?.value;
    }
    return out as unknown as SidecarNote;
  });
}

export interface Anchored {
  readonly note: SidecarNote;
  /** Where the note's passage is now. */
  readonly line: number;
  /** The passage's Chinese is no longer what the note was written for. */
  readonly stale: boolean;
}

/**
 * Places notes on the current lines of a file: at their line if the text is still there, else at
 * the nearest line with exactly that text (lines were inserted or removed), else stale at their line.
 */
export function anchorNotes(notes: readonly SidecarNote[], lines: readonly string[]): Anchored[] {
  return notes.map((note) => {
    const at = Math.min(note.line, Math.max(0, lines.length - 1));
    if ((lines[at] ?? '').trim() === note.chinese) return { note, line: at, stale: false };
    let best = -1;
    for (let d = 1; d < lines.length && best < 0; d++) {
      if ((lines[at - d] ?? '').trim() === note.chinese) best = at - d;
      else if ((lines[at + d] ?? '').trim() === note.chinese) best = at + d;
    }
    return best >= 0 ? { note, line: best, stale: false } : { note, line: at, stale: true };
  });
}
