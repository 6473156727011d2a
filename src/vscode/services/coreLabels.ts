/**
 * The core's user-facing messages (glossary problems, QA findings, pinyin and settings checks)
 * localised through vscode.l10n. `l10n` is passed in (the extension gives `vscode.l10n`) so a unit
 * test can check every template against the zh-cn bundle and against the core's English default.
 * Each template is the literal first argument of l10n.t, where localisation.test.ts's audit finds it.
 */
import type { QaLabels } from '../../core/annotate/qa';
import type { SidecarLabels } from '../../core/annotate/sidecar';
import type { SettingsLabels } from '../../core/document/settings';
import type { EditLabels, FormatLabels, GlossaryLabels, JsonLabels } from '../../core/glossary/labels';
import type { PinyinLabels } from '../../core/reading/pinyin';
import type { ScriptLabels } from '../../core/text/script';
import type { TextLabels } from '../../core/text/text';

/** The slice of `vscode.l10n` used here. */
export interface L10n {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

export interface CoreLabels {
  readonly glossary: GlossaryLabels;
  readonly qa: QaLabels;
  readonly settings: SettingsLabels;
  readonly sidecar: SidecarLabels;
}

const text = (l10n: L10n): TextLabels => ({
  utf16Bom: (enc) => l10n.t('not UTF-8 ({0}: it starts with a UTF-16 byte-order mark); save it as UTF-8', enc),
  looksLike: (like) => l10n.t('not UTF-8 (looks like {0}); save it as UTF-8', like),
  invalidByte: (hex) => l10n.t('not UTF-8: invalid byte 0x{0}; save it as UTF-8', hex),
  invalidByteLooksLike: (like, hex) =>
    l10n.t('not UTF-8 (looks like {0}): invalid byte 0x{1}; save it as UTF-8', like, hex),
  nulByte: () => l10n.t('NUL byte (0x00): not a text file'),
});

const script = (l10n: L10n): ScriptLabels => ({
  traditionalLength: (t, s) => l10n.t('"traditional" must have as many characters as "zh" ({0} ≠ {1})', t, s),
  notTraditionalForm: (c, s) =>
    l10n.t('"traditional" has {0} where "zh" has {1}: {0} is not a traditional form of {1}', c, s),
});

export const pinyinLabels = (l10n: L10n): PinyinLabels => ({
  notLowerCase: (s) => l10n.t('pinyin syllable "{0}" must be lower case', s),
  toneNumber: (s) => l10n.t('pinyin syllable "{0}" uses a tone number; write tone marks (e.g. yā)', s),
  twoToneMarks: (s) => l10n.t('pinyin syllable "{0}" has more than one tone mark', s),
  notPinyin: (s) => l10n.t('"{0}" is not a pinyin syllable', s),
  notMandarin: (s) => l10n.t('"{0}" is not a Mandarin syllable', s),
  misplacedMark: (s, expected) => l10n.t('tone mark misplaced in "{0}" (expected "{1}")', s, expected),
  syllableCount: (pinyin, n, zh, units, han) =>
    l10n.t('pinyin "{0}" has {1} syllable(s) but "{2}" needs {3} ({4} Han character(s))', pinyin, n, zh, units, han),
  latinAsWritten: (token, written) => l10n.t('pinyin token "{0}" should repeat "{1}" as written', token, written),
});

const json = (l10n: L10n): JsonLabels => ({
  tooDeep: (max) => l10n.t('JSON nested deeper than {0} levels', max),
  syntaxError: (code) => l10n.t('JSON syntax error: {0}', code),
});

const formats = (l10n: L10n): FormatLabels => ({
  csvError: (message) => l10n.t('CSV: {0}', message),
  csvNoChinese: (row, zh) => l10n.t('row {0}: the Chinese column must hold a Chinese term ("{1}")', row, zh),
  csvNoEnglish: (row, zh) => l10n.t('row {0}: "{1}" has no English rendering', row, zh),
  tsvNoChinese: (zh) => l10n.t('the first column must be a Chinese term: "{0}"', zh),
  tsvNoEnglish: (zh) => l10n.t('"{0}" has no English rendering in the second column', zh),
  tbxEntities: () => l10n.t('entity declarations are not allowed in a TBX glossary'),
  tbxInternalSubset: () => l10n.t('a DOCTYPE internal subset ([…]) is not allowed in a TBX glossary'),
  xmlTooDeep: (max) => l10n.t('XML nested deeper than {0} elements', max),
  xmlUnclosed: (last, open) => l10n.t('XML: the file ends inside <{0}> (not closed: {1})', last, open),
  xmlError: (message) => l10n.t('XML: {0}', message),
  notTbx: () => l10n.t('not a TBX file: expected a <tbx> (v3) or <martif> (v2) root element'),
  tbxNoChinese: () => l10n.t('concept has no Chinese term (zh, zh-Hans, zh-CN, zh-Hant, zh-TW or zh-HK)'),
  tbxNoEnglish: (term) => l10n.t('"{0}" has no English term that is allowed', term),
  notCedictLine: () => l10n.t('not a CC-CEDICT line: expected "TRADITIONAL SIMPLIFIED [pin1 yin1] /english/…/"'),
});

const edit = (l10n: L10n): EditLabels => ({
  notJson: (line, column, reason) =>
    l10n.t('the file does not read as JSON (line {0}, column {1}: {2}); fix it first', line, column, reason),
  noEntry: (id) => l10n.t('no entry with id "{0}"', id),
});

/** A term written twice in one domain, and what to do about it (the two cases share the first part). */
const duplicate = (l10n: L10n, zh: string, domain: string, line: number, advice: string) =>
  l10n.t('duplicate term "{0}" in domain "{1}" (first at line {2}); {3}', zh, domain, line, advice);

const glossary = (l10n: L10n): GlossaryLabels => ({
  ...json(l10n),
  edit: edit(l10n),
  text: text(l10n),
  formats: formats(l10n),
  script: script(l10n),
  pinyin: pinyinLabels(l10n),
  theGlossary: () => l10n.t('the glossary'),
  anEntry: () => l10n.t('an entry'),
  anAlias: () => l10n.t('an alias'),
  aliasField: (field) => l10n.t('alias {0}', field),
  eachItemOf: (what) => l10n.t('each item of {0}', what),
  emptyFile: () => l10n.t('empty file: expected a glossary object'),
  mustBeObject: (what) => l10n.t('{0} must be an object', what),
  unknownProperty: (key, what, allowed) => l10n.t('unknown property "{0}" in {1} (allowed: {2})', key, what, allowed),
  propertyTwice: (key, what) => l10n.t('property "{0}" appears twice in {1}', key, what),
  nonEmptyString: (what) => l10n.t('{0} must be a non-empty string', what),
  nonEmptyStrings: (what) => l10n.t('{0} must be a non-empty array of strings', what),
  strings: (what) => l10n.t('{0} must be an array of strings', what),
  needsEntries: () => l10n.t('the glossary needs an "entries" array'),
  entryNeedsId: () => l10n.t('entry needs an "id"'),
  entryNeedsZh: () => l10n.t('entry needs "zh" (the simplified Chinese term)'),
  entryNeedsEn: () => l10n.t('entry needs "en" (English renderings, preferred first)'),
  aliasesShape: () => l10n.t('"aliases" must be an array of { "zh", "pinyin" } objects'),
  aliasNeedsZh: () => l10n.t('alias needs "zh"'),
  zhNotChinese: (zh) => l10n.t('"zh" must contain Chinese characters: "{0}"', zh),
  aliasZhNotChinese: (zh) => l10n.t('alias "zh" must contain Chinese characters: "{0}"', zh),
  markerStartsWord: (r) =>
    l10n.t('stem marker "|" at the start of a word in "{0}": the part before it is what must match', r),
  twoMarkers: (r) => l10n.t('two stem markers "|" in one word of "{0}": a word has at most one', r),
  markerInExact: (r) => l10n.t('"{0}" has a stem marker "|" but is listed in "exact", which matches as written', r),
  exactNotRendering: (r) => l10n.t('"exact" lists "{0}", which is not one of the renderings in "en" or "forbidden"', r),
  duplicateId: (id, line) => l10n.t('duplicate id "{0}" (first at line {1})', id, line),
  duplicateTerm: (zh, domain, line) =>
    duplicate(l10n, zh, domain, line, l10n.t('add another English rendering to that entry instead')),
  duplicateReading: (zh, domain, line, first, here) =>
    duplicate(
      l10n,
      zh,
      domain,
      line,
      l10n.t('a glossary keeps one reading per term ("{0}" there, "{1}" here)', first, here),
    ),
  idAlsoAt: (id, where) => l10n.t('id "{0}" is also used at {1}', id, where),
  formAlsoAt: (form, where, domain) =>
    l10n.t('"{0}" is also a term or alias at {1} (domain "{2}")', form, where, domain),
});

const qa = (l10n: L10n): QaLabels => ({
  forbiddenTerm: (bad, term, approved) =>
    l10n.t('"{0}" is a forbidden rendering of {1}; use "{2}"', bad, term, approved),
  missingTerm: (term, approved, renderings) =>
    l10n.t('{0} ({1}) has none of its approved renderings in the English: {2}', term, approved, renderings),
  numberMismatch: (written, value) => l10n.t('{0} ({1}) is missing or different in the English', written, value),
  extraNumber: (written) => l10n.t('{0} is in the English but not in the Chinese', written),
  termCount: (term, count, rendered) =>
    l10n.t('{0} occurs {1} times in the Chinese, its renderings {2} in the English', term, count, rendered),
  inconsistentRendering: (term, renderings) =>
    l10n.t('{0} is rendered differently in this file: {1}', term, renderings),
  untranslated: (chinese) => l10n.t('untranslated Chinese "{0}"', chinese),
});

/** English picks "a" or "an" by the type's name, so each article is its own template. */
const AN = new Set(['array', 'object', 'integer']);

const settings = (l10n: L10n): SettingsLabels => ({
  ...json(l10n),
  wrongType: (name, expected, actual, shown) =>
    AN.has(expected)
      ? l10n.t('{0} must be an {1}, not {2}{3}', name, expected, actual, shown)
      : l10n.t('{0} must be a {1}, not {2}{3}', name, expected, actual, shown),
  notOneOf: (name, allowed, value) => l10n.t('{0} must be one of {1}, not {2}', name, allowed, value),
  noSuchKey: (name, key, known) => l10n.t('{0} has no key "{1}" (known: {2})', name, key, known),
  notAnObject: () => l10n.t('settings must be a JSON object'),
  unknownSetting: (name) => l10n.t('unknown setting "{0}"', name),
});

const sidecar = (l10n: L10n): SidecarLabels => ({
  ...json(l10n),
  shape: () => l10n.t('expected {"version": 1, "notes": [...]}'),
  version: () => l10n.t('"version" must be 1 (this Hanzi Gloss reads version 1 only)'),
  noteNotObject: (k) => l10n.t('note {0} must be an object with "file", "line", "chinese" and "text"', k),
  noteLacks: (k, key) => l10n.t('note {0} has no "{1}"', k, key),
  noteNotLine: (k, key) => l10n.t('note {0}: "{1}" must be a line number (a whole number ≥ 0)', k, key),
  noteNotString: (k, key) => l10n.t('note {0}: "{1}" must be a string', k, key),
});

export function coreLabels(l10n: L10n): CoreLabels {
  return { glossary: glossary(l10n), qa: qa(l10n), settings: settings(l10n), sidecar: sidecar(l10n) };
}
