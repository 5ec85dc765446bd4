/**
 * The hostile-input section (`npm run bench -- --hostile`): each case at a size and at ten times that
 * size, each in its own process with a time limit, to show that extraction, analysis and checking grow
 * linearly (10× input → about 10× time) and memory stays bounded.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fmt } from './stats';

export interface HostileResult {
  kind: string; size: number; chars: number; quotes: number; extractMs: number; analyzeMs: number; checkMs: number; heapMb: number; maxRssMb: number;
  timedOut?: boolean;
}

/** Cases and their two sizes; the label says what the size counts. */
export const CASES: { kind: string; label: string; sizes: [number, number] }[] = [
  { kind: 'line', label: 'one-line article (MB)', sizes: [1, 10] },
  { kind: 'unclosed', label: 'unclosed opening marks', sizes: [10_000, 100_000] },
  { kind: 'nested', label: 'nesting depth', sizes: [1_000, 10_000] },
  { kind: 'words', label: 'article words', sizes: [100_000, 1_000_000] },
];

const LIMIT_MS = 240_000;

function runCase(kind: string, size: number): HostileResult {
  process.stderr.write(`bench: hostile ${kind} ${size}…\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--stack-size=4000', path.join(__dirname, 'hostile.js'), kind, String(size)], {
    encoding: 'utf8', timeout: LIMIT_MS, maxBuffer: 16 * 2 ** 20,
  });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    const timedOut = r.error !== undefined || r.signal !== null;
    if (!timedOut) throw new Error(`hostile ${kind} ${size} failed (${r.status}):\n${r.stderr}`);
    return { kind, size, chars: NaN, quotes: NaN, extractMs: NaN, analyzeMs: NaN, checkMs: NaN, heapMb: NaN, maxRssMb: NaN, timedOut: true };
  }
  return JSON.parse(line.slice('RESULT '.length)) as HostileResult;
}

export function runHostile(): HostileResult[] {
  return CASES.flatMap((c) => c.sizes.map((s) => runCase(c.kind, s)));
}

export function hostileTable(results: HostileResult[]): string {
  const rows: string[][] = [['case', 'size', 'chars', 'quotes', 'extract ms', 'analyze ms', 'check ms', 'analysis heap MB', 'max RSS MB', '10× time ratio (extract / analyze / check)']];
  for (const c of CASES) {
    const [small, large] = c.sizes.map((s) => results.find((r) => r.kind === c.kind && r.size === s)!);
    for (const r of [small, large]) {
      const ratio = r === large && !r.timedOut && !small.timedOut
        ? `${fmt(r.extractMs / small.extractMs)} / ${fmt(r.analyzeMs / small.analyzeMs)} / ${fmt(r.checkMs / small.checkMs)}`
        : r.timedOut ? `> ${LIMIT_MS / 1000} s (stopped)` : '';
      rows.push([c.label, String(r.size), String(r.chars), String(r.quotes), fmt(r.extractMs), fmt(r.analyzeMs), fmt(r.checkMs), fmt(r.heapMb, 0), fmt(r.maxRssMb, 0), ratio]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]): string => '| ' + row.map((cell, c) => cell.padEnd(widths[c])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}
