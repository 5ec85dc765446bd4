/** The archive ingest's pipeline: a batch's writes overlap the next batch's analysis, in order. */
import * as assert from 'node:assert/strict';
import { IngestPipeline } from '../../src/archive/ingestPipeline';
import { analyze, type AnalyzedDoc, type BatchInput } from '../../src/core';

const input = (n: number): BatchInput => ({ uri: `d${n}.txt`, text: `“Words number ${n},” said Ann Lee.`, order: n });

describe('ingest pipeline', () => {
  it('writes each batch while the next is being analysed, every document once and in order', async () => {
    const events: string[] = [];
    const releases: (() => void)[] = [];
    const analyse = (docs: readonly BatchInput[]): Promise<AnalyzedDoc[]> => {
      events.push(`analyse ${docs.map((d) => d.order).join(',')}`);
      return new Promise((resolve) => releases.push(() => resolve(docs.map((d) => analyze(d, d.order)))));
    };
    const written: string[] = [];
    const p = new IngestPipeline<number>(analyse, async (job, doc) => {
      events.push(`write ${job}`);
      assert.equal(doc.uri, `d${job}.txt`, 'each job with its own analysis');
      written.push(doc.quotes[0].speaker ?? '');
    });
    await p.add([1, 2], [input(1), input(2)]);
    assert.deepEqual(events, ['analyse 1,2'], 'nothing to write yet');
    releases[0]();
    const second = p.add([3], [input(3)]);
    // The second batch is sent to analysis before the first is written.
    assert.deepEqual(events, ['analyse 1,2', 'analyse 3']);
    await second;
    assert.deepEqual(events, ['analyse 1,2', 'analyse 3', 'write 1', 'write 2']);
    const finished = p.finish();
    setTimeout(() => releases[1](), 5);
    await finished;
    assert.deepEqual(events.slice(4), ['write 3']);
    assert.deepEqual(written, ['Ann Lee', 'Ann Lee', 'Ann Lee']);
    assert.ok(p.waitedMs >= 0);
    await assert.rejects(p.add([1], []), /1 jobs for 0 documents/);
  });

  it('stops at a failed write; the analysis still out is not an unhandled rejection', async () => {
    let rejectLater: (e: Error) => void = () => undefined;
    let calls = 0;
    const p = new IngestPipeline<number>(
      (docs) => (++calls === 1 ? Promise.resolve(docs.map((d) => analyze(d, d.order))) : new Promise((_, reject) => { rejectLater = reject; })),
      async () => { throw new Error('server gone'); },
    );
    await p.add([1], [input(1)]);
    await assert.rejects(p.add([2], [input(2)]), /server gone/);
    let unhandled = false;
    const onUnhandled = (): void => { unhandled = true; };
    process.on('unhandledRejection', onUnhandled);
    rejectLater(new Error('closed'));
    await new Promise((r) => setTimeout(r, 20));
    process.off('unhandledRejection', onUnhandled);
    assert.equal(unhandled, false);
  });
});
