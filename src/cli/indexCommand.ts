/**
 * `verbatim index <paths…> --db <url>`: brings the archive in line with the files under the paths.
 * New files are ingested, changed ones (size or mtime differ and the content hash too) re-ingested,
 * unchanged ones skipped, and archived documents under a given folder whose file is gone removed. Each
 * document is one transaction, so a run killed part-way leaves whole documents only, and running it
 * again picks up where it stopped. `--watch` keeps doing so as files arrive (a wire feed's drop folder).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Archive, ArchiveError, type FileState } from '../archive/archive';
import { BackgroundPacker } from '../archive/backgroundPack';
import { IngestPipeline } from '../archive/ingestPipeline';
import { ENCODINGS, type Encoding } from '../core';
import { AnalysisPool } from '../parallel/pool';
import { UsageError } from './args';
import { Scopes } from './config';
import { expand, readText } from './files';
import { GitIgnores } from './gitignore';
import { inert } from './format/text';
import type { Sink } from './main';
import { changedInput, watch } from './watchIndex';

export const INDEX_USAGE = `Usage: verbatim index <paths…> --db <url> [options]

Ingests the articles under the paths (files or folders) into the archive at <url> (PostgreSQL):
new and changed files only; archived documents under a given folder whose file is gone are removed.

Options:
  --db <url>           the archive, postgresql://user@host:port/database (password: PGPASSWORD or ~/.pgpass)
  --watch              keep watching the folders and ingest files as they change
  --max-size <bytes>   skip files larger than this (default 10485760)
  --encoding <e>       utf-8 (default), windows-1252, or auto (UTF-8 when valid, else Windows-1252),
                       as verbatim check reads them
  --jobs <n>           documents written at once (default 4)`;

/** Documents written between packs during a run. */
const PACK_EVERY = 10_000;

export interface IndexArgs {
  paths: string[];
  db: string;
  watch: boolean;
  maxBytes: number;
  jobs: number;
  /** How files are decoded, as `verbatim check --encoding`. */
  encoding: Encoding;
}

