/**
 * Build step: glossary/*.json → dist/curated.bin, the curated layer prebuilt (see
 * core/lexicon/curatedAsset.ts). Run on every build, as the files change more often than the
 * tools. Files the runtime would report problems in get no asset: the runtime then parses them and
 * reports the problems where it always has, and the build says so.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeCuratedAsset, parseCurated } from '../core/lexicon/curatedAsset';
import { simplifiedFoldTable } from '../core/text/script';
import { readGlossaryFolder } from '../node/glossaryFolder';

const out = process.argv[2] ?? 'dist/curated.bin';
const started = Date.now();
const files = readGlossaryFolder('glossary', (name) => `glossary/${name}`);
const loaded = parseCurated(files);
// An asset of other files must never outlive a failed build (the runtime would refuse it anyway).
if (existsSync(out)) rmSync(out);
if (loaded.problems.length > 0) {
  for (const p of loaded.problems) console.error(p.message);
  console.error(
    `curated: no prebuilt layer (${loaded.problems.length} problem(s)); the glossary files are parsed at start`,
  );
} else {
  const bytes = encodeCuratedAsset(files, loaded.glossaries, simplifiedFoldTable());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  const entries = loaded.glossaries.reduce((n, g) => n + g.glossary.entries.length, 0);
  console.log(
    `curated: ${files.length} files, ${entries} entries → ${out}, ` +
      `${(bytes.length / 1048576).toFixed(1)} MB in ${Date.now() - started} ms`,
  );
}
