/**
 * A document's glossary terms as Anki "Basic" notes: a tab-separated file Anki imports as it is
 * (its header lines say the separator, that fields are HTML, and the two columns).
 */
import { escapeHtmlText } from '../text/html';
import { shownRenderings } from '../glossary/rendering';
import type { DocumentTerm } from './termList';

/**
 * A field: HTML-escaped, with tabs and line breaks folded to one space, since a tab ends the field
 * and a line break the note.
 */
const field = (s: string) => escapeHtmlText(s).replace(/[\t\r\n]+/g, ' ');

/** One note a line: the term | its pinyin, the first entry's English and (small) its source. */
export function ankiNotes(terms: readonly Pick<DocumentTerm, 'text' | 'reading' | 'entries'>[]): string {
  const lines = ['#separator:tab', '#html:true', '#columns:Front\tBack'];
  for (const t of terms) {
    const e = t.entries[0];
    const english = field(e ? shownRenderings(e) : '');
    const source = e ? `<br><small>${field(e.source.label)}</small>` : '';
    lines.push(`${field(t.text)}\t${field(t.reading)}<br>${english}${source}`);
  }
  return lines.join('\n') + '\n';
}
