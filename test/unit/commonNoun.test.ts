/**
 * Sentence-initial common nouns (src/core/attribute/commonNoun.ts): a small text is read word by word,
 * a large one once; both must give the same answers.
 */
import * as assert from 'node:assert/strict';
import { SentenceCapitals } from '../../src/core/attribute/commonNoun';

const TEXT = [
  'Sources told POLITICO that two sources had seen it. Aides say the aides left.',
  '“We are done.” Friends of hers said the friends agreed, and “Banks closed,” Banks said; the banks did.',
  'Tom Price said the price rose. O’Malley spoke, and then O’Malley left. Voters came; voters went.',
].join('\n\n');
const WORDS = ['Sources', 'Aides', 'Friends', 'Banks', 'Price', 'O’Malley', 'Voters', 'Tom', 'POLITICO'];

describe('sentence-initial common nouns', () => {
  it('takes a word capitalised only where a sentence starts, and in lower case elsewhere, for a common noun', () => {
    const c = new SentenceCapitals(TEXT);
    assert.deepEqual(WORDS.filter((w) => c.commonNoun(w)), ['Sources', 'Aides', 'Friends', 'Voters']);
  });

  it('gives the same answers for a text past the size it reads whole', () => {
    const large = new SentenceCapitals(TEXT + '\n\nThe end came.'.repeat(10_000));
    const small = new SentenceCapitals(TEXT);
    for (const w of WORDS) assert.equal(large.commonNoun(w), small.commonNoun(w), w);
  });
});
