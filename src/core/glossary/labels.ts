/**
 * What the glossary reader and its content checks tell a user, as functions so a front end can
 * localise them: the extension builds these from vscode.l10n, the CLI uses the English default.
 * Lower rooms' checks (text decoding, traditional forms, pinyin) come along as their own labels.
 */
import { ENGLISH_PINYIN_LABELS, type PinyinLabels } from '../reading/pinyin';
import { ENGLISH_SCRIPT_LABELS, type ScriptLabels } from '../text/script';
import { ENGLISH_TEXT_LABELS, type TextLabels } from '../text/text';

/** Problems of any JSON file Hanzi Gloss reads (glossaries, sidecar notes, settings). */
export interface JsonLabels {
  readonly tooDeep: (maxDepth: number) => string;
  /** `code` is jsonc-parser's name for the error, e.g. "CommaExpected". */
  readonly syntaxError: (code: string) => string;
}

export const ENGLISH_JSON_LABELS: JsonLabels = {
  tooDeep: (max) => `JSON nested deeper than ${max} levels`,
  syntaxError: (code) => `JSON syntax error: ${code}`,
};

/** Problems of the exchange formats' own syntax (their entries then go through the content checks). */
export interface FormatLabels {
  /** `message` is papaparse's or the XML validator's own (English) description. */
  readonly csvError: (message: string) => string;
  readonly csvNoChinese: (row: number, zh: string) => string;
  readonly csvNoEnglish: (row: number, zh: string) => string;
  readonly tsvNoChinese: (zh: string) => string;
  readonly tsvNoEnglish: (zh: string) => string;
  readonly tbxEntities: () => string;
  readonly tbxInternalSubset: () => string;
  readonly xmlTooDeep: (maxDepth: number) => string;
  /** `last` is the innermost open element, `open` all of them, outermost first. */
  readonly xmlUnclosed: (last: string, open: string) => string;
  readonly xmlError: (message: string) => string;
  readonly notTbx: () => string;
  readonly tbxNoChinese: () => string;
  readonly tbxNoEnglish: (term: string) => string;
  readonly notCedictLine: () => string;
}

export const ENGLISH_FORMAT_LABELS: FormatLabels = {
  csvError: (message) => `CSV: ${message}`,
  csvNoChinese: (row, zh) => `row ${row}: the Chinese column must hold a Chinese term ("${zh}")`,
  csvNoEnglish: (row, zh) => `row ${row}: "${zh}" has no English rendering`,
  tsvNoChinese: (zh) => `the first column must be a Chinese term: "${zh}"`,
  tsvNoEnglish: (zh) => `"${zh}" has no English rendering in the second column`,
  tbxEntities: () => 'entity declarations are not allowed in a TBX glossary',
  tbxInternalSubset: () => 'a DOCTYPE internal subset ([…]) is not allowed in a TBX glossary',
  xmlTooDeep: (max) => `XML nested deeper than ${max} elements`,
  xmlUnclosed: (last, open) => `XML: the file ends inside <${last}> (not closed: ${open})`,
  xmlError: (message) => `XML: ${message}`,
  notTbx: () => 'not a TBX file: expected a <tbx> (v3) or <martif> (v2) root element',
  tbxNoChinese: () => 'concept has no Chinese term (zh, zh-Hans, zh-CN, zh-Hant, zh-TW or zh-HK)',
  tbxNoEnglish: (term) => `"${term}" has no English term that is allowed`,
  notCedictLine: () => 'not a CC-CEDICT line: expected "TRADITIONAL SIMPLIFIED [pin1 yin1] /english/…/"',
};

/** Why an edit of a glossary file (add, edit, remove an entry) cannot be made. */
export interface EditLabels {
  readonly notJson: (line: number, column: number, reason: string) => string;
  readonly noEntry: (id: string) => string;
}

export const ENGLISH_EDIT_LABELS: EditLabels = {
  notJson: (line, column, reason) =>
    `the file does not read as JSON (line ${line}, column ${column}: ${reason}); fix it first`,
  noEntry: (id) => `no entry with id "${id}"`,
};

