/**
 * Build step: dist/curated.bin and dist/cedict.bin → dist/search.bin, the search segments of the
 * two shipped layers (core/lexicon/searchAsset.ts). The layers are opened exactly as the extension
 * and the CLI open them and indexed by the same builder the runtime uses, so the prebuilt index
 * cannot rank differently from one built at start. Runs after the two assets it indexes.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { assetFingerprint, bytesSource } from '../core/lexicon/assetContainer';
import { loadCedictLayer } from '../core/lexicon/cedictAsset';
import { composeLexicon } from '../core/lexicon/compose';
import { isPrebuilt, loadCurated } from '../core/lexicon/curatedAsset';
import { encodeSearchAsset, readSearchAsset, type BuiltSegment } from '../core/lexicon/searchAsset';
import { layerSegment } from '../core/lexicon/searchIndex';
import { readGlossaryFolder } from '../node/glossaryFolder';

const out = process.argv[2] ?? 'dist/search.bin';
const started = Date.now();
const cedictBytes = readFileSync('dist/cedict.bin');
const curatedBytes = existsSync('dist/curated.bin') ? readFileSync('dist/curated.bin') : undefined;
/**
 * The build runs this every time (curated.bin is rewritten every time): an index newer than this
 * tool and made from assets with the same fingerprints is kept (3 s saved per build).
 */
function upToDate(): boolean {
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(__filename).mtimeMs) return false;
  try {
    const stored = readSearchAsset(readFileSync(out));
    const curatedOk =
      !curatedBytes || stored.get('curated')?.fingerprint === assetFingerprint(bytesSource(curatedBytes));
    return curatedOk && stored.get('cedict')?.fingerprint === assetFingerprint(bytesSource(cedictBytes));
  } catch {
    return false;
  }
}
if (upToDate()) {
  console.log(`search: ${out} is up to date`);
  process.exit(0);
}
// An index of other assets must never outlive a failed build (the runtime would refuse it anyway).
if (existsSync(out)) rmSync(out);
const files = readGlossaryFolder('glossary', (name) => `glossary/${name}`);
const { curated } = loadCurated(files, curatedBytes);
const prebuilt = isPrebuilt(curated) && curatedBytes ? curated : undefined;
const cedict = loadCedictLayer(cedictBytes);
const lexicon = composeLexicon({ curated: prebuilt, cedict });
const segments: { curated?: BuiltSegment; cedict?: BuiltSegment } = {};
let l = 0;
if (prebuilt && prebuilt.fileCount > 0) {
  segments.curated = { segment: layerSegment(lexicon, l++), fingerprint: assetFingerprint(bytesSource(curatedBytes!)) };
} else {
  console.error('search: no prebuilt curated layer, so no curated segment (it is built at start)');
}
segments.cedict = { segment: layerSegment(lexicon, l), fingerprint: assetFingerprint(bytesSource(cedictBytes)) };
const bytes = encodeSearchAsset(segments);
writeFileSync(out, bytes);
const items = (segments.curated?.segment.count ?? 0) + segments.cedict.segment.count;
console.log(`search: ${items} terms → ${out}, ${(bytes.length / 1048576).toFixed(1)} MB in ${Date.now() - started} ms`);
