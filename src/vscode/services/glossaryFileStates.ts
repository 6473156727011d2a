/**
 * What the extension knows of each user and workspace glossary file: its last good version, its
 * current problems, and a version counter that tells a disk read overtaken by a newer update from a
 * current one. Each file keeps its last good version: a file that stops parsing gets problems, and
 * its previous entries stay in use until it is fixed. Only types come from `vscode`, so the unit
 * test runs it under plain Node; glossaryFiles.ts does the reading, watching and diagnostics.
 */
import type * as vscode from 'vscode';
import type { GlossarySource, SourcedGlossary } from '../../core/glossary/entry';
import { parseGlossaryFile } from '../../core/glossary/load';
import { ENGLISH_GLOSSARY_LABELS, type GlossaryLabels } from '../../core/glossary/labels';
import type { LocatedError } from '../../core/text/text';

export type EditableLayer = 'workspace' | 'user';

/** A glossary file of the user or workspace layer. */
export interface GlossaryFileState {
  readonly uri: vscode.Uri;
  readonly layer: EditableLayer;
  /** Last good parse (undefined until the file has parsed once). */
  good?: SourcedGlossary;
  problems: readonly LocatedError[];
}

export class GlossaryFileStates {
  private readonly states = new Map<string, GlossaryFileState>();
  /** Counts updates per file, so a disk read overtaken by a newer update is dropped. */
  private readonly versions = new Map<string, number>();

  /** @param labels the wording of the files' problems (the user's language in the extension). */
  constructor(private readonly labels: GlossaryLabels = ENGLISH_GLOSSARY_LABELS) {}

  /**
   * Marks the start of a read of `uri`; the returned check tells, once the read is done, whether
   * an update came meanwhile (our own edit, or a read that finished first): then the read is stale
   * and applying it would bring back an older version.
   */
  startRead(uri: vscode.Uri): () => boolean {
    const key = uri.toString();
    const started = this.version(key);
    return () => this.version(key) !== started;
  }

  /**
   * Takes a file's new text (from disk, from an editor, or after our own edit); `path` names the
   * file in problems and hovers, `label` in lists.
   */
  take(uri: vscode.Uri, layer: EditableLayer, text: string, path: string, label: string): GlossaryFileState {
    this.bump(uri);
    const { glossary, problems } = parseGlossaryFile(text, path, { labels: this.labels });
    const source: GlossarySource = { layer, label, file: path, id: path };
    // A file that does not parse at all keeps its last good version; entry-level problems drop only those entries.
    const unreadable = problems.length > 0 && glossary.entries.length === 0 && text.trim() !== '';
    return this.report(uri, layer, problems, unreadable ? undefined : { glossary, source });
  }

  /** A file that could not be decoded as text: its problems, and the last good entries stay in use. */
  refuse(uri: vscode.Uri, layer: EditableLayer, problems: readonly LocatedError[]): GlossaryFileState {
    this.bump(uri);
    return this.report(uri, layer, problems);
  }

  /** Forgets a file (deleted, or no longer configured). */
  delete(uri: vscode.Uri | string): void {
    this.states.delete(uri.toString());
  }

  /** The files known, in the order they were first read. */
  all(): GlossaryFileState[] {
    return [...this.states.values()];
  }

  keys(): string[] {
    return [...this.states.keys()];
  }

  /** The good versions of one layer's files, for the lexicon. */
  goodOf(layer: EditableLayer): SourcedGlossary[] {
    return this.all()
      .filter((f) => f.layer === layer && f.good)
      .map((f) => f.good as SourcedGlossary);
  }

  /** Problems of all files, for the status bar. */
  get problemCount(): number {
    let n = 0;
    for (const f of this.states.values()) n += f.problems.length;
    return n;
  }

  private version(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  private bump(uri: vscode.Uri): void {
    const key = uri.toString();
    this.versions.set(key, this.version(key) + 1);
  }

  private report(
    uri: vscode.Uri,
    layer: EditableLayer,
    problems: readonly LocatedError[],
    good?: SourcedGlossary,
  ): GlossaryFileState {
    const state: GlossaryFileState = this.states.get(uri.toString()) ?? { uri, layer, problems: [] };
    state.problems = problems;
    if (good) state.good = good;
    this.states.set(uri.toString(), state);
    return state;
  }
}
