import * as assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/text';
import { quoteDiffersSeverity, relationTo } from './helpers';

const keys = (s: string): string => tokenize(s).map((t) => t.key).join(' ');
const say = (words: string): string => `The governor said: “${words}”`;

// Real forms: “2 in 3 chance” / “two-in-three chance” and “1 in 3” / “one-in-three” are BASIL's
// Boehner pair (cluster f11c2566, HuffPost / NYT); “$1 million” occurs 20 times in the corpora, “64
// percent” in PolNeAR (politico_2016-01-07_seiu-chief-says-trump-can-win); $1m, per cent, 1bn are the
// British and wire forms of the same numbers (the issue's “$1m” / “$1 million”).
describe('numbers and money in every common press form', () => {
  it('gives one value to the forms of one number', () => {
    const same = [
      ['$1m', '$1 million', '$1,000,000', '1mn'],
      ['1bn', '1 billion', '$1,000,000,000', 'one billion'],
      ['1.5 billion', '1.5bn', '1,500,000,000'],
      ['64%', '64 percent', '64 per cent', 'sixty-four percent', '64 pct'],
      ['ten percent', '10%', '10 per cent'],
      ['21st', 'twenty-first'],
      ['two hundred thousand', '200,000'],
    ];
    for (const forms of same) for (const f of forms) assert.equal(keys(f), keys(forms[0]), `${f} / ${forms[0]}`);
  });

  it('keeps different numbers different (1.5 / 15, $1m / $2 million, 10% / 10)', () => {
    assert.notEqual(keys('1.5 billion'), keys('15 billion'));
    assert.notEqual(keys('$1m'), keys('$2 million'));
    assert.notEqual(keys('10%'), keys('10'));
    assert.notEqual(keys('21st'), keys('22nd'));
  });

  it('calls the quotes spelling', () => {
    assert.equal(relationTo(say('There is a 2 in 3 chance that we win control of the House again.'),
      say('There is a two-in-three chance that we win control of the House again.')), 'spelling');
    assert.equal(relationTo(say('We will spend $1m on the new bridge over the river next year.'),
      say('We will spend $1 million on the new bridge over the river next year.')), 'spelling');
    assert.equal(relationTo(say('We will spend $1,000,000 on the new bridge over the river next year.'),
      say('We will spend $1m on the new bridge over the river next year.')), 'spelling');
    assert.equal(relationTo(say('About 64 percent of our members identify as conservative in this state.'),
      say('About 64 per cent of our members identify as conservative in this state.')), 'spelling');
  });

  it('keeps a changed number a meaning change (an error)', () => {
    const draft = say('We will spend $2 million on the new bridge over the river next year.');
    assert.equal(relationTo(draft, say('We will spend $1m on the new bridge over the river next year.')), 'variant');
    assert.equal(quoteDiffersSeverity(draft, { 'src.txt': say('We will spend $1m on the new bridge over the river next year.') }), 'error');
    assert.equal(quoteDiffersSeverity(say('About 46 percent of our members identify as conservative in this state.'),
      { 'src.txt': say('About 64 per cent of our members identify as conservative in this state.') }), 'error');
  });
});
