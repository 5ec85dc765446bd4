/** Several analysis workers as one (src/host/analyzerPool.ts), over stand-in workers of our own interface. */
import * as assert from 'node:assert/strict';
import { analyzerPool, analyzersFor, MAX_ANALYZERS } from '../../src/host/analyzerPool';
import type { AsyncAnalyzer } from '../../src/host/analysisWorkers';
import { packAnalyses, type BatchInput, type PackedAnalyses } from '../../src/core';

/** A worker whose batches wait until the test answers them. */
class StandIn implements AsyncAnalyzer {
  readonly kind = 'stand-in';
  readonly parallelism = 1;
  readonly batches: { docs: BatchInput[]; answer: (p: PackedAnalyses) => void; fail: (e: Error) => void }[] = [];
  disposed = false;
  analyze(docs: BatchInput[]): Promise<PackedAnalyses> {
    return new Promise((answer, fail) => this.batches.push({ docs, answer, fail }));
  }
  dispose(): void {
    this.disposed = true;
  }
}

const doc = (uri: string): BatchInput[] => [{ uri, text: '', order: 0 }];
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Analysis worker pool', () => {
  const packed = packAnalyses([]);

  it('uses one worker per core but one, at least one and at most MAX_ANALYZERS', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 16].map(analyzersFor), [1, 1, 1, 2, 3, 3]);
    assert.equal(MAX_ANALYZERS, 3);
  });

  it('starts its workers with the first batch and gives each batch to the one with the fewest waiting', async () => {
    const made: StandIn[] = [];
    const pool = analyzerPool(() => { const w = new StandIn(); made.push(w); return w; }, 2, 'stand-in');
    assert.equal(pool.parallelism, 2);
    assert.equal(pool.kind, 'pool of 2 stand-ins');
    assert.equal(made.length, 0, 'nothing started before there is work');
    const a = pool.analyze(doc('a'));
    const b = pool.analyze(doc('b'));
    const c = pool.analyze(doc('c'));
    await settle();
    assert.equal(made.length, 2);
    assert.deepEqual(made.map((w) => w.batches.map((x) => x.docs[0].uri)), [['a', 'c'], ['b']]);
    made[1].batches[0].answer(packed); // b done: the second worker is free again
    assert.equal(await b, packed);
    const d = pool.analyze(doc('d'));
    await settle();
    assert.deepEqual(made[1].batches.map((x) => x.docs[0].uri), ['b', 'd'], 'to the worker with nothing waiting');
    made[0].batches[0].answer(packed);
    made[0].batches[1].fail(new Error('boom'));
    made[1].batches[1].answer(packed);
    assert.equal(await a, packed);
    await assert.rejects(c, /boom/, 'a worker\'s failure reaches the caller');
    assert.equal(await d, packed);
    pool.dispose();
    assert.ok(made.every((w) => w.disposed));
    await assert.rejects(pool.analyze(doc('e')), /stopped/);
    assert.equal(made.length, 2, 'a disposed pool starts nothing');
  });

  it('stops its workers when idle, and starts new ones for the next batch', async () => {
    const made: StandIn[] = [];
    const pool = analyzerPool(() => { const w = new StandIn(); made.push(w); return w; }, 1, 'stand-in', 20);
    assert.equal(pool.kind, 'stand-in');
    const a = pool.analyze(doc('a'));
    await settle();
    made[0].batches[0].answer(packed);
    await a;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(made[0].disposed, true, 'stopped after the idle time');
    const b = pool.analyze(doc('b'));
    await settle();
    assert.equal(made.length, 2, 'a new worker for the next batch');
    made[1].batches[0].answer(packed);
    assert.equal(await b, packed);
    // Busy again before the idle time is out: the worker stays.
    const c = pool.analyze(doc('c'));
    await settle();
    made[1].batches[1].answer(packed);
    await c;
    assert.equal(made.length, 2, 'the same worker took it');
    assert.equal(made[1].disposed, false);
    pool.dispose();
  });
});
