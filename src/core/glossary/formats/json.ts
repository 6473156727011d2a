/** Hanzi Gloss's own JSON glossary format (the one the schema describes). */
import type { Glossary, GlossaryEntry } from '../entry';
import { parseGlossaryJson } from '../jsonGlossary';
import { Losses, type FittedGlossary, type GlossaryFormat } from './common';

/** Field order as the schema lists it, so exported files read the same as curated ones. */
function ordered(e: GlossaryEntry): Record<string, unknown> {
  const { id, zh, traditional, pinyin, en, forbidden, domain, category, note, aliases, ref } = e;
  const out: Record<string, unknown> = { id, zh };
  void traditional; // the JSON format has no traditional field: readers derive it
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

/** Everything but the traditional form; entries carry the glossary's domain as the reader gives it them. */
function fit(glossary: Glossary): FittedGlossary {
  const losses = new Losses(LABEL);
  const entries = glossary.entries.map((e, k) => {
    const { traditional, ...rest } = e;
    if (traditional !== undefined) losses.add('traditional forms', 'dropped (readers derive them)', k);
    const domain = e.domain ?? glossary.domain;
    return domain ? { ...rest, domain } : rest;
  });
  return { glossary: { ...glossary, entries }, lost: losses.lines() };
}

export const jsonFormat: GlossaryFormat = {
  id: 'json',
  extensions: ['.json', '.jsonc'],
  label: LABEL,
  parse: (text, file) => parseGlossaryJson(text, file),
  fit,
  serialize: serializeGlossaryJson,
};