export interface GlossaryLabels extends JsonLabels {
  readonly edit: EditLabels;
  readonly text: TextLabels;
  readonly formats: FormatLabels;
  readonly script: ScriptLabels;
  readonly pinyin: PinyinLabels;
  // Names of the values a problem is about; `field` is a JSON key as written, e.g. "zh" with its quotes.
  readonly theGlossary: () => string;
  readonly anEntry: () => string;
  readonly anAlias: () => string;
  readonly aliasField: (field: string) => string;
  readonly eachItemOf: (what: string) => string;
  // The JSON reader.
  readonly emptyFile: () => string;
  readonly mustBeObject: (what: string) => string;
  readonly unknownProperty: (key: string, what: string, allowed: string) => string;
  readonly propertyTwice: (key: string, what: string) => string;
  readonly nonEmptyString: (what: string) => string;
  readonly nonEmptyStrings: (what: string) => string;
  readonly strings: (what: string) => string;
  readonly needsEntries: () => string;
  readonly entryNeedsId: () => string;
  readonly entryNeedsZh: () => string;
  readonly entryNeedsEn: () => string;
  readonly aliasesShape: () => string;
  readonly aliasNeedsZh: () => string;
  // The content checks of every format.
  readonly zhNotChinese: (zh: string) => string;
  readonly aliasZhNotChinese: (zh: string) => string;
  // A rendering's stem marker or exact flag that cannot be read (glossary/rendering.ts).
  readonly markerStartsWord: (rendering: string) => string;
  readonly twoMarkers: (rendering: string) => string;
  readonly markerInExact: (rendering: string) => string;
  readonly exactNotRendering: (rendering: string) => string;
  readonly duplicateId: (id: string, firstLine: number) => string;
  readonly duplicateTerm: (zh: string, domain: string, firstLine: number) => string;
  /** The same term again with another reading (`first` there, `here` here). */
  readonly duplicateReading: (zh: string, domain: string, firstLine: number, first: string, here: string) => string;
  // Across the files of one layer; `where` is "file:line".
  readonly idAlsoAt: (id: string, where: string) => string;
  readonly formAlsoAt: (form: string, where: string, domain: string) => string;
}

const duplicate = (zh: string, domain: string, line: number) =>
  `duplicate term "${zh}" in domain "${domain}" (first at line ${line})`;

export const ENGLISH_GLOSSARY_LABELS: GlossaryLabels = {
  ...ENGLISH_JSON_LABELS,
  edit: ENGLISH_EDIT_LABELS,
  text: ENGLISH_TEXT_LABELS,
  formats: ENGLISH_FORMAT_LABELS,
  script: ENGLISH_SCRIPT_LABELS,
  pinyin: ENGLISH_PINYIN_LABELS,
  theGlossary: () => 'the glossary',
  anEntry: () => 'an entry',
  anAlias: () => 'an alias',
  aliasField: (field) => `alias ${field}`,
  eachItemOf: (what) => `each item of ${what}`,
  emptyFile: () => 'empty file: expected a glossary object',
  mustBeObject: (what) => `${what} must be an object`,
  unknownProperty: (key, what, allowed) => `unknown property "${key}" in ${what} (allowed: ${allowed})`,
  propertyTwice: (key, what) => `property "${key}" appears twice in ${what}`,
  nonEmptyString: (what) => `${what} must be a non-empty string`,
  nonEmptyStrings: (what) => `${what} must be a non-empty array of strings`,
  strings: (what) => `${what} must be an array of strings`,
  needsEntries: () => 'the glossary needs an "entries" array',
  entryNeedsId: () => 'entry needs an "id"',
  entryNeedsZh: () => 'entry needs "zh" (the simplified Chinese term)',
  entryNeedsEn: () => 'entry needs "en" (English renderings, preferred first)',
  aliasesShape: () => '"aliases" must be an array of { "zh", "pinyin" } objects',
  aliasNeedsZh: () => 'alias needs "zh"',
  zhNotChinese: (zh) => `"zh" must contain Chinese characters: "${zh}"`,
  aliasZhNotChinese: (zh) => `alias "zh" must contain Chinese characters: "${zh}"`,
  markerStartsWord: (r) => `stem marker "|" at the start of a word in "${r}": the part before it is what must match`,
  twoMarkers: (r) => `two stem markers "|" in one word of "${r}": a word has at most one`,
  markerInExact: (r) => `"${r}" has a stem marker "|" but is listed in "exact", which matches as written`,
  exactNotRendering: (r) => `"exact" lists "${r}", which is not one of the renderings in "en" or "forbidden"`,
  duplicateId: (id, line) => `duplicate id "${id}" (first at line ${line})`,
  duplicateTerm: (zh, domain, line) =>
    `${duplicate(zh, domain, line)}; add another English rendering to that entry instead`,
  duplicateReading: (zh, domain, line, first, here) =>
    `${duplicate(zh, domain, line)}; a glossary keeps one reading per term ("${first}" there, "${here}" here)`,
  idAlsoAt: (id, where) => `id "${id}" is also used at ${where}`,
  formAlsoAt: (form, where, domain) => `"${form}" is also a term or alias at ${where} (domain "${domain}")`,
};
