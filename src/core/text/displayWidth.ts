/**
 * Width of text in columns of a monospace font (East Asian wide characters take two), and
 * shortening to a width with an ellipsis, for text shown where it cannot wrap: an editor
 * decoration after a line, a table cell.
 */

/** Whether a code point is East Asian wide or full-width (two columns). */
function isWide(c: number): boolean {
  return (
    c >= 0x1100 &&
    (c <= 0x115f ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000)
  );
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/**
 * `text` with line breaks folded to spaces, cut to at most `columns` columns with "…" at the end
 * when it is longer. Never splits a surrogate pair; cuts at a space near the end when there is one.
 */
export function shortenToWidth(text: string, columns: number): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (displayWidth(flat) <= columns) return flat;
  let width = 0;
  let end = 0;
  for (const ch of flat) {
    const w = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (width + w > columns - 1) break;
    width += w;
    end += ch.length;
  }
  const cut = flat.slice(0, end);
  const space = cut.lastIndexOf(' ');
  // A word cut in half reads worse than a slightly shorter line, unless that loses too much.
  const tidy = space >= end * 0.75 ? cut.slice(0, space) : cut;
  return `${tidy.trimEnd()}…`;
}

/**
 * Columns left after a line's last visual row, in a view `viewColumns` wide that wraps lines at
 * `wrapColumns` (undefined: no wrapping). Rows break at words, so this is an estimate.
 */
export function columnsAfterLine(lineWidth: number, viewColumns: number, wrapColumns?: number): number {
  const lastRow = wrapColumns && lineWidth > wrapColumns ? lineWidth % wrapColumns || wrapColumns : lineWidth;
  return Math.max(0, viewColumns - lastRow);
}
