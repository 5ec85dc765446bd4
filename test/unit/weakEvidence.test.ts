/**
 * Two quotes that share a few words are not one utterance: the cases come from PolNeAR train's
 * cross-outlet links, labelled by hand (test/fixtures/polnear/links.gold.json), reworded here.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { scorePolnearLinks } from '../eval/polnearLinks';
import { analyze } from '../../src/core';
import { nameOnly } from '../../src/core/match/evidence';
import { checkAgainst } from './helpers';

const relationOf = (draft: string, source: string): string | undefined => checkAgainst(draft, { 'src.txt': source }).quotes[0]?.matches[0]?.relation;

describe('links need more in common than a stock phrase', () => {
  it('does not link a common phrase with a word changed in it', () => {
    assert.equal(relationOf('Trump said “a lot of people” were watching.', 'Smith said: “I think a lot of different people agree with that, frankly.”'), undefined);
    assert.equal(relationOf('He said he was “the worst thing that ever happened to the establishment.”', 'He said Obama “was the worst thing that’s happened to Israel.”'), undefined);
    assert.equal(relationOf('Carson called her “Not Fit To Serve As President Of The United States.”', 'Obama said: “Nobody is more qualified than Hillary Clinton to serve as president of the United States of America.”'), undefined);
  });

  it('does not count a full name both quotes hold as evidence of one utterance', () => {
    assert.equal(relationOf('It was “just more evidence that Donald Trump himself is a fraud.”', 'Romney said: “Donald Trump is a fraud,” and left.'), undefined);
  });

  it('does not link a short quote to a long one because its few stems occur somewhere in it', () => {
    const long = 'He said: “I’m very disappointed in the committee because for three debates now the room has been stacked with special interests and donors, as you know, as the press knows, and we are going to do something about it.”';
    assert.equal(relationOf('He attacked “donors and special interests” again.', long), undefined);
    // Nor because one sentence of it holds them: three common stems are a stock phrase.
    assert.equal(relationOf('He said: “That makes me feel good.”', 'She said: “She was a great woman, and passed away happy. I love to do things. It’s good to do things for people, and it makes you feel good when you help them out.”'), undefined);
  });

  it('does not link a short sentence to another that only opens alike, the same speaker or not', () => {
    // The edge word differs and the other sentence goes on past it: a new sentence, not a changed word.
    assert.equal(relationOf('Clinton said: “Don’t believe it.”', 'Clinton said: “I do not believe in my lifetime, anybody has run for this job.”'), undefined);
    // Both end at the changed word: one sentence ("committed to doing so" / "… that", below).
    assert.equal(relationOf('Clinton said: “Don’t believe it.”', 'Clinton said: “I do not believe that.”'), 'variant');
  });

  it('still links one utterance quoted with a word changed, dropped or added', () => {
    assert.equal(relationOf('Kelly said: “You’ve called women you don’t like fat pigs, dogs, slobs and disgusting animals.”', 'Kelly said Trump had called women “pigs, dogs and disgusting animals.”'), 'variant');
    // Short words only, but a sentence and a half of them, the last word changed.
    assert.equal(relationOf('Fox said: “We don’t want him. We reject his visit.”', 'Fox said: “By 130 million people, we don’t like him, we don’t want him. We reject his message.”'), 'variant');
    // A function word changed at the edge of a named speaker's short quote.
    assert.equal(relationOf('Blinken said the US is “committed to doing so.”', 'Blinken said the US “is committed to doing that.”'), 'variant');
    // An editor's words in square brackets are not the speaker's.
    assert.equal(relationOf('Cruz decried “[President Barack] Obama’s war on religion.”', 'Cruz said: “As president, I’ll end Obama’s war on religion.”'), 'variant');
  });

  it('decides the same whichever quote is the draft', () => {
    const pairs: [string, string][] = [
      ['Trump said “a lot of people” were watching.', 'Smith said: “I think a lot of different people agree with that, frankly.”'],
      ['It was “just more evidence that Donald Trump himself is a fraud.”', 'Romney said: “Donald Trump is a fraud,” and left.'],
      ['Clinton said: “Don’t believe it.”', 'Clinton said: “I do not believe in my lifetime, anybody has run for this job.”'],
      ['Clinton said: “Don’t believe it.”', 'Clinton said: “I do not believe that.”'],
      ['Fox said: “We don’t want him. We reject his visit.”', 'Fox said: “By 130 million people, we don’t like him, we don’t want him. We reject his message.”'],
      // The same number of stems on both sides, full names in one only (the tie in weakEvidence).
      ['Cruz said: “Barack Obama waged war on religion.”', 'Cruz said: “obama waged his war against religion.”'],
    ];
    for (const [x, y] of pairs) assert.equal(relationOf(x, y), relationOf(y, x), `${x} / ${y}`);
  });

  it('links on PolNeAR dev only what was labelled one utterance (test/fixtures/polnear/links.gold.json)', () => {
    const root = path.resolve(__dirname, '../../..');
    const l = scorePolnearLinks(path.join(root, 'test/fixtures/polnear/dev'), 'dev', root);
    assert.equal(l.different, 0, l.falseLinks.join('\n'));
    assert.deepEqual(l.unlabelled, []);
    assert.equal(l.goldSameLinked, l.goldSame);
  });
});

describe('a name quoted alone', () => {
  const only = (text: string): boolean => nameOnly(analyze({ uri: 'a', text }).quotes[0]);
  // The NYT's "could not bring himself to utter: ''Donald Trump.''" linked as an excerpt of 182 quotes
  // across PolNeAR train that name him (of 1,904 links); none is the same utterance.
  it('is not an excerpt of every quote that holds the name', () => {
    const draft = "There were two words that a choked-up Jeb Bush could not bring himself to utter: ''Donald Trump.''";
    assert.equal(relationOf(draft, 'On Israel, Trump added, “Sheldon knows that nobody will be more loyal to Israel than Donald Trump.”'), undefined);
  });

  it('still matches the same name quoted alone', () => {
    assert.equal(relationOf('He said: “Donald Trump.”', 'She said: “Donald Trump.”'), 'identical');
  });

  it('is a run of capitalised words without a function word among them', () => {
    assert.equal(only('He said: “Donald Trump.”'), true);
    assert.equal(only('He called him “Little Marco” again.'), true);
    // A title-cased motto or slogan is words, not a name.
    assert.equal(only('Its motto is “In God We Trust” still.'), false);
    assert.equal(only('He said: “Donald Trump is a fraud.”'), false);
  });
});
