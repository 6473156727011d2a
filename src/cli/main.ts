#!/usr/bin/env node
/**
 * hanzi-gloss: the command-line front end over the same core as the extension.
 * Exit codes: 0 success, 1 unreadable or invalid input, 2 bad usage. Errors are one line on stderr.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findPassages } from '../core/text/detect';
import { CedictAssetError, loadCedictLayer } from '../core/lexicon/cedictAsset';
import { fileByteSource } from '../node/fileByteSource';
import { AtomicWriteError, writeFileAtomic } from '../node/atomicWrite';
import { formatForPath } from '../core/glossary/formats';
import { crossFileProblems, isGlossaryFileName, loadGlossaries, type GlossaryFile } from '../core/glossary/load';
import type { Lexicon } from '../core/lexicon/lexicon';
import type { SourcedGlossary } from '../core/glossary/entry';
import { composeLexicon } from '../core/lexicon/compose';
import { GlossarySearch } from '../core/lexicon/search';
import { isPrebuilt, loadCurated } from '../core/lexicon/curatedAsset';
import { assetFingerprint, bytesSource } from '../core/lexicon/assetContainer';
import { openSearchAsset, SearchAssetError, type OpenedLayer } from '../core/lexicon/searchAsset';
import type { PrebuiltSegments } from '../core/lexicon/search';
import type { ToneStyle } from '../core/reading/pinyin';
import { pinyinOfText } from '../core/document/pinyinText';
import { scanMatches, scanText } from '../core/document/scan';
import { decodeUtf8, LocatedError } from '../core/text/text';
import { annotateText, checkText } from './annotate';
import { formatScanTable, formatStats, scanJsonChunks } from './format';
import { glossaryStats } from '../core/glossary/stats';
import { streamToStdout } from './stream';

const USAGE = `Usage:
  hanzi-gloss scan <file> [--glossary <path>]... [--json] [--tones marks|numbers]
  hanzi-gloss pinyin <text> [--glossary <path>]... [--tones marks|numbers]
  hanzi-gloss validate [<glossary>...] [--stats]  formats by extension, as for convert; --stats: counts
  hanzi-gloss convert <in> <out>        formats by extension: .json .tsv .csv .tbx .u8
  hanzi-gloss annotate <file> [--glossary <path>]...
  hanzi-gloss check <file> [--glossary <path>]... [--json]
  hanzi-gloss search <query> [--glossary <path>]... [--json] [--limit N]
  hanzi-gloss --help`;

class UsageError extends Error {}
class InputError extends Error {}

/** The curated glossary folder: beside dist/ in the package. */
function curatedDir(): string {
  return resolve(__dirname, '..', 'glossary');
}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${path}: cannot read file (${code})`);
  }
}

/** A text file, decoded as UTF-8 (refused with the file's name and the position if it is not). */
function readText(path: string): string {
  return decodeUtf8(readInput(path), path);
}

/** Replaces the file atomically, keeping its mode, links and owner (see src/node/atomicWrite.ts). */
function writeAtomically(path: string, content: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (e) {
    if (e instanceof AtomicWriteError) throw new InputError(e.message);
    throw e;
  }
}

/** The CC-CEDICT asset beside the CLI; its records are read on lookup, so damage can show late. */
const CEDICT_PATH = resolve(__dirname, 'cedict.bin');

/** The curated layer prebuilt from glossary/ by the build; used only if built from the files beside it. */
const CURATED_PATH = resolve(__dirname, 'curated.bin');

/** The search index of the curated and CC-CEDICT layers, prebuilt from the two assets by the build. */
const SEARCH_PATH = resolve(__dirname, 'search.bin');

/** An asset's bytes, or undefined if it cannot be read (the caller has a way without it). */
function readAsset(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The curated glossary files, enumerated: what `validate` checks and the prebuilt layer must match. */
function curatedFiles(): GlossaryFile[] {
  const dir = curatedDir();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${dir}: cannot read the curated glossary folder (${code}); reinstall hanzi-gloss`);
  }
  return names
    .filter(isGlossaryFileName)
    .sort()
    .map((name) => ({ path: relative(process.cwd(), join(dir, name)) || name, bytes: readInput(join(dir, name)) }));
}

