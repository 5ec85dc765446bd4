/**
 * Several analysis workers behind one AsyncAnalyzer, for both hosts (worker threads in the desktop
 * host, Web Workers in the browser): each batch goes to the worker with the fewest batches waiting,
 * the workers start with the first batch, and after IDLE_MS with nothing to do they are stopped, so
 * an editor holds no worker's memory (about 75 MB each) between rebuilds. One worker failing fails
 * its batches, and the corpus then analyses in its own thread, as with a single worker.
 */
import type { BatchInput, PackedAnalyses } from '../core/index';
import type { AsyncAnalyzer } from './analysisWorkers';

/** How long the workers are kept with nothing to analyse before they are stopped. */
export const IDLE_MS = 30_000;
/**
 * At most this many workers, whatever the cores: each holds its own heap, and the extension host
 * shares the machine with the editor and everything else the editor runs.
 */
export const MAX_ANALYZERS = 3;

/** Workers for a machine with `cores` cores: one per core but one, at least one, at most MAX_ANALYZERS. */
export function analyzersFor(cores: number): number {
  return Math.max(1, Math.min(MAX_ANALYZERS, Math.floor(cores) - 1));
}

interface Member {
  analyzer: AsyncAnalyzer;
  waiting: number;
}

/** `count` analyzers made by `start` (each for one worker), as one. `kind` names one worker, for the log. */
export function analyzerPool(start: () => AsyncAnalyzer, count: number, kind: string, idleMs = IDLE_MS): AsyncAnalyzer {
  let members: Member[] = [];
  let waiting = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const stop = (): void => {
    for (const m of members.splice(0)) m.analyzer.dispose();
  };
  return {
    kind: count === 1 ? kind : `pool of ${count} ${kind}s`,
    parallelism: count,
    async analyze(docs: BatchInput[]): Promise<PackedAnalyses> {
      if (disposed) throw new Error('the analysis workers were stopped');
      if (idle) clearTimeout(idle);
      idle = undefined;
      if (members.length === 0) members = Array.from({ length: count }, () => ({ analyzer: start(), waiting: 0 }));
      let m = members[0];
      for (const other of members) if (other.waiting < m.waiting) m = other;
      m.waiting++;
      waiting++;
      try {
        return await m.analyzer.analyze(docs);
      } finally {
        m.waiting--;
        if (--waiting === 0 && !disposed) {
          idle = setTimeout(stop, idleMs);
          // (A pending stop must not keep a Node process alive: the unit tests run this in one.)
          (idle as { unref?: () => void }).unref?.();
        }
      }
    },
    dispose() {
      disposed = true;
      if (idle) clearTimeout(idle);
      stop();
    },
  };
}
