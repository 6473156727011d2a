/** Hanzi Gloss's own JSON glossary format (the one the schema describes). */
import type { Glossary, GlossaryEntry } from '../entry';
import { parseGlossaryJson } from '../jsonGlossary';
import type { FittedGlossary, GlossaryFormat } from './common';

/**
 * The entry as it is written to a file, whole (export) or edited in place (jsonEdit): field order
 * as the schema lists it, so written files read the same as curated ones; no empty optional fields.
 */
export function entryJson(e: GlossaryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, zh: e.zh };
  if (e.traditional) out.traditional = e.traditional;
  if (e.pinyin) out.pinyin = e.pinyin;
  out.en = [...e.en];
  if (e.forbidden?.length) out.forbidden = [...e.forbidden];
  if (e.exact?.length) out.exact = [...e.exact];
  if (e.domain) out.domain = e.domain;
  if (e.category) out.category = e.category;
  if (e.note) out.note = e.note;
  if (e.aliases?.length) out.aliases = e.aliases.map((a) => ({ ...a }));
  if (e.ref) out.ref = e.ref;
  return out;
}

export function serializeGlossaryJson(glossary: Glossary): string {
  const doc: Record<string, unknown> = { name: glossary.name };
  if (glossary.domain) doc.domain = glossary.domain;
  doc.entries = glossary.entries.map(entryJson);
  return JSON.stringify(doc, null, 2) + '\n';
}

const LABEL = 'Hanzi Gloss JSON';

/** Every field; entries carry the glossary's domain as the reader gives it them. */
function fit(glossary: Glossary): FittedGlossary {
  const entries = glossary.entries.map((e) => {
    const domain = e.domain ?? glossary.domain;
    return domain ? { ...e, domain } : e;
  });
  return { glossary: { ...glossary, entries }, lost: [] };
}

export const jsonFormat: GlossaryFormat = {
  id: 'json',
  extensions: ['.json', '.jsonc'],
  label: LABEL,
  parse: (text, file, labels) => parseGlossaryJson(text, file, { labels }),
  fit,
  serialize: serializeGlossaryJson,
};
