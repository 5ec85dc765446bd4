/** Work fetched ahead of its consumer (src/host/readAhead.ts). */
import * as assert from 'node:assert/strict';
import { readAhead } from '../../src/host/readAhead';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Reading ahead', () => {
  it('gives the results in order, with at most `depth` fetches under way', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    // Later fetches finish first: the order must still be the fetches' order.
    const fetch = async (k: number): Promise<number> => {
      started.push(k);
      most = Math.max(most, ++running);
      await later(10 - k);
      running--;
      return k * 10;
    };
    const got: number[] = [];
    for await (const r of readAhead(8, () => 3, fetch, () => assert.fail('nothing is dropped'))) got.push(r);
    assert.deepEqual(got, [0, 10, 20, 30, 40, 50, 60, 70]);
    assert.equal(most, 3);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('follows a depth that changes, and fetches one at a time at depth 0', async () => {
    let depth = 1;
    let running = 0;
    const seen: number[] = [];
    const fetch = async (k: number): Promise<number> => {
      seen.push(++running);
      await later(2);
      running--;
      return k;
    };
    const got: number[] = [];
    for await (const r of readAhead(6, () => depth, fetch, () => undefined)) {
      got.push(r);
      if (r === 1) depth = 4;
    }
    assert.deepEqual(got, [0, 1, 2, 3, 4, 5]);
    assert.equal(Math.max(...seen.slice(0, 2)), 1, 'one at a time at first');
    assert.ok(Math.max(...seen) > 1, `more at once later (${seen.join(' ')})`);
    const one: number[] = [];
    for await (const r of readAhead(2, () => 0, async (k) => k, () => undefined)) one.push(r);
    assert.deepEqual(one, [0, 1]);
  });

  it('hands what nobody took to `dropped` when the consumer stops early', async () => {
    const dropped: number[] = [];
    const got: number[] = [];
    for await (const r of readAhead(10, () => 3, async (k) => { await later(1); return k; }, (r) => dropped.push(r))) {
      got.push(r);
      if (r === 1) break;
    }
    assert.deepEqual(got, [0, 1]);
    await later(20);
    assert.deepEqual(dropped.sort((a, b) => a - b), [2, 3], 'the two fetched ahead of the stop');
  });

  it('meets a failed fetch at its turn, after the results before it', async () => {
    const got: number[] = [];
    const failing = readAhead(4, () => 2, async (k) => { if (k === 2) throw new Error('unreadable'); return k; }, () => undefined);
    await assert.rejects(async () => { for await (const r of failing) got.push(r); }, /unreadable/);
    assert.deepEqual(got, [0, 1]);
  });
});
