/**
 * The hover's Markdown, built from data the extension does not control (glossary files are user
 * data). Every piece of glossary text goes through `escapeMarkdown`, so an entry cannot inject a
 * link, a command URI, an image or HTML; only the fixed layout around it is Markdown.
 */
import { isGlossaryEntry, type SourcedEntry } from '../glossary/entry';
import { renderingText, shownRenderings } from '../glossary/rendering';
import { syllableTones } from './readingWords';
import type { PositionInfo } from './scan';

/**
 * Backslash-escapes every ASCII punctuation mark (CommonMark allows it for all of them) and folds
 * runs of ASCII whitespace to one space: a newline would end the layout's line, and four leading
 * spaces or a tab would start a code block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
}

/**
 * A Markdown link to one of the extension's own commands, its arguments JSON in the query. The
 * query is percent-encoded down to RFC 3986's unreserved characters: `encodeURIComponent` leaves
 * `( ) ! ' *` as they are, and an unbalanced parenthesis (a term such as 压铸(机) ends the link
 * destination early, so the link is not a link any more. VS Code decodes the query before
 * JSON-parsing it, so the arguments arrive unchanged.
 */
export function commandLink(label: string, command: string, args?: readonly unknown[]): string {
  const encoded = args === undefined ? '' : encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, percentEncode);
  const query = args === undefined ? '' : `?${encoded}`;
  return `[${escapeMarkdown(label)}](command:${command}${query})`;
}

const percentEncode = (ch: string) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`;

export interface HoverLabels {
  /** "Source" */
  readonly source: string;
  /** Layer names shown before the glossary name, e.g. { curated: "Curated glossary", … }. */
  readonly layers: Readonly<Record<SourcedEntry['source']['layer'], string>>;
  /** Shown for a character that no glossary has. */
  readonly noEntry: string;
  /** Footer crediting the data, shown under every hover. */
  readonly footer: string;
  /** "…and {0} more dictionary senses" */
  readonly more: (count: number) => string;
  /** Heading of the other words that cover the pointer: "Also". */
  readonly also: string;
  /** For an organisation-like run no glossary has: "Not in the glossary — look up its official English name". */
  readonly unlisted: string;
  /** What its words suggest: "Looks like an organisation name: … {0}" with "Machinery Co., Ltd.". */
  readonly unlistedKind: (english: string) => string;
}

export interface HoverOptions {
  /** Which script leads the heading. */
  readonly scriptFirst: 'simplified' | 'traditional';
  /** At most this many CC-CEDICT entries are listed (curated and user entries are always all shown). */
  readonly maxDictionaryEntries: number;
  /**
   * When given, each syllable of a Han character is wrapped in `<span style="color:…;">` with the
   * CSS colour this returns for its tone (1–5, 5 neutral); the pinyin text itself is unchanged, so
   * a screen reader reads it as without colours. The caller decides what colour forms its renderer
   * keeps (VS Code's hover keeps `#rrggbb` and `var(--vscode-…)` only) and enables HTML.
   */
  readonly toneColor?: (tone: number) => string;
}

const DEFAULT_OPTIONS: HoverOptions = { scriptFirst: 'simplified', maxDictionaryEntries: 4 };

