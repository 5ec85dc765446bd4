import * as assert from 'node:assert/strict';
import { ArchiveLink, FIRST_RETRY_MS, MAX_RETRY_MS, type ArchiveDriver, type Clock, type LinkState, type OpenedArchive } from '../../src/host/archive/link';

/** The link's state, unnarrowed (it changes behind the compiler's back). */
const stateOf = (link: ArchiveLink): LinkState => link.state;
import type { CandidateSource } from '../../src/core';

/** A clock whose timers run only when the test says so. */
class FakeClock implements Clock {
  timers: { run: () => void; ms: number }[] = [];
  setTimeout(run: () => void, ms: number): unknown {
    const t = { run, ms };
    this.timers.push(t);
    return t;
  }
  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((t) => t !== h);
  }
  /** Runs the pending timer; returns the delay it was set for. */
  async fire(): Promise<number> {
    const t = this.timers.shift();
    assert.ok(t, 'a retry is scheduled');
    t.run();
    await new Promise((r) => setImmediate(r));
    return t.ms;
  }
}

const emptySource: CandidateSource = {
  candidates: async (rs) => rs.map(() => []),
  documents: async () => ({ count: 3, has: false }),
  names: async () => [],
};

/** A driver whose server is up or down as `up` says; `lost` drops an open connection. */
function fakeDriver() {
  const state = { up: true, opens: 0, closed: 0, lost: [] as ((reason: string) => void)[], secrets: [] as (string | undefined)[] };
  const driver: ArchiveDriver = {
    async open(_url, secret) {
      state.opens++;
      state.secrets.push(await secret());
      if (!state.up) throw new Error('the archive at postgresql://u@h/db refused the connection (is the server running?)');
      const opened: OpenedArchive = {
        source: emptySource,
        documents: async () => 3,
        texts: async (uris) => new Map(uris.map((u) => [u, `text of ${u}`])),
        onLost: (l) => { state.lost.push(l); },
        close: async () => { state.closed++; },
      };
      return opened;
    },
    describe: (e) => `described: ${(e as Error).message}`,
  };
  return { driver, state };
}

function recorder() {
  const lines: string[] = [];
  return { lines, log: { info: (l: string) => lines.push(`info ${l}`), warn: (l: string) => lines.push(`warn ${l}`) } };
}

describe('archive link (editor)', () => {
  it('goes online, then offline on a failed query with one log line, and retries with a doubling delay', async () => {
    const { driver, state } = fakeDriver();
    const { lines, log } = recorder();
    const clock = new FakeClock();
    const changes: string[] = [];
    const link = new ArchiveLink('postgresql://u@h/db', driver, async () => 'sekrit', log, (l) => changes.push(l.state.kind), clock);
    assert.equal(stateOf(link).kind, 'connecting');
    assert.equal(link.source, undefined);
    await link.connect();
    assert.deepEqual(link.state, { kind: 'online', documents: 3 });
    assert.equal(link.source, emptySource);
    assert.deepEqual(state.secrets, ['sekrit'], 'the stored secret is asked for');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^info Archive postgresql:\/\/u@h\/db: online, 3 documents/);

    state.up = false;
    link.failed(new Error('Connection terminated unexpectedly'));
    assert.equal(stateOf(link).kind, 'offline');
    assert.equal(link.source, undefined, 'no archive source while offline: checks go local');
    assert.equal(state.closed, 1, 'the broken pool is closed');
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^warn .*is offline: described: Connection terminated unexpectedly\. Checking against the local sources only/);

    const delays: number[] = [];
    for (let i = 0; i < 8; i++) delays.push(await clock.fire());
    assert.deepEqual(delays, [2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000].map((ms) => Math.min(ms, MAX_RETRY_MS)));
    assert.equal(delays[0], FIRST_RETRY_MS);
    assert.equal(state.opens, 9);
    assert.equal(lines.length, 2, 'failed retries write nothing');
    assert.equal(stateOf(link).kind, 'offline');
    assert.match((stateOf(link) as { reason: string }).reason, /refused the connection/);

    state.up = true;
    await clock.fire();
    assert.equal(stateOf(link).kind, 'online');
    assert.equal(lines.length, 3);
    assert.match(lines[2], /^info .*: back online, 3 documents/);
    assert.equal(clock.timers.length, 0, 'no retry left scheduled once online');
    assert.ok(changes.includes('offline') && changes.at(-1) === 'online');

    // Failing again starts from the first delay.
    link.failed('gone again');
    assert.equal(clock.timers[0].ms, FIRST_RETRY_MS);
    link.dispose();
    assert.equal(clock.timers.length, 0, 'dispose cancels the retry');
  });

  it('goes offline when an idle connection is lost, and connects at once on retryNow', async () => {
    const { driver, state } = fakeDriver();
    const { lines, log } = recorder();
    const clock = new FakeClock();
    const link = new ArchiveLink('postgresql://u@h/db', driver, async () => undefined, log, () => undefined, clock);
    await link.connect();
    state.lost[0]('the archive is shutting down');
    assert.deepEqual(link.state, { kind: 'offline', reason: 'the archive is shutting down', retryInMs: FIRST_RETRY_MS });
    await link.retryNow();
    assert.equal(stateOf(link).kind, 'online');
    assert.equal(clock.timers.length, 0);
    assert.equal(lines.filter((l) => l.startsWith('warn')).length, 1);
    // Two retries at once (a new password stored, the command's own retry) open one connection.
    link.failed('down');
    const opens = state.opens;
    await Promise.all([link.retryNow(), link.retryNow()]);
    assert.equal(state.opens, opens + 1);
    assert.equal(stateOf(link).kind, 'online');
    // A loss reported by the old, closed connection does not take the new one down.
    state.lost[0]('late error of the old pool');
    assert.equal(stateOf(link).kind, 'online');
    link.dispose();
  });

  it('starts offline when the server is down, and keeps fetched texts', async () => {
    const { driver, state } = fakeDriver();
    const { lines, log } = recorder();
    const clock = new FakeClock();
    state.up = false;
    const link = new ArchiveLink('postgresql://u@h/db', driver, async () => undefined, log, () => undefined, clock);
    await link.connect();
    assert.equal(stateOf(link).kind, 'offline');
    assert.equal(lines.length, 1);
    await link.fetchTexts(['a']);
    assert.equal(link.text('a'), undefined, 'nothing fetched while offline');
    state.up = true;
    await clock.fire();
    await link.fetchTexts(['a', 'b']);
    assert.equal(link.text('b'), 'text of b');
    link.dispose();
  });
});
