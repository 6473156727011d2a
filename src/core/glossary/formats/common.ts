/**
 * What every exchange format shares: the result shape, stable ids for entries that have none, and
 * the few tools a writer needs to keep what its format can hold and say what it cannot.
 */
import { splitTone } from '../../reading/pinyin';
import type { LineColumn, LocatedError } from '../../text/text';
import type { Alias, Glossary, GlossaryEntry } from '../entry';
import { ENTRY_FIELDS } from '../entry';
import type { GlossaryLabels } from '../labels';

export interface FormatParseResult {
  readonly glossary: Glossary;
  readonly problems: readonly LocatedError[];
  /** Where each entry starts, parallel to glossary.entries (for the content checks' messages). */
  readonly positions?: readonly LineColumn[];
}

/** A glossary as a format holds it, and one line for each kind of thing the format could not hold. */
export interface FittedGlossary {
  readonly glossary: Glossary;
  readonly lost: readonly string[];
}

export interface GlossaryFormat {
  readonly id: 'json' | 'tsv' | 'csv' | 'tbx' | 'cedict';
  /** File name endings, lower case, with the dot. */
  readonly extensions: readonly string[];
  readonly label: string;
  /** `labels` say what a problem is (the English default unless a front end localises them). */
  parse(text: string, file: string, labels?: GlossaryLabels): FormatParseResult;
  /**
   * What parse(serialize(glossary)) gives back — the glossary reduced to what the format holds —
   * and what was lost on the way ("OmegaT TSV cannot hold aliases: dropped in 12 entries").
   * Exports show `lost`; the property tests check the round trip against `glossary`.
   */
  fit(glossary: Glossary): FittedGlossary;
  serialize(glossary: Glossary): string;
}

