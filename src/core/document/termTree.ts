/**
 * The *Terms in This Document* view's data: the document's distinct terms (termList.ts, the same
 * list Show Terms in Document shows) grouped by their first entry's domain and category, and the
 * step to a term's next occurrence. Pure, so the grouping and order are unit-tested without VS Code.
 */
import { shownRenderings } from '../glossary/rendering';
import type { DocumentTerm, Occurrences } from './termList';

/** Group keys that are no glossary domain: terms of entries without one, and unlisted names. */
export const NO_DOMAIN = '';
export const UNLISTED = '\u0000unlisted';

export interface TermRow {
  readonly text: string;
  readonly reading: string;
  /** The first entry's renderings as the hover shows them ('' for an unlisted name). */
  readonly english: string;
  /** The first entry's source label ('' for an unlisted name). */
  readonly source: string;
  readonly count: number;
  readonly term: DocumentTerm;
}

export interface TermCategory {
  /** The entries' category, '' for none. */
  readonly key: string;
  readonly terms: readonly TermRow[];
  readonly occurrences: number;
}

export interface TermDomain {
  /** The entries' domain, NO_DOMAIN or UNLISTED. */
  readonly key: string;
  readonly categories: readonly TermCategory[];
  readonly terms: number;
  readonly occurrences: number;
}

/** Labels give the order of groups, so they sort as the reader sees them (in the user's language). */
export interface TermTreeLabels {
  domain(key: string): string;
  category(key: string): string;
}

function domainOf(term: DocumentTerm): string {
  const first = term.entries[0];
  if (!first) return term.unlisted ? UNLISTED : NO_DOMAIN;
  return first.domain ?? NO_DOMAIN;
}

/** Named groups by label, then the group without a name, then unlisted names. */
function groupOrder(key: string): number {
  return key === UNLISTED ? 2 : key === NO_DOMAIN ? 1 : 0;
}

function byLabel<T extends { key: string }>(label: (key: string) => string): (a: T, b: T) => number {
  return (a, b) => groupOrder(a.key) - groupOrder(b.key) || label(a.key).localeCompare(label(b.key));
}

/**
 * Domains → categories → terms. Within a category the most frequent terms come first, ties in the
 * order of first occurrence (the order termList gives).
 */
export function groupTerms(terms: readonly DocumentTerm[], labels: TermTreeLabels): TermDomain[] {
  const domains = new Map<string, Map<string, TermRow[]>>();
  for (const term of terms) {
    const first = term.entries[0];
    const row: TermRow = {
      text: term.text,
      reading: term.reading,
      english: first ? shownRenderings(first) : '',
      source: first ? first.source.label : '',
      count: term.occurrences.length,
      term,
    };
    const domain = domainOf(term);
    const categories = domains.get(domain) ?? new Map<string, TermRow[]>();
    domains.set(domain, categories);
    const category = first?.category ?? '';
    const rows = categories.get(category) ?? [];
    categories.set(category, rows);
    rows.push(row);
  }
  const sum = (rows: readonly { occurrences: number }[]) => rows.reduce((n, r) => n + r.occurrences, 0);
  return [...domains]
    .map(([key, categories]) => {
      const list = [...categories]
        .map(([key, rows]): TermCategory => {
          const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.count - a.r.count || a.i - b.i);
          return { key, terms: sorted.map((s) => s.r), occurrences: rows.reduce((n, r) => n + r.count, 0) };
        })
        .sort(byLabel<TermCategory>((k) => (k === '' ? '\uffff' : labels.category(k))));
      return { key, categories: list, terms: list.reduce((n, c) => n + c.terms.length, 0), occurrences: sum(list) };
    })
    .sort(byLabel<TermDomain>(labels.domain));
}

/**
 * The occurrence to go to from document offset `from`: the first that starts at or after it, else
 * (past the last) the first of the document, `wrapped`. Occurrences are in text order: a binary search.
 */
export function nextOccurrence(
  occurrences: Occurrences,
  from: number,
): { index: number; wrapped: boolean } | undefined {
  if (occurrences.length === 0) return undefined;
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occurrences.at(mid).start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < occurrences.length ? { index: lo, wrapped: false } : { index: 0, wrapped: true };
}
