/**
 * Reads a JSON (or JSONC) glossary file. Parsing goes through jsonc-parser's syntax tree so that
 * every problem — a syntax error, a missing field, a duplicate id, a reading that does not fit its
 * characters — carries the file, line and column where the user must look.
 */
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, LocatedError, type LineColumn } from '../text/text';
import { entryProblems, RepeatCheck, type EntryField } from './checks';
import type { Alias, Glossary, GlossaryEntry } from './entry';
import { ENTRY_FIELDS } from './entry';
import { fileStem } from '../text/fileName';
import { ENGLISH_GLOSSARY_LABELS, ENGLISH_JSON_LABELS, type GlossaryLabels, type JsonLabels } from './labels';

export interface GlossaryParseResult {
  /** The valid entries; an entry with a problem is left out, never half-read. */
  readonly glossary: Glossary;
  readonly problems: readonly LocatedError[];
  /** Where each entry's "zh" stands, parallel to glossary.entries (for problems found across files). */
  readonly positions: readonly LineColumn[];
}

export interface ParseOptions {
  /**
   * Also check each syllable against Mandarin's syllable table (builds the table on first use,
   * ~0.3 s; on by default). Counts, case and tone-mark placement are always checked.
   */
  readonly checkPinyin?: boolean;
  /**
   * Data validated in CI (the curated glossaries): read with JSON.parse and a shape check, falling
   * back to the full, positioned reading only if that fails. Keeps the index fast to load.
   */
  readonly trusted?: boolean;
  /** What problems say (the English default unless a front end localises them). */
  readonly labels?: GlossaryLabels;
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** The trusted fast path; undefined when anything looks off (the full reader then says what). */
function parseTrusted(text: string): Glossary | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = doc as { name?: unknown; domain?: unknown; entries?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.entries)) return undefined;
  const domain = typeof root.domain === 'string' ? root.domain : undefined;
  const entries: GlossaryEntry[] = [];
  for (const raw of root.entries as Record<string, unknown>[]) {
    if (typeof raw?.id !== 'string' || typeof raw.zh !== 'string' || !isStrings(raw.en) || raw.en.length === 0)
      return undefined;
    const str = (k: string) => (typeof raw[k] === 'string' ? { [k]: raw[k] as string } : {});
    const entryDomain = typeof raw.domain === 'string' ? raw.domain : domain;
    entries.push({
      id: raw.id,
      zh: raw.zh,
      en: raw.en,
      ...str('traditional'),
      ...str('pinyin'),
      ...(isStrings(raw.forbidden) ? { forbidden: raw.forbidden } : {}),
      ...(isStrings(raw.exact) ? { exact: raw.exact } : {}),
      ...(entryDomain ? { domain: entryDomain } : {}),
      ...str('category'),
      ...str('note'),
      ...str('ref'),
      ...(Array.isArray(raw.aliases)
        ? { aliases: (raw.aliases as Alias[]).filter((a) => typeof a?.zh === 'string') }
        : {}),
    });
  }
  return { name: typeof root.name === 'string' ? root.name : 'glossary', domain, entries };
}

/**
 * Deeper than any JSON file of ours needs (a glossary is 5 levels deep). jsonc-parser builds its
 * tree recursively and overflows the stack at a few thousand levels, which a 6 KB file reaches.
 */
export const MAX_JSON_DEPTH = 100;

/** Offset of the first bracket that opens level MAX_JSON_DEPTH + 1, found by the (iterative) scanner. */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) depth--;
  }
  return undefined;
}

/**
 * The one way Hanzi Gloss reads a JSON file into a syntax tree (glossaries, sidecar notes, settings):
 * nesting is bounded first, and every syntax error comes back as a located problem.
 */
export function parseJsonTree(
  text: string,
  file: string,
  lines = new LineIndex(text),
  labels: JsonLabels = ENGLISH_JSON_LABELS,
): { root?: Node; problems: LocatedError[] } {
  const problems: LocatedError[] = [];
  const fail = (offset: number, reason: string) => {
    const { line, column } = lines.at(offset);
    problems.push(new LocatedError(file, line, column, reason));
  };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    fail(deep, labels.tooDeep(MAX_JSON_DEPTH));
    return { problems };
  }
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  // Only the first: the parser's later errors follow from it (a truncated file gives five).
  if (syntax.length > 0) fail(syntax[0].offset, labels.syntaxError(printParseErrorCode(syntax[0].error)));
  return syntax.length > 0 || !root ? { problems } : { root, problems };
}

