/** Modules generated at build time by esbuild.mjs (see src/tools/). */
declare module 'hanzi-gloss:fold-pairs' {
  /** Pairs of BMP characters, "from to from to …": the traditional → simplified fold (foldPairs.ts). */
  const pairs: string;
  export default pairs;
}
declare module 'hanzi-gloss:opencc-s2tw' {
  /** OpenCC's simplified → Taiwan-standard tables, packed (phraseTable.ts); shipped as a vendor file. */
  const packed: string;
  export default packed;
}
