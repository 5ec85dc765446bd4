/**
 * Analysis in worker threads gives exactly what analysis in this thread gives: packed analyses unpack
 * to `analyze`'s output field for field, and an engine fed by the pool reports the same as one fed
 * document by document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Engine, packAnalyses, unpackAnalyses, type AnalyzedDoc, type BatchInput } from '../../src/core';
import { MessagePort } from 'node:worker_threads';
import { AnalysisPool } from '../../src/parallel/pool';

const root = path.resolve(__dirname, '../../..');

function fixtures(): BatchInput[] {
  const docs: BatchInput[] = [];
  for (const f of fs.readdirSync(path.join(root, 'seeds')).sort()) docs.push({ uri: `seeds/${f}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8'), order: docs.length });
  const basil = path.join(root, 'test/fixtures/basil/articles');
  for (const d of fs.readdirSync(basil).sort().slice(0, 30)) {
    for (const f of ['fox.txt', 'hpo.txt', 'nyt.txt']) docs.push({ uri: `basil/${d}/${f}`, label: `${d}/${f}`, text: fs.readFileSync(path.join(basil, d, f), 'utf8'), order: docs.length });
  }
  // An unclosed quote, a term, no quotes at all, and a surrogate pair in a speaker-less quote.
  docs.push({ uri: 'edge.txt', text: 'He called it a "reset. Nobody said “emoji 😀 here” at all.\n\n“Still open', order: docs.length });
  docs.push({ uri: 'empty.txt', text: '', order: docs.length });
  return docs;
}

/** Plain data, tokens read: what a consumer can observe of an analysis. */
const plain = (docs: AnalyzedDoc[]): unknown => JSON.parse(JSON.stringify(docs));