function firstProblem(problems: readonly LocatedError[]): never {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s); run hanzi-gloss validate)` : '';
  throw new InputError(problems[0].message + more);
}

/**
 * Curated layer, plus a higher layer of the glossaries given with --glossary. `shipped` (if given)
 * gets the layers opened from the shipped assets, for the prebuilt search index.
 */
function buildLexicon(extra: readonly string[], shipped?: OpenedLayer[]): Lexicon {
  let workspace: SourcedGlossary[] = [];
  if (extra.length > 0) {
    const loaded = loadGlossaries(
      extra.map((p) => ({ path: p, bytes: readInput(p) })),
      'workspace',
    );
    if (loaded.problems.length > 0) firstProblem(loaded.problems);
    workspace = loaded.glossaries;
  }
  const curatedAsset = readAsset(CURATED_PATH);
  const curated = loadCurated(curatedFiles(), curatedAsset);
  if (curated.problems.length > 0) firstProblem(curated.problems);
  if (isPrebuilt(curated.curated) && curatedAsset) {
    const fingerprint = assetFingerprint(bytesSource(curatedAsset));
    shipped?.push({ name: 'curated', layer: curated.curated.layer, fingerprint });
  }
  let cedict;
  try {
    const source = fileByteSource(CEDICT_PATH);
    cedict = loadCedictLayer(source);
    shipped?.push({ name: 'cedict', layer: cedict, fingerprint: assetFingerprint(source) });
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(`${CEDICT_PATH}: cannot load the CC-CEDICT asset (${reason}); run npm run build`);
  }
  return composeLexicon({ workspace, curated: curated.curated, cedict });
}

/**
 * The prebuilt segments of the shipped layers; without a usable search.bin (a checkout not built
 * since, a damaged file) they are built now, slower but the same, and stderr says why.
 */
function prebuiltSearch(shipped: readonly OpenedLayer[]): PrebuiltSegments {
  const bytes = readAsset(SEARCH_PATH);
  let reason = 'missing';
  if (bytes) {
    try {
      const { segments, skipped } = openSearchAsset(bytes, shipped);
      if (skipped.length === 0) return segments;
      reason = skipped.join('; ');
    } catch (e) {
      if (!(e instanceof SearchAssetError)) throw e;
      reason = e.message;
    }
  }
  process.stderr.write(`hanzi-gloss: ${SEARCH_PATH}: ${reason}; the search index is built now (run npm run build)\n`);
  return new Map();
}

function toneStyle(value: string | undefined): ToneStyle {
  if (value === undefined || value === 'marks') return 'marks';
  if (value === 'numbers') return 'numbers';
  throw new UsageError(`--tones must be "marks" or "numbers", not "${value}"`);
}

/** --limit: how many results search prints (20 unless given). */
function searchLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  if (!/^[1-9][0-9]*$/.test(value)) throw new UsageError(`--limit must be a whole number of 1 or more, not "${value}"`);
  return Number(value);
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        glossary: { type: 'string', multiple: true, short: 'g' },
        json: { type: 'boolean' },
        stats: { type: 'boolean' },
        tones: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function run(argv: string[], out: (s: string) => void): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const { values, positionals } = parse(rest);
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.stats && command !== 'validate') throw new UsageError('--stats goes with validate only');
  if (values.limit !== undefined && command !== 'search') throw new UsageError('--limit goes with search only');
  switch (command) {
    case 'scan': {
      if (positionals.length !== 1) throw new UsageError('scan takes exactly one file');
      const style = toneStyle(values.tones);
      const text = readText(positionals[0]);
      const lexicon = buildLexicon(values.glossary ?? []);
      if (values.json) {
        // Streamed: a 50 MB file's output is made as stdout takes it, never held whole.
        const passages = findPassages(text);
        streamToStdout(scanJsonChunks(passages, scanMatches(text, passages, lexicon, style)));
        return 0;
      }
      streamToStdout([formatScanTable(text, scanText(text, lexicon, style))]);
      return 0;
    }
    case 'pinyin': {
      if (positionals.length === 0) throw new UsageError('pinyin needs the text to read');
      const style = toneStyle(values.tones);
      out(pinyinOfText(positionals.join(' '), buildLexicon(values.glossary ?? []), style));
      return 0;
    }
    case 'validate': {
      if (values.json || values.tones || values.glossary)
        throw new UsageError('validate takes only glossary file paths');
      const files =
        positionals.length > 0 ? positionals.map((p) => ({ path: p, bytes: readInput(p) })) : curatedFiles();
      const loaded = loadGlossaries(files, 'curated');
      const { glossaries } = loaded;
      const problems = [...loaded.problems, ...crossFileProblems(loaded)];
      for (const p of problems) process.stderr.write(p.message + '\n');
      const entries = glossaries.reduce((n, g) => n + g.glossary.entries.length, 0);
      if (problems.length > 0) {
        process.stderr.write(`hanzi-gloss: ${problems.length} problem(s) in ${files.length} file(s)\n`);
        return 1;
      }
      out(`ok: ${files.length} glossary file(s), ${entries} entries`);
      if (values.stats) out(formatStats(glossaryStats(glossaries)));
      return 0;
    }
    case 'convert': {
      if (positionals.length !== 2) throw new UsageError('convert takes an input and an output file');
      const [input, output] = positionals;
      const unknown = (path: string) =>
        new UsageError(`${path}: unknown glossary format (use .json .tsv .csv .tbx or .u8)`);
      const from = formatForPath(input);
      const to = formatForPath(output);
      if (!from) throw unknown(input);
      if (!to) throw unknown(output);
      // The input gets exactly the checks `validate` gives it, and the output is checked again as
      // the file it will be: a convert never writes a glossary that validate would refuse.
      const loaded = loadGlossaries([{ path: input, bytes: readInput(input) }], 'workspace');
      const glossary = loaded.glossaries[0].glossary;
      let problems = [...loaded.problems, ...crossFileProblems(loaded)];
      let text = '';
      if (problems.length === 0) {
        text = to.serialize(glossary);
        const written = loadGlossaries([{ path: output, bytes: new TextEncoder().encode(text) }], 'workspace');
        problems = [...written.problems, ...crossFileProblems(written)];
      }
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(p.message + '\n');
        process.stderr.write(`hanzi-gloss: ${problems.length} problem(s); ${output} not written\n`);
        return 1;
      }
      writeAtomically(output, text);
      // One line per kind of field the output format cannot hold, so that nothing is lost silently.
      for (const line of to.fit(glossary).lost) process.stderr.write(`hanzi-gloss: ${output}: ${line}\n`);
      out(`${output}: ${glossary.entries.length} entries (${from.label} → ${to.label})`);
      return 0;
    }
    case 'annotate': {
      if (positionals.length !== 1) throw new UsageError('annotate takes exactly one file');
      const text = readText(positionals[0]);
      out(annotateText(text, buildLexicon(values.glossary ?? [])).replace(/\n$/, ''));
      return 0;
    }
    case 'check': {
      if (positionals.length !== 1) throw new UsageError('check takes exactly one file');
      const file = positionals[0];
      const problems = checkText(readText(file), buildLexicon(values.glossary ?? []));
      if (values.json)
        out(
          JSON.stringify({
            problems: problems.map(({ line, column, code, message, term }) => ({
              line,
              column,
              code,
              message,
              ...(term ? { term } : {}),
            })),
          }),
        );
      else for (const p of problems) out(`${file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
      return problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    case 'search': {
      if (positionals.length === 0) throw new UsageError('search needs the query');
      if (values.tones) throw new UsageError('search takes no --tones');
      const limit = searchLimit(values.limit);
      const shipped: OpenedLayer[] = [];
      const lexicon = buildLexicon(values.glossary ?? [], shipped);
      const results = new GlossarySearch(lexicon, prebuiltSearch(shipped)).search(positionals.join(' '), limit);
      if (values.json)
        out(
          JSON.stringify({
            results: results.map(({ zh, pinyin, en, source }) => ({ zh, pinyin, en, source: source.id })),
          }),
        );
      else for (const r of results) out(`${r.zh}\t${r.pinyin}\t${r.en.join('; ')}\t${r.source.id}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** One line for what went wrong outside the input checks; the stack only when asked for. */
function failure(e: unknown): string {
  if (e instanceof InputError || e instanceof LocatedError) return e.message;
  if (e instanceof CedictAssetError) return `${CEDICT_PATH}: ${e.message}; run npm run build`;
  const error = e instanceof Error ? e : new Error(String(e));
  const notFound = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
  const missing = notFound && /Cannot find module '([^']+)'/.exec(error.message);
  if (missing) {
    const file = resolve(__dirname, missing[1]);
    return `${file}: missing from the installation; reinstall hanzi-gloss (or run npm run build)`;
  }
  const debug = process.env.HANZI_GLOSS_DEBUG ? `\n${error.stack}` : ' (set HANZI_GLOSS_DEBUG=1 for details)';
  return `internal error: ${error.name}: ${error.message.split('\n')[0]}${debug}`;
}

function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s + '\n'));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hanzi-gloss: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`hanzi-gloss: ${failure(e)}\n`);
      process.exitCode = 1;
    }
  }
}

main();
