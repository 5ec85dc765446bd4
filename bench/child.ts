/**
 * One corpus size, measured in a fresh process (run.ts starts it with --expose-gc so heap figures are
 * honest): index build, full and incremental checks of the draft, the search palette, persistence, and
 * the two peers on the same corpus and draft. Prints one `RESULT {json}` line.
 *
 *   node --expose-gc out/bench/child.js <articles> [--runs N] [--fuse-quotes N] [--keep-text]
 */
import { analyze, Engine, type DocInput, type DocumentReport } from '../src/core';
import { QuoteSearch } from '../src/core/index/quoteSearch';
import { Corpus, DRAFT_RELATED, type Draft } from './corpus/generate';
import { ExactMatcher, type SourceQuote } from './peers/exact';
import { FuseMatcher } from './peers/fuse';
import { searchQueries, searchAgreement } from './search';
import { benchCli, hostPaths, indexWithWorkers } from './parallel';
import { measureScaling } from './scaling';
import { gc, median, memoryMb, timed } from './stats';
import { score, truePairs, type Link, type Planted } from './truth';

const args = process.argv.slice(2);
const size = Number(args[0] ?? 1000);
const flag = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = flag('--runs', 11);
const FUSE_QUOTES = flag('--fuse-quotes', 30);
const keepText = args.includes('--keep-text');
// The CLI's targets are at 10,000 articles; writing 100,000 files for it would add ten minutes.
const withCli = !args.includes('--no-cli') && (size <= 10_000 || args.includes('--cli-all'));
// What two processes give on this machine (bench/scaling.ts): at the sizes of the targets of 2 cores.
const withScaling = !args.includes('--no-scaling') && size <= 10_000;

function linksOf(report: DocumentReport): Link[] {
  return report.quotes.flatMap((q) => q.matches.map((m) => ({ draft: q.quote, uri: m.quote.uri, start: m.quote.start, end: m.quote.end })));
}

/** The draft with one word of quote `k` replaced by `word`. */
function editDraft(text: string, span: { start: number; end: number }, word: string): string {
  const inner = text.slice(span.start, span.end);
  const words = [...inner.matchAll(/\p{L}{3,}/gu)];
  const w = words[Math.floor(words.length / 2)];
  const at = span.start + w.index!;
  return text.slice(0, at) + word + text.slice(at + w[0].length);
}

async function main(): Promise<void> {
  const [setupMs, corpus] = timed(() => new Corpus(size));
  const draft = corpus.draft();
  const draftDoc = { uri: draft.uri, text: draft.text, label: draft.uri };
  const { reportJson, ...inMemory } = measureInMemory(corpus, draft, draftDoc);
  // What those measures built (the in-thread index, Fuse's index of every quote and its hits, the stored
  // index) is the bench's own: it is collected before the worker build is timed, as the in-thread build
  // started on a collected heap. (Until 2026-12-07 it stayed alive through the timing: at 100,000
  // articles, Fuse's index of 752,139 quotes.)
  gc();

  // Analysis in workers, and the CLI on disk: these need every article's text at once (not timed).
  const docs = Array.from({ length: size }, (_, i) => {
    const a = corpus.article(i);
    return { uri: a.uri, label: a.uri, text: a.text, order: i };
  });
  const parallel = indexWithWorkers(docs, keepText, draftDoc, reportJson);
  const cli = withCli ? benchCli(docs, draftDoc) : null;
  const host = await hostPaths(docs);
  const scaling = withScaling ? await measureScaling(size) : null;

  const result = { ...parallel, ...host, cli, scaling, setupMs, ...inMemory };
  process.stdout.write('RESULT ' + JSON.stringify(result) + '\n');
}

/**
 * The measures on the in-memory index, built in this thread: index build, full and incremental checks,
 * the search palette, persistence, and the two peers. Returns their numbers and the draft's report.
 */
