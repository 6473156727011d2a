/**
 * TBX-Basic through fast-xml-parser. Writes TBX v3 (conceptEntry / langSec / termSec); reads v3
 * and the older v2 (martif / termEntry / langSet / tig or ntig). Language tags zh, zh-Hans, zh-CN,
 * zh-SG are simplified; zh-Hant, zh-TW, zh-HK, zh-MO traditional; en* English. Forbidden renderings
 * are English terms with administrative status "deprecatedTerm-admn-sts". A DOCTYPE with an internal
 * subset (entity declarations) is refused outright: a glossary never needs one, and entities are how
 * XML files attack. Text that only mentions "<!ENTITY" (in a comment, a CDATA section) is fine.
 *
 * Every field has a place: the category is a concept note "category: …", a rendering in "exact" has
 * the term-level note "match: exact", and a note of the entry's
 * own that would read as one (or that starts with "note: ") is written as "note: …", the prefix the
 * reader removes. Carriage returns, and tabs and line breaks in attributes, are written as character
 * references, which XML's line-end and attribute normalisation leave alone. XML 1.0 cannot hold the
 * other control characters, U+FFFE, U+FFFF or unpaired surrogates at all, not even as references:
 * the export drops them and says which.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex, LocatedError, type LineColumn } from '../../text/text';
import type { Alias, Glossary, GlossaryEntry } from '../entry';
import { fitAllFields, idFor, type FittedGlossary, type FormatParseResult, type GlossaryFormat } from './common';
import { fileStem } from '../../text/fileName';
import { ENGLISH_GLOSSARY_LABELS, type FormatLabels } from '../labels';

type Node = Record<string, unknown>;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  const node = v as Node;
  return text(node['#text']);
}

function attr(node: unknown, name: string): string | undefined {
  const v = (node as Node | undefined)?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

type Script = 'simplified' | 'traditional' | 'english' | undefined;

function scriptOf(lang: string | undefined): Script {
  const l = (lang ?? '').toLowerCase();
  if (/^zh-(hant|tw|hk|mo)\b/.test(l)) return 'traditional';
  if (/^zh\b/.test(l)) return 'simplified';
  if (/^en\b/.test(l)) return 'english';
  return undefined;
}

interface TermInfo {
  term: string;
  status?: string;
  pronunciation?: string;
  /** The term's note "match: exact": the QA matches it as written (the entry's "exact"). */
  exact?: boolean;
}

/** The term-level note that marks a rendering as matched exactly (TBX-Basic has no data category for it). */
const EXACT_NOTE = 'match: exact';

/** v3 termSec, v2 tig (term + termNote) and v2 ntig (termGrp/term + termNote). */
function termsOf(langNode: Node): TermInfo[] {
  const out: TermInfo[] = [];
  const read = (holder: Node, notesFrom: Node) => {
    const term = text(holder.term);
    if (!term) return;
    const info: TermInfo = { term };
    for (const note of asArray(notesFrom.termNote as Node | Node[])) {
      const type = attr(note, 'type');
      if (type === 'administrativeStatus') info.status = text(note);
      if (type === 'pronunciation') info.pronunciation = text(note);
    }
    if (asArray(notesFrom.note as unknown[]).some((n) => text(n) === EXACT_NOTE)) info.exact = true;
    out.push(info);
  };
  for (const sec of asArray(langNode.termSec as Node | Node[])) read(sec, sec);
  for (const tig of asArray(langNode.tig as Node | Node[])) read(tig, tig);
  for (const ntig of asArray(langNode.ntig as Node | Node[])) {
    const grp = (ntig.termGrp as Node) ?? {};
    read(grp, { termNote: [...asArray(grp.termNote as Node[]), ...asArray(ntig.termNote as Node[])] });
  }
  return out;
}

const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The five XML entities plus numeric character references (&#13; is how a CR survives), no HTML
  // names: fast-xml-parser takes a map here (and then decodes numeric ones), though its types say boolean.
  htmlEntities: { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as unknown as boolean,
  // isArray needs only the name: without jPath the parser does not build a path string for every tag
  // (a third of its time on small files).
  jPath: false,
  isArray: (name) =>
    [
      'conceptEntry',
      'termEntry',
      'langSec',
      'langSet',
      'termSec',
      'tig',
      'ntig',
      'termNote',
      'note',
      'descrip',
      'xref',
    ].includes(name),
});

