import * as assert from 'node:assert/strict';
import { ALIASES, aliasOf } from '../../src/core/text/aliases';
import { relationTo } from './helpers';

const say = (words: string): string => `The general said: “${words}”`;

// Real forms: ISIS (175 times) and ISIL (30) both occur in the PolNeAR articles, as do U.N. (26), UN (10)
// and United Nations (37); “U.S. sanctions” is in BASIL (cluster b7021938, NYT).
describe('known aliases are spelling', () => {
  it('documents every entry with its reason', () => {
    assert.ok(ALIASES.length >= 3 && ALIASES.length <= 12, 'a short list');
    for (const a of ALIASES) assert.ok(a.forms.length >= 2 && a.reason.length > 20, a.forms.join('/'));
  });

  it('treats ISIS / ISIL, U.S. / United States and U.N. / United Nations as one name', () => {
    assert.equal(relationTo(say('We will defeat ISIS in Syria and in Iraq before the end of the year.'),
      say('We will defeat ISIL in Syria and in Iraq before the end of the year.')), 'spelling');
    assert.equal(relationTo(say('He lied about undermining U.S. sanctions to the FBI and to the country.'),
      say('He lied about undermining United States sanctions to the FBI and to the country.')), 'spelling');
    assert.equal(relationTo(say('We asked the U.N. to send observers to the border before the vote.'),
      say('We asked the United Nations to send observers to the border before the vote.')), 'spelling');
  });

  it('does not take the pronoun “us” for the US, nor “is” for IS', () => {
    assert.equal(aliasOf(['us']), -1);
    assert.equal(aliasOf(['Us']), -1);
    assert.equal(aliasOf(['is']), -1);
    assert.equal(aliasOf(['U.S.']), aliasOf(['United', 'States']));
    assert.equal(relationTo(say('They told us to leave the town before the storm came in.'),
      say('They told the United States to leave the town before the storm came in.')), 'variant');
  });
});
