/**
 * The curated glossaries shipped in `glossary/`: bytes in, a lexicon layer out. Callers read the
 * files (node:fs in the CLI, workspace.fs in the extension) so this stays free of I/O.
 */
import { decodeUtf8, type LocatedError } from '../text';
import type { GlossarySource } from './entry';
import { parseGlossaryJson, type ParseOptions } from './jsonGlossary';
import type { SourcedGlossary } from './lexicon';

export interface GlossaryFile {
  /** Path or URI string, used in error messages and as the entry's source. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface LoadedGlossaries {
  readonly glossaries: SourcedGlossary[];
  readonly problems: LocatedError[];
}

/** True for the files of a glossary folder that hold entries (not the schema). */
export function isGlossaryFileName(name: string): boolean {
  return /\.jsonc?$/i.test(name) && !/\.schema\.json$/i.test(name);
}

/** Base name without extension: "glossary/die-casting.json" → "die-casting". */
export function glossaryBaseName(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** Parses glossary files of one layer; files are read in the order given. */
export function loadGlossaries(
  files: readonly GlossaryFile[],
  layer: GlossarySource['layer'],
  options: ParseOptions = {},
): LoadedGlossaries {
  const glossaries: SourcedGlossary[] = [];
  const problems: LocatedError[] = [];
  for (const file of files) {
    const { glossary, problems: fileProblems } = parseGlossaryJson(decodeUtf8(file.bytes), file.path, options);
    problems.push(...fileProblems);
    const id = layer === 'curated' ? `curated:${glossaryBaseName(file.path)}` : file.path;
    glossaries.push({ glossary, source: { layer, label: glossary.name, file: file.path, id } });
  }
  return { glossaries, problems };
}
