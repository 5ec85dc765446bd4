import * as assert from 'node:assert/strict';
import { checkAgainst, quoteDiffersSeverity, relationTo } from './helpers';

// Real pairs: “Vincente Fox” (Fox News) / “Vicente Fox” (BASIL cluster d4a4bc34), “The Godather”
// (HuffPost) / “The Godfather” (BASIL cluster aab91277), and the issue's “De’Anglas” / “De’Angelas”
// and “here” / “hear” (other outlets' news). Misspelt words as printed in PolNeAR train articles:
// “adminstration” (wash-post_2015-11-24_pfizer-deal-s-tax-strategy-assai), “succesfully”
// (breitbart_2016-01-10_conservative-icon-morton-blackwe), “simultaneousely”
// (politico_2016-01-29_clinton-camp-plans-to-roll-out-w), “atttended” (wash-post_2016-06-14_we-are-in-
// shock-horrified-a-mosq); “untaxed” (nyt_2016-06-15_clinton-s-chance-to-make-bold-ch) is a real word.
const say = (who: string, words: string): string => `${who} said: “${words}”`;

describe('probable typos', () => {
  const names: [string, string][] = [
    ['We will never pay for that wall, Vincente Fox told the crowd in the capital.', 'We will never pay for that wall, Vicente Fox told the crowd in the capital.'],
    ['It was a reference to a character from The Godather, the prosecutors wrote.', 'It was a reference to a character from The Godfather, the prosecutors wrote.'],
    ['My son De’Anglas was shot on his way home from school that night.', 'My son De’Angelas was shot on his way home from school that night.'],
  ];

  it('calls a name misspelt by a letter spelling, with a message to check it', () => {
    for (const [a, b] of names) {
      assert.equal(relationTo(say('She', a), say('She', b)), 'spelling', a);
      const q = checkAgainst(say('She', a), { 'src.txt': say('She', b) }).quotes[0];
      assert.match(q.matches[0].changes, /check the spelling of the name/);
    }
  });

  it('warns only when no source has the draft’s form of the name', () => {
    const [a, b] = names[2];
    assert.equal(quoteDiffersSeverity(say('She', a), { 'src.txt': say('She', b) }), 'warning');
    assert.equal(quoteDiffersSeverity(say('She', a), { 'src.txt': say('She', b), 'other.txt': say('She', a) }), 'none');
    const f = checkAgainst(say('She', a), { 'src.txt': say('She', b) }).quotes[0].findings.find((x) => x.rule === 'quote-differs');
    assert.match(f!.message, /“De’Anglas” → “De’Angelas” \(check the spelling of the name\)/);
  });

  it('keeps another name, a possessive or a plural a change (Daniel / Daniela, America’s / Americans)', () => {
    assert.equal(relationTo(say('He', 'I spoke with Daniel about the plan for the new school.'), say('He', 'I spoke with Daniela about the plan for the new school.')), 'variant');
    assert.equal(relationTo(say('He', 'This is about America’s future and nothing else at all.'), say('He', 'This is about Americans future and nothing else at all.')), 'variant');
  });

  it('calls a word misspelt as no dictionary spells it spelling, a warning when it is the draft’s', () => {
    const pairs: [string, string][] = [['adminstration', 'administration'], ['succesfully', 'successfully'], ['simultaneousely', 'simultaneously'], ['atttended', 'attended']];
    for (const [typo, word] of pairs) {
      const draft = say('He', `The ${typo} people told us about it on Monday morning.`);
      const source = say('He', `The ${word} people told us about it on Monday morning.`);
      const q = checkAgainst(draft, { 'src.txt': source }).quotes[0];
      assert.equal(q.matches[0].relation, 'spelling', typo);
      assert.match(q.matches[0].changes, new RegExp(`“${typo}” → “${word}” \\(probable typo\\)`));
      assert.equal(quoteDiffersSeverity(draft, { 'src.txt': source }), 'warning');
      // The source's slip is not the draft's fault: spelling, and quiet.
      assert.equal(relationTo(source, draft), 'spelling');
      assert.equal(quoteDiffersSeverity(source, { 'src.txt': draft }), 'none');
    }
  });

  it('does not take a rarer real word for a slip (untaxed / untamed, complicit / complicity)', () => {
    assert.equal(relationTo(say('He', 'Much of it went untaxed for years in this state.'), say('He', 'Much of it went untamed for years in this state.')), 'variant');
    assert.equal(relationTo(say('He', 'The board was complicit in all of it, he told us.'), say('He', 'The board was complicity in all of it, he told us.')), 'variant');
  });

  it('keeps a real word for another a variant, and says “possible typo” (here / hear, then / than, loose / lose)', () => {
    for (const [x, y] of [['here', 'hear'], ['then', 'than'], ['loose', 'lose']]) {
      const draft = say('He', `I want the people ${x} to know what we are doing for them.`);
      const q = checkAgainst(draft, { 'src.txt': say('He', `I want the people ${y} to know what we are doing for them.`) }).quotes[0];
      assert.equal(q.matches[0].relation, 'variant');
      assert.match(q.matches[0].changes, new RegExp(`“${x}” → “${y}” \\(possible typo\\)`));
    }
  });

  it('does not call a change of grammar a typo (need / needs, said / says)', () => {
    for (const [x, y] of [['need', 'needs'], ['said', 'says']]) {
      const q = checkAgainst(say('He', `They ${x} what we are doing for the town.`), { 'src.txt': say('He', `They ${y} what we are doing for the town.`) }).quotes[0];
      assert.doesNotMatch(q.matches[0].changes, /possible typo/);
    }
  });
});
