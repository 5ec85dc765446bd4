import * as assert from 'node:assert/strict';
import { renderDiff } from '../../src/core';
import { checkAgainst } from './helpers';

const draft = 'He said: “We will follow through the common plan that we agreed in Bali.”';
const sources = {
  'wire/a.txt': 'He said: “We will follow through on the common plan that we agreed in Bali.”',
  'outlets/b.txt': 'He said: “We will follow through on the common plan that we agreed in Bali.”',
  'transcripts/c.txt': 'He said: “We will follow up on the common plan that we agreed in Bali.”',
};

describe('canonical wording', () => {
  it('prefers the wording most sources share, and says so', () => {
    const q = checkAgainst(draft, sources).quotes[0];
    assert.equal(q.canonical?.text, 'We will follow through on the common plan that we agreed in Bali.');
    assert.match(q.canonical!.reason, /2 of 3 sources/);
    const fix = q.fixes.find((f) => f.preferred);
    assert.equal(fix?.replacement, q.canonical?.text);
  });

  it('follows the authority order first', () => {
    const q = checkAgainst(draft, sources, { authority: ['transcripts/**'] }).quotes[0];
    assert.equal(q.canonical?.text, 'We will follow up on the common plan that we agreed in Bali.');
    assert.match(q.canonical!.reason, /authority/);
  });

  it('falls back to the earliest source on a tie', () => {
    const q = checkAgainst(draft, { 'first.txt': sources['transcripts/c.txt'], 'second.txt': sources['wire/a.txt'] }).quotes[0];
    assert.equal(q.canonical?.source?.uri, 'first.txt');
    assert.match(q.canonical!.reason, /earliest/);
  });

  it('offers one fix per distinct source wording, keeping the draft’s punctuation outside the words', () => {
    const q = checkAgainst('He said the US is “committed to doing so.”', { 's.txt': 'Blinken said “the US is committed to doing that. I heard the same.”' }).quotes[0];
    assert.deepEqual(q.fixes.map((f) => f.replacement), []);
    const named = checkAgainst('Blinken said the US is “committed to doing so.”', { 's.txt': 'Blinken said “the US is committed to doing that. I heard the same.”' }).quotes[0];
    assert.deepEqual(named.fixes.map((f) => f.replacement), ['committed to doing that.']);
  });
});

describe('word diffs', () => {
  it('keep each side’s punctuation and spacing, and mark only the words', () => {
    const q = checkAgainst('He said: “We will not accept [x](command:quit) in any form, ever.”', {
      's.txt': 'He said: “We will never accept [x](command:quit) in any form, ever.”',
    }).quotes[0];
    const text = renderDiff(q.matches[0].diff, (op, t) => (op === 'removed' ? `[-${t}-]` : `{+${t}+}`), (t) => t);
    assert.equal(text, 'We will [-not-] {+never+} accept [x](command:quit) in any form, ever.');
  });
});