/** An id from the toneless pinyin or, failing that, the term's code points: stable across re-imports. */
export function idFor(entry: Pick<GlossaryEntry, 'zh' | 'pinyin'>, taken: Set<string>): string {
  const fromPinyin = entry.pinyin
    ?.split(/\s+/)
    .map((s) => splitTone(s.toLowerCase()).base.replace(/ü/g, 'v'))
    .join('')
    .replace(/[^a-z0-9]/g, '');
  const base = fromPinyin || [...entry.zh].map((ch) => (ch.codePointAt(0) ?? 0).toString(16)).join('-');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Folds characters a line-based format cannot hold (tabs, line breaks) into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * The neutralising prefix: a cell that starts with one of `starts` is written with a `'` before it,
 * so that a spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV
 * Injection"). The quote itself is among `starts`, so a text that really begins with `'` is written
 * as `''…`; the reader then removes exactly one `'` before any of `starts` and nothing else, which
 * gives every text back as it was ("-ing form", "'s-Hertogenbosch", "=SUM(A1)" alike).
 */
export function neutralise(cell: string, starts: string): string {
  return cell.length > 0 && starts.includes(cell[0]) ? `'${cell}` : cell;
}

export function unneutralise(cell: string, starts: string): string {
  return cell.length > 1 && cell[0] === "'" && starts.includes(cell[1]) ? cell.slice(1) : cell;
}

/** The characters of OWASP's list (= + - @ tab CR) and the quote that marks the prefix itself. */
export const FORMULA_STARTS = "=+-@\t\r'";

/**
 * Counts, per kind of loss, the entries it touched, for one line each when exporting. A line reads
 * "<format> cannot hold <what>: <effect> in <n> entries", with the characters concerned if any.
 */
export class Losses {
  private readonly kinds = new Map<string, { effect: string; entries: Set<number>; details: Set<string> }>();
  constructor(private readonly label: string) {}

  add(what: string, effect: string, entry: number, details: Iterable<string> = []): void {
    const kind = this.kinds.get(what) ?? { effect, entries: new Set<number>(), details: new Set<string>() };
    kind.entries.add(entry);
    for (const d of details) kind.details.add(d);
    this.kinds.set(what, kind);
  }

  /** Records each field of `fields` that `entry` has and the format drops. */
  dropped(entry: GlossaryEntry, k: number, fields: readonly (keyof GlossaryEntry)[]): void {
    for (const f of fields) {
      const v = entry[f];
      if (v !== undefined && !(Array.isArray(v) && v.length === 0)) this.add(FIELD_NAMES[f], 'dropped', k);
    }
  }

  lines(): string[] {
    return [...this.kinds].map(([what, { effect, entries, details }]) => {
      const sorted = [...details].sort();
      const shown = sorted.slice(0, 12).join(', ') + (sorted.length > 12 ? ', …' : '');
      const n = entries.size;
      const count = `${n} ${n === 1 ? 'entry' : 'entries'}`;
      return `${this.label} cannot hold ${what}: ${shown ? `${shown} ` : ''}${effect} in ${count}`;
    });
  }
}

const FIELD_NAMES: Record<keyof GlossaryEntry, string> = {
  id: 'ids',
  zh: 'Chinese terms',
  traditional: 'traditional forms',
  pinyin: 'pinyin',
  en: 'English renderings',
  forbidden: 'forbidden renderings',
  exact: 'exact-match flags',
  domain: 'domains',
  category: 'categories',
  note: 'notes',
  aliases: 'aliases',
  ref: 'references',
};

const hex = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Removes the characters `bad` matches (a global, unicode regex) from a text, naming each distinct
 * one in `found` (as U+XXXX) so that the export can say which were dropped.
 */
export function dropChars(text: string, bad: RegExp, found: Set<string>): string {
  return text.replace(bad, (ch) => {
    found.add(hex(ch));
    return '';
  });
}

/** Unpaired surrogates: a UTF-8 file cannot hold them (the encoder would write U+FFFD instead). */
export const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/gu;

/**
 * The entry with `f` applied to each of its texts, as the readers trim them; texts and list items
 * that end up empty are left out. Undefined when the entry loses its Chinese term or every rendering.
 */
function mapTexts(e: GlossaryEntry, f: (text: string) => string): GlossaryEntry | undefined {
  const one = (s: string | undefined) => {
    const out = s === undefined ? undefined : f(s).trim();
    return out ? out : undefined;
  };
  const many = (list: readonly string[] | undefined) => {
    const out = (list ?? []).map((s) => f(s).trim()).filter((s) => s.length > 0);
    return out.length > 0 ? out : undefined;
  };
  const zh = one(e.zh);
  const en = many(e.en);
  if (!zh || !en) return undefined;
  const aliases = (e.aliases ?? []).flatMap((a): Alias[] => {
    const azh = one(a.zh);
    const pinyin = one(a.pinyin);
    return azh ? [pinyin ? { zh: azh, pinyin } : { zh: azh }] : [];
  });
  const fields = {
    traditional: one(e.traditional),
    pinyin: one(e.pinyin),
    forbidden: many(e.forbidden),
    exact: exactOf(many(e.exact), en, many(e.forbidden)),
    domain: one(e.domain),
    category: one(e.category),
    note: one(e.note),
    aliases: aliases.length > 0 ? aliases : undefined,
    ref: one(e.ref),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { id: f(e.id).trim(), zh, en, ...defined };
}

/** The exact-match list once each, only the texts still among the renderings (none left: no list). */
function exactOf(exact: string[] | undefined, en: string[], forbidden: string[] | undefined): string[] | undefined {
  const renderings = new Set([...en, ...(forbidden ?? [])]);
  const out = [...new Set(exact ?? [])].filter((r) => renderings.has(r));
  return out.length > 0 ? out : undefined;
}

/** The entry's id if it is still there and unique, else one made as a reader makes it. */
function keepId(e: GlossaryEntry, taken: Set<string>): string {
  if (e.id && !taken.has(e.id)) {
    taken.add(e.id);
    return e.id;
  }
  return idFor(e, taken);
}

/**
 * What a format with a place for every field keeps: everything but the characters `bad` matches
 * (reported as `what`, with the code points); the glossary's domain goes into each entry without one.
 */
export function fitAllFields(glossary: Glossary, label: string, bad: RegExp, what: string): FittedGlossary {
  const losses = new Losses(label);
  const taken = new Set<string>();
  const entries = glossary.entries.flatMap((e, k) => {
    const found = new Set<string>();
    const out = mapTexts({ ...e, domain: e.domain ?? glossary.domain }, (s) => dropChars(s, bad, found));
    if (found.size > 0) losses.add(what, 'dropped', k, found);
    if (!out) {
      losses.add('an entry left without its Chinese or English', 'left out', k);
      return [];
    }
    const id = keepId(out, taken);
    if (id !== e.id) losses.add('ids', 'made again from the pinyin', k);
    return [{ ...out, id }];
  });
  return { glossary: { name: dropChars(glossary.name, bad, new Set()).trim(), entries }, lost: losses.lines() };
}

/** The entry's defined fields in one fixed order (aliases without an undefined pinyin), for comparing. */
export function canonical(e: GlossaryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ENTRY_FIELDS) {
    const v = e[k];
    if (v === undefined) continue;
    const alias = (a: Alias) => (a.pinyin !== undefined ? { zh: a.zh, pinyin: a.pinyin } : { zh: a.zh });
    out[k] = k === 'aliases' ? (v as Alias[]).map(alias) : v;
  }
  return out;
}
