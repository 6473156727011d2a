/**
 * Issue 16's "Done when" figure on the core loop: 20 real lines of the QA corpus (every fifth), a
 * scripted model whose first answer is the line's English with its one injected error (a term or
 * number error from the corpus) and whose answer to the retry is the translator's English. Prints
 * how many lines keep a problem after the retry (target ≤ 2) and how many were retried. Information,
 * not a test (modelDraft.test.ts asserts the target); exits 0 whatever the figures.
 */
import { draftWithModel, type CompleteChat } from '../../src/core/annotate/modelDraft';
import { DEFAULT_STYLE } from '../../src/core/annotate/modelPrompt';
import type { QaCorpus } from '../shared/qaCorpus';
import { fixture, fullLexicon } from '../unit/fullLexicon';

async function main(): Promise<void> {
  const corpus = JSON.parse(fixture('qa/corpus.json')) as QaCorpus;
  const lines = corpus.lines.filter((_, i) => i % 5 === 0).slice(0, 20);
  let retried = 0;
  const left: string[] = [];
  for (const line of lines) {
    const complete: CompleteChat = async (messages) =>
      /found these problems/.test(messages[messages.length - 1].content) ? line.en : line.injected.en;
    const result = await draftWithModel(
      { passage: line.zh, form: 'inline', style: DEFAULT_STYLE },
      { lexicon: fullLexicon(), complete },
    );
    if (result.kind !== 'model') {
      left.push(`${line.zh}: ${result.kind}`);
      continue;
    }
    if (result.attempts.length === 2) retried++;
    const worth = result.problems.filter((p) => p.severity !== 'information');
    if (worth.length > 0) left.push(`${line.zh}: ${worth.map((p) => p.message).join('; ')}`);
  }
  console.log(`${lines.length} lines, ${retried} retried, ${left.length} with a problem after the retry (target ≤ 2)`);
  for (const l of left) console.log(`  ${l}`);
}

void main();
