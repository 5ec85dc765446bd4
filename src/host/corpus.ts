/**
 * The sources: the files sourceList.ts names (the configuration's or `verbatim.sources` globs), read with
 * `workspace.fs`, fed to the engine as `{uri, text, label}` records and kept current by file
 * watchers. Indexing runs in slices (a few files, then a yield) so the extension host never stalls;
 * a file that vanishes, is binary or is too large is logged once and the rest are indexed.
 * Each indexed file's stamp (modification time, size, label) is kept, so that a stored index (see
 * persistence.ts) can be taken back and only the files whose stamp changed read again.
 * Verbatim only ever reads these files.
 */
import * as vscode from 'vscode';
import { unpackAnalyses, type AnalyzedDoc, type BatchInput, type Encoding, type Engine } from '../core/index';
import type { AsyncAnalyzer } from './analysisWorkers';
import { readText, yieldToHost, type FileStamp } from './files';
import type { ConfigFiles } from './configFiles';
import type { Settings } from './settings';
import { listSources, sourceScopes } from './sourceList';

/** Work done between two yields to the host, in milliseconds. */
const SLICE_MS = 10;
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
/** Watcher events are gathered this long before the sources are re-read. */
const WATCH_DELAY_MS = 75;

export interface IndexSummary {
  sources: number;
  quotes: number;
  skipped: number;
  cancelled: boolean;
  /** The rebuild started from the stored index. */
  fromStore: boolean;
  /** Sources taken from the stored index as they were: their file's stamp is unchanged. */
  restored: number;
  /** Files read (new, changed, or every one when not starting from a stored index). */
  read: number;
  /** Sources dropped: their file is gone or no longer matches the source globs. */
  dropped: number;
  ms: number;
}

/** The stamp of an indexed source file: what must be unchanged for its stored analysis to stand. */
export interface SourceStamp extends FileStamp {
  label: string;
  /** The encoding it was read with: a change of `verbatim.encoding` reads it again. */
  encoding: Encoding;
}

/** Indexing under way: sources handled so far out of those found. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** A stored index: an engine holding it, and the stamp of every source in it. */
export interface StoredSources {
  engine: Engine;
  stamps: ReadonlyMap<string, SourceStamp>;
}

export class Corpus implements vscode.Disposable {
  private readonly sources = new Map<string, vscode.Uri>();
  /** The stamp each indexed source was read with. */
  private readonly stampOf = new Map<string, SourceStamp>();
  private last: IndexSummary | undefined;
  private loadStored: (() => Promise<StoredSources | undefined>) | undefined;
  /** Files matching the source globs that are not indexed, with the reason (as logged). */
  private readonly skippedFiles = new Map<string, string>();
  /** The latest read started per uri: an older read finishing later must not win. */
  private readonly readSeq = new Map<string, number>();
  private seq = 0;
  private epoch = 0;
  /** Sort position for files added by the watcher after a rebuild ("earliest source" ties). */
  private nextOrder = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly progressed = new vscode.EventEmitter<IndexProgress | undefined>();
  private current: IndexProgress | undefined;
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly queue = new Map<string, vscode.Uri>();
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private watchKey = '';
  private foldersWithSources = new Set<string>();
  private markReady!: () => void;
  /** Resolves once the first full index is built. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  /** Fires after sources were added, changed or removed. */
  readonly onDidChange = this.changed.event;
  /** Fires as a rebuild reads its sources, and with undefined when it ends. */
  readonly onDidProgress = this.progressed.event;

