/** `verbatim check`: reads the documents and sources, runs the engine, returns reports and problems. */
import { Engine, type DocInput, type DocumentReport, type Severity } from '../core';
import type { CheckArgs, FailOn } from './args';
import { expand, readAll } from './files';

export interface CheckResult {
  reports: DocumentReport[];
  texts: Map<string, string>;
  problems: string[];
  /** False when not one checked document could be read. */
  anyInput: boolean;
}

/** The checked documents read, and an engine holding the local sources (orders from `orderBase`). */
export function prepareCheck(args: CheckArgs, orderBase = 0): { engine: Engine; drafts: DocInput[]; texts: Map<string, string>; problems: string[] } {
  const problems: string[] = [];
  const files = expand(args.paths, problems);
  const read = readAll(files, args.maxBytes);
  problems.push(...read.problems);
  const engine = new Engine({ authority: args.authority });
  const texts = new Map(read.docs.map((d) => [d.path, d.text]));
  const asInput = (d: { path: string; text: string }, order: number) => ({ uri: d.path, label: d.path, text: d.text, order: orderBase + order });
  if (args.sources.length === 0) {
    read.docs.forEach((d, i) => engine.setSource(asInput(d, i)));
  } else {
    const sourceProblems: string[] = [];
    const sources = readAll(expand(args.sources, sourceProblems), args.maxBytes);
    problems.push(...sourceProblems, ...sources.problems);
    sources.docs.forEach((d, i) => {
      engine.setSource(asInput(d, i));
      texts.set(d.path, d.text);
    });
  }
  return { engine, drafts: read.docs.map((d, i) => asInput(d, i)), texts, problems };
}

/** Checks `args.paths` against `args.sources` (or against each other when no sources are given). */
export function runCheck(args: CheckArgs): CheckResult {
  const { engine, drafts, texts, problems } = prepareCheck(args);
  const reports = drafts.map((d) => engine.check(d));
  return { reports, texts, problems, anyInput: drafts.length > 0 };
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** 1 when a finding reaches `failOn`, else 0. */
export function exitCodeFor(reports: readonly DocumentReport[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  const hit = reports.some((r) => r.quotes.some((q) => q.findings.some((f) => RANK[f.severity] >= threshold)));
  return hit ? 1 : 0;
}
