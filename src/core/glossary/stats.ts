/**
 * Entry counts of loaded glossaries (hanzi-gloss validate --stats): per domain, per file and in
 * all, each with the aliases the entries carry, so the size of every domain can be checked.
 */
import type { SourcedGlossary } from './entry';

export interface CountRow {
  /** The domain, the file, or "total". */
  readonly name: string;
  readonly entries: number;
  readonly aliases: number;
}

export interface GlossaryStats {
  /** Sorted by domain; entries without a domain (neither their own nor their file's) count as "(none)". */
  readonly domains: readonly CountRow[];
  /** In the order the files were given. */
  readonly files: readonly CountRow[];
  readonly total: CountRow;
}

export const NO_DOMAIN = '(none)';

export function glossaryStats(glossaries: readonly SourcedGlossary[]): GlossaryStats {
  const domains = new Map<string, { entries: number; aliases: number }>();
  const files: CountRow[] = [];
  let entries = 0;
  let aliases = 0;
  for (const { glossary, source } of glossaries) {
    let fileAliases = 0;
    for (const entry of glossary.entries) {
      const n = entry.aliases?.length ?? 0;
      const domain = entry.domain ?? glossary.domain ?? NO_DOMAIN;
      const row = domains.get(domain) ?? { entries: 0, aliases: 0 };
      row.entries++;
      row.aliases += n;
      domains.set(domain, row);
      fileAliases += n;
    }
    files.push({ name: source.file ?? source.id, entries: glossary.entries.length, aliases: fileAliases });
    entries += glossary.entries.length;
    aliases += fileAliases;
  }
  const sorted = [...domains.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    domains: sorted.map(([name, c]) => ({ name, ...c })),
    files,
    total: { name: 'total', entries, aliases },
  };
}
