import * as assert from 'node:assert/strict';
import { relationTo } from './helpers';

// Closed, open and hyphenated forms of one compound, by rule on the alignment (two words joined equal
// one). Real pairs: both forms occur in /work/shared/corpora (PolNeAR train and BASIL articles):
// healthcare / health-care (15 / 9 times), fundraising / fund-raising (94 / 16), reelection /
// re-election (22 / 28), frontrunner / front-runner (19 / 172); onto / on to and makeup / make up are
// from the issue (other outlets' news).
const say = (words: string): string => `The senator said: “${words}”`;

describe('compounds: closed, open and hyphenated forms are spelling', () => {
  const pairs: [string, string][] = [
    ['We will fix healthcare for every family in this state.', 'We will fix health-care for every family in this state.'],
    ['We will fix healthcare for every family in this state.', 'We will fix health care for every family in this state.'],
    ['Our fundraising has been strong all year long in Iowa.', 'Our fund-raising has been strong all year long in Iowa.'],
    ['I am not running for reelection next year in my district.', 'I am not running for re-election next year in my district.'],
    ['He was the frontrunner from the very first debate last fall.', 'He was the front runner from the very first debate last fall.'],
    ['We have to hold onto the gains we made for working families.', 'We have to hold on to the gains we made for working families.'],
    ['She had to make up for the time she lost in the campaign.', 'She had to makeup for the time she lost in the campaign.'],
  ];
  for (const [a, b] of pairs) {
    it(`${a.split(' ').slice(0, 5).join(' ')}… / one word written apart`, () => {
      assert.equal(relationTo(say(a), say(b)), 'spelling');
      assert.equal(relationTo(say(b), say(a)), 'spelling');
    });
  }

  it('keeps two different words a variant (back up / backed up, some time / same time)', () => {
    assert.equal(relationTo(say('We will back up the police in every town we visit.'), say('We backed up the police in every town we visit.')), 'variant');
    assert.equal(relationTo(say('We need some time to look at the whole budget plan.'), say('We need the same time to look at the whole budget plan.')), 'variant');
  });
});
