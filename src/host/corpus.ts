/**
 * The sources: the files sourceList.ts names (the configuration's or `verbatim.sources` globs), read with
 * `workspace.fs`, fed to the engine as `{uri, text, label}` records and kept current by file
 * watchers. Indexing runs in slices (a few files, then a yield) so the extension host never stalls;
 * a file that vanishes, is binary or is too large is logged once and the rest are indexed.
 * Each indexed file's stamp (modification time, size, label) is kept, so that a stored index (see
 * persistence.ts) can be taken back and only the files whose stamp changed read again.
 * Verbatim only ever reads these files. This class decides when (rebuilds, watcher events, stored
 * index); one file's reading and indexing is in sourceSet.ts, the watchers in sourceWatch.ts, the
 * analysis workers behind sourceAnalysis.ts.
 */
import * as vscode from 'vscode';
import type { AnalyzedDoc, Engine } from '../core/index';
import type { AsyncAnalyzer } from './analysisWorkers';
import { HostSlices, yieldToHost } from './files';
import { readAhead } from './readAhead';
import { SourceAnalysis } from './sourceAnalysis';
import { SourceSet, type SourceStamp, type StoredSources } from './sourceSet';
import { SourceWatch } from './sourceWatch';
import { summaryLine, type IndexProgress, type IndexSummary } from './indexSummary';
import type { ConfigFiles } from './configFiles';
import type { Settings } from './settings';
import { listSources, sourceScopes } from './sourceList';

export type { SourceStamp, StoredSources } from './sourceSet';
export type { IndexProgress, IndexSummary } from './indexSummary';

/** Files read concurrently. */
const READ_BATCH = 8;
/** Files whose stamp is compared concurrently when starting from a stored index. */
const STAT_BATCH = 32;
/**
 * Below this many files to read, a rebuild analyses in this thread: starting a worker costs 150–250 ms,
 * more than a few dozen articles take (bench: break-even near 1.5 MB of text on two cores).
 */
const WORKER_MIN_FILES = 100;
/**
 * Batches read (and sent to the worker) ahead of the one being indexed: the worker analyses one while
 * this thread reads the next and indexes the last. (10,000 bench articles through the same loop in
 * Node, one worker: 7.7–8.9 s one batch at a time, 5.5–6.3 s with 2 or 3 ahead.)
 */
const PIPELINE = 3;

export class Corpus implements vscode.Disposable {
  /** The source files, one by one. */
  private readonly set: SourceSet;
  private last: IndexSummary | undefined;
  private loadStored: (() => Promise<StoredSources | undefined>) | undefined;
  private epoch = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly progressed = new vscode.EventEmitter<IndexProgress | undefined>();
  private current: IndexProgress | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The watchers on the source globs; their events come to `drain`. */
  private readonly watch: SourceWatch;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private watchKey = '';
  private markReady!: () => void;
  /** Resolves once the first full index is built. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  /** Fires after sources were added, changed or removed. */
  readonly onDidChange = this.changed.event;
  /** Fires as a rebuild reads its sources, and with undefined when it ends. */
  readonly onDidProgress = this.progressed.event;

  /** Where sources are analysed: in the workers, or here. */
  readonly analysis: SourceAnalysis;

  constructor(
    private readonly engine: Engine,
    private readonly settings: Settings,
    private readonly configs: ConfigFiles,
    private readonly log: vscode.LogOutputChannel,
    startWorker?: (count?: number) => AsyncAnalyzer,
  ) {
    this.set = new SourceSet(engine, settings, configs, log);
    this.watch = new SourceWatch(settings, (key) => this.set.uris.has(key), (uris) => void this.drain(uris));
    this.analysis = new SourceAnalysis(log, startWorker);
  }

