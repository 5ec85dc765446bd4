/**
 * A one-word "name" that is a common noun capitalised only because it opens a sentence: "Sources told
 * POLITICO …", "Aides say …", "Audiences can expect …", "Friends offered …". The test a reader makes: the
 * article also has the word in lower case, and never capitalises it where a sentence does not start.
 * A surname is capitalised mid-sentence somewhere ("…, Banks said", "Tom Price"), so it stays a name
 * even where the article also has the common word ("banks", "price").
 */

/** Judges one-word names against one document's text; each word is judged once. */
export class SentenceCapitals {
  private readonly judged = new Map<string, boolean>();
  /** A large text's lower-case words and mid-sentence capitals, each read once when first asked. */
  private lowerWords: Set<string> | undefined;
  private midCapitals: Set<string> | undefined;

  constructor(private readonly text: string) {}

  /** True when `word` (one capitalised word) is a common noun in this text, not a name. */
  commonNoun(word: string): boolean {
    let common = this.judged.get(word);
    if (common === undefined) this.judged.set(word, (common = this.judge(word)));
    return common;
  }

  private judge(word: string): boolean {
    const text = this.text;
    const lower = word.toLowerCase();
    if (lower === word) return false;
    if (text.length > LARGE) {
      // A scan of megabytes per word judged would add up (an archive's one huge file names thousands):
      // the words are read once, in two passes.
      this.lowerWords ??= new Set(text.match(LOWER_WORD));
      this.midCapitals ??= midSentenceCapitals(text);
      return !this.midCapitals.has(word) && this.lowerWords.has(lower);
    }
    // (indexOf loops, not a regular expression per word: most words are found mid-sentence at once.)
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (wordAt(text, at, word.length) && !sentenceStart(text, at)) return false;
    }
    for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
      if (wordAt(text, at, lower.length)) return true;
    }
    return false;
  }
}

/** The capitalised words of `text` met at least once where no sentence starts. */
function midSentenceCapitals(text: string): Set<string> {
  const out = new Set<string>();
  CAPITAL_WORD.lastIndex = 0;
  for (let m = CAPITAL_WORD.exec(text); m; m = CAPITAL_WORD.exec(text)) {
    if (!sentenceStart(text, m.index)) out.add(m[0].replace(/['’-]+$/, ''));
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LARGE = 64 * 1024;
// A whole word of lower-case letters (as wordAt bounds it: no letter or digit either side).
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu;
// A capitalised word with its apostrophes and hyphens ("O’Malley", "Ex-CIA"), as names are read.
const CAPITAL_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}’'-]*/gu;

/** True when text[at, at + length) is a whole word (no letter or digit either side). */
function wordAt(text: string, at: number, length: number): boolean {
  return (at === 0 || !LETTER_OR_DIGIT.test(text[at - 1])) && (at + length >= text.length || !LETTER_OR_DIGIT.test(text[at + length]));
}

/**
 * True when a sentence may start at `at`: only spaces, quotation marks or brackets stand between it and
 * the text's start, a line break, or a sentence's last mark (a colon and a dash open one too). Past a
 * closing mark the mark inside it decides: "“….” Sources said" starts a sentence, "“…,” Banks said" not.
 */
function sentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && ' \t“‘”’"\'(['.includes(text[i])) i--;
  return i < 0 || '\n\r.!?:;—–'.includes(text[i]);
}
