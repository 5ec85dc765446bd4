import * as assert from 'node:assert/strict';
import { decodeChunk, encodeChunk } from '../../src/archive/chunkData';

describe('archive postings chunks', () => {
  it('round-trips quote numbers and stem counts, at any byte offset', () => {
    const qids = [0, 1, 7, 2 ** 31 + 5, 2 ** 32 - 1];
    const lens = [1, 0, 255, 256, 70_000];
    const bytes = encodeChunk(qids, lens);
    assert.equal(bytes.length, qids.length * 6);
    // A slice at an odd offset, as a client's receive buffer gives it.
    const padded = Buffer.concat([Buffer.from([9]), bytes]).subarray(1);
    for (const data of [bytes, padded]) {
      const got = decodeChunk(data);
      assert.deepEqual([...got.qids], qids);
      assert.deepEqual([...got.lens], [1, 0, 255, 256, 65_535], 'stem counts cap at 65,535');
    }
  });

  it('refuses a chunk that is not whole postings', () => {
    assert.throws(() => decodeChunk(new Uint8Array(7)), /not whole/);
  });
});
