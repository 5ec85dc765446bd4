/** The index's names do not depend on the order documents were added or replaced in. */
import * as assert from 'node:assert/strict';
import { analyze, QuoteIndex } from '../../src/core';

const texts = [
  'Secretary of State Antony Blinken met reporters. "We talked," Blinken said.',
  'Chinese President Xi Jinping spoke first. Later, Anna Blinken said "no".',
  'Foreign Minister Wang Yi and Antony Blinken shook hands. "Good," Wang said.',
];

describe('QuoteIndex names', () => {
  it('lists names in document order, however the documents arrived', () => {
    const inOrder = new QuoteIndex();
    texts.forEach((text, i) => inOrder.set(analyze({ uri: `d${i}`, text }, i)));
    const shuffled = new QuoteIndex();
    for (const i of [2, 0, 1]) shuffled.set(analyze({ uri: `d${i}`, text: texts[i] }, i));
    shuffled.set(analyze({ uri: 'd0', text: texts[0] }, 0)); // replaced: goes to the end of the slots
    const expected = [...new Set(texts.flatMap((text) => analyze({ uri: 'x', text }).names))];
    assert.deepEqual(expected, ['Antony Blinken', 'Xi Jinping', 'Anna Blinken', 'Wang Yi']);
    assert.deepEqual(inOrder.names(), expected);
    assert.deepEqual(shuffled.names(), expected);
  });
});
