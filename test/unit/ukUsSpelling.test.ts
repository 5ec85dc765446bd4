import * as assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/text';
import { relationTo } from './helpers';

const keys = (s: string): string => tokenize(s).map((t) => t.key).join(' ');
const say = (words: string): string => `The minister said: “${words}”`;

// Real pairs: both spellings occur in /work/shared/corpora (PolNeAR train and BASIL articles):
// cancelled / canceled (1 / 11 times), centre / center (6 / 202), criticised / criticized (2 / 103),
// defence / defense (3 / 123), judgement / judgment (6 / 55), grey / gray, gruelling / grueling.
describe('UK/US spelling is spelling, not a changed word', () => {
  it('folds the pairs of the dictionary package, inflections included', () => {
    for (const [uk, us] of [['cancelled', 'canceled'], ['centre', 'center'], ['criticised', 'criticized'], ['defence', 'defense'],
      ['judgement', 'judgment'], ['grey', 'gray'], ['gruelling', 'grueling'], ['manoeuvres', 'maneuvers'], ['colourful', 'colorful']]) {
      assert.equal(keys(uk), keys(us), `${uk} / ${us}`);
    }
  });

  it('folds by rule: a consonant doubled after an unstressed syllable, Latin plurals', () => {
    // swivelling / swiveling and memorandums / memoranda are the pairs from other outlets.
    for (const [uk, us] of [['swivelling', 'swiveling'], ['focussed', 'focused'], ['worshipped', 'worshiped'], ['memorandums', 'memoranda'],
      ['referendums', 'referenda'], ['appendixes', 'appendices'], ['formulae', 'formulas']]) {
      assert.equal(keys(uk), keys(us), `${uk} / ${us}`);
    }
  });

  it('keeps different words apart (filled / filed, hopping / hoping, planned / planed)', () => {
    for (const [x, y] of [['filled', 'filed'], ['hopping', 'hoping'], ['planned', 'planed'], ['starring', 'staring']]) assert.notEqual(keys(x), keys(y));
  });

  it('calls the quotes spelling', () => {
    assert.equal(relationTo(say('The talks were cancelled after the defence ministry criticised the plan.'),
      say('The talks were canceled after the defense ministry criticized the plan.')), 'spelling');
    assert.equal(relationTo(say('We travelled to the centre of town and focussed on the grey areas.'),
      say('We traveled to the center of town and focused on the gray areas.')), 'spelling');
    assert.equal(relationTo(say('In my judgement the memorandums were a gruelling read for all of us.'),
      say('In my judgment the memoranda were a grueling read for all of us.')), 'spelling');
  });
});
