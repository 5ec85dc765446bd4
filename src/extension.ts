/**
 * Verbatim in VS Code: wires the host adapters around one engine and returns a small API that the
 * integration tests use to wait for work to settle and to read what the panels show.
 */
import * as vscode from 'vscode';
import { Engine, RULES_DOC, type DocumentReport } from './core/index';
import { Archives } from './host/archive/archives';
import { Checker } from './host/checker';
import { ConfigFiles } from './host/configFiles';
import { QuoteFixes } from './host/codeActions';
import { registerCommands } from './host/commands';
import { Corpus, type IndexSummary } from './host/corpus';
import { startAnalyzers } from './host/analysisWorkers';
import { CrossReferences, VIEW_ID } from './host/crossRefs';
import { Diagnostics } from './host/diagnostics';
import { QuoteHover } from './host/hover';
import { Ignores } from './host/ignores';
import { IndexPersistence, type StoreState } from './host/persistence';
import { QuoteCatalog, SearchPalette, type QuoteEntry, type SearchState } from './host/search';
import { Settings } from './host/settings';
import { StatusBar } from './host/statusBar';
import { revealSpan } from './host/commands';
import { SHOW_RULE, showRule } from './host/ruleDocs';
import { OPEN_SAMPLE, openSample, prepareSample } from './host/sample';

/** A tree item as the Cross-references view shows it. */
export interface CrossRefSnapshot {
  label: string;
  description: string;
  icon: string | undefined;
  /** What selecting the item runs. */
  command: vscode.Command | undefined;
  children: CrossRefSnapshot[];
}

/** What `activate` returns: for tests and other extensions; read-only. */
export interface VerbatimApi {
  /** Resolves when indexing and checking have settled. */
  whenIdle(): Promise<void>;
  /** The latest published report for a document. */
  reportFor(uri: vscode.Uri): DocumentReport | undefined;
  /** A new check of an open document's current text, not published: what the diagnostics should match. */
  checkAfresh(uri: vscode.Uri): DocumentReport | undefined;
  /** The quotes the search would show for `query`. */
  searchQuotes(query: string): QuoteEntry[];
  /** The open `Verbatim: Search Quotes` QuickPick, if any. */
  searchState(): SearchState | undefined;
  /** The Cross-references view's items for the active article. */
  crossReferences(): CrossRefSnapshot[];
  /** The status bar text, when shown. */
  statusText(): string | undefined;
  /** The archive's status bar item (text and tooltip), when an archive is configured for the active editor. */
  archiveStatus(): { text: string; tooltip: string } | undefined;
  /** The indexed sources' URIs. */
  sources(): string[];
  /** Source files left out of the index, with the reason logged for each. */
  skippedSources(): { uri: string; reason: string }[];
  /** What the latest indexing did: sources restored from the stored index, read, dropped. */
  lastIndexing(): IndexSummary | undefined;
  /** The stored source index: its file, how often it was written, why one was last refused. */
  storedIndex(): StoreState;
  /** Writes the stored index now if it changed (it is otherwise written a few seconds after indexing settles). */
  saveIndex(): Promise<boolean>;
  /** Takes the stored index back and reads only the sources that changed, as activation does. */
  reloadIndex(): Promise<IndexSummary>;
  /** The folder of the extension's log files (the Verbatim output channel is written there). */
  logFolder(): string;
  /** Copies the walkthrough's sample workspace into storage, as Open Sample Workspace does, without opening it. */
  prepareSample(): Promise<string>;
  /**
   * Batches of sources the analysis workers analysed so far; `on` false puts every analysis in the
   * host's thread, `count` sets how many workers the next rebuild starts (undefined: this machine's).
   */
  analysisWorker(on?: boolean, count?: number): { batches: number; on: boolean; kind: string | undefined };
}

