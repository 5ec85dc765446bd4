/**
 * When documents are checked, and their latest reports. Each open document that `verbatim.include`
 * covers is checked as the editor types (debounced per document) or on save (`verbatim.run`), again when
 * the sources, the settings or the ignore list change, and forgotten when it closes. A generation per
 * document and a version check drop late results (markdownlint's generation counter, cspell's `isStale`).
 * The unsaved text is what gets checked.
 */
import * as vscode from 'vscode';
import { pathFilter, withOptions, type DocumentReport, type Engine, type Options } from '../core/index';
import { archivedSources, type ArchivedSource, type ArchiveUse, type Archives } from './archive/archives';
import type { Corpus } from './corpus';
import type { Ignores } from './ignores';
import { TextLines, type Positioner } from './ranges';
import { relative, type Settings } from './settings';

/** A document's report with what the adapters need to show it. */
export interface Checked {
  uri: vscode.Uri;
  /** The document version the report belongs to; -1 for a file checked from disk. */
  version: number;
  report: DocumentReport;
  /** Positions of quotes (in `report.quotes`) the editor chose to ignore. */
  ignored: ReadonlySet<number>;
  /** Maps the report's offsets to positions in the checked text. */
  lines: Positioner;
  /** The matched documents that came from the archive, by uri: the read-only document each opens as, and its text. */
  archived: ReadonlyMap<string, ArchivedSource>;
}

const NONE: ReadonlyMap<string, ArchivedSource> = new Map();

/** Schemes of editor-internal documents that are never articles. */
const SKIPPED_SCHEMES = new Set(['output', 'git', 'vscode-scm', 'comment', 'vscode-settings', 'vscode-userdata', 'debug', 'walkThroughSnippet', 'vscode-notebook-cell']);

export class Checker implements vscode.Disposable {
  private readonly reports = new Map<string, Checked>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly tooLarge = new Set<string>();
  private fresh: Checked | undefined;
  private readonly whileIndexing = new WeakMap<Options, Options>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly checked = new vscode.EventEmitter<Checked>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires with each new report that is current for its document. */
  readonly onDidCheck = this.checked.event;
  /** Fires when a document's report is dropped (closed, no longer included). */
  readonly onDidForget = this.forgotten.event;

  constructor(
    private readonly engine: Engine,
    private readonly settings: Settings,
    private readonly corpus: Corpus,
    private readonly ignores: Ignores,
    private readonly log: vscode.LogOutputChannel,
    private readonly archives?: Archives,
  ) {}

  /** Subscribes to the editor's events and checks the documents already open. */
  start(): void {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const host = this.settings.for(e.document.uri).host;
        if (host.run === 'onType') this.schedule(e.document, host.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.settings.for(doc.uri).host.run === 'onSave') this.schedule(doc, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      this.settings.onDidChange(() => this.recheckOpen()),
      this.corpus.onDidChange(() => this.recheckOpen()),
      this.ignores.onDidChange(() => this.recheckOpen()),
      ...(this.archives ? [this.archives.onDidChange(() => this.recheckOpen())] : []),
    );
    this.recheckOpen();
  }

  /**
   * True when `doc` is an article Verbatim checks: not excluded, and in the `article` language, or
   * matching an include glob in a folder with sources (or anywhere, when the user or a configuration
   * file set the globs).
   */
  isCheckable(doc: vscode.TextDocument): boolean {
    if (SKIPPED_SCHEMES.has(doc.uri.scheme)) return false;
    if (!this.settings.for(doc.uri).host.enable) return false;
    if (this.settings.excluded(doc.uri)) return false;
    if (doc.languageId === 'article') return true;
    const { include, config } = this.settings.for(doc.uri);
    // Markdown and text files are articles only where the folder has sources or include was set on
    // purpose: a code repository's README is never checked by default.
    if (!this.corpus.inNewsroomFolder(doc.uri) && !config?.parsed.config.include && !this.settings.includeSetByUser(doc.uri)) return false;
    return pathFilter(include.globs, [])(relative(include.base, doc.uri));
  }

  /** The latest published report for a document, whatever its version. */
  published(uri: vscode.Uri): Checked | undefined {
    return this.reports.get(uri.toString());
  }

  /** A report for the document's current text: the published one if current, else computed now (not published). */
  reportFor(doc: vscode.TextDocument): Checked | undefined {
    if (doc.isClosed || !this.isCheckable(doc)) return undefined;
    const current = this.reports.get(doc.uri.toString());
    if (current && current.version === doc.version) return current;
    if (this.fresh && this.fresh.uri.toString() === doc.uri.toString() && this.fresh.version === doc.version) return this.fresh;
    const result = this.compute(doc);
    if (result) this.fresh = result;
    return result;
  }

  /** A new check of the document's current text, bypassing every cache; nothing is published. */
  checkAfresh(doc: vscode.TextDocument): Checked | undefined {
    return doc.isClosed || !this.isCheckable(doc) ? undefined : this.compute(doc);
  }

  /** Checks a file's text that is not open in an editor (Check Workspace) and publishes the result. */
  async checkText(uri: vscode.Uri, text: string): Promise<Checked> {
    const archive = this.archives?.useFor(uri);
    const result = archive ? await this.checkWithArchive(uri, -1, text, new TextLines(text), archive) : this.build(uri, -1, text, new TextLines(text));
    this.reports.set(uri.toString(), result);
    this.checked.fire(result);
    return result;
  }

  /** Checks `doc` after `delayMs`, superseding any check already scheduled for it. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!this.isCheckable(doc)) {
      if (this.reports.has(doc.uri.toString())) this.forget(doc.uri);
      return;
    }
    const key = doc.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(doc, generation);
    }, delayMs));
  }

  /** Schedules every open, checkable document. */
  recheckOpen(): void {
    for (const doc of vscode.workspace.textDocuments) if (!doc.isClosed) this.schedule(doc, 0);
  }

