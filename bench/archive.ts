/**
 * `npm run bench -- --archive [--archive-size N]`: the archive on a real PostgreSQL server (a throwaway
 * cluster, bench settings below) beside the in-memory index, on one generated corpus: ingest rate
 * (as `verbatim index` ingests: the analysis workers analysing a batch while the batch before is written,
 * one transaction per article, 4 connections, a pack every 10,000 articles beside the writes and one at the end;
 * the last 2,000 articles, already analysed, are written alone to time the writes without analysis),
 * database size, candidate-query latency
 * (median, p95) for the draft's quotes and for corpus quotes, and the full draft check through the
 * archive; the in-memory index's figures on the same corpus, built after the archive's are taken; and
 * whether the two gave the same candidates and report.
 * Prints one `ARCHIVE {json}` line.
 */
import { Archive } from '../src/archive/archive';
import { BackgroundPacker } from '../src/archive/backgroundPack';
import { ArchiveSource } from '../src/archive/candidates';
import { IngestPipeline } from '../src/archive/ingestPipeline';
import { analyze, Engine, type AnalyzedDoc, type BatchInput } from '../src/core';
import { INGEST_BATCH_FILES } from '../src/cli/indexCommand';
import { AnalysisPool } from '../src/parallel/pool';
import { PgServer } from '../test/support/pgServer';
import { Corpus } from './corpus/generate';
import { median, timed } from './stats';

const size = Number(process.argv[2] ?? 10_000);
const RUNS = 11;
const PACK_EVERY = 10_000;
export const SETTINGS = { shared_buffers: '1GB', max_wal_size: '4GB', checkpoint_timeout: '30min' };

const p95 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const now = (): number => performance.now();

