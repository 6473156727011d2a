/**
 * The benchmark corpus, generated the same way on every run: Chinese lines built from curated terms,
 * CC-CEDICT words, numbers with classifiers and the die-casting fixture, interleaved with English
 * lines of the forum thread (mixed text, as in real forum dumps).
 */
import type { CedictLine } from '../../src/core/glossary/cedictLine';

/** mulberry32: a small deterministic generator, so every run measures the same text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildCorpus(options: {
  chineseChars: number;
  cedict: readonly CedictLine[];
  terms: readonly string[];
  fixtures: readonly string[];
  english: readonly string[];
}): { text: string; chineseChars: number } {
  const rnd = random(2026);
  const words = options.cedict
    .filter((l) => !/[A-Za-z]/.test(l.simplified))
    .map((l) => (rnd() < 0.1 ? l.traditional : l.simplified));
  const punct = ['，', '，', '，', '。', '；', '：', '、'];
  const lines: string[] = [];
  let han = 0;
  while (han < options.chineseChars) {
    const r = rnd();
    if (r < 0.05) {
      const f = options.fixtures[Math.floor(rnd() * options.fixtures.length)];
      lines.push(f);
      han += f.length;
      continue;
    }
    if (r < 0.3) {
      lines.push(options.english[Math.floor(rnd() * options.english.length)]);
      continue;
    }
    let line = '';
    const n = 8 + Math.floor(rnd() * 30);
    for (let k = 0; k < n; k++) {
      const x = rnd();
      const w =
        x < 0.35
          ? options.terms[Math.floor(rnd() * options.terms.length)]
          : x < 0.9
            ? words[Math.floor(rnd() * words.length)]
            : `${1 + Math.floor(rnd() * 9)}台${(1 + Math.floor(rnd() * 90)) * 100}吨`;
      line += w;
      han += w.length;
      if (rnd() < 0.2) line += punct[Math.floor(rnd() * punct.length)];
    }
    lines.push(line + '。');
  }
  return { text: lines.join('\n') + '\n', chineseChars: han };
}
