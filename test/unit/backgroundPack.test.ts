import * as assert from 'node:assert/strict';
import { BackgroundPacker } from '../../src/archive/backgroundPack';

/** A pack that finishes (or fails) when the test says. */
function controlled(): { pack: () => Promise<void>; calls: number; finish: (error?: Error) => void } {
  let settle: ((error?: Error) => void) | null = null;
  const c = {
    calls: 0,
    pack: (): Promise<void> => {
      c.calls++;
      return new Promise<void>((resolve, reject) => { settle = (e) => (e ? reject(e) : resolve()); });
    },
    finish: (error?: Error): void => settle!(error),
  };
  return c;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('packing beside the writes', () => {
  it('runs one pack at a time, skipping requests while one is in flight', async () => {
    const c = controlled();
    const packer = new BackgroundPacker(c.pack);
    packer.start();
    packer.start();
    packer.start();
    assert.equal(c.calls, 1);
    assert.equal(packer.started, 1);
    let settled = false;
    const s = packer.settle().then(() => { settled = true; });
    await tick();
    assert.equal(settled, false, 'settle waits for the pack in flight');
    c.finish();
    await s;
    packer.start();
    assert.equal(c.calls, 2, 'a pack starts again once the last has finished');
    c.finish();
    await packer.settle();
  });

  it('throws a failed pack\'s error from the next call, once, and idle() never throws', async () => {
    const c = controlled();
    const packer = new BackgroundPacker(c.pack);
    packer.start();
    c.finish(new Error('server gone'));
    await packer.idle();
    assert.throws(() => packer.start(), /server gone/);
    assert.equal(c.calls, 1, 'no pack starts after a failure is reported');
    packer.start();
    assert.equal(c.calls, 2, 'the failure is reported once');
    c.finish(new Error('again'));
    await assert.rejects(packer.settle(), /again/);
    await packer.settle();
  });
});
