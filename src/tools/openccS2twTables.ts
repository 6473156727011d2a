import type { S2twTables } from '../core/text/phraseTable';

/** opencc-js's s2tw tables: large modules, loaded only by the build step and a unit test. */
export function openccS2twTables(): S2twTables {
  const d = (m: { default: string }) => m.default;
  return {
    cjkCompatibility: d(require('opencc-js/dict/CJK_Compatibility_Ideographs')),
    stPhrases: d(require('opencc-js/dict/STPhrases')),
    stPhrasesGenerated: d(require('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases')),
    stCharacters: d(require('opencc-js/dict/STCharacters')),
    twVariantsPhrases: d(require('opencc-js/dict/TWVariantsPhrases')),
    twVariants: d(require('opencc-js/dict/TWVariants')),
  };
}
