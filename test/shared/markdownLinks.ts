/**
 * Inline links of Markdown as CommonMark reads them (not with a regular expression that stops at the
 * first ")"): the label, and the destination up to the ")" that balances its "(" (a destination with
 * whitespace or unbalanced parentheses is no link at all). Used to check the hover's command links.
 */
export interface MarkdownLink {
  readonly label: string;
  readonly destination: string;
}

export function markdownLinks(markdown: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  for (const m of markdown.matchAll(/(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < markdown.length && depth > 0 && !/\s/.test(markdown[i]); i++) {
      if (markdown[i] === '\\') i++;
      else if (markdown[i] === '(') depth++;
      else if (markdown[i] === ')') depth--;
    }
    if (depth === 0) out.push({ label: m[1], destination: markdown.slice(m.index + m[0].length, i - 1) });
  }
  return out;
}