/** fast-xml-parser's own limit (it throws past it); a TBX file is about 8 levels deep. */
const MAX_XML_DEPTH = 100;

/**
 * Markup of a well-formed document, one token at a time: comments, CDATA, processing instructions
 * and the DOCTYPE (with its internal subset) whole, then end tags and start tags (attribute values
 * may hold ">").
 */
const MARKUP = new RegExp(
  [
    /<!--[\s\S]*?-->/,
    /<!\[CDATA\[[\s\S]*?\]\]>/,
    /<\?[\s\S]*?\?>/,
    /<!DOCTYPE((?:[^[>]|\[[\s\S]*?\])*)>/,
    /<\/[^>]*>/,
    /<(?:"[^"]*"|'[^']*'|[^'">])*>/,
  ]
    .map((r) => r.source)
    .join('|'),
  'gi',
);

/** What the validator lets through but Hanzi Gloss refuses: a DOCTYPE internal subset, deep nesting. */
function structureProblem(xml: string, labels: FormatLabels): { offset: number; reason: string } | undefined {
  let depth = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(xml); m; m = MARKUP.exec(xml)) {
    const token = m[0];
    if (m[1]?.includes('[')) {
      const entity = token.indexOf('<!ENTITY');
      const reason = labels.tbxEntities();
      if (entity >= 0) return { offset: m.index + entity, reason };
      return { offset: m.index, reason: labels.tbxInternalSubset() };
    }
    if (token.startsWith('</')) depth--;
    else if (!token.startsWith('<!') && !token.startsWith('<?') && !token.endsWith('/>') && ++depth > MAX_XML_DEPTH) {
      return { offset: m.index, reason: labels.xmlTooDeep(MAX_XML_DEPTH) };
    }
  }
  return undefined;
}

const CONCEPT_TAG = /<(conceptEntry|termEntry)\b/g;

