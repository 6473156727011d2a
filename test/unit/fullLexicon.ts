/** The lexicon as the CLI builds it (curated + CC-CEDICT asset + folding), shared by unit tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import { isGlossaryFileName, loadGlossaries } from '../../src/core/glossary/load';
import type { Lexicon } from '../../src/core/lexicon/lexicon';
import { composeLexicon } from '../../src/core/lexicon/compose';

export const ROOT = join(__dirname, '..', '..');

let cached: Lexicon | undefined;

export function fullLexicon(): Lexicon {
  if (cached) return cached;
  const dir = join(ROOT, 'glossary');
  const files = readdirSync(dir)
    .filter(isGlossaryFileName)
    .sort()
    .map((n) => ({ path: `glossary/${n}`, bytes: readFileSync(join(dir, n)) }));
  const curated = loadGlossaries(files, 'curated', { checkPinyin: false, trusted: true }).glossaries;
  cached = composeLexicon({ curated, cedict: loadCedictLayer(readFileSync(join(ROOT, 'dist', 'cedict.bin'))) });
  return cached;
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}