  /** True when no check is scheduled or running. */
  get isIdle(): boolean {
    return this.running === 0 && this.timers.size === 0;
  }

  /** Resolves when no check is scheduled or running. */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.subscriptions) d.dispose();
    this.checked.dispose();
    this.forgotten.dispose();
    this.settle();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.reports.delete(key);
    if (this.fresh?.uri.toString() === key) this.fresh = undefined;
    this.forgotten.fire(uri);
    this.settle();
  }

  private async run(doc: vscode.TextDocument, generation: number): Promise<void> {
    this.running++;
    try {
      // No wait for the first index: a draft opened while a large archive is indexed is checked against
      // what is indexed so far, and again when indexing ends (the corpus fires onDidChange).
      const key = doc.uri.toString();
      if (doc.isClosed || this.generations.get(key) !== generation) return; // superseded
      const version = doc.version;
      // With an archive online the check asks it too (asynchronously); otherwise, or if it fails, locally.
      const archive = this.archives?.useFor(doc.uri);
      const result = archive ? await this.computeWith(doc, archive) : this.compute(doc);
      // Stale: a newer check was scheduled or the text moved on while this one ran.
      if (!result || this.generations.get(key) !== generation || doc.isClosed || doc.version !== version) return;
      this.reports.set(key, result);
      this.checked.fire(result);
    } finally {
      this.running--;
      this.settle();
    }
  }

  private compute(doc: vscode.TextDocument): Checked | undefined {
    const text = this.checkableText(doc);
    return text === undefined ? undefined : this.build(doc.uri, doc.version, text, doc);
  }

  /**
   * A check against the local index and the archive; the archive's matched documents are fetched for
   * the views. A failed query takes the archive offline and the check is made locally instead.
   */
  private async computeWith(doc: vscode.TextDocument, archive: ArchiveUse): Promise<Checked | undefined> {
    const text = this.checkableText(doc);
    return text === undefined ? undefined : this.checkWithArchive(doc.uri, doc.version, text, doc, archive);
  }

  /**
   * A check against the local index and the archive; the archive's matched documents are fetched for
   * the views. A failed query takes the archive offline and the check is made locally instead.
   */
  private async checkWithArchive(uri: vscode.Uri, version: number, text: string, lines: Positioner, archive: ArchiveUse): Promise<Checked> {
    let report: DocumentReport;
    let archived: ReadonlyMap<string, ArchivedSource>;
    try {
      // checkWith reads the options before its first await, so later checks cannot change them under it.
      this.engine.options = this.optionsFor(uri);
      report = await this.engine.checkWith({ uri: uri.toString(), text, label: this.labelOf(uri) }, [archive.source]);
      archived = await archivedSources(report, (u) => this.engine.index.has(u), archive);
    } catch (err) {
      archive.failed(err);
      return this.build(uri, version, text, lines);
    }
    return this.finish(uri, version, report, lines, archived);
  }

  /** The document's text, or undefined when it is over the size cap (said once in the log). */
  private checkableText(doc: vscode.TextDocument): string | undefined {
    const key = doc.uri.toString();
    const text = doc.getText();
    const cap = this.settings.for(doc.uri).maxBytes;
    if (text.length > cap) {
      if (!this.tooLarge.has(key)) this.log.warn(vscode.l10n.t("{0} is over the {1} KB cap and is not checked; raise maxFileSizeKB (the configuration file's or verbatim.maxFileSizeKB) to check it.", vscode.workspace.asRelativePath(doc.uri), cap / 1024));
      this.tooLarge.add(key);
      if (this.reports.has(key)) this.forget(doc.uri);
      return undefined;
    }
    this.tooLarge.delete(key);
    return text;
  }

  private labelOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private build(uri: vscode.Uri, version: number, text: string, lines: Positioner): Checked {
    const label = this.labelOf(uri);
    let report: DocumentReport;
    try {
      // Options can differ per folder; the check is synchronous, so setting them here is safe.
      this.engine.options = this.optionsFor(uri);
      report = this.engine.check({ uri: uri.toString(), text, label });
    } catch (err) {
      this.log.error(vscode.l10n.t('Checking {0} failed: {1}', label, err instanceof Error ? err.stack ?? err.message : String(err)));
      report = { uri: uri.toString(), quotes: [] };
    }
    return this.finish(uri, version, report, lines, NONE);
  }

  private finish(uri: vscode.Uri, version: number, report: DocumentReport, lines: Positioner, archived: ReadonlyMap<string, ArchivedSource>): Checked {
    const ignored = new Set<number>();
    const { config, ignore } = this.settings.for(uri);
    const inConfig = config ? ignore.ignoredIn(report, relative(config.dir, uri)) : new Set<number>();
    report.quotes.forEach((q, i) => {
      if (inConfig.has(i) || this.ignores.isIgnored(uri, q.quote.text)) ignored.add(i);
    });
    return { uri, version, report, ignored, lines, archived };
  }

  /**
   * The options a check of `uri` runs with. While the sources are still being indexed, "no source has
   * this quote" may only mean "not read yet", so unverified-quote says nothing until indexing ends.
   */
  private optionsFor(uri: vscode.Uri): Options {
    const options = this.settings.for(uri).options;
    if (!this.corpus.progress || options.rules.unverifiedQuote === 'off') return options;
    let partial = this.whileIndexing.get(options);
    if (!partial) {
      partial = withOptions({ ...options, rules: { ...options.rules, unverifiedQuote: 'off' } });
      this.whileIndexing.set(options, partial);
    }
    return partial;
  }

  private settle(): void {
    if (this.running > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
