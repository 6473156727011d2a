/**
 * The real-text reading set (test/fixtures/reading/real-text.json): sentences copied verbatim from
 * public sources, each with the words a careful reader segments in it. Read by its unit test and by
 * the scoring script, so both check the same shape.
 */

export interface RealTextSource {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly script: 'simplified' | 'traditional';
}

export interface RealTextSentence {
  readonly source: string;
  readonly text: string;
  readonly words: readonly string[];
  readonly notes?: string;
}

export interface RealTextSet {
  readonly description: string;
  readonly sources: readonly RealTextSource[];
  readonly sentences: readonly RealTextSentence[];
}

export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Every problem with `value` as a real-text set, one line each, naming the item; empty when it is sound. */
export function realTextProblems(value: unknown): string[] {
  const problems: string[] = [];
  const set = value as Partial<RealTextSet> | null;
  if (!set || typeof set !== 'object') return ['the set is not a JSON object'];
  if (!isText(set.description)) problems.push('description: missing');
  const sources = Array.isArray(set.sources) ? set.sources : [];
  const sentences = Array.isArray(set.sentences) ? set.sentences : [];
  if (!Array.isArray(set.sources)) problems.push('sources: not an array');
  if (!Array.isArray(set.sentences)) problems.push('sentences: not an array');
  const ids = sourceIds(sources, problems);
  const used = new Set<string>();
  const seen = new Set<string>();
  sentences.forEach((s, i) => {
    const at = `sentences[${i}]`;
    if (!isText(s?.source) || !ids.has(s.source))
      problems.push(`${at}: source ${JSON.stringify(s?.source)} not listed`);
    else used.add(s.source);
    if (!isText(s?.text)) {
      problems.push(`${at}: text missing`);
      return;
    }
    if (seen.has(s.text)) problems.push(`${at}: same text as an earlier sentence`);
    seen.add(s.text);
    if (!Array.isArray(s.words) || s.words.length === 0) problems.push(`${at}: no words marked`);
    for (const w of Array.isArray(s.words) ? s.words : []) {
      if (!isText(w)) problems.push(`${at}: an empty word`);
      else if (!s.text.includes(w)) problems.push(`${at}: word ${w} does not occur in the text`);
    }
  });
  for (const id of ids) if (!used.has(id)) problems.push(`source ${id}: no sentence uses it`);
  return problems;
}

/** The counts the set's size rules are stated in. */
export function realTextCounts(set: RealTextSet): { sentences: number; sources: number; traditional: number } {
  const traditional = new Set(set.sources.filter((s) => s.script === 'traditional').map((s) => s.id));
  return {
    sentences: set.sentences.length,
    sources: set.sources.length,
    traditional: set.sentences.filter((s) => traditional.has(s.source)).length,
  };
}

/**
 * Checks the `sources` list shared by the real-text sets (reading, termbase): every field present,
 * an http(s) address, a script, no id twice. Appends problems; returns the ids listed.
 */
export function sourceIds(sources: readonly Partial<RealTextSource>[], problems: string[]): Set<string> {
  const ids = new Set<string>();
  sources.forEach((s, i) => {
    const at = `sources[${i}]${isText(s?.id) ? ` (${s.id})` : ''}`;
    for (const key of ['id', 'url', 'title', 'publisher', 'date'] as const) {
      if (!isText(s?.[key])) problems.push(`${at}: ${key} missing`);
    }
    if (isText(s?.url) && !/^https?:\/\/\S+$/.test(s.url)) problems.push(`${at}: url is not an http(s) address`);
    if (s?.script !== 'simplified' && s?.script !== 'traditional') {
      problems.push(`${at}: script must be "simplified" or "traditional"`);
    }
    if (isText(s?.id) && ids.has(s.id)) problems.push(`${at}: id used twice`);
    if (isText(s?.id)) ids.add(s.id);
  });
  return ids;
}