function entryBlock(entry: SourcedEntry, info: PositionInfo, labels: HoverLabels): string {
  const lines: string[] = [];
  // An entry found through an alias (重庆美利信 → 美利信) names its headword and that headword's
  // reading after the English, so the English name comes first and the two readings stay apart.
  const viaAlias = entry.zh !== info.simplified;
  const headReading = viaAlias && entry.pinyin ? ` _${escapeMarkdown(entry.pinyin)}_` : '';
  const full = viaAlias ? ` (${escapeMarkdown(entry.zh)}${headReading})` : '';
  // A dictionary sense of the same characters with another reading (台 tāi in place names) says so.
  const otherReading = !viaAlias && entry.pinyin && entry.pinyin !== info.reading;
  const reading = otherReading ? `_${escapeMarkdown(entry.pinyin!)}_ ` : '';
  // A dictionary redirect ("variant of 發布") shows its target's senses, named: → 发布 發布 _fā bù_: to release.
  const target = entry.redirect;
  const forms = target && (target.traditional === target.zh ? target.zh : `${target.zh} ${target.traditional}`);
  const via = target ? `→ ${escapeMarkdown(forms!)} _${escapeMarkdown(target.pinyin)}_: ` : '';
  lines.push(`${reading}${via}${entry.en.map((e) => escapeMarkdown(renderingText(e))).join(' · ')}${full}`);
  const meta = [entry.category, entry.note].filter((s): s is string => !!s).map(escapeMarkdown);
  if (meta.length > 0) lines.push(`_${meta.join(' — ')}_`);
  const layer = labels.layers[entry.source.layer];
  const where = layer === entry.source.label ? layer : `${layer} · ${entry.source.label}`;
  lines.push(`${escapeMarkdown(labels.source)}: ${escapeMarkdown(where)}`);
  return lines.join('  \n');
}

/** The reading of `text` as Markdown, its syllables in their tones' colours when `toneColor` is given. */
function readingMarkdown(text: string, reading: string, toneColor: HoverOptions['toneColor']): string {
  if (!toneColor) return escapeMarkdown(reading);
  const tones = syllableTones(text, reading);
  return reading
    .split(' ')
    .map((syllable, i) => {
      const tone = tones[i];
      const escaped = escapeMarkdown(syllable);
      return tone === undefined ? escaped : `<span style="color:${toneColor(tone)};">${escaped}</span>`;
    })
    .join(' ');
}

/** At most this many other words are listed under "Also". */
const MAX_ALSO = 6;

/**
 * The other words covering the pointer, one a line: the characters, the reading and the first
 * English of the highest layer's entry, so a reader who disagrees with a boundary sees the
 * alternatives at once.
 */
function alsoBlock(info: PositionInfo, labels: HoverLabels, toneColor: HoverOptions['toneColor']): string {
  const lines = info.also.slice(0, MAX_ALSO).map((w) => {
    const english = w.entries[0] ? shownRenderings(w.entries[0], 1) : '';
    const gloss = english ? ` — ${escapeMarkdown(english)}` : '';
    return `**${escapeMarkdown(w.text)}** _${readingMarkdown(w.text, w.reading, toneColor)}_${gloss}`;
  });
  return [`_${escapeMarkdown(labels.also)}:_`, ...lines].join('  \n');
}

/** Markdown for one hover: the term in both scripts and its pinyin, each entry (highest layer first), the footer. */
export function renderHoverMarkdown(
  info: PositionInfo,
  labels: HoverLabels,
  options: HoverOptions = DEFAULT_OPTIONS,
): string {
  const [first, second] =
    options.scriptFirst === 'traditional' ? [info.traditional, info.simplified] : [info.simplified, info.traditional];
  const other = second !== first ? ` ${escapeMarkdown(second)}` : '';
  const reading = readingMarkdown(info.simplified, info.reading, options.toneColor);
  const parts: string[] = [`**${escapeMarkdown(first)}**${other} — ${reading}`];
  if (info.unlisted) {
    parts.push(`_${escapeMarkdown(labels.unlisted)}_`);
    if (info.unlisted.kind) parts.push(escapeMarkdown(labels.unlistedKind(info.unlisted.kind)));
  } else if (info.entries.length === 0) parts.push(`_${escapeMarkdown(labels.noEntry)}_`);
  const dictionary = info.entries.filter((e) => !isGlossaryEntry(e));
  for (const entry of info.entries.filter(isGlossaryEntry)) parts.push(entryBlock(entry, info, labels));
  for (const entry of dictionary.slice(0, options.maxDictionaryEntries)) parts.push(entryBlock(entry, info, labels));
  if (dictionary.length > options.maxDictionaryEntries)
    parts.push(`_${escapeMarkdown(labels.more(dictionary.length - options.maxDictionaryEntries))}_`);
  if (info.also.length > 0) parts.push(alsoBlock(info, labels, options.toneColor));
  parts.push('---', `_${escapeMarkdown(labels.footer)}_`);
  return parts.join('\n\n');
}
