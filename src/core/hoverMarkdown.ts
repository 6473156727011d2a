/**
 * The hover's Markdown, built from data the extension does not control (glossary files are user
 * data). Every piece of glossary text goes through `escapeMarkdown`, so an entry cannot inject a
 * link, a command URI, an image or HTML; only the fixed layout around it is Markdown.
 */
import type { SourcedEntry } from './glossary/entry';
import type { PositionInfo } from './scan';

/** Backslash-escapes every ASCII punctuation mark (CommonMark allows it for all of them) and folds newlines. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
}

export interface HoverLabels {
  /** "Source" */
  readonly source: string;
  /** Layer names shown before the glossary name, e.g. { curated: "Curated glossary", … }. */
  readonly layers: Readonly<Record<SourcedEntry['source']['layer'], string>>;
  /** Shown for a character that no glossary has. */
  readonly noEntry: string;
  /** Footer crediting the data, shown under every hover. */
  readonly footer: string;
}

function entryBlock(entry: SourcedEntry, matchedText: string, labels: HoverLabels): string {
  const lines: string[] = [];
  const full = entry.zh !== matchedText ? ` (${escapeMarkdown(entry.zh)})` : '';
  lines.push(`${entry.en.map(escapeMarkdown).join(' · ')}${full}`);
  const meta = [entry.category, entry.note].filter((s): s is string => !!s).map(escapeMarkdown);
  if (meta.length > 0) lines.push(`_${meta.join(' — ')}_`);
  lines.push(`${escapeMarkdown(labels.source)}: ${escapeMarkdown(labels.layers[entry.source.layer])} · ${escapeMarkdown(entry.source.label)}`);
  return lines.join('  \n');
}

/** Markdown for one hover: the term and its pinyin, then each entry (highest layer first), then the footer. */
export function renderHoverMarkdown(info: PositionInfo, labels: HoverLabels): string {
  const parts: string[] = [`**${escapeMarkdown(info.text)}** — ${escapeMarkdown(info.reading)}`];
  if (info.entries.length === 0) parts.push(`_${escapeMarkdown(labels.noEntry)}_`);
  for (const entry of info.entries) parts.push(entryBlock(entry, info.text, labels));
  parts.push('---', `_${escapeMarkdown(labels.footer)}_`);
  return parts.join('\n\n');
}
