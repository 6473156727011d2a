/**
 * The curated glossaries shipped in `glossary/`: bytes in, a lexicon layer out. Callers read the
 * files (node:fs in the CLI, workspace.fs in the extension) so this stays free of I/O.
 */
import { fileStem } from '../text/fileName';
import { decodeUtf8, LocatedError, type LineColumn } from '../text/text';
import { checkGlossary } from './checks';
import type { GlossarySource, SourcedGlossary } from './entry';
import type * as Formats from './formats';
import { parseGlossaryJson, type GlossaryParseResult, type ParseOptions } from './jsonGlossary';
import { ENGLISH_GLOSSARY_LABELS, type GlossaryLabels } from './labels';

export interface GlossaryFile {
  /** Path or URI string, used in error messages and as the entry's source. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface LoadedGlossaries {
  readonly glossaries: SourcedGlossary[];
  readonly problems: LocatedError[];
  /** Per glossary, where each entry's "zh" stands. */
  readonly positions: (readonly LineColumn[])[];
}

/** True for the files of a glossary folder that hold entries (not the schema). */
export function isGlossaryFileName(name: string): boolean {
  return /\.jsonc?$/i.test(name) && !/\.schema\.json$/i.test(name);
}

/**
 * Parses a glossary file in any supported format, chosen by its name (JSON when unknown), with the
 * same content checks for every format (so what `validate` accepts, `convert` can write as JSON).
 */
export function parseGlossaryFile(text: string, path: string, options: ParseOptions = {}) {
  if (/\.jsonc?$/i.test(path)) return parseGlossaryJson(text, path, options);
  // The exchange formats (CSV, XML parsers) load only when a non-JSON glossary is read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formatForPath } = require('./formats') as typeof Formats;
  const format = formatForPath(path);
  if (!format || format.id === 'json') return parseGlossaryJson(text, path, options);
  const read = format.parse(text, path, options.labels);
  const checked = checkGlossary(read.glossary, read.positions, path, options.checkPinyin !== false, options.labels);
  const problems = [...read.problems, ...checked.problems];
  return { glossary: checked.glossary, problems, positions: checked.positions };
}

/** Decodes and parses one file; bytes that are not UTF-8 text are that file's one problem. */
export function parseGlossaryBytes(file: GlossaryFile, options: ParseOptions = {}): GlossaryParseResult {
  let text: string;
  try {
    text = decodeUtf8(file.bytes, file.path, (options.labels ?? ENGLISH_GLOSSARY_LABELS).text);
  } catch (e) {
    if (!(e instanceof LocatedError)) throw e;
    return { glossary: { name: fileStem(file.path), entries: [] }, problems: [e], positions: [] };
  }
  return parseGlossaryFile(text, file.path, options);
}

/** Where a glossary file's entries come from: its layer, name and file; curated ids name the domain file. */
export function glossarySource(layer: GlossarySource['layer'], path: string, name: string): GlossarySource {
  const id = layer === 'curated' ? `curated:${fileStem(path)}` : path;
  return { layer, label: name, file: path, id };
}

/** Parses glossary files of one layer; files are read in the order given. */
export function loadGlossaries(
  files: readonly GlossaryFile[],
  layer: GlossarySource['layer'],
  options: ParseOptions = {},
): LoadedGlossaries {
  const glossaries: SourcedGlossary[] = [];
  const problems: LocatedError[] = [];
  const positions: (readonly LineColumn[])[] = [];
  for (const file of files) {
    const { glossary, problems: fileProblems, positions: filePositions } = parseGlossaryBytes(file, options);
    problems.push(...fileProblems);
    positions.push(filePositions);
    glossaries.push({ glossary, source: glossarySource(layer, file.path, glossary.name) });
  }
  return { glossaries, problems, positions };
}

/**
 * Problems that only show across files of one layer: an id used twice, or the same written form
 * (a term or an alias) twice in one domain, which would make the glossary disagree with itself.
 */
export function crossFileProblems(
  loaded: LoadedGlossaries,
  labels: GlossaryLabels = ENGLISH_GLOSSARY_LABELS,
): LocatedError[] {
  const problems: LocatedError[] = [];
  const ids = new Map<string, string>();
  const forms = new Map<string, string>();
  loaded.glossaries.forEach(({ glossary, source }, g) => {
    glossary.entries.forEach((entry, k) => {
      const at = loaded.positions[g]?.[k] ?? { line: 1, column: 1 };
      const here = `${source.file ?? source.id}:${at.line}`;
      const fail = (reason: string) =>
        problems.push(new LocatedError(source.file ?? source.id, at.line, at.column, reason));
      const firstId = ids.get(entry.id);
      // Within one file the parser has already dropped entries with a repeated id or term, so
      // anything repeated here is an alias or crosses files.
      if (firstId) fail(labels.idAlsoAt(entry.id, firstId));
      else ids.set(entry.id, here);
      for (const form of new Set([entry.zh, ...(entry.aliases ?? []).map((a) => a.zh)])) {
        const key = `${entry.domain ?? ''}\u0000${form}`;
        const first = forms.get(key);
        if (first) fail(labels.formAlsoAt(form, first, entry.domain ?? ''));
        else forms.set(key, here);
      }
    });
  });
  return problems;
}