  /** The analysis workers, started when a rebuild first has enough files for them; false once they failed. */
  private worker: AsyncAnalyzer | false | undefined;
  /** Batches a worker analysed, for the tests and the log. */
  workerBatches = 0;
  /** Off: every analysis in this thread (a test compares the two). */
  useWorker = true;
  /** Workers to start (setWorkerCount); undefined: this machine's number. */
  private workerCount: number | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly settings: Settings,
    private readonly configs: ConfigFiles,
    private readonly log: vscode.LogOutputChannel,
    private readonly startWorker?: (count?: number) => AsyncAnalyzer,
  ) {}

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
    return this.sources.has(typeof uri === 'string' ? uri : uri.toString());
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
    return [...this.skippedFiles].map(([uri, reason]) => ({ uri, reason }));
  }

  get size(): { sources: number; quotes: number } {
    return { sources: this.sources.size, quotes: this.engine.index.size.quotes };
  }

  /** The stamp of every indexed source, as of now (what a stored index must record with it). */
  stamps(): Map<string, SourceStamp> {
    return new Map(this.stampOf);
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
    return this.busy === 0 && this.queue.size === 0 && !this.queueTimer;
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
        if (epoch !== this.epoch) {
          summary.cancelled = true;
          return done();
        }
        if (loaded) {
          this.adopt(loaded);
          summary.fromStore = true;
          // Usable at once; the files are compared with their stamps below, and checks follow any change.
          this.markReady();
          this.changed.fire();
        }
      }
      const found = await this.listSources();
      if (epoch !== this.epoch) {
        summary.cancelled = true;
        return done();
      }
      for (const key of [...this.sources.keys()]) {
        if (!found.has(key)) {
          this.drop(key);
          summary.dropped++;
        }
      }
      this.skippedFiles.clear();
      const uris = [...found.values()]; // in the source order
      this.report(epoch, { done: 0, total: uris.length });
      this.nextOrder = Math.max(this.nextOrder, uris.length);
      const batchSize = summary.fromStore ? STAT_BATCH : READ_BATCH;
      // Batches are read and analysed ahead of the one being put into the index (see PIPELINE).
      let unchangedSeen = 0;
      const fetchBatch = async (i: number) => {
        const batch = uris.slice(i, i + batchSize);
        const unchanged = summary.fromStore ? await Promise.all(batch.map((uri) => this.unchanged(uri))) : batch.map(() => false);
        unchangedSeen += unchanged.filter(Boolean).length;
        // A superseded or cancelled rebuild reads no more.
        if (epoch !== this.epoch || token?.isCancellationRequested) return undefined;
        const reads = await Promise.all(batch.map((uri, j) => (unchanged[j] ? undefined : this.read(uri))));
        if (epoch !== this.epoch) return undefined;
        const analysed = uris.length - unchangedSeen >= WORKER_MIN_FILES ? await this.analyseElsewhere(batch, reads, i) : undefined;
        return { batch, reads, analysed };
      };
      // A batch read ahead and then not indexed (the rebuild stopped) must not count as the latest read
      // of its files: a watcher's read of one of them, made before, applies after all.
      const release = (fetched: Awaited<ReturnType<typeof fetchBatch>>): void => {
        fetched?.reads.forEach((read, j) => {
          const key = fetched.batch[j].toString();
          if (read && this.readSeq.get(key) === read.seq) this.readSeq.delete(key);
        });
      };
      const ahead: ReturnType<typeof fetchBatch>[] = [];
      let nextFetch = 0;
      let sliceStart = Date.now();
      for (let i = 0; i < uris.length; i += batchSize) {
        if (epoch !== this.epoch || token?.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        // Enough ahead to keep every worker busy once they have started.
        const depth = Math.max(PIPELINE, (this.worker ? this.worker.parallelism : 1) + 2);
        for (; ahead.length < depth && nextFetch < uris.length; nextFetch += batchSize) {
          const fetching = fetchBatch(nextFetch);
          fetching.catch(() => undefined); // (awaited below, where a failure is met; or dropped with a cancelled rebuild)
          ahead.push(fetching);
        }
        const fetched = await ahead.shift()!;
        if (!fetched || epoch !== this.epoch) {
          release(fetched);
          summary.cancelled = true;
          break;
        }
        const { batch, reads, analysed } = fetched;
        for (let j = 0; j < batch.length; j++) {
          // The order is the file's rank among the sources, as a rebuild from scratch gives it.
          const read = reads[j];
          if (!read) {
            this.keep(batch[j], i + j);
            summary.restored++;
          } else {
            summary.read++;
            if (!this.apply(batch[j], read, i + j, analysed?.get(batch[j].toString()))) summary.skipped++;
          }
          if (Date.now() - sliceStart > SLICE_MS) {
            await yieldToHost();
            sliceStart = Date.now();
          }
        }
        const handled = Math.min(i + batchSize, uris.length);
        progress?.report({ increment: (100 * batch.length) / uris.length, message: vscode.l10n.t('{0} of {1} sources', handled.toLocaleString('en-US'), uris.length.toLocaleString('en-US')) });
        this.report(epoch, { done: handled, total: uris.length });
        await yieldToHost();
        sliceStart = Date.now();
      }
      for (const fetching of ahead.splice(0)) void fetching.then(release, () => undefined);
      done();
      const { sources, quotes, skipped, cancelled } = summary;
      // Each part a whole template: the count picks one or many, the store's figures and the rest follow.
      let line = sources === 1 ? vscode.l10n.t('Indexed 1 source ({0} quotes) in {1} ms', quotes, summary.ms) : vscode.l10n.t('Indexed {0} sources ({1} quotes) in {2} ms', sources, quotes, summary.ms);
      if (summary.fromStore) line = vscode.l10n.t('{0}: {1} restored from the stored index, {2} read, {3} dropped', line, summary.restored, summary.read, summary.dropped);
      if (skipped) line = vscode.l10n.t('{0}; {1} skipped', line, skipped);
      if (cancelled) line = vscode.l10n.t('{0}; cancelled', line);
      this.log.info(vscode.l10n.t('{0}.', line));
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
    if (this.worker) this.worker.dispose();
    this.worker = false;
    if (this.queueTimer) clearTimeout(this.queueTimer);
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
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
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const scope of scopes) {
      for (const glob of scope.globs) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(scope.base, glob));
        const onEvent = (uri: vscode.Uri) => this.enqueue(uri);
        this.watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
      }
    }
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

  /**
   * True when `uri` lies in a workspace folder that has sources: a newsroom's folder rather than, say,
   * a code repository whose README happens to be Markdown.
   */
  inNewsroomFolder(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return !!folder && this.foldersWithSources.has(folder.uri.toString());
  }

  private async listSources(): Promise<Map<string, vscode.Uri>> {
    const found = await listSources(this.settings, this.configs, this.log);
    this.foldersWithSources = new Set(found.flatMap((u) => vscode.workspace.getWorkspaceFolder(u)?.uri.toString() ?? []));
    return new Map(found.map((u) => [u.toString(), u]));
  }

  private async read(uri: vscode.Uri) {
    const seq = ++this.seq;
    this.readSeq.set(uri.toString(), seq);
    const settings = this.settings.for(uri);
    const result = await readText(uri, settings.maxBytes, settings.host.encoding);
    return { seq, result };
  }

  /** Takes a stored index in place of the engine's: its sources, with the stamps they were read with. */
  private adopt(stored: StoredSources): void {
    this.engine.adopt(stored.engine);
    this.sources.clear();
    this.stampOf.clear();
    for (const [key, stamp] of stored.stamps) {
      const uri = vscode.Uri.parse(key);
      this.sources.set(key, uri);
      this.stampOf.set(key, stamp);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) this.foldersWithSources.add(folder.uri.toString());
    }
  }

  /** True when `uri` is indexed as read with the same stamp and label, and is still within the size cap. */
  private async unchanged(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const stamp = this.stampOf.get(key);
    if (!stamp || !this.engine.index.has(key) || stamp.label !== this.labelOf(uri) || stamp.encoding !== this.settings.for(uri).host.encoding) return false;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return !(stat.type & vscode.FileType.Directory) && stat.mtime === stamp.mtime && stat.size === stamp.size
        && stat.size <= this.settings.for(uri).maxBytes;
    } catch {
      return false; // reading it says why
    }
  }

  /** Keeps an unchanged source as stored, at the rank `order` gives it among the sources. */
  private keep(uri: vscode.Uri, order: number): void {
    const key = uri.toString();
    const doc = this.engine.index.get(key);
    if (!doc) return;
    if (doc.order !== order) this.engine.index.set({ ...doc, order }); // a file before it came or went
    this.sources.set(key, uri);
  }

  private labelOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /**
   * The analyses of a batch's readable files, made by the worker while this thread goes on with other
   * work (a keystroke's check, say); undefined when there is no worker (then `apply` analyses here).
   */
  private async analyseElsewhere(batch: vscode.Uri[], reads: (Awaited<ReturnType<Corpus['read']>> | undefined)[], first: number): Promise<Map<string, { doc: AnalyzedDoc; label: string }> | undefined> {
    if (!this.useWorker || !this.startWorker || this.worker === false) return undefined;
    const inputs: BatchInput[] = [];
    reads.forEach((read, j) => {
      if (read?.result.ok) inputs.push({ uri: batch[j].toString(), label: this.labelOf(batch[j]), text: read.result.text, order: first + j });
    });
    if (!inputs.length) return undefined;
    let worker: AsyncAnalyzer | undefined;
    try {
      if (!this.worker) {
        this.worker = this.startWorker(this.workerCount);
        this.log.info(vscode.l10n.t('Sources are analysed in a {0}.', this.worker.kind));
      }
      worker = this.worker;
      const docs = unpackAnalyses(inputs, await worker.analyze(inputs));
      this.workerBatches++;
      return new Map(docs.map((doc, k) => [doc.uri, { doc, label: inputs[k].label! }]));
    } catch (err) {
      // Workers replaced meanwhile (setWorkerCount) refuse what they had: this batch is analysed here.
      if (worker && worker !== this.worker) return undefined;
      // Nothing is lost: this thread analyses from here on, in slices as before.
      this.log.warn(vscode.l10n.t('The analysis worker failed ({0}); sources are analysed in the extension host from now on.', err instanceof Error ? err.message : String(err)));
      if (this.worker) this.worker.dispose();
      this.worker = false;
      return undefined;
    }
  }

  /** How many workers the next rebuild starts (undefined: as many as this machine gives); the current ones stop. */
  setWorkerCount(count: number | undefined): void {
    this.workerCount = count;
    if (this.worker) {
      this.worker.dispose();
      this.worker = undefined;
    }
  }

  /** Where the sources are being analysed, once the workers have started. */
  get workerKind(): string | undefined {
    return this.worker ? this.worker.kind : undefined;
  }

  /**
   * Puts one read into the index (or takes the file out); false when the file was skipped. `analysed`
   * is the worker's analysis of it, used when it is of this text, label and order.
   */
  private apply(uri: vscode.Uri, { seq, result }: Awaited<ReturnType<Corpus['read']>>, order?: number, analysed?: { doc: AnalyzedDoc; label: string }): boolean {
    const key = uri.toString();
    if ((this.readSeq.get(key) ?? 0) > seq) return true; // a newer read of this file will apply
    const label = this.labelOf(uri);
    if (!result.ok) {
      if (result.missing) this.log.info(vscode.l10n.t('{0} {1}.', label, result.reason));
      else this.log.warn(vscode.l10n.t('{0} {1}.', label, result.reason));
      if (result.missing) this.skippedFiles.delete(key);
      else this.skippedFiles.set(key, result.reason);
      this.drop(key);
      return false;
    }
    this.skippedFiles.delete(key);
    if (result.note) this.log.warn(vscode.l10n.t('{0} {1}.', label, result.note));
    try {
      order ??= this.engine.index.get(key)?.order ?? this.nextOrder++;
      if (analysed && analysed.doc.text === result.text && analysed.label === label && analysed.doc.order === order) this.engine.index.set(analysed.doc);
      else this.engine.setSource({ uri: key, text: result.text, label, order });
      this.sources.set(key, uri);
      this.stampOf.set(key, { ...result.stamp, label, encoding: this.settings.for(uri).host.encoding });
      return true;
    } catch (err) {
      // The engine should never throw; if it does, one bad file must not stop the others.
      this.log.error(vscode.l10n.t('{0} could not be analysed: {1}', label, err instanceof Error ? err.stack ?? err.message : String(err)));
      this.skippedFiles.set(key, 'could not be analysed');
      this.drop(key);
      return false;
    }
  }

  private drop(key: string): void {
    this.stampOf.delete(key);
    if (this.sources.delete(key)) this.engine.removeSource(key);
  }

  private enqueue(uri: vscode.Uri): void {
    if (/\/node_modules\//.test(uri.path) || (this.settings.excluded(uri) && !this.sources.has(uri.toString()))) return;
    this.queue.set(uri.toString(), uri);
    if (this.queueTimer) clearTimeout(this.queueTimer);
    this.queueTimer = setTimeout(() => void this.drain(), WATCH_DELAY_MS);
  }

  /** Applies queued watcher events: re-reads changed files, drops deleted ones (and anything under a deleted folder). */
  private async drain(): Promise<void> {
    this.queueTimer = undefined;
    const uris = [...this.queue.values()];
    this.queue.clear();
    if (uris.length === 0) return;
    this.busy++;
    try {
      for (let i = 0; i < uris.length; i += READ_BATCH) {
        const batch = uris.slice(i, i + READ_BATCH);
        const reads = await Promise.all(batch.map((uri) => this.read(uri)));
        batch.forEach((uri, j) => {
          const r = reads[j].result;
          if (!r.ok && r.missing) {
            const prefix = uri.toString() + '/';
            for (const key of [...this.sources.keys()]) if (key.startsWith(prefix)) this.drop(key);
          }
          if (!r.ok && r.folder) return;
          this.apply(uri, reads[j]);
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
    if (!force && (this.busy > 0 || this.queue.size > 0 || this.queueTimer)) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
