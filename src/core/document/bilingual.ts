/**
 * Bilingual documents: each Chinese line with its annotation below it (Markdown), or with ruby
 * pinyin over every character and the annotation beside it (HTML); then a table of the glossary
 * terms used. All text from the source and the glossaries is escaped.
 */
import { annotatedLines } from '../annotate/annotations';
import { escapeMarkdown } from './hoverMarkdown';
import { shownList, shownRenderings } from '../glossary/rendering';
import { escapeHtml } from '../text/html';
import type { Lexicon } from '../lexicon/lexicon';
import { readText } from '../reading/pinyin';
import { listTerms, type DocumentTerm } from './termList';

const html = escapeHtml;

/** The English cell of a term: its first entry's renderings, or for an unlisted name what to do. */
function termEnglish(t: DocumentTerm): string {
  if (t.unlisted) {
    const kind = t.unlisted.kind ? ` (… ${t.unlisted.kind})` : '';
    return `not in the glossary — look up its official English name${kind}`;
  }
  return t.entries[0] ? shownRenderings(t.entries[0]) : '';
}
/**
 * The hover's escaper (every ASCII punctuation mark, so ":" and "." too: markdown-it's linkify and
 * GitHub's "http://" and "www." autolinks then see no URL), plus a word joiner before "@": GitHub
 * finds e-mail addresses after escapes are resolved (cmark-gfm #278), and needs a letter there.
 */
const md = (s: string) => escapeMarkdown(s).replace(/\\@/g, '\u2060\\@');

/** Annotations of the text's Chinese lines: inline ones, else sidecar notes (by 0-based line). */
function annotationsOf(text: string, marker: string, notes: ReadonlyMap<number, string>) {
  return annotatedLines(text.split(/\r?\n/), marker).map((a) => ({
    chinese: a.chinese,
    english: a.annotation?.text ?? notes.get(a.line),
  }));
}

export function bilingualMarkdown(
  title: string,
  text: string,
  marker: string,
  lexicon: Lexicon,
  notes: ReadonlyMap<number, string> = new Map(),
): string {
  const out = [`# ${md(title)}`, ''];
  for (const a of annotationsOf(text, marker, notes)) {
    out.push(`> ${md(a.chinese.trim())}`, '', a.english !== undefined ? md(a.english) : '_(no annotation)_', '');
  }
  const terms = listTerms(text, lexicon);
  if (terms.length > 0) {
    out.push('## Glossary terms', '', '| Chinese | Pinyin | English | Source |', '|---|---|---|---|');
    for (const t of terms) {
      const en = t.unlisted ? md(termEnglish(t)) : (t.entries[0] ? shownList(t.entries[0]) : []).map(md).join('; ');
      out.push(`| ${md(t.text)} | ${md(t.reading)} | ${en} | ${md(t.entries[0]?.source.label ?? '')} |`);
    }
  }
  return out.join('\n') + '\n';
}

function ruby(chinese: string, lexicon: Lexicon): string {
  const matches = lexicon.matchRange(chinese, 0, chinese.length).toArray();
  const tokens = readText(
    chinese,
    matches.map((m) => ({ start: m.start, end: m.end, pinyin: m.pinyin })),
  );
  let out = '';
  let at = 0;
  for (const t of tokens) {
    out += html(chinese.slice(at, t.start));
    out += t.syllable ? `<ruby>${html(t.text)}<rt>${html(t.syllable)}</rt></ruby>` : html(t.text);
    at = t.end;
  }
  return out + html(chinese.slice(at));
}

const STYLE =
  'body{font-family:sans-serif;max-width:60rem;margin:2rem auto}' +
  'td{vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #ddd}' +
  '.zh{font-size:1.2rem;line-height:2.4}rt{font-size:.6em;color:#555}';

export function bilingualHtml(
  title: string,
  text: string,
  marker: string,
  lexicon: Lexicon,
  notes: ReadonlyMap<number, string> = new Map(),
): string {
  const rows = annotationsOf(text, marker, notes).map(
    (a) =>
      `<tr><td class="zh" lang="zh-Hans">${ruby(a.chinese.trim(), lexicon)}</td>` +
      `<td class="en" lang="en">${a.english !== undefined ? html(a.english) : '<em>(no annotation)</em>'}</td></tr>`,
  );
  const terms = listTerms(text, lexicon).map(
    (t) =>
      `<tr><td lang="zh-Hans">${html(t.text)}</td><td>${html(t.reading)}</td>` +
      `<td>${html(termEnglish(t))}</td><td>${html(t.entries[0]?.source.label ?? '')}</td></tr>`,
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>${STYLE}</style>
</head><body>
<h1>${html(title)}</h1>
<table><tbody>
${rows.join('\n')}
</tbody></table>
<h2>Glossary terms</h2>
<table><thead><tr><th>Chinese</th><th>Pinyin</th><th>English</th><th>Source</th></tr></thead><tbody>
${terms.join('\n')}
</tbody></table>
</body></html>
`;
}
