import * as assert from 'node:assert/strict';
import { ChunkCache } from '../../src/archive/chunkCache';
import { decodeChunk, encodeChunk } from '../../src/archive/chunkData';
import { encodeChunkV1 } from '../support/archiveV1';
import { storedFields } from '../../src/archive/ingest';
import { analyze, packAnalyses, unpackAnalyses } from '../../src/core';

describe('archive postings chunks', () => {
  it('round-trips quote numbers and stem counts, sorted by quote number, at any byte offset', () => {
    const qids = [7, 0, 1, 2 ** 31 - 1, 300, 128];
    const lens = [255, 1, 0, 256, 70_000, 127];
    const bytes = encodeChunk(qids, lens);
    // A slice at an odd offset, as a client's receive buffer gives it.
    const padded = Buffer.concat([Buffer.from([9]), bytes]).subarray(1);
    for (const data of [bytes, padded]) {
      const got = decodeChunk(data);
      assert.deepEqual([...got.qids], [0, 1, 7, 128, 300, 2 ** 31 - 1]);
      assert.deepEqual([...got.lens], [1, 0, 255, 127, 65_535, 256], 'each count stays with its quote; counts cap at 65,535');
    }
  });

  it('takes about two bytes a posting for a common stem, a third of the six-byte layout', () => {
    const qids = Array.from({ length: 10_000 }, (_, i) => 1_000_000 + i * 40);
    const lens = qids.map((q) => 5 + (q % 20));
    const bytes = encodeChunk(qids, lens);
    assert.ok(bytes.length <= 2 * qids.length + 16, `${bytes.length} bytes`);
    assert.equal(encodeChunkV1(qids, lens).length, 6 * qids.length);
  });

  it('is never a multiple of six bytes long, so that a reader of the six-byte layout refuses it', () => {
    for (let n = 1; n <= 300; n++) {
      let q = 5;
      const qids = Array.from({ length: n }, (_, i) => (q += 1 + ((i * 37) % 200)));
      const lens = qids.map((q) => q % 300);
      const bytes = encodeChunk(qids, lens);
      assert.notEqual(bytes.length % 6, 0, `${n} postings`);
      const got = decodeChunk(bytes);
      assert.deepEqual([...got.qids], qids);
      assert.deepEqual([...got.lens], lens);
      if (n === 300) assert.throws(() => decodeChunk(Buffer.concat([bytes, Buffer.from([0])])), /not whole/);
    }
  });

  it('reads chunks written in the six-byte layout of archives before it', () => {
    const qids = [1, 9, 2 ** 31 - 1, 65_536];
    const lens = [3, 0, 65_535, 12];
    for (const data of [encodeChunkV1(qids, lens), Buffer.concat([Buffer.from([1, 2, 3]), encodeChunkV1(qids, lens)]).subarray(3)]) {
      const got = decodeChunk(data);
      assert.deepEqual([...got.qids], qids);
      assert.deepEqual([...got.lens], lens);
    }
  });

  it('refuses a chunk that is not whole postings, in either layout', () => {
    assert.throws(() => decodeChunk(new Uint8Array(7)), /not whole/);
    const whole = encodeChunk([1, 200, 70_000], [2, 3, 4]);
    assert.throws(() => decodeChunk(whole.subarray(0, whole.length - 1)), /not whole/);
    assert.throws(() => decodeChunk(Buffer.concat([whole, Buffer.from([7])])), /not whole/);
    assert.throws(() => decodeChunk(Buffer.concat([whole, Buffer.from([0, 0])])), /not whole/);
    assert.throws(() => encodeChunk([5, 5], [1, 1]), /cannot follow/, 'a quote is in a stem\'s postings once');
  });
});

describe('archive chunk cache', () => {
  const chunk = (n: number): { qids: Uint32Array; lens: Uint16Array } => ({ qids: new Uint32Array(n), lens: new Uint16Array(n) });

  it('drops the least recently used chunks past its budget', () => {
    const cache = new ChunkCache(10);
    cache.set('a', chunk(4));
    cache.set('b', chunk(4));
    assert.ok(cache.get('a'), 'a used last');
    cache.set('c', chunk(4));
    assert.equal(cache.get('b'), undefined, 'b dropped');
    assert.ok(cache.get('a') && cache.get('c'));
    assert.deepEqual(cache.size, { entries: 2, used: 8 });
  });

  it('keeps nothing larger than its budget, and nothing at budget 0', () => {
    const cache = new ChunkCache(3);
    cache.set('big', chunk(4));
    assert.equal(cache.get('big'), undefined);
    const none = new ChunkCache(0);
    none.set('x', chunk(1));
    assert.deepEqual(none.size, { entries: 0, used: 0 });
  });
});

describe('archive stored quote fields', () => {
  it('are those of the analysis, without reading an unpacked analysis\'s tokens', () => {
    const docs = [{ uri: 'a.txt', text: '“We will follow through on the plan,” said Ann Lee. “Later,” she added.', order: 0 }];
    const direct = analyze(docs[0], 0);
    const unpacked = unpackAnalyses(docs, packAnalyses([direct]));
    for (const q of unpacked[0].quotes) {
      // Tokens are computed when first read: reading them here would tokenize the quote again.
      Object.defineProperty(q, 'tokens', { get: () => assert.fail('tokens were read'), enumerable: true });
    }
    const stored = unpacked[0].quotes.map(storedFields);
    assert.deepEqual(stored, direct.quotes.map(storedFields));
    const first = JSON.parse(stored[0]) as Record<string, unknown>;
    assert.equal(first.speaker, 'Ann Lee');
    assert.ok(!('tokens' in first) && !('stems' in first) && first.text === null && first.uri === null);
  });
});