/** Parses the arguments after `index`. */
export function parseIndexArgs(argv: readonly string[]): IndexArgs {
  const args: IndexArgs = { paths: [], db: '', watch: false, maxBytes: 10 * 1024 * 1024, jobs: 4, encoding: 'utf-8' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const positive = (name: string): number => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number`);
      return n;
    };
    switch (flag) {
      case '--db': args.db = value(); break;
      case '--watch': args.watch = true; break;
      case '--max-size': args.maxBytes = positive('--max-size'); break;
      case '--jobs': args.jobs = Math.floor(positive('--jobs')); break;
      case '--encoding': {
        const v = value();
        if (!(ENCODINGS as readonly string[]).includes(v)) throw new UsageError(`--encoding must be ${ENCODINGS.join(', ')}, not "${v}"`);
        args.encoding = v as Encoding;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        args.paths.push(flag);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no paths to index');
  if (!args.db) throw new UsageError('index needs --db <url>');
  return args;
}

export interface IndexSummary { added: number; changed: number; unchanged: number; removed: number; skipped: number }

/**
 * Documents analysed per batch, at most (and about this much text): while the workers analyse one
 * batch this thread writes the one before, so a batch is what the two stages hand each other.
 */
const INGEST_BATCH_CHARS = 4_000_000;
export const INGEST_BATCH_FILES = 1_000;

/** What a pass brings in line: files to ingest if changed, what the archive knows, what may be removed. */
export interface PassInput {
  files: string[];
  known: Map<string, FileState | null>;
  /** Whether an archived uri whose file is not among `files` is to be removed. */
  removable: (uri: string) => boolean;
}

/** A whole pass's input: every file under `args.paths`, and every archived document under its folders. */
async function everything(archive: Archive, args: IndexArgs, problems: string[]): Promise<PassInput> {
  // The same walk as `verbatim check`: configuration excludes and .gitignore apply.
  const files = expand(args.paths, problems, { scopes: new Scopes(undefined), git: new GitIgnores() });
  const folders = args.paths.filter((p) => { try { return fs.statSync(p).isDirectory(); } catch { return false; } })
    .map((p) => (p === '.' ? '' : path.normalize(p).replace(/\/?$/, '/')));
  const known = await archive.states([...folders, ...files]);
  return { files, known, removable: (uri) => folders.some((f) => uri.startsWith(f)) };
}

/**
 * One pass: the archive made to match the files under `args.paths`, or (`input`, from a watcher told
 * which files changed) only those it is given.
 */
export async function indexOnce(archive: Archive, args: IndexArgs, err: Sink, input?: (problems: string[]) => Promise<PassInput>): Promise<IndexSummary> {
  const problems: string[] = [];
  const { files, known, removable } = await (input ?? ((p) => everything(archive, args, p)))(problems);
  const summary: IndexSummary = { added: 0, changed: 0, unchanged: 0, removed: 0, skipped: 0 };
  const present = new Set(files);
  // New files take orders in file order, whichever of the concurrent transactions commits first.
  const orders = await archive.reserveOrders(files.filter((f) => !known.has(f)).length);
  const pending = new Set<Promise<void>>();
  let failure: unknown = null;
  let writes = 0;
  // A long run packs as it goes, so the fresh quotes a check reads stay few; beside the writes, on a
  // connection of its own, not between them (backgroundPack.ts).
  const packer = new BackgroundPacker(() => archive.pack());
  const run = async (task: () => Promise<void>): Promise<void> => {
    if (failure) throw failure;
    if (++writes % PACK_EVERY === 0) packer.start();
    const p: Promise<void> = task().catch((e) => { failure ??= e; }).finally(() => pending.delete(p));
    pending.add(p);
    if (pending.size >= args.jobs) await Promise.race(pending);
  };
  // Changed files are analysed a batch at a time by the analysis workers, off this thread: the writes
  // of one batch go on at the server while the workers analyse the next (ingestPipeline.ts).
  const pool = new AnalysisPool();
  type Job = { file: string; text: string; state: { size: number; mtimeMs: number; hash: string }; ord: number | undefined };
  const pipeline = new IngestPipeline<Job>((inputs) => pool.analyzeAsync(inputs), (j, doc) => run(() => archive.ingest(doc, j.file, j.state, j.ord)));
  let batch: Job[] = [];
  let batchChars = 0;
  const flush = async (): Promise<void> => {
    const jobs = batch;
    batch = [];
    batchChars = 0;
    await pipeline.add(jobs, jobs.map((j) => ({ uri: j.file, label: j.file, text: j.text, order: 0 })));
  };
  // Every file read, and the changed ones analysed and written.
  const ingestFiles = async (): Promise<void> => {
    for (const file of files) {
      let stat: fs.Stats;
      try { stat = fs.statSync(file); } catch { present.delete(file); continue; }
      const before = known.get(file);
      if (before && before.size === stat.size && before.mtimeMs === stat.mtimeMs) { summary.unchanged++; continue; }
      const read = readText(file, args.maxBytes, args.encoding);
      if ('problem' in read) { problems.push(`${file}: ${read.problem}`); summary.skipped++; present.delete(file); continue; }
      if (read.note) problems.push(`${file}: ${read.note}`);
      const text = read.text;
      const state = { size: stat.size, mtimeMs: stat.mtimeMs, hash: createHash('sha256').update(text).digest('hex') };
      if (before && before.hash === state.hash) {
        summary.unchanged++;
        await run(() => archive.touch(file, state));
        continue;
      }
      if (before === undefined) summary.added++; else summary.changed++;
      batch.push({ file, text, state, ord: before === undefined ? orders.shift() : undefined });
      batchChars += text.length;
      if (batchChars >= INGEST_BATCH_CHARS || batch.length >= INGEST_BATCH_FILES) await flush();
    }
    await flush();
    await pipeline.finish();
  };
  try {
    try {
      await ingestFiles();
    } finally {
      pool.close();
    }
    for (const uri of known.keys()) {
      if (present.has(uri) || !removable(uri)) continue;
      summary.removed++;
      await run(async () => { await archive.remove(uri); });
    }
    await Promise.all(pending);
    await packer.settle();
  } finally {
    // A pack in flight finishes before the run ends or its error goes up (and the archive is closed).
    await packer.idle();
  }
  if (failure) throw failure;
  // What this pass (or an older tool, or the migration from version 1) left fresh, moved into the
  // stems' chunks: checks read those fastest (pack.ts). With nothing fresh it costs two empty deletes.
  await archive.pack();
  for (const p of problems) err.write(`verbatim: ${inert(p)}\n`);
  return summary;
}

/** Runs `verbatim index`; resolves to the exit code. */
export async function runIndex(argv: readonly string[], out: Sink, err: Sink): Promise<number> {
  let args: IndexArgs;
  try {
    args = parseIndexArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`verbatim: ${inert(e.message)}\n\n${INDEX_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  let archive: Archive;
  try {
    // One connection beyond the writes' for the pack that runs beside them.
    archive = await Archive.open(args.db, { connections: args.jobs + 1, asyncCommit: true });
  } catch (e) {
    if (e instanceof ArchiveError) { err.write(`verbatim: ${inert(e.message)}\n`); return 2; }
    throw e;
  }
  const report = async (input?: (problems: string[]) => Promise<PassInput>): Promise<void> => {
    const s = await indexOnce(archive, args, err, input);
    const t = await archive.stats();
    out.write(`${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed` +
      `${s.skipped ? `, ${s.skipped} skipped` : ''}; the archive has ${t.documents} documents, ${t.quotes} quotes\n`);
  };
  try {
    await report();
    if (args.watch) await watch(args.paths, (changed) => report(changed ? () => changedInput(archive, changed) : undefined), err);
    return 0;
  } catch (e) {
    err.write(`verbatim: ${inert(e instanceof ArchiveError ? e.message : describeFailure(e, archive))}\n`);
    return 2;
  } finally {
    await archive.close().catch(() => undefined);
  }
}

function describeFailure(e: unknown, archive: Archive): string {
  return `indexing stopped: ${(e as Error).message ?? String(e)} (the archive at ${archive.safeUrl}; run again to resume)`;
}
