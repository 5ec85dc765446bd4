/** `verbatim check`: reads the documents and sources, runs the engine, returns reports and problems. */
import { Engine, type DocumentReport, type Severity } from '../core';
import type { CheckArgs, FailOn } from './args';
import { indexWithCache, type CacheStats } from './cache';
import { expand, readAll, readText } from './files';
import { AnalysisPool } from '../parallel/pool';

export interface CheckResult {
  reports: DocumentReport[];
  texts: Map<string, string>;
  problems: string[];
  /** False when not one checked document could be read. */
  anyInput: boolean;
  /** What `--cache` reused and analysed, when it was given. */
  cache?: CacheStats;
}

/** Checks `args.paths` against `args.sources` (or against each other when no sources are given). */
export function runCheck(args: CheckArgs, version = '0.0.0-dev'): CheckResult {
  const problems: string[] = [];
  const files = expand(args.paths, problems);
  const read = readAll(files, args.maxBytes);
  problems.push(...read.problems);
  const options = { authority: args.authority };
  const texts = new Map(read.docs.map((d) => [d.path, d.text]));
  const asInput = (d: { path: string; text: string }, order: number) => ({ uri: d.path, label: d.path, text: d.text, order });
  // Many sources are analysed in worker threads as well as this one; a few stay in this thread.
  const pool = new AnalysisPool();
  let engine: Engine;
  let cache: CacheStats | undefined;
  if (args.cache !== undefined) {
    const sourceFiles = args.sources.length === 0 ? read.docs.map((d) => d.path) : expand(args.sources, problems);
    const cached = indexWithCache(args.cache, sourceFiles, texts, args.maxBytes, options, version, problems, pool.analyzer());
    ({ engine, stats: cache } = cached);
    cached.texts.forEach((text, p) => texts.set(p, text));
  } else if (args.sources.length === 0) {
    engine = new Engine(options);
    engine.setSources(read.docs.map(asInput), pool.analyzer());
  } else {
    engine = new Engine(options);
    const sourceProblems: string[] = [];
    const sources = readAll(expand(args.sources, sourceProblems), args.maxBytes);
    problems.push(...sourceProblems, ...sources.problems);
    engine.setSources(sources.docs.map(asInput), pool.analyzer());
    sources.docs.forEach((d) => texts.set(d.path, d.text));
  }
  pool.close();
  const reports = read.docs.map((d, i) => engine.check(asInput(d, i)));
  // Sources taken from the cache were not read: the ones a report cites are, for their line numbers.
  for (const r of reports) for (const q of r.quotes) for (const m of q.matches) {
    if (!texts.has(m.quote.uri)) {
      const text = readText(m.quote.uri, args.maxBytes);
      texts.set(m.quote.uri, typeof text === 'string' ? text : '');
    }
  }
  return { reports, texts, problems, anyInput: read.docs.length > 0, cache };
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** 1 when a finding reaches `failOn`, else 0. */
export function exitCodeFor(reports: readonly DocumentReport[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  const hit = reports.some((r) => r.quotes.some((q) => q.findings.some((f) => RANK[f.severity] >= threshold)));
  return hit ? 1 : 0;
}
