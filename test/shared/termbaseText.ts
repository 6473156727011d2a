/**
 * The real-text termbase set (test/fixtures/termbase/real-text.json): passages copied verbatim from
 * public sources, each with the terms and organisation names a translator expects a specialist
 * glossary to know and the English renderings a reviewer accepts.
 */
import { isText, sourceIds, type RealTextSource } from './realText';

export interface ExpectedTerm {
  readonly zh: string;
  /** Acceptable English renderings, preferred first. */
  readonly en: readonly string[];
  readonly kind: 'term' | 'organisation';
  /** Where the English was checked (an organisation's official name; a term's official use). */
  readonly ref?: string;
  /** For an organisation: what `ref` is (see the fixture's description). */
  readonly refKind?: 'official' | 'secondary' | 'unverified';
  readonly note?: string;
}

export interface TermbasePassage {
  readonly source: string;
  readonly text: string;
  readonly expect: readonly ExpectedTerm[];
}

export interface TermbaseSet {
  readonly description: string;
  readonly sources: readonly RealTextSource[];
  readonly passages: readonly TermbasePassage[];
}

const REF_KINDS = ['official', 'secondary', 'unverified'];

/** Problems with one expected item of passage `at` (text `text`), appended to `problems`. */
function itemProblems(e: Partial<ExpectedTerm> | null, at: string, text: string, problems: string[]): void {
  if (!isText(e?.zh)) {
    problems.push(`${at}: zh missing`);
    return;
  }
  const item = `${at} ${e.zh}`;
  if (!text.includes(e.zh)) problems.push(`${item}: does not occur in the text`);
  if (!Array.isArray(e.en) || e.en.length === 0 || !e.en.every(isText)) problems.push(`${item}: no English`);
  if (e.kind !== 'term' && e.kind !== 'organisation') problems.push(`${item}: kind must be "term" or "organisation"`);
  if (isText(e.ref) && !/^https?:\/\/\S+$/.test(e.ref)) problems.push(`${item}: ref is not an http(s) address`);
  if (e.kind !== 'organisation') return;
  if (!REF_KINDS.includes(e.refKind ?? '')) problems.push(`${item}: refKind must be one of ${REF_KINDS.join(', ')}`);
  else if (e.refKind !== 'unverified' && !isText(e.ref)) problems.push(`${item}: a checked name needs its ref`);
}

/** Every problem with `value` as a termbase set, one line each; empty when it is sound. */
export function termbaseProblems(value: unknown): string[] {
  const problems: string[] = [];
  const set = value as Partial<TermbaseSet> | null;
  if (!set || typeof set !== 'object') return ['the set is not a JSON object'];
  if (!isText(set.description)) problems.push('description: missing');
  if (!Array.isArray(set.sources)) problems.push('sources: not an array');
  if (!Array.isArray(set.passages)) problems.push('passages: not an array');
  const ids = sourceIds(Array.isArray(set.sources) ? set.sources : [], problems);
  const used = new Set<string>();
  (Array.isArray(set.passages) ? set.passages : []).forEach((p, i) => {
    const at = `passages[${i}]`;
    if (!isText(p?.source) || !ids.has(p.source))
      problems.push(`${at}: source ${JSON.stringify(p?.source)} not listed`);
    else used.add(p.source);
    if (!isText(p?.text)) {
      problems.push(`${at}: text missing`);
      return;
    }
    if (!Array.isArray(p.expect) || p.expect.length === 0) problems.push(`${at}: nothing expected`);
    for (const e of Array.isArray(p.expect) ? p.expect : []) itemProblems(e, at, p.text, problems);
  });
  for (const id of ids) if (!used.has(id)) problems.push(`source ${id}: no passage uses it`);
  return problems;
}

const normal = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()} `;

/** Whether `english` holds one of `accepted` as a whole phrase. */
export function accepts(english: string, accepted: readonly string[]): boolean {
  const line = normal(english);
  return accepted.some((a) => line.includes(normal(a)));
}