function measureInMemory(corpus: Corpus, draft: Draft, draftDoc: DocInput) {
  const engine = new Engine({}, { keepText });
  gc();
  const baseMb = memoryMb();
  let peakMb = baseMb;
  let analyzeMs = 0;
  let insertMs = 0;
  let genMs = 0;
  let chars = 0;
  const planted: Planted[] = [];
  for (let i = 0; i < size; i++) {
    const [g, a] = timed(() => corpus.article(i));
    genMs += g;
    chars += a.text.length;
    for (const t of a.truths) if (t.utterance < DRAFT_RELATED) planted.push({ ...t, uri: a.uri });
    const [ta, analyzed] = timed(() => analyze({ uri: a.uri, text: a.text, label: a.uri, order: i }));
    const [ti] = timed(() => engine.index.set(analyzed));
    analyzeMs += ta;
    insertMs += ti;
    if (i % 250 === 0) peakMb = Math.max(peakMb, memoryMb());
  }
  peakMb = Math.max(peakMb, memoryMb());
  gc();
  const retainedMb = memoryMb();
  const quotes = engine.index.size.quotes;

  // Full check: the cache of quote reports emptied before each run.
  const pairs = truePairs(draft, planted);
  const [analyzeDraftMs] = timed(() => analyze(draftDoc));
  const fullTimes: number[] = [];
  let report!: DocumentReport;
  for (let r = 0; r < RUNS; r++) {
    engine.clearCache();
    const [t, rep] = timed(() => engine.check(draftDoc));
    fullTimes.push(t);
    report = rep;
  }
  const verbatim = score(draft, pairs, linksOf(report));
  const draftAnalyzed = analyze(draftDoc);

  // Incremental: after a check of the draft, one word inside one quote changes (a new word every run).
  const span = draft.truths[draft.editQuote];
  const replacements = ['unprecedented', 'new', 'remarkable', 'big', 'extraordinary', 'odd', 'genuine', 'fresh', 'substantial', 'real', 'considerable'];
  const incTimes: number[] = [];
  engine.check(draftDoc);
  let last = draftDoc.text;
  for (let r = 0; r < Math.max(RUNS, 11); r++) {
    const text = editDraft(draft.text, span, replacements[r % replacements.length] + (r >= replacements.length ? 'ly' : ''));
    const [t] = timed(() => engine.check({ ...draftDoc, text }));
    incTimes.push(t);
    last = text;
  }
  const incremental = JSON.stringify(engine.check({ ...draftDoc, text: last }));
  engine.clearCache();
  const incrementalSame = incremental === JSON.stringify(engine.check({ ...draftDoc, text: last }));

  // Search palette.
  const search = new QuoteSearch(engine.index);
  const queries = searchQueries(corpus);
  const searchTimes = queries.map((q) => median([0, 1, 2, 3, 4].map(() => timed(() => search.search(q))[0])));
  const agreement = size <= 10_000 ? searchAgreement(engine, search, queries) : null;

  // Persistence: serialize, reload, and the reloaded engine checks the same.
  const [saveMs, saved] = timed(() => engine.serialize());
  const loadTimes: number[] = [];
  let reloaded!: Engine;
  for (let r = 0; r < 3; r++) {
    const [t, e] = timed(() => Engine.deserialize(saved));
    loadTimes.push(t);
    reloaded = e;
  }
  const reloadSame = JSON.stringify(reloaded.check(draftDoc)) === JSON.stringify(report);
  const savedMb = saved.length / 2 ** 20;
  reloaded = undefined as unknown as Engine;

  // Peers, on the quotes the index holds and the draft's quotes.
  const sources: SourceQuote[] = [];
  for (let s = 0; s < engine.index.slots; s++) {
    if (!engine.index.isLive(s)) continue;
    const q = engine.index.quoteFieldsAt(s);
    sources.push({ uri: q.uri, start: q.start, end: q.end, text: q.text });
  }
  const draftQuotes = draftAnalyzed.quotes;
  const [exactBuildMs, exact] = timed(() => new ExactMatcher(sources));
  const exactTimes: number[] = [];
  let exactLinks: Link[] = [];
  for (let r = 0; r < RUNS; r++) {
    const [t, links] = timed(() => draftQuotes.flatMap((q) => exact.match(q.text).map((m) => ({ draft: q, uri: m.uri, start: m.start, end: m.end }))));
    exactTimes.push(t);
    exactLinks = links;
  }
  const exactScore = score(draft, pairs, exactLinks);
  const [fuseBuildMs, fuse] = timed(() => new FuseMatcher(sources));
  const fuseSubset = draftQuotes.slice(0, Math.min(FUSE_QUOTES, draftQuotes.length));
  // Fuse returns every quote under its threshold; a matcher would show the best few, so recall is also
  // scored on each quote's top 12 (Verbatim's own cap, options.match.maxCandidates).
  const [fuseMs, fuseResults] = timed(() => fuseSubset.map((q) => ({ q, hits: fuse.match(q.text) })));
  const toLinks = (cap: number): Link[] => fuseResults.flatMap(({ q, hits }) => hits.slice(0, cap).map((m) => ({ draft: q, uri: m.uri, start: m.start, end: m.end })));
  const subsetPairs = pairs.filter((p) => fuseSubset.some((q) => q.start < draft.truths[p.draft].end && draft.truths[p.draft].start < q.end));
  const fuseAll = score(draft, subsetPairs, toLinks(Infinity));
  const fuseScore = score(draft, subsetPairs, toLinks(engine.options.match.maxCandidates));
  const fuseFullMs = fuseSubset.length ? (fuseMs * draftQuotes.length) / fuseSubset.length : NaN;
  return {
    reportJson: JSON.stringify(report),
    articles: size, quotes, chars, genMs, keepText,
    indexMs: analyzeMs + insertMs, analyzeMs, insertMs, baseMb, peakMb, retainedMb,
    draftWords: draft.text.split(/\s+/).length, draftQuotes: draftQuotes.length, analyzeDraftMs,
    fullMs: median(fullTimes.slice(1)), fullColdMs: fullTimes[0], fullTimes,
    incrementalMs: median(incTimes), incTimes, incrementalSame,
    recall: verbatim.recall, found: verbatim.found, pairs: verbatim.total, otherLinks: verbatim.other,
    searchMs: median(searchTimes), searchMaxMs: Math.max(...searchTimes), searchTimes, queries, agreement,
    saveMs, savedMb, loadMs: median(loadTimes), reloadSame,
    exact: { buildMs: exactBuildMs, ms: median(exactTimes), recall: exactScore.recall, found: exactScore.found, other: exactScore.other },
    fuse: { buildMs: fuseBuildMs, ms: fuseFullMs, measuredQuotes: fuseSubset.length, estimated: fuseSubset.length < draftQuotes.length,
      recall: fuseScore.recall, found: fuseScore.found, pairs: fuseScore.total, other: fuseScore.other,
      recallAll: fuseAll.recall, otherAll: fuseAll.other },
  };
}

void main();
