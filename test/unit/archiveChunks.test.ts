import * as assert from 'node:assert/strict';
import { ChunkCache } from '../../src/archive/chunkCache';
import { decodeChunk, encodeChunk } from '../../src/archive/chunkData';
import { storedFields } from '../../src/archive/ingest';
import { analyze, packAnalyses, unpackAnalyses } from '../../src/core';

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
    assert.deepEqual(cache.size, { chunks: 2, postings: 8 });
  });

  it('keeps nothing larger than its budget, and nothing at budget 0', () => {
    const cache = new ChunkCache(3);
    cache.set('big', chunk(4));
    assert.equal(cache.get('big'), undefined);
    const none = new ChunkCache(0);
    none.set('x', chunk(1));
    assert.deepEqual(none.size, { chunks: 0, postings: 0 });
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