describe('analysis in workers', function () {
  this.timeout(60_000);
  const docs = fixtures();

  it('unpacks packed analyses to what analyze gave, tokens included', () => {
    const direct = docs.map((d) => analyze(d, d.order));
    assert.ok(direct.some((d) => d.quotes.some((q) => q.unbalanced)) && direct.some((d) => d.quotes.some((q) => q.speakerInferred)));
    const packed = packAnalyses(direct);
    assert.ok(packed.quotes instanceof Int32Array && packed.chars instanceof Uint16Array);
    assert.deepEqual(plain(unpackAnalyses(docs, packed)), plain(direct));
  });

  it('gives the same analyses and reports through a worker pool as in this thread', () => {
    const pool = new AnalysisPool(1);
    try {
      const viaPool: AnalyzedDoc[] = [];
      let packedBatches = 0;
      pool.analyzeAll(docs, {
        doc: (d) => viaPool.push(d),
        packed: (inputs, packed) => { packedBatches++; viaPool.push(...unpackAnalyses(inputs, packed)); },
      }, 0);
      assert.ok(packedBatches > 0 && pool.workerBatches === packedBatches, 'the worker analysed some of them');
      assert.ok(packedBatches < 4, 'and this thread the others');
      assert.deepEqual(plain(viaPool), plain(docs.map((d) => analyze(d, d.order))), 'in input order, field for field');

      for (const keepText of [true, false]) {
        const one = new Engine({}, { keepText });
        for (const d of docs) one.setSource(d);
        const many = new Engine({}, { keepText });
        many.setSources(docs, pool.analyzer(0));
        const reports = (e: Engine): string => JSON.stringify(docs.slice(0, 20).map((d) => e.check(d)));
        assert.equal(reports(many), reports(one));
        assert.match(reports(one), /"relation":"variant"/);
        assert.deepEqual(many.index.size, one.index.size);
        assert.deepEqual(many.index.names(), one.index.names());
        assert.deepEqual(plain([...many.index.documents()]), plain([...one.index.documents()]), 'documents, texts and quotes');
        assert.equal(Engine.deserialize(many.serialize()).serialize(), many.serialize());
      }
    } finally {
      pool.close();
    }
  });

  it('reads an iterable input as batches are made: the workers start before the last document is read', () => {
    const pool = new AnalysisPool(1);
    try {
      let pulled = 0;
      let pulledAtFirst = -1;
      const got: AnalyzedDoc[] = [];
      // How much had been read when the first batch went to a worker (the pool posts on a MessagePort).
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<typeof post>) {
        const message = args[0] as { docs?: unknown } | undefined;
        if (pulledAtFirst < 0 && message?.docs) pulledAtFirst = pulled;
        return post.apply(this, args);
      };
      // Each document read as it is asked for, as the CLI reads its source files.
      // Four copies of the fixtures: batches of about 200 KB, enough of them for the reading to lag.
      const input = [0, 1, 2, 3].flatMap((k) => docs.map((d, i) => ({ ...d, uri: `${k}/${d.uri}`, order: k * docs.length + i })));
      const reading = (function* () { for (const d of input) { pulled++; yield d; } })();
      try {
        pool.analyzeAll(reading, {
          doc: (d) => got.push(d),
          packed: (inputs, packed) => got.push(...unpackAnalyses(inputs, packed)),
        }, 0, 2_000_000);
      } finally {
        MessagePort.prototype.postMessage = post;
      }
      assert.ok(pool.workerBatches > 0, 'the worker analysed some of them');
      assert.ok(pulledAtFirst > 0 && pulledAtFirst < input.length / 2, `the first batch went to the worker after ${pulledAtFirst} of ${input.length} were read`);
      assert.deepEqual(plain(got), plain(input.map((d) => analyze(d, d.order))), 'in input order, field for field');
      // Below the in-thread size, an iterable is analysed here, in order, too.
      const small: AnalyzedDoc[] = [];
      pool.analyzeAll(docs.slice(0, 5)[Symbol.iterator](), { doc: (d) => small.push(d), packed: () => assert.fail('no worker for a small input') }, 2_000_000);
      assert.deepEqual(plain(small), plain(docs.slice(0, 5).map((d) => analyze(d, d.order))));
    } finally {
      pool.close();
    }
  });

  it('analyses in this thread when the worker script is missing', () => {
    const pool = new AnalysisPool(1, '/nonexistent/worker.js');
    const got: AnalyzedDoc[] = [];
    pool.analyzeAll(docs, { doc: (d) => got.push(d), packed: () => assert.fail('no worker ran') }, 0);
    assert.deepEqual(plain(got), plain(docs.map((d) => analyze(d, d.order))));
  });

  it('starts its workers ahead when warmed up, and they then analyse as a cold pool\'s would', () => {
    const pool = new AnalysisPool(1);
    try {
      assert.equal(pool.running, 0);
      pool.warmUp();
      assert.equal(pool.running, 1, 'started before any analysis');
      const got: AnalyzedDoc[] = [];
      pool.analyzeAll(docs, { doc: (d) => got.push(d), packed: (inputs, packed) => got.push(...unpackAnalyses(inputs, packed)) }, 0);
      assert.ok(pool.workerBatches > 0);
      assert.deepEqual(plain(got), plain(docs.map((d) => analyze(d, d.order))));
    } finally {
      pool.close();
    }
    assert.equal(pool.running, 0);
    const none = new AnalysisPool(0);
    none.warmUp();
    assert.equal(none.running, 0, 'a pool of no workers starts none');
  });

  it('keeps small inputs in this thread without starting a worker', () => {
    const pool = new AnalysisPool(1);
    const got: AnalyzedDoc[] = [];
    pool.analyzeAll(docs.slice(0, 3), { doc: (d) => got.push(d), packed: () => assert.fail('nothing is packed') });
    assert.equal(got.length, 3);
    assert.equal(pool.workerBatches, 0);
    pool.close();
  });

  it('analyses off this thread with analyzeAsync: the event loop runs meanwhile, the result is the same', async () => {
    const pool = new AnalysisPool(1);
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      const pending = pool.analyzeAsync(docs, 0);
      let settled = false;
      void pending.then(() => { settled = true; });
      // A synchronous call while those replies are due stays in this thread: it must not read them.
      const meanwhile: AnalyzedDoc[] = [];
      pool.analyzeAll(docs.slice(0, 3), { doc: (d) => meanwhile.push(d), packed: () => assert.fail('read a worker reply meant for analyzeAsync') }, 0);
      assert.equal(meanwhile.length, 3);
      const got = await pending;
      clearInterval(timer);
      assert.ok(settled && ticks > 0, `timers ran while the workers analysed (${ticks})`);
      assert.ok(pool.workerBatches > 1, 'every batch went to the worker');
      assert.deepEqual(plain(got), plain(docs.map((d) => analyze(d, d.order))), 'in input order, field for field');
      // A synchronous call afterwards reads its own replies only.
      const sync: AnalyzedDoc[] = [];
      pool.analyzeAll(docs, { doc: (d) => sync.push(d), packed: (inputs, packed) => sync.push(...unpackAnalyses(inputs, packed)) }, 0);
      assert.deepEqual(plain(sync), plain(got));
    } finally {
      pool.close();
    }
  });

  it('analyzeAsync: a worker that exits has its batches analysed here; a closed pool rejects what is pending', async () => {
    const pool = new AnalysisPool(1);
    try {
      const pending = pool.analyzeAsync(docs, 0);
      // (The pool's only worker, killed while it works: as an out-of-memory exit would.)
      const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
      await slots[0].worker.terminate();
      assert.deepEqual(plain(await pending), plain(docs.map((d) => analyze(d, d.order))));
      assert.equal(pool.running, 0, 'the dead worker is dropped');
      const again = await pool.analyzeAsync(docs.slice(0, 4), 0);
      assert.equal(pool.running, 1, 'and a new one started for the next analysis');
      assert.deepEqual(plain(again), plain(docs.slice(0, 4).map((d) => analyze(d, d.order))));
      const cut = pool.analyzeAsync(docs);
      pool.close();
      await assert.rejects(cut, /closed/);
    } finally {
      pool.close();
    }
    const none = new AnalysisPool(0);
    assert.deepEqual(plain(await none.analyzeAsync(docs.slice(0, 3), 0)), plain(docs.slice(0, 3).map((d) => analyze(d, d.order))), 'no workers: analysed here');
    const small = new AnalysisPool(1);
    try {
      assert.equal((await small.analyzeAsync(docs.slice(0, 3))).length, 3);
      assert.equal(small.running, 0, 'a small input to a pool not started stays in this thread');
    } finally {
      small.close();
    }
  });
});
