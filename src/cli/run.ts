/**
 * `verbatim check`: finds each document's configuration, reads the documents and sources, runs the
 * engine with each document's options, drops the findings of ignored quotes, and returns the reports
 * and problems. Which source wins: flags, then the configuration file, then the defaults.
 */
import { DEFAULT_MAX_FILE_BYTES, Engine, formatProblem, laterProblem, layerOptions, matchGlob, msg, matchRelative, reaches, withOptions, type DocInput, type DocumentReport, type OptionsPatch } from '../core';
import type { CheckArgs, FailOn } from './args';
import * as fs from 'node:fs';
import { indexWithCache, type CacheStats } from './cache';
import { Scopes, type Scope } from './config';
import { expand, readAll, readEach, readText, relativeTo, scopeSources, sizesOf, type WalkPolicy } from './files';
import { GitIgnores } from './gitignore';
import { AnalysisPool } from '../parallel/pool';

export interface CheckResult {
  reports: DocumentReport[];
  texts: Map<string, string>;
  problems: string[];
  /** False when not one checked document could be read. */
  anyInput: boolean;
  /** What `--cache` reused and analysed, when it was given. */
  cache?: CacheStats;
  /** A configuration file could not be parsed: its defaults were used, and the exit status is 2. */
  badConfig: boolean;
}

/** A check read and indexed, ready to check each draft (synchronously, or against an archive too). */
export interface PreparedCheck {
  engine: Engine;
  drafts: DocInput[];
  /** Sets the engine's options to draft `i`'s: its configuration's, under the flags. */
  optionsFor(i: number): void;
  /** The result of the drafts' reports: ignored quotes' findings dropped, cited sources' texts read. */
  finish(reports: DocumentReport[]): CheckResult;
  texts: Map<string, string>;
  problems: string[];
}

/** Checks `args.paths` against `args.sources`, the configuration's sources, or each other. */
export function runCheck(args: CheckArgs, version = '0.0.0-dev'): CheckResult {
  const p = prepareCheck(args, version);
  return p.finish(p.drafts.map((d, i) => {
    p.optionsFor(i);
    return p.engine.check(d);
  }));
}

/** Sources from which the analysis workers are started before the files are read (about 2 MB of news). */
const WARM_UP_FILES = 500;

