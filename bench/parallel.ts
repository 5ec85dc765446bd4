/**
 * Two measures that need the articles whole: the index built with analysis in worker threads (the
 * same engine call the CLI makes), and the CLI as a user runs it — one process, one draft against the
 * articles written out as files — without a cache, cold with `--cache`, and warm.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { decodeSliced, encodeSliced, Engine, firstLine, type DocInput, type Slicer } from '../src/core';
import { AnalysisPool } from '../src/parallel/pool';
import { gc, median, timed } from './stats';

export interface WorkersResult {
  workers: number;
  indexWorkersMs: number;
  workerBatches: number;
  /** The draft's report from the worker-built index equals the in-thread one's. */
  workersSame: boolean;
}

/** Builds the index of `docs` with a worker pool (default size) and checks the draft against it. */
export function indexWithWorkers(docs: DocInput[], keepText: boolean, draft: DocInput, expected: string): WorkersResult {
  const pool = new AnalysisPool();
  const engine = new Engine({}, { keepText });
  const [indexWorkersMs] = timed(() => engine.setSources(docs, pool.analyzer()));
  pool.close();
  return { workers: pool.size, indexWorkersMs, workerBatches: pool.workerBatches, workersSame: JSON.stringify(engine.check(draft)) === expected };
}

export interface HostPathsResult {
  /** The extension's stored-index write and reload (keepText), as host/persistence.ts runs them: wall time. */
  hostSaveMs: number;
  hostLoadMs: number;
  hostSavedMb: number;
  /** The longest the event loop was held during them (an event-loop delay monitor), max of the runs. */
  hostBlockMs: number;
  /** The same in one synchronous call each (`serialize` / `deserialize`), as before the slices. */
  syncSaveMs: number;
  syncLoadMs: number;
}

/** The slices host/persistence.ts uses: 10 ms, then a turn of the event loop. */
const hostSlicer = (): Slicer => ({ pause: () => new Promise((resolve) => setImmediate(resolve)), now: () => performance.now(), sliceMs: 10 });

/**
 * The extension's stored-index write and reload at this size, on the extension's configuration (the
 * default, keepText), through the same sliced code the extension host runs (core/index/slicedStore.ts
 * with 10 ms slices and a turn of the event loop between). How long the thread is held is read by
 * Node's event-loop delay monitor (perf_hooks, 1 ms resolution), not by the code under test. Median of 3.
 */
export async function hostPaths(docs: DocInput[]): Promise<HostPathsResult> {
  const pool = new AnalysisPool();
  const engine = new Engine();
  engine.setSources(docs, pool.analyzer());
  pool.close();
  // Only the times are kept: three 35 MB strings held on would make every later collection slower.
  let saved = '';
  const syncSaves = [0, 1, 2].map(() => {
    const [ms, data] = timed(() => engine.serialize());
    saved = data;
    return ms;
  });
  const syncLoads = [0, 1, 2].map(() => timed(() => Engine.deserialize(saved))[0]);
  saved = '';
  // The synchronous calls above leave garbage whose collection is theirs, not the slices'.
  gc();
  // The size hint's input, counted before the monitor starts: the extension reads its sources' sizes
  // from the stored file list. Until 2026-12-05 this count encoded all 28 MB inside the monitor's
  // window (60 ms at 10,000 articles), so host_block_ms was partly the bench, not the host.
  let textBytes = 0;
  for (const d of docs) textBytes += Buffer.byteLength(d.text);
  const monitor = monitorEventLoopDelay({ resolution: 1 });
  monitor.enable();
  // The monitor's own timer must be running before the work starts.
  await new Promise((resolve) => setTimeout(resolve, 20));
  monitor.reset();
  const saves: number[] = [];
  const loads: number[] = [];
  let bytes: Uint8Array | undefined;
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    // The size hint the extension gives: its sources' bytes and a third, then the last write's size.
    bytes = await encodeSliced('{}', engine.serializeLines(), hostSlicer(), () => false, bytes ? bytes.length * 1.05 : textBytes * 1.35);
    saves.push(performance.now() - t);
    t = performance.now();
    const reader = Engine.reader();
    await decodeSliced(bytes!, firstLine(bytes!)!.rest, (line) => reader.line(line), hostSlicer());
    reader.finish();
    loads.push(performance.now() - t);
  }
  monitor.disable();
  return {
    hostSaveMs: median(saves), hostLoadMs: median(loads), hostSavedMb: bytes!.length / 2 ** 20,
    hostBlockMs: monitor.max / 1e6, syncSaveMs: median(syncSaves), syncLoadMs: median(syncLoads),
  };
}

export interface CliResult {
  /** No cache, analysis in this thread only (VERBATIM_WORKERS=0): the CLI as it was. */
  plainMs: number;
  /** No cache, workers on (the default). */
  noCacheMs: number;
  /** `--cache` with no cache file yet (analyses everything, writes the cache). */
  coldMs: number;
  /** `--cache` again, nothing changed (median of 3). */
  warmMs: number;
  /** `--cache` after one source changed. */
  oneChangedMs: number;
  cacheMb: number;
  /** Every run printed the same report. */
  same: boolean;
}

/** Writes `docs` and the draft under a temporary folder and times `verbatim check` on them. */
export function benchCli(docs: DocInput[], draft: DocInput): CliResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-cli-'));
  try {
    for (const d of [...docs, draft]) {
      fs.mkdirSync(path.dirname(path.join(dir, d.uri)), { recursive: true });
      fs.writeFileSync(path.join(dir, d.uri), d.text);
    }
    // The bundle users run (package.json `bin`; `npm run bench` builds it): about 100 ms less loading than out/.
    const cli = path.resolve(__dirname, '../../dist/cli.js');
    const run = (extra: string[], env: Record<string, string> = {}): [number, string] => {
      const args = [cli, 'check', draft.uri, '--sources', path.dirname(docs[0].uri), '--format', 'json', '--fail-on', 'never', ...extra];
      return timed(() => {
        const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, ...env } });
        if (r.status !== 0) throw new Error(`verbatim check failed (${r.status}): ${r.stderr}`);
        return r.stdout;
      });
    };
    const [plainMs, plain] = run([], { VERBATIM_WORKERS: '0' });
    const [noCacheMs, noCache] = run([]);
    const [coldMs, cold] = run(['--cache=.verbatimcache']);
    const cacheMb = fs.statSync(path.join(dir, '.verbatimcache')).size / 2 ** 20;
    const warm = [0, 1, 2].map(() => run(['--cache=.verbatimcache']));
    // One source edited (a word changed): it alone is analysed again.
    const one = path.join(dir, docs[docs.length >> 1].uri);
    fs.writeFileSync(one, fs.readFileSync(one, 'utf8').replace(/ the /, ' a '));
    const [oneChangedMs] = run(['--cache=.verbatimcache']);
    const same = [noCache, cold, ...warm.map((w) => w[1])].every((out) => out === plain);
    return { plainMs, noCacheMs, coldMs, warmMs: median(warm.map((w) => w[0])), oneChangedMs, cacheMb, same };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
