/**
 * How far this machine lets analysis scale: the bench's articles analysed by one process alone, then
 * the same articles split between two processes running at once (separate processes, so nothing of
 * V8 or of the pool is shared: only the hardware). A peer with no memory traffic (an integer loop) is
 * split the same way. On two real cores both ratios are near 2; a ratio well under 2 for analysis
 * while the loop's is near 2 says the cores share what analysis needs (caches, memory, an SMT core).
 * (Runs seconds apart on a shared machine: a tendency, not a bound on what threads give.)
 *
 * Run as a child (`node scaling.js <size> <from> <to> analyze|spin`), a process generates its share
 * first (off the clock), says READY, and starts on the parent's `go`, so that the two run together.
 */
import { spawn } from 'node:child_process';
import { analyze } from '../src/core';
import { Corpus } from './corpus/generate';

export interface ScalingResult {
  /** Articles analysed (each measure uses all of them). */
  articles: number;
  analysisAloneMs: number;
  /** The slower of the two halves, run at once. */
  analysisPairMs: number;
  /** analysisAloneMs / analysisPairMs: 2 when two processes analyse twice as fast as one. */
  analysisScaling: number;
  spinScaling: number;
}

/** The integer loop's iterations (about a second alone). */
const SPIN = 400_000_000;

interface Timed {
  ms: number;
}

/** Starts children for the shares, releases them together once all are ready, and returns their times. */
function runTogether(shares: string[][]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    let ready = 0;
    const times: number[] = [];
    let finished = 0;
    const children = shares.map((share, k) => {
      const child = spawn(process.execPath, [__filename, ...share], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      let isReady = false;
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (isReady || !out.includes('READY\n')) return;
        isReady = true;
        if (++ready === shares.length) for (const c of children) c.stdin.write('go\n');
      });
      child.on('error', reject);
      child.on('close', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('TIME '));
        if (code !== 0 || !line) return reject(new Error(`scaling child failed (${code})`));
        times[k] = (JSON.parse(line.slice(5)) as Timed).ms;
        if (++finished === shares.length) resolve(times);
      });
      return child;
    });
  });
}

/** The two ratios for `articles` of the bench corpus of `size`. */
export async function measureScaling(size: number, articles = size): Promise<ScalingResult> {
  const half = articles >> 1;
  const run = (work: string, from: number, to: number): string[] => [String(size), String(from), String(to), work];
  const [analysisAloneMs] = await runTogether([run('analyze', 0, articles)]);
  const pair = await runTogether([run('analyze', 0, half), run('analyze', half, articles)]);
  const [spinAlone] = await runTogether([run('spin', 0, 2)]);
  const spinPair = await runTogether([run('spin', 0, 1), run('spin', 1, 2)]);
  const analysisPairMs = Math.max(...pair);
  return { articles, analysisAloneMs, analysisPairMs, analysisScaling: analysisAloneMs / analysisPairMs, spinScaling: spinAlone / Math.max(...spinPair) };
}

/** A child's share: articles [from, to) analysed, or (to − from) halves of the integer loop. */
function child(size: number, from: number, to: number, work: string): void {
  let task: () => unknown;
  if (work === 'spin') {
    task = () => {
      let x = 0;
      for (let i = 0; i < ((to - from) * SPIN) / 2; i++) x = (x * 31 + i) | 0;
      return x;
    };
  } else {
    const corpus = new Corpus(size);
    const docs: { uri: string; label: string; text: string; order: number }[] = [];
    for (let i = from; i < to; i++) {
      const a = corpus.article(i);
      docs.push({ uri: a.uri, label: a.uri, text: a.text, order: i });
    }
    task = () => docs.reduce((n, d) => n + analyze(d, d.order).quotes.length, 0);
  }
  process.stdout.write('READY\n');
  process.stdin.once('data', () => {
    const t = performance.now();
    task();
    process.stdout.write(`TIME ${JSON.stringify({ ms: performance.now() - t })}\n`);
    process.exit(0);
  });
}

if (require.main === module) {
  const [size, from, to] = process.argv.slice(2, 5).map(Number);
  child(size, from, to, process.argv[5]);
}