const ROOT_KEYS = new Set(['$schema', 'name', 'domain', 'description', 'entries']);
const ENTRY_KEYS = new Set<string>(ENTRY_FIELDS);
const ALIAS_KEYS = new Set(['zh', 'pinyin']);

class Reader {
  readonly problems: LocatedError[] = [];
  readonly lines: LineIndex;
  constructor(
    private readonly file: string,
    text: string,
    readonly labels: GlossaryLabels,
  ) {
    this.lines = new LineIndex(text);
  }

  fail(offset: number, reason: string): void {
    const { line, column } = this.lines.at(offset);
    this.problems.push(new LocatedError(this.file, line, column, reason));
  }

  /** Properties of an object node, reporting unknown keys; undefined (and a problem) if not an object. */
  properties(node: Node, allowed: Set<string>, what: string): Map<string, Node> | undefined {
    if (node.type !== 'object') {
      this.fail(node.offset, this.labels.mustBeObject(what));
      return undefined;
    }
    const props = new Map<string, Node>();
    let ok = true;
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      if (!allowed.has(key)) {
        this.fail(keyNode.offset, this.labels.unknownProperty(key, what, [...allowed].join(', ')));
        ok = false;
      } else if (props.has(key)) {
        this.fail(keyNode.offset, this.labels.propertyTwice(key, what));
        ok = false;
      }
      props.set(key, valueNode);
    }
    return ok ? props : undefined;
  }

  string(node: Node | undefined, what: string, required: boolean): string | undefined | null {
    if (!node) {
      return required ? null : undefined;
    }
    if (node.type !== 'string' || String(node.value).trim() === '') {
      this.fail(node.offset, this.labels.nonEmptyString(what));
      return null;
    }
    return String(node.value);
  }

  strings(node: Node | undefined, what: string, required: boolean): string[] | undefined | null {
    if (!node) return required ? null : undefined;
    if (node.type !== 'array' || (required && (node.children ?? []).length === 0)) {
      this.fail(node.offset, required ? this.labels.nonEmptyStrings(what) : this.labels.strings(what));
      return null;
    }
    const out: string[] = [];
    for (const item of node.children ?? []) {
      const s = this.string(item, this.labels.eachItemOf(what), true);
      if (typeof s !== 'string') return null;
      out.push(s.trim());
    }
    return out;
  }
}

export function parseGlossaryJson(text: string, file: string, options: ParseOptions = {}): GlossaryParseResult {
  if (options.trusted) {
    const glossary = parseTrusted(text);
    if (glossary) return { glossary, problems: [], positions: [] };
  }
  const labels = options.labels ?? ENGLISH_GLOSSARY_LABELS;
  const reader = new Reader(file, text, labels);
  const fallbackName = fileStem(file, ['.json', '.jsonc']);
  if (text.trim() === '') {
    reader.fail(0, labels.emptyFile());
    return { glossary: { name: fallbackName, entries: [] }, problems: reader.problems, positions: [] };
  }
  const { root, problems: syntax } = parseJsonTree(text, file, reader.lines, labels);
  if (!root) return { glossary: { name: fallbackName, entries: [] }, problems: syntax, positions: [] };
  const props = reader.properties(root, ROOT_KEYS, labels.theGlossary());
  if (!props) return { glossary: { name: fallbackName, entries: [] }, problems: reader.problems, positions: [] };
  const name = reader.string(props.get('name'), '"name"', false) ?? fallbackName;
  const domain = reader.string(props.get('domain'), '"domain"', false) ?? undefined;
  const entriesNode = props.get('entries');
  const entries: GlossaryEntry[] = [];
  if (!entriesNode || entriesNode.type !== 'array') {
    reader.fail(entriesNode?.offset ?? root.offset, labels.needsEntries());
    return { glossary: { name, domain, entries }, problems: reader.problems, positions: [] };
  }
  const positions: LineColumn[] = [];
  const repeats = new RepeatCheck(labels);
  for (const node of entriesNode.children ?? []) {
    const read = readEntry(reader, node, domain);
    if (!read) continue;
    const { entry, where } = read;
    const at = (field: EntryField) => (where.get(field) ?? node).offset;
    const found = entryProblems(entry, options.checkPinyin !== false, labels);
    for (const p of found) reader.fail(at(p.field), p.reason);
    if (found.length > 0) continue;
    const repeat = repeats.repeat(entry, reader.lines.at(at('id')).line, reader.lines.at(at('zh')).line);
    if (repeat) {
      reader.fail(at(repeat.field), repeat.reason);
      continue;
    }
    entries.push(entry);
    positions.push(reader.lines.at(at('zh')));
  }
  return { glossary: { name, domain, entries }, problems: reader.problems, positions };
}

