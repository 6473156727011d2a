import type { FoldDictionaries } from '../core/text/foldPairs';

/** opencc-js's tables for the fold: large modules, loaded only by the build step and a unit test. */
export function openccFoldDictionaries(): FoldDictionaries {
  const d = (m: { default: string }) => m.default;
  return {
    cjkCompatibility: d(require('opencc-js/dict/CJK_Compatibility_Ideographs')),
    twVariantsRev: d(require('opencc-js/dict/TWVariantsRev')),
    hkVariantsRev: d(require('opencc-js/dict/HKVariantsRev')),
    tsCharacters: d(require('opencc-js/dict/TSCharacters')),
  };
}
