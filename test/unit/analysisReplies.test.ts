/** The hosts' analysis workers' request bookkeeping (src/host/analysisReplies.ts). */
import * as assert from 'node:assert/strict';
import { PendingReplies } from '../../src/host/analysisReplies';
import { packAnalyses } from '../../src/core';

describe('Analysis worker replies', () => {
  const packed = packAnalyses([]);

  it('settles each request with the reply that has its id, in whatever order replies come', async () => {
    const replies = new PendingReplies();
    const sent: number[] = [];
    const first = replies.request((id) => sent.push(id));
    const second = replies.request((id) => sent.push(id));
    assert.equal(new Set(sent).size, 2);
    replies.settle({ id: sent[1], error: 'boom' });
    replies.settle({ id: sent[0], packed });
    replies.settle({ id: 99, packed }); // answers nothing pending: dropped
    assert.equal(await first, packed);
    await assert.rejects(second, /boom/);
  });

  it('once the worker failed, refuses what was pending and everything after, with the first failure', async () => {
    const replies = new PendingReplies();
    const pending = replies.request(() => undefined);
    replies.fail(new Error('the worker exited'));
    replies.fail(new Error('a later failure'));
    await assert.rejects(pending, /the worker exited/);
    let posted = false;
    await assert.rejects(replies.request(() => { posted = true; }), /the worker exited/);
    assert.equal(posted, false, 'nothing is sent to a failed worker');
  });
});