/** An entry's values as written (structure checked), and the node of each value, for positions. */
function readEntry(
  reader: Reader,
  node: Node,
  glossaryDomain: string | undefined,
): { entry: GlossaryEntry; where: Map<EntryField, Node> } | undefined {
  const props = reader.properties(node, ENTRY_KEYS, reader.labels.anEntry());
  if (!props) return undefined;
  const before = reader.problems.length;
  const id = reader.string(props.get('id'), '"id"', true);
  const zh = reader.string(props.get('zh'), '"zh"', true);
  const traditional = reader.string(props.get('traditional'), '"traditional"', false);
  const pinyin = reader.string(props.get('pinyin'), '"pinyin"', false);
  const en = reader.strings(props.get('en'), '"en"', true);
  const forbidden = reader.strings(props.get('forbidden'), '"forbidden"', false);
  const exact = reader.strings(props.get('exact'), '"exact"', false);
  const domain = reader.string(props.get('domain'), '"domain"', false);
  const category = reader.string(props.get('category'), '"category"', false);
  const note = reader.string(props.get('note'), '"note"', false);
  const ref = reader.string(props.get('ref'), '"ref"', false);
  if (id === null && !props.has('id')) reader.fail(node.offset, reader.labels.entryNeedsId());
  if (zh === null && !props.has('zh')) reader.fail(node.offset, reader.labels.entryNeedsZh());
  if (en === null && !props.has('en')) reader.fail(node.offset, reader.labels.entryNeedsEn());
  const where = new Map<EntryField, Node>();
  for (const field of ['id', 'zh', 'traditional', 'pinyin'] as const) {
    const value = props.get(field);
    if (value) where.set(field, value);
  }
  // Each rendering's own node, for problems with its notation (a misplaced stem marker, "exact").
  for (const field of ['en', 'forbidden', 'exact'] as const) {
    (props.get(field)?.children ?? []).forEach((item, k) => where.set(`${field}.${k}`, item));
  }
  const aliases = readAliases(reader, props.get('aliases'), where);
  if (reader.problems.length > before || !id || !zh || !en || aliases === null) return undefined;
  const entry: GlossaryEntry = {
    id,
    zh,
    en,
    ...(traditional ? { traditional } : {}),
    ...(pinyin ? { pinyin } : {}),
    ...(forbidden ? { forbidden } : {}),
    ...(exact ? { exact } : {}),
    ...((domain ?? glossaryDomain) ? { domain: domain ?? glossaryDomain } : {}),
    ...(category ? { category } : {}),
    ...(note ? { note } : {}),
    ...(ref ? { ref } : {}),
    ...(aliases && aliases.length > 0 ? { aliases } : {}),
  };
  return { entry, where };
}

function readAliases(reader: Reader, node: Node | undefined, where: Map<EntryField, Node>): Alias[] | undefined | null {
  if (!node) return undefined;
  if (node.type !== 'array') {
    reader.fail(node.offset, reader.labels.aliasesShape());
    return null;
  }
  const out: Alias[] = [];
  for (const item of node.children ?? []) {
    const props = reader.properties(item, ALIAS_KEYS, reader.labels.anAlias());
    if (!props) return null;
    const zh = reader.string(props.get('zh'), reader.labels.aliasField('"zh"'), true);
    const pinyin = reader.string(props.get('pinyin'), reader.labels.aliasField('"pinyin"'), false);
    if (!zh) {
      if (zh === null && !props.has('zh')) reader.fail(item.offset, reader.labels.aliasNeedsZh());
      return null;
    }
    if (pinyin === null) return null;
    where.set(`aliases.${out.length}.zh`, props.get('zh')!);
    if (pinyin) where.set(`aliases.${out.length}.pinyin`, props.get('pinyin')!);
    out.push(pinyin ? { zh, pinyin } : { zh });
  }
  return out;
}