  /** Indexes the workspace, starting from the index `stored` loads if it gives one, and starts watching it. */
  start(stored?: () => Promise<StoredSources | undefined>): void {
    this.loadStored = stored;
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reconfigure(true)),
      this.settings.onDidChange(() => this.reconfigure(false)),
    );
    this.reconfigure(true);
  }

  /** True when `uri` is an indexed source. */
  isSource(uri: vscode.Uri | string): boolean {
    return this.set.uris.has(typeof uri === 'string' ? uri : uri.toString());
  }

  /** The indexed version of a source: the text its offsets refer to. */
  indexed(uri: string): AnalyzedDoc | undefined {
    return this.engine.index.get(uri);
  }

  /** Every indexed source document. */
  documents(): AnalyzedDoc[] {
    return [...this.engine.index.documents()];
  }

  /** Source files left out of the index and why, e.g. binary or over the size cap. */
  skipped(): { uri: string; reason: string }[] {
    return this.set.skipped();
  }

  get size(): { sources: number; quotes: number } {
    return { sources: this.set.uris.size, quotes: this.engine.index.size.quotes };
  }

  /** The stamp of every indexed source, as of now (what a stored index must record with it). */
  stamps(): ReadonlyMap<string, SourceStamp> {
    return this.set.stamps();
  }

  /**
   * True when `uri` lies in a workspace folder that has sources: a newsroom's folder rather than, say,
   * a code repository whose README happens to be Markdown.
   */
  inNewsroomFolder(uri: vscode.Uri): boolean {
    return this.set.inNewsroomFolder(uri);
  }

  /** What the latest rebuild did. */
  get lastRebuild(): IndexSummary | undefined {
    return this.last;
  }

  /** How far the running rebuild is, or undefined when none runs. */
  get progress(): IndexProgress | undefined {
    return this.current;
  }

  /** True when no indexing is under way or queued. */
  get isIdle(): boolean {
    return this.busy === 0 && !this.watch.pending;
  }

  /** Resolves when no indexing is under way or queued. */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Re-reads every source; sources no longer found are dropped. With `stored`, starts from the index it
   * loads (if any) and reads only the files that are new or whose stamp changed.
   */
  async rebuild(
    token?: vscode.CancellationToken,
    progress?: vscode.Progress<{ message?: string; increment?: number }>,
    stored?: () => Promise<StoredSources | undefined>,
  ): Promise<IndexSummary> {
    const epoch = ++this.epoch;
    this.busy++;
    const started = Date.now();
    const summary: IndexSummary = { sources: 0, quotes: 0, skipped: 0, cancelled: false, fromStore: false, restored: 0, read: 0, dropped: 0, ms: 0 };
    const done = (): IndexSummary => {
      Object.assign(summary, this.size, { ms: Date.now() - started });
      if (epoch === this.epoch) this.last = summary;
      return summary;
    };
    try {
      if (stored) {
        const loaded = await stored();
        const ready = loaded && epoch === this.epoch ? await this.set.prepare(loaded) : undefined;
        if (epoch !== this.epoch) {
          summary.cancelled = true;
          return done();
        }
        if (ready) {
          this.set.adopt(ready);
          summary.fromStore = true;
          // Usable at once; the files are compared with their stamps below, and checks follow any change.
          this.markReady();
          this.changed.fire();
        }
      }
      const found = await this.set.list();
      if (epoch !== this.epoch) {
        summary.cancelled = true;
        return done();
      }
      for (const key of [...this.set.uris.keys()]) {
        if (!found.has(key)) {
          this.set.drop(key);
          summary.dropped++;
        }
      }
      this.set.clearSkipped();
      const uris = [...found.values()]; // in the source order
      this.report(epoch, { done: 0, total: uris.length });
      this.set.nextOrder = Math.max(this.set.nextOrder, uris.length);
      const batchSize = summary.fromStore ? STAT_BATCH : READ_BATCH;
      // Batches are read and analysed ahead of the one being put into the index (see PIPELINE).
      let unchangedSeen = 0;
      const fetchBatch = async (i: number) => {
        const batch = uris.slice(i, i + batchSize);
        const unchanged = summary.fromStore ? await Promise.all(batch.map((uri) => this.set.unchanged(uri))) : batch.map(() => false);
        unchangedSeen += unchanged.filter(Boolean).length;
        // A superseded or cancelled rebuild reads no more.
        if (epoch !== this.epoch || token?.isCancellationRequested) return undefined;
        const reads = await Promise.all(batch.map((uri, j) => (unchanged[j] ? undefined : this.set.read(uri))));
        if (epoch !== this.epoch) return { batch, reads, analysed: undefined, first: i };
        const analysed = uris.length - unchangedSeen >= WORKER_MIN_FILES ? await this.analysis.analyse(this.set.inputsOf(batch, reads, i)) : undefined;
        return { batch, reads, analysed, first: i };
      };
      // A batch read ahead and then not indexed (the rebuild stopped) must not count as the latest read
      // of its files: a watcher's read of one of them, made before, applies after all.
      const release = (fetched: Awaited<ReturnType<typeof fetchBatch>>): void => {
        fetched?.reads.forEach((read, j) => read && this.set.release(fetched.batch[j], read));
      };
      // Enough ahead to keep every worker busy once they have started.
      const depth = (): number => Math.max(PIPELINE, this.analysis.parallelism + 2);
      const slice = new HostSlices();
      for await (const fetched of readAhead(Math.ceil(uris.length / batchSize), depth, (k) => fetchBatch(k * batchSize), release)) {
        if (!fetched || epoch !== this.epoch || token?.isCancellationRequested) {
          release(fetched);
          summary.cancelled = true;
          break;
        }
        const { batch, reads, analysed, first: i } = fetched;
        for (let j = 0; j < batch.length; j++) {
          // The order is the file's rank among the sources, as a rebuild from scratch gives it.
          const read = reads[j];
          if (!read) {
            this.set.keep(batch[j], i + j);
            summary.restored++;
          } else {
            summary.read++;
            if (!this.set.apply(batch[j], read, i + j, analysed?.of(batch[j].toString()))) summary.skipped++;
          }
          if (slice.spent) await slice.pause();
        }
        const handled = Math.min(i + batchSize, uris.length);
        progress?.report({ increment: (100 * batch.length) / uris.length, message: vscode.l10n.t('{0} of {1} sources', handled.toLocaleString('en-US'), uris.length.toLocaleString('en-US')) });
        this.report(epoch, { done: handled, total: uris.length });
        await slice.pause();
      }
      done();
      this.log.info(summaryLine(summary));
      return summary;
    } finally {
      this.busy--;
      if (epoch === this.epoch) {
        this.report(epoch, undefined);
        this.markReady();
        this.changed.fire();
      }
      this.settle();
    }
  }

  dispose(): void {
    this.epoch++;
    this.analysis.dispose();
    this.watch.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
    this.progressed.dispose();
    this.settle(true);
  }

  /** Publishes the progress of the rebuild of `epoch`, unless a newer rebuild superseded it. */
  private report(epoch: number, progress: IndexProgress | undefined): void {
    if (epoch !== this.epoch) return;
    this.current = progress;
    this.progressed.fire(progress);
  }

  /** Re-watches and re-indexes when the folders or the settings that decide the sources changed. */
  private reconfigure(force: boolean): void {
    // Only the first indexing starts from the stored index; later ones follow a change of the sources.
    const stored = this.loadStored;
    this.loadStored = undefined;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const scopes = sourceScopes(this.settings, this.configs);
    const key = JSON.stringify([scopes.map((s) => [s.base.toString(), s.globs, s.exclude]), folders.map((f) => [this.settings.for(f).host.enable, this.settings.for(f).maxBytes, this.settings.for(f).host.encoding])]);
    if (!force && key === this.watchKey) {
      // The sources are the same, but a configuration file was read again: list them for its problems.
      void listSources(this.settings, this.configs, this.log);
      return;
    }
    this.watchKey = key;
    this.watch.watch(scopes);
    if (!stored) {
      void this.rebuild();
      return;
    }
    // The first index of a session can take a while on a large archive: show it in the window's
    // progress area (the status bar item gives the count), without a dialog in the way.
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Verbatim: indexing sources') },
      (progress) => this.rebuild(undefined, progress, stored),
    );
  }

  /** Applies queued watcher events: re-reads changed files, drops deleted ones (and anything under a deleted folder). */
  private async drain(uris: vscode.Uri[]): Promise<void> {
    this.busy++;
    try {
      for (let i = 0; i < uris.length; i += READ_BATCH) {
        const batch = uris.slice(i, i + READ_BATCH);
        const reads = await Promise.all(batch.map((uri) => this.set.read(uri)));
        batch.forEach((uri, j) => {
          const r = reads[j].result;
          if (!r.ok && r.missing) this.set.dropUnder(uri);
          if (!r.ok && r.folder) return;
          this.set.apply(uri, reads[j]);
        });
        await yieldToHost();
      }
      this.log.info(vscode.l10n.t('Sources changed on disk: {0}.', uris.map((u) => vscode.workspace.asRelativePath(u)).join(', ')));
      this.changed.fire();
    } finally {
      this.busy--;
      this.settle();
    }
  }

  private settle(force = false): void {
    if (!force && (this.busy > 0 || this.watch.pending)) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
