/** wink-porter2-stemmer ships no types: one function, Porter's second English stemmer (Snowball "english"). */
declare module 'wink-porter2-stemmer' {
  /** The stem of one word; lower-cases it first and removes a possessive 's. */
  function stem(word: string): string;
  export default stem;
}