function parse(xml: string, file: string, glossaryLabels = ENGLISH_GLOSSARY_LABELS): FormatParseResult {
  const labels = glossaryLabels.formats;
  const problems: LocatedError[] = [];
  const name = fileStem(file);
  const empty = { glossary: { name, entries: [] }, problems };
  // The validator counts lines by LF only: a lone CR becomes LF (same length) so its positions,
  // including those inside its messages, are the ones an editor shows.
  const valid = XMLValidator.validate(xml.replace(/\r(?!\n)/g, '\n'));
  const lines = new LineIndex(xml);
  if (valid !== true) {
    // A file that ends inside elements is reported at 1:1 with the open tags as a JSON array.
    const open = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(valid.err.msg);
    if (open) {
      const names = open[1].split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
      const end = lines.at(xml.length);
      const reason = labels.xmlUnclosed(names.at(-1) ?? '', names.join(', '));
      problems.push(new LocatedError(file, end.line, end.column, reason));
    } else
      problems.push(new LocatedError(file, valid.err.line ?? 1, valid.err.col ?? 1, labels.xmlError(valid.err.msg)));
    return empty;
  }
  const refused = structureProblem(xml, labels);
  if (refused) {
    const at = lines.at(refused.offset);
    problems.push(new LocatedError(file, at.line, at.column, refused.reason));
    return empty;
  }
  let doc: Node;
  try {
    doc = PARSER.parse(xml) as Node;
  } catch (e) {
    // The validator passes some files the parser then refuses ("<?xml versi1.0"?>": "Pi Tag is not closed").
    problems.push(new LocatedError(file, 1, 1, labels.xmlError((e as Error).message)));
    return empty;
  }
  const root = (doc.tbx ?? doc.martif) as Node | undefined;
  if (!root) {
    problems.push(new LocatedError(file, 1, 1, labels.notTbx()));
    return empty;
  }
  const header = (root.tbxHeader ?? root.martifHeader) as Node | undefined;
  const title = text(((header?.fileDesc as Node | undefined)?.titleStmt as Node | undefined)?.title);
  const body = ((root.text as Node | undefined)?.body ?? {}) as Node;
  const concepts = [...asArray(body.conceptEntry as Node[]), ...asArray(body.termEntry as Node[])];
  const taken = new Set<string>();
  let searchFrom = 0;
  const entries: GlossaryEntry[] = [];
  const positions: LineColumn[] = [];
  for (const concept of concepts) {
    // The parser gives no positions; find this concept's start tag in order for error messages.
    CONCEPT_TAG.lastIndex = searchFrom;
    const startTag = CONCEPT_TAG.exec(xml);
    const at = lines.at(startTag ? startTag.index : 0);
    if (startTag) searchFrom = startTag.index + 1;
    const zh: TermInfo[] = [];
    const zhHant: TermInfo[] = [];
    const en: TermInfo[] = [];
    for (const lang of [...asArray(concept.langSec as Node[]), ...asArray(concept.langSet as Node[])]) {
      const script = scriptOf(attr(lang, 'xml:lang') ?? attr(lang, 'lang'));
      const list =
        script === 'simplified' ? zh : script === 'traditional' ? zhHant : script === 'english' ? en : undefined;
      list?.push(...termsOf(lang));
    }
    const notes = asArray(concept.note as unknown[])
      .map(text)
      .filter((n) => n.length > 0);
    const category = notes.find((n) => n.startsWith(CATEGORY))?.slice(CATEGORY.length);
    const note = notes
      .filter((n) => !n.startsWith(CATEGORY))
      .map((n) => (n.startsWith(NOTE) ? n.slice(NOTE.length) : n))
      .join('\n');
    const domain = asArray(concept.descrip as Node[]).find((d) => attr(d, 'type') === 'subjectField');
    const ref = asArray(concept.xref as Node[])
      .map((x) => attr(x, 'target'))
      .find((t) => t);
    const main = zh[0] ?? zhHant[0];
    const allowed = en.filter((t) => !/deprecated|superseded/i.test(t.status ?? ''));
    const forbidden = en.filter((t) => /deprecated|superseded/i.test(t.status ?? '')).map((t) => t.term);
    const exact = en.filter((t) => t.exact).map((t) => t.term);
    if (!main) {
      problems.push(new LocatedError(file, at.line, at.column, labels.tbxNoChinese()));
      continue;
    }
    if (allowed.length === 0) {
      problems.push(new LocatedError(file, at.line, at.column, labels.tbxNoEnglish(main.term)));
      continue;
    }
    allowed.sort((a, b) => Number(/preferred/i.test(b.status ?? '')) - Number(/preferred/i.test(a.status ?? '')));
    const aliases: Alias[] = zh
      .slice(1)
      .map((t) => (t.pronunciation ? { zh: t.term, pinyin: t.pronunciation } : { zh: t.term }));
    const id = attr(concept, 'id');
    positions.push(at);
    entries.push({
      id: id && !taken.has(id) ? (taken.add(id), id) : idFor({ zh: main.term, pinyin: main.pronunciation }, taken),
      zh: main.term,
      en: allowed.map((t) => t.term),
      ...(zhHant[0] && zh[0] ? { traditional: zhHant[0].term } : {}),
      ...(main.pronunciation ? { pinyin: main.pronunciation } : {}),
      ...(forbidden.length > 0 ? { forbidden } : {}),
      ...(exact.length > 0 ? { exact: [...new Set(exact)] } : {}),
      ...(domain ? { domain: text(domain) } : {}),
      ...(category ? { category } : {}),
      ...(note ? { note } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(ref ? { ref } : {}),
    });
  }
  return { glossary: { name: title || name, entries }, problems, positions };
}

const CATEGORY = 'category: ';
const NOTE = 'note: ';
/** A note of the entry's own that the reader would take for the category, or for a prefixed note. */
const ownNote = (note: string) => (note.startsWith(CATEGORY) || note.startsWith(NOTE) ? NOTE + note : note);

const LABEL = 'TBX-Basic';
const NOT_XML_WHAT = 'control characters, U+FFFE, U+FFFF or unpaired surrogates (XML 1.0)';
/** Not a Char of XML 1.0 (§2.2): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Every field has a place: all but what XML 1.0 cannot hold. "exact" is a flag on each term, so it
 * comes back in the order of the renderings.
 */
function fit(glossary: Glossary): FittedGlossary {
  const fitted = fitAllFields(glossary, LABEL, NOT_XML_CHAR, NOT_XML_WHAT);
  const entries = fitted.glossary.entries.map((e) => {
    if (!e.exact) return e;
    const exact = [...new Set([...e.en, ...(e.forbidden ?? [])])].filter((r) => e.exact!.includes(r));
    return { ...e, exact };
  });
  return { ...fitted, glossary: { ...fitted.glossary, entries } };
}

/** Text for element content: markup characters and CR (which parsers turn into LF) as references. */
const xmlText = (s: string): string =>
  s.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c] ?? c);
