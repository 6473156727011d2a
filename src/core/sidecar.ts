/**
 * Sidecar notes: English notes on files the user must not edit, kept in the workspace
 * (`.hanzi-gloss/annotations.json`, meant to be committed: stable order, one note per object,
 * pretty-printed). A note is anchored by its line and the Chinese text of that line, so it follows
 * the passage when lines move (re-found by its text), and is stale when that text changed.
 */

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

/** Reads a sidecar file; throws a reason if it is not one. */
export function parseSidecar(text: string): SidecarNote[] {
  if (text.trim() === '') return [];
  const doc = JSON.parse(text) as Partial<SidecarFile>;
  if (!doc || !Array.isArray(doc.notes)) throw new Error('expected {"version": 1, "notes": [...]}');
  return doc.notes.filter(
    (n): n is SidecarNote => typeof n?.file === 'string' && Number.isInteger(n.line) && typeof n.chinese === 'string' && typeof n.text === 'string',
  );
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