async function main(): Promise<void> {
  const server = await PgServer.start({ settings: SETTINGS });
  try {
    const url = await server.createDatabase('bench');
    // 4 connections for the writes and one for the pack beside them, as `verbatim index` opens it.
    const archive = await Archive.open(url, { connections: 5, asyncCommit: true });
    const corpus = new Corpus(size);
    const memory = new Engine({}, { keepText: false });
    // Ingest as `verbatim index` does it (ingestPipeline.ts): the analysis workers analyse a batch while
    // this thread writes the one before, up to 4 transactions in flight. Each batch's articles are
    // generated on this thread as it is handed over (a million generated up front would not fit); the
    // time that takes is taken off the ingest's (the command reads files there instead, far faster).
    // The in-memory index the comparison below needs is built afterwards, off the clock: the command
    // builds none, and its inserts on this thread were 9% of the clock at 60,000 articles.
    let generateMs = 0;
    const analysis = new AnalysisPool();
    let packMs = 0;
    let besideMs = 0;
    const packer = new BackgroundPacker(async () => {
      const [tp] = await timedAsync(() => archive.pack());
      besideMs += tp;
    });
    const held = Math.min(2000, Math.floor(size / 10));
    const heldDocs: [AnalyzedDoc, number][] = [];
    const pending = new Set<Promise<void>>();
    const sample: AnalyzedDoc[] = [];
    const t0 = now();
    const orders = await archive.reserveOrders(size);
    const sampled = (i: number): boolean => i % Math.max(1, Math.floor(size / 100)) === 0;
    const inputsOf = (from: number, to: number): BatchInput[] => {
      const out: BatchInput[] = [];
      for (let i = from; i < to; i++) {
        const a = corpus.article(i);
        out.push({ uri: a.uri, label: a.uri, text: a.text, order: i });
      }
      return out;
    };
    const pipeline = new IngestPipeline<number>((inputs) => analysis.analyzeAsync(inputs), async (i, doc) => {
      if (sampled(i)) sample.push(doc);
      // The last articles are analysed now and written alone below, to time the writes by themselves.
      if (i >= size - held) {
        heldDocs.push([doc, orders[i]]);
        return;
      }
      const p: Promise<void> = archive.ingest(doc, doc.uri, null, orders[i]).finally(() => pending.delete(p));
      pending.add(p);
      if (pending.size >= 4) await Promise.race(pending);
      // Packed as `verbatim index` packs: every PACK_EVERY documents, beside the writes (on the ingest's clock).
      if ((i + 1) % PACK_EVERY === 0) packer.start();
      if (i % 10_000 === 0 && i) process.stderr.write(`bench archive: ${i} articles, ${((now() - t0) / 1000).toFixed(0)} s\n`);
    });
    for (let from = 0; from < size; from += INGEST_BATCH_FILES) {
      const to = Math.min(size, from + INGEST_BATCH_FILES);
      const jobs: number[] = [];
      for (let i = from; i < to; i++) jobs.push(i);
      const [tg, inputs] = timed(() => inputsOf(from, to));
      generateMs += tg;
      await pipeline.add(jobs, inputs);
    }
    await pipeline.finish();
    const analysisWaitMs = pipeline.waitedMs;
    await Promise.all(pending);
    await packer.settle();
    const tw = now();
    for (const [doc, ord] of heldDocs) {
      const p: Promise<void> = archive.ingest(doc, doc.uri, null, ord).finally(() => pending.delete(p));
      pending.add(p);
      if (pending.size >= 4) await Promise.race(pending);
    }
    await Promise.all(pending);
    const writeMs = now() - tw;
    const [tp] = await timedAsync(() => archive.pack());
    packMs += tp;
    const ingestMs = now() - t0 - generateMs;
    const [vacuumMs] = await timedAsync(() => archive.pool.query('VACUUM ANALYZE'));
    // The queries are timed after a checkpoint, not while the load's dirty pages are still being
    // written out. (It did not move the p95, session 36: the cold column's first queries are slower
    // because they read each chunk into the server's shared buffers for the first time; on a server
    // in service, whose postings are in memory, a reader with no cache gave 40-41 ms there.)
    const [checkpointMs] = await timedAsync(() => archive.pool.query('CHECKPOINT'));
    const stats = await archive.stats();
    const sizes = (await archive.pool.query<{ name: string; bytes: string }>(
      `SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relname IN ('documents', 'quotes', 'stems', 'names', 'chunks', 'fresh', 'dead')`)).rows;
    const chunkRows = (await archive.pool.query<{ n: string }>('SELECT count(*) AS n FROM chunks')).rows[0].n;

    // Candidate queries: the draft's quotes and a sample of corpus quotes, one request each.
    // The archive is queried before the in-memory index of the same articles is built: a client of a
    // million-article archive holds no such index (that is what the archive is for), and at that size its
    // heap (about a GB) beside the reader slowed the archive queries' p95 2-6× (session 34, RESULTS.md).
    const draft = corpus.draft();
    const draftDoc = analyze({ uri: draft.uri, text: draft.text, label: draft.uri });
    const queries = [...draftDoc.quotes, ...sample.flatMap((d) => d.quotes.slice(0, 2))].filter((q) => q.tokens.length >= 2);
    const limit = memory.options.match.maxCandidates;
    const dbLatency: number[] = [];
    const coldLatency: number[] = [];
    const memLatency: number[] = [];
    const key = (cs: readonly { quote: { uri: string; start: number }; shared: number }[]): string => JSON.stringify(cs.map((c) => [c.quote.uri, c.quote.start, c.shared]));
    // Per query, the candidates both archive readers gave (null when they differ).
    const dbKeys: (string | null)[] = [];
    // Cold: a reader keeping no chunks, so every query fetches all its postings from the server.
    const cold = new ArchiveSource(archive.pool, 0);
    for (const q of queries) {
      const [tc, dc] = await timedAsync(() => cold.candidates([{ stems: q.stems, exclude: q.uri, limit }]));
      coldLatency.push(tc);
      const [td, db] = await timedAsync(() => archive.source.candidates([{ stems: q.stems, exclude: q.uri, limit }]));
      dbLatency.push(td);
      dbKeys.push(key(dc[0]) === key(db[0]) ? key(db[0]) : null);
    }
    // The draft check's first run through a fresh reader (nothing cached), then the runs below.
    const [coldCheckMs] = await timedAsync(() => new Engine().checkWith(draftDoc, [new ArchiveSource(archive.pool)]));
    // Full draft check through the archive (no local sources).
    const local = new Engine();
    const dbCheck: number[] = [];
    let dbReport = null;
    for (let r = 0; r < RUNS; r++) {
      const [td, rep] = await timedAsync(() => local.checkWith(draftDoc, [archive.source]));
      dbCheck.push(td);
      dbReport = rep;
    }

    // The in-memory index of the same articles, analysed again by the same workers (off the clock).
    for (let from = 0; from < size; from += INGEST_BATCH_FILES) {
      for (const doc of await analysis.analyzeAsync(inputsOf(from, Math.min(size, from + INGEST_BATCH_FILES)))) memory.index.set(doc);
    }
    analysis.close();
    let sameCandidates = 0;
    queries.forEach((q, i) => {
      const [tm, mem] = timed(() => memory.index.candidates(q.stems, q.uri, limit));
      memLatency.push(tm);
      if (dbKeys[i] !== null && key(mem) === dbKeys[i]) sameCandidates++;
    });
    const memCheck: number[] = [];
    let memReport = null;
    for (let r = 0; r < RUNS; r++) {
      memory.clearCache();
      const [tm, mrep] = timed(() => memory.check(draftDoc));
      memCheck.push(tm);
      memReport = mrep;
    }
    const result = {
      articles: size, quotes: stats.quotes, ingestMs, generateMs, analysisWaitMs, vacuumMs, written: held, writeMs, writeRate: held / (writeMs / 1000), ingestRate: size / (ingestMs / 1000),
      packMs, checkpointMs, packsBeside: packer.started, packBesideMs: besideMs, dbBytes: stats.bytes, diskBytes: server.diskBytes(), chunks: Number(chunkRows),
      relations: Object.fromEntries(sizes.map((s) => [s.name, Number(s.bytes)])),
      queries: queries.length, sameCandidates,
      candidateMedian: median(dbLatency), candidateP95: p95(dbLatency), coldMedian: median(coldLatency), coldP95: p95(coldLatency), coldCheckMs, memCandidateMedian: median(memLatency), memCandidateP95: p95(memLatency),
      draftQuotes: draftDoc.quotes.length, checkMs: median(dbCheck), memCheckMs: median(memCheck),
      sameReport: JSON.stringify(dbReport) === JSON.stringify(memReport),
      firstDifference: firstDifference(dbReport, memReport),
      settings: SETTINGS,
    };
    await archive.close();
    console.log('ARCHIVE ' + JSON.stringify(result));
  } finally {
    server.destroy();
  }
}

function firstDifference(a: unknown, b: unknown): string | null {
  const x = (a as { quotes: unknown[] } | null)?.quotes ?? [];
  const y = (b as { quotes: unknown[] } | null)?.quotes ?? [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) return `quote ${i}: ${JSON.stringify(x[i]).slice(0, 600)} ≠ ${JSON.stringify(y[i]).slice(0, 600)}`;
  }
  return null;
}

async function timedAsync<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = now();
  const r = await f();
  return [now() - t0, r];
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