/** Everything of `runCheck` before the drafts are checked. */
export function prepareCheck(args: CheckArgs, version = '0.0.0-dev'): PreparedCheck {
  const problems: string[] = [];
  const scopes = new Scopes(args.config);
  const policy: WalkPolicy = { scopes, git: args.gitignore ? new GitIgnores() : null };
  const files = expand(args.paths, problems, policy);
  const fileScopes = files.map((f) => scopes.of(f));
  // Without --git-ignore off, a configuration's own `gitignore: false` turns it off for every walk.
  if (policy.git && fileScopes.some((s) => s.parsed?.config.gitignore === false)) policy.git = null;
  const capOf = (s: Scope | undefined): number =>
    args.maxBytes ?? (s?.parsed?.config.maxFileSizeKB ? s.parsed.config.maxFileSizeKB * 1024 : DEFAULT_MAX_FILE_BYTES);
  const read = readAll(files, capOf(fileScopes[0]), args.encoding);
  for (const p of read.problems) problems.push(p); // (not spread: one per file, and there can be 100,000s)
  const texts = new Map(read.docs.map((d) => [d.path, d.text]));
  const asInput = (d: { path: string; text: string }, order: number) => ({ uri: d.path, label: d.path, text: d.text, order });
  const configured = [...new Set(read.docs.map((d) => scopes.of(d.path)))].filter((s) => s.parsed?.config.sources);
  let sourceFiles: string[] | undefined;
  if (args.sources.length) sourceFiles = expand(args.sources, problems, policy);
  else if (configured.length) {
    sourceFiles = [...new Set(configured.flatMap((s) => sourcesOf(s, problems, policy)))].sort();
  }
  const sourceCap = capOf(configured[0] ?? fileScopes[0]);
  const flags: OptionsPatch = args.authority.length ? { authority: args.authority } : {};
  // Many sources are analysed in worker threads as well as this one; a few stay in this thread.
  const pool = new AnalysisPool();
  // With no cache to reuse, a large archive will be analysed: its workers start now, while this thread
  // reads the files, instead of after (a worker takes a tenth of a second or more to be ready).
  if ((sourceFiles ?? files).length >= WARM_UP_FILES && (args.cache === undefined || !fs.existsSync(args.cache))) pool.warmUp();
  let engine: Engine;
  let cache: CacheStats | undefined;
  if (args.cache !== undefined) {
    const cached = indexWithCache(args.cache, sourceFiles ?? read.docs.map((d) => d.path), texts, sourceCap, flags, `${version}+${args.encoding}`, problems, pool.analyzer(), args.encoding);
    ({ engine, stats: cache } = cached);
    cached.texts.forEach((text, p) => texts.set(p, text));
  } else {
    engine = new Engine();
    if (!sourceFiles) engine.setSources(read.docs.map(asInput), pool.analyzer());
    else {
      // Read as the analysis asks for them, so its workers start on the first sources at once.
      const sizes = sizesOf(sourceFiles);
      const files = sourceFiles;
      const expected = sizes.reduce((n: number, s) => n + (s ?? 0), 0);
      engine.setSources((function* () {
        let order = 0;
        for (const d of readEach(files, sizes, sourceCap, args.encoding, problems)) {
          texts.set(d.path, d.text);
          yield asInput(d, order++);
        }
      })(), pool.analyzer(), expected);
    }
  }
  pool.close();
  for (const s of new Set(read.docs.map((d) => scopes.of(d.path)))) {
    checkInclude(s, problems, policy);
    checkAuthority(s, engine, problems, args.authority.length > 0);
  }
  const drafts = read.docs.map((d, i) => asInput(d, i));
  const optionsFor = (i: number): void => {
    engine.options = withOptions(layerOptions(scopes.of(read.docs[i].path).parsed?.config.options, flags));
  };
  const finish = (checked: DocumentReport[]): CheckResult => {
    const reports = checked.map((report, i) => {
      const d = read.docs[i];
      const scope = scopes.of(d.path);
      const ignored = scope.ignore.ignoredIn(report, relativeTo(scope.dir, d.path));
      return ignored.size ? { ...report, quotes: report.quotes.map((q, j) => (ignored.has(j) ? { ...q, findings: [] } : q)) } : report;
    });
    // Sources taken from the cache were not read: the ones a report cites are, for their line numbers.
    for (const r of reports) for (const q of r.quotes) for (const m of q.matches) {
      if (!texts.has(m.quote.uri)) {
        const read = readText(m.quote.uri, sourceCap, args.encoding);
        texts.set(m.quote.uri, 'text' in read ? read.text : '');
      }
    }
    return { reports, texts, problems: [...scopes.problems, ...problems], anyInput: read.docs.length > 0, badConfig: scopes.fatal, cache };
  };
  return { engine, drafts, optionsFor, finish, texts, problems };
}

/** A scope's source files; each glob that matches nothing is a message at its place in the file. */
function sourcesOf(s: Scope, problems: string[], policy: WalkPolicy): string[] {
  const config = s.parsed!.config;
  const all = scopeSources(s.dir, config.sources!, config.exclude ?? [], problems, policy);
  config.sources!.forEach((g, i) => {
    if (g.startsWith('!') || scopeSources(s.dir, [g], config.exclude ?? [], [], policy).length) return;
    const at = s.parsed!.locate(['sources', i]);
    problems.push(formatProblem(String(s.file), laterProblem(at, msg('config.sourcesNoMatch', { glob: g }))));
  });
  return all;
}

/** Each include glob of the scope's file that matches no file in its folder is a message. */
function checkInclude(s: Scope, problems: string[], policy: WalkPolicy): void {
  const globs = s.parsed?.config.include;
  if (!globs) return;
  const files = scopeSources(s.dir, ['**'], [], [], policy);
  globs.forEach((g, i) => {
    if (g.startsWith('!') || files.some((f) => matchRelative(g, relativeTo(s.dir, f)))) return;
    const at = s.parsed!.locate(['include', i]);
    problems.push(formatProblem(String(s.file), laterProblem(at, msg('config.includeNoMatch', { glob: g }))));
  });
}

/** Each authority glob of the scope's file that names no source is a message. */
function checkAuthority(s: Scope, engine: Engine, problems: string[], overridden: boolean): void {
  const globs = s.parsed?.config.authority;
  if (!globs || overridden) return;
  const uris = [...engine.index.documents()].map((d) => d.uri);
  globs.forEach((g, i) => {
    if (uris.some((u) => matchGlob(g, u))) return;
    const at = s.parsed!.locate(['authority', i]);
    problems.push(formatProblem(String(s.file), laterProblem(at, msg('config.authorityNoSource', { glob: g }))));
  });
}

/** 1 when a finding reaches `failOn`, else 0. */
export function exitCodeFor(reports: readonly DocumentReport[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const hit = reports.some((r) => r.quotes.some((q) => q.findings.some((f) => reaches(f.severity, failOn))));
  return hit ? 1 : 0;
}