export async function activate(context: vscode.ExtensionContext): Promise<VerbatimApi> {
  const log = vscode.window.createOutputChannel('Verbatim', { log: true });
  const configs = new ConfigFiles(log);
  await configs.start();
  const settings = new Settings(log, configs);
  const engine = new Engine(settings.for().options);
  const corpus = new Corpus(engine, settings, configs, log, (count) => startAnalyzers(context.extensionUri, count));
  const persistence = new IndexPersistence(context, engine, corpus, log, String(context.extension.packageJSON.version));
  const ignores = new Ignores(log);
  const archives = new Archives(settings, context.secrets, log);
  const checker = new Checker(engine, settings, corpus, ignores, log, archives);
  const diagnostics = new Diagnostics(checker, corpus);
  const rulesDoc = vscode.Uri.joinPath(context.extensionUri, ...RULES_DOC.split('/'));
  const catalog = new QuoteCatalog(engine, checker);
  const search = new SearchPalette(catalog, revealSpan);
  const crossRefs = new CrossReferences(checker);
  const tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: crossRefs, showCollapseAll: true });
  const statusBar = new StatusBar(checker, corpus);
  context.subscriptions.push(
    log, configs, settings, archives, corpus, persistence, ignores, checker, diagnostics, crossRefs, tree, statusBar,
    vscode.languages.registerHoverProvider('*', new QuoteHover(checker, corpus)),
    vscode.languages.registerCodeActionsProvider('*', new QuoteFixes(checker, log), QuoteFixes.metadata),
    ...registerCommands({ settings, configs, corpus, checker, ignores, search, log }),
    vscode.commands.registerCommand(SHOW_RULE, (rule: unknown) => showRule(rulesDoc, rule)),
    vscode.commands.registerCommand(OPEN_SAMPLE, () => openSample(context.extensionUri, context.globalStorageUri)),
    crossRefs.onDidChangeTreeData(() => {
      tree.description = crossRefs.article ? vscode.workspace.asRelativePath(crossRefs.article.uri) : undefined;
      tree.message = crossRefs.article ? undefined : vscode.l10n.t('Open an article to see where its quotes appear in the sources.');
    }),
  );

  await ignores.start();
  persistence.start();
  corpus.start(() => persistence.load());
  checker.start();
  log.info(vscode.l10n.t('Verbatim {0} is active in {1} folder(s).', String(context.extension.packageJSON.version), vscode.workspace.workspaceFolders?.length ?? 0));

  const snapshot = (node?: Parameters<CrossReferences['getChildren']>[0]): CrossRefSnapshot[] =>
    crossRefs.getChildren(node).map((child) => {
      const item = crossRefs.getTreeItem(child);
      return {
        label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
        description: typeof item.description === 'string' ? item.description : '',
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
        command: item.command,
        children: snapshot(child),
      };
    });

  return {
    async whenIdle() {
      // Indexing triggers checks and checks can wait on indexing: settle until both are quiet together.
      for (let i = 0; i < 50; i++) {
        await corpus.whenIdle();
        await checker.whenIdle();
        if (corpus.isIdle && checker.isIdle) return;
      }
    },
    reportFor: (uri) => checker.published(uri)?.report,
    checkAfresh: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc && checker.checkAfresh(doc)?.report;
    },
    searchQuotes: (query) => catalog.search(query),
    searchState: () => search.current,
    crossReferences: () => snapshot(),
    statusText: () => statusBar.text,
    archiveStatus: () => archives.status,
    sources: () => corpus.documents().map((d) => d.uri),
    skippedSources: () => corpus.skipped(),
    lastIndexing: () => corpus.lastRebuild,
    storedIndex: () => persistence.state,
    saveIndex: () => persistence.save(),
    reloadIndex: () => corpus.rebuild(undefined, undefined, () => persistence.load()),
    logFolder: () => context.logUri.toString(),
    prepareSample: async () => (await prepareSample(context.extensionUri, context.globalStorageUri)).toString(),
    analysisWorker: (on, count) => {
      const analysis = corpus.analysis;
      if (on !== undefined) analysis.on = on;
      if (count !== undefined || on !== undefined) analysis.setCount(count);
      return { batches: analysis.batches, on: analysis.on, kind: analysis.kind };
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
