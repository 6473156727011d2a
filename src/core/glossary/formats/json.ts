/** Hanzi Gloss's own JSON glossary format (the one the schema describes). */
import type { Glossary, GlossaryEntry } from '../entry';
import { parseGlossaryJson } from '../jsonGlossary';
import type { FittedGlossary, GlossaryFormat } from './common';

/** Field order as the schema lists it, so exported files read the same as curated ones. */
function ordered(e: GlossaryEntry): Record<string, unknown> {
  const { id, zh, traditional, pinyin, en, forbidden, domain, category, note, aliases, ref } = e;
  const out: Record<string, unknown> = { id, zh };
  if (traditional) out.traditional = traditional;
  if (pinyin) out.pinyin = pinyin;
  out.en = en;
  if (forbidden?.length) out.forbidden = forbidden;
  if (domain) out.domain = domain;
  if (category) out.category = category;
  if (note) out.note = note;
  if (aliases?.length) out.aliases = aliases;
  if (ref) out.ref = ref;
  return out;
}

export function serializeGlossaryJson(glossary: Glossary): string {
  const doc: Record<string, unknown> = { name: glossary.name };
  if (glossary.domain) doc.domain = glossary.domain;
  doc.entries = glossary.entries.map(ordered);
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
  parse: (text, file) => parseGlossaryJson(text, file),
  fit,
  serialize: serializeGlossaryJson,
};
