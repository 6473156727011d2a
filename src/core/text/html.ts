/**
 * The HTML escaper (bilingual documents, Anki notes). Text from documents and glossaries is never
 * trusted as markup. XML (TBX) has its own in glossary/formats/tbx.ts: XML 1.0 normalises CR, tab
 * and LF in ways HTML does not, so it needs character references HTML output does not.
 */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For element content: "&", "<" and ">" as entities; quotes stay as they are. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITY[c]);
}

/** For element content and double-quoted attribute values alike: also '"'. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITY[c]);
}
