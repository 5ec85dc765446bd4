/**
 * Two measures that need the articles whole: the index built with analysis in worker threads (the
 * same engine call the CLI makes), and the CLI as a user runs it — one process, one draft against the
 * articles written out as files — without a cache, cold with `--cache`, and warm.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, type DocInput } from '../src/core';
import { AnalysisPool } from '../src/parallel/pool';
import { median, timed } from './stats';

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
  /** `engine.serialize()` / `Engine.deserialize()` of the index as the extension keeps it (keepText). */
  hostSaveMs: number;
  hostLoadMs: number;
  hostSavedMb: number;
}

/**
 * The extension's stored-index write and reload at this size, on the extension's configuration (the
 * default, keepText): each is one synchronous call on the extension host's thread (host/persistence.ts),
 * so its time is how long the host is held. Median of 3.
 */
export function hostPaths(docs: DocInput[]): HostPathsResult {
  const pool = new AnalysisPool();
  const engine = new Engine();
  engine.setSources(docs, pool.analyzer());
  pool.close();
  const saves = [0, 1, 2].map(() => timed(() => engine.serialize()));
  const saved = saves[0][1];
  const loads = [0, 1, 2].map(() => timed(() => Engine.deserialize(saved))[0]);
  return { hostSaveMs: median(saves.map((x) => x[0])), hostLoadMs: median(loads), hostSavedMb: saved.length / 2 ** 20 };
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
    const cli = path.resolve(__dirname, '../src/cli/main.js');
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
