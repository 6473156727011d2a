/**
 * The lexicon as the extension and the CLI build it (the prebuilt curated layer when it matches
 * the glossary files, else the files parsed; the CC-CEDICT asset; folding), shared by unit tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import type { Lexicon } from '../../src/core/lexicon/lexicon';
import { composeLexicon } from '../../src/core/lexicon/compose';
import { loadCurated } from '../../src/core/lexicon/curatedAsset';
import { readGlossaryFolder } from '../../src/node/glossaryFolder';

export const ROOT = join(__dirname, '..', '..');

let cached: Lexicon | undefined;

export function fullLexicon(): Lexicon {
  if (cached) return cached;
  const files = readGlossaryFolder(join(ROOT, 'glossary'), (n) => `glossary/${n}`);
  const assetPath = join(ROOT, 'dist', 'curated.bin');
  const { curated } = loadCurated(files, existsSync(assetPath) ? readFileSync(assetPath) : undefined);
  cached = composeLexicon({ curated, cedict: loadCedictLayer(readFileSync(join(ROOT, 'dist', 'cedict.bin'))) });
  return cached;
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}
