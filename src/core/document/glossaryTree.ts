/**
 * The *Glossaries* view's data below a file: its entries by domain, in the file's order (the
 * order its author keeps), and how an entry is described in one line. Pure, unit-tested.
 */
import type { GlossaryEntry } from '../glossary/entry';
import { renderingText } from '../glossary/rendering';

export interface DomainEntries {
  /** The entries' domain, '' for none. */
  readonly domain: string;
  readonly entries: readonly GlossaryEntry[];
}

/** Entries grouped by domain: domains by name, entries without one last; each group in file order. */
export function entriesByDomain(entries: readonly GlossaryEntry[]): DomainEntries[] {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    const key = entry.domain ?? '';
    const list = groups.get(key) ?? [];
    groups.set(key, list);
    list.push(entry);
  }
  return [...groups]
    .map(([domain, list]) => ({ domain, entries: list }))
    .sort((a, b) => (a.domain === '' ? 1 : 0) - (b.domain === '' ? 1 : 0) || a.domain.localeCompare(b.domain));
}

/** "yā zhù — die casting; die-cast": the pinyin (if verified) and the renderings without stem markers. */
export function entryDescription(entry: GlossaryEntry): string {
  const english = entry.en.map(renderingText).join('; ');
  return entry.pinyin ? `${entry.pinyin} — ${english}` : english;
}