/** Text for a double-quoted attribute: also the quote, and tab and LF (which parsers turn into spaces). */
const xmlAttr = (s: string): string =>
  xmlText(s).replace(/["\t\n]/g, (c) => ({ '"': '&quot;', '\t': '&#9;', '\n': '&#10;' })[c] ?? c);

const status = (s: string) => ({ '@_type': 'administrativeStatus', '#text': s });
const xref = (ref: string) => ({ '@_type': 'externalCrossReference', '@_target': xmlAttr(ref), '#text': xmlText(ref) });

function serialize(glossary: Glossary): string {
  const fitted = fit(glossary).glossary;
  const t = xmlText;
  const conceptEntry = fitted.entries.map((e) => {
    const zhTerms = [
      { term: e.zh, pinyin: e.pinyin },
      ...(e.aliases ?? []).map((a) => ({ term: a.zh, pinyin: a.pinyin })),
    ];
    const pronunciation = (p: string) => ({ termNote: [{ '@_type': 'pronunciation', '#text': t(p) }] });
    const langSec: Node[] = [
      {
        '@_xml:lang': 'zh-Hans',
        termSec: zhTerms.map((z) => ({ term: t(z.term), ...(z.pinyin ? pronunciation(z.pinyin) : {}) })),
      },
    ];
    if (e.traditional) langSec.push({ '@_xml:lang': 'zh-Hant', termSec: [{ term: t(e.traditional) }] });
    const admitted = (k: number) => status(k === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts');
    const exact = (term: string) => (e.exact?.includes(term) ? { note: [EXACT_NOTE] } : {});
    langSec.push({
      '@_xml:lang': 'en',
      termSec: [
        ...e.en.map((term, k) => ({ term: t(term), termNote: [admitted(k)], ...exact(term) })),
        ...(e.forbidden ?? []).map((term) => ({
          term: t(term),
          termNote: [status('deprecatedTerm-admn-sts')],
          ...exact(term),
        })),
      ],
    });
    const notes = [...(e.category ? [CATEGORY + e.category] : []), ...(e.note ? [ownNote(e.note)] : [])];
    return {
      '@_id': xmlAttr(e.id),
      ...(e.domain ? { descrip: [{ '@_type': 'subjectField', '#text': t(e.domain) }] } : {}),
      ...(notes.length > 0 ? { note: notes.map(t) } : {}),
      ...(e.ref ? { xref: [xref(e.ref)] } : {}),
      langSec,
    };
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    tbx: {
      '@_type': 'TBX-Basic',
      '@_style': 'dca',
      '@_xml:lang': 'en',
      '@_xmlns': 'urn:iso:std:iso:30042:ed-2',
      tbxHeader: { fileDesc: { titleStmt: { title: t(fitted.name) }, sourceDesc: { p: 'Exported by Hanzi Gloss' } } },
      text: { body: { conceptEntry } },
    },
  };
  return BUILDER.build(doc);
}

// The builder escapes nothing (processEntities: false): serialize puts every text through xmlText or xmlAttr.
const BUILDER = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: false,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

export const tbxFormat: GlossaryFormat = {
  id: 'tbx',
  extensions: ['.tbx', '.xml'],
  label: LABEL,
  parse,
  fit,
  serialize,
};
