/**
 * The commands: Check Workspace (every article, cancellable progress), Rebuild Source Index, Show
 * Cross-References, Search Quotes, and the internal ones behind code actions and the tree (ignore a
 * quote, reveal a quote). None of them writes to an article or a source.
 */
import * as vscode from 'vscode';
import { sortBySourceOrder, pathFilter } from '../core/index';
import type { ConfigFiles } from './configFiles';
import type { Checked, Checker } from './checker';
import type { Corpus, IndexSummary } from './corpus';
import { REVEAL_COMMAND, VIEW_ID, type RevealTarget } from './crossRefs';
import { IGNORE_COMMAND } from './codeActions';
import { readText, yieldToHost } from './files';
import type { Ignores } from './ignores';
import { rangeOf } from './ranges';
import type { QuoteEntry, SearchPalette } from './search';
import { relative, type Settings } from './settings';
import { SHOW_CROSS_REFERENCES } from './statusBar';

export interface WorkspaceSummary {
  articles: number;
  quotes: number;
  differing: number;
  skipped: number;
  cancelled: boolean;
}

export interface CommandServices {
  settings: Settings;
  configs: ConfigFiles;
  corpus: Corpus;
  checker: Checker;
  ignores: Ignores;
  search: SearchPalette;
  log: vscode.LogOutputChannel;
}

/** Opens a document and selects the span (offsets into its current text). */
export async function revealSpan(target: RevealTarget | QuoteEntry): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const range = rangeOf(doc, target);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(range.start, range.end), preview: true });
}

function differs(c: Checked): number {
  return c.report.quotes.filter((q, i) => !c.ignored.has(i) && q.findings.some((f) => f.rule === 'quote-differs' || f.rule === 'speaker-differs')).length;
}

async function listArticles(settings: Settings, configs: ConfigFiles, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (!settings.for(folder).host.enable) continue;
    const scopes = [settings.for(folder).include, ...configs.inFolder(folder).flatMap((c) => (c.parsed.config.include ? [{ globs: c.parsed.config.include, base: c.dir }] : []))];
    for (const { globs, base } of scopes) {
      for (const glob of globs) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob), '{**/node_modules/**,**/.verbatim/**}', undefined, token)) {
          // The nearest configuration decides: an article under a nested file is checked by its include.
          const include = settings.for(uri).include;
          if (!settings.excluded(uri) && pathFilter(include.globs, [])(relative(include.base, uri))) found.set(uri.toString(), uri);
        }
      }
    }
  }
  return sortBySourceOrder([...found.values()], (u) => u.path);
}

/** Checks every article in the workspace (open ones as they are in the editor); returns the totals. */
async function checkWorkspace(s: CommandServices): Promise<WorkspaceSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verbatim: checking articles'), cancellable: true },
    async (progress, token) => {
      const summary: WorkspaceSummary = { articles: 0, quotes: 0, differing: 0, skipped: 0, cancelled: false };
      await s.corpus.ready;
      const files = await listArticles(s.settings, s.configs, token);
      for (const uri of files) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        const label = vscode.workspace.asRelativePath(uri);
        const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
        let checked: Checked | undefined;
        if (open) {
          checked = s.checker.reportFor(open);
          s.checker.schedule(open, 0);
        } else {
          const read = await readText(uri, s.settings.for(uri).maxBytes, s.settings.for(uri).host.encoding);
          if (read.ok) checked = await s.checker.checkText(uri, read.text);
          else s.log.warn(vscode.l10n.t('{0} {1}.', label, read.reason));
        }
        if (checked) {
          summary.articles++;
          summary.quotes += checked.report.quotes.length;
          summary.differing += differs(checked);
        } else summary.skipped++;
        progress.report({ increment: 100 / files.length, message: label });
        await yieldToHost();
      }
      const line = checkedLine(summary);
      s.log.info(line);
      void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: {0}', line));
      return summary;
    },
  );
}

/** `Checked 3 articles: 21 quotes, 5 differ from the sources; 1 skipped (cancelled).`, each part a template. */
function checkedLine(s: WorkspaceSummary): string {
  const counts = s.articles === 1
    ? vscode.l10n.t('Checked 1 article: {0} quotes, {1} differ from the sources', s.quotes, s.differing)
    : vscode.l10n.t('Checked {0} articles: {1} quotes, {2} differ from the sources', s.articles, s.quotes, s.differing);
  const skipped = s.skipped ? vscode.l10n.t('{0}; {1} skipped', counts, s.skipped) : counts;
  return s.cancelled ? vscode.l10n.t('{0} (cancelled).', skipped) : vscode.l10n.t('{0}.', skipped);
}

async function rebuildIndex(s: CommandServices): Promise<IndexSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verbatim: indexing sources'), cancellable: true },
    (progress, token) => s.corpus.rebuild(token, progress),
  );
}

/** Registers every command; returns their disposables. */
export function registerCommands(s: CommandServices): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('verbatim.checkWorkspace', () => checkWorkspace(s)),
    vscode.commands.registerCommand('verbatim.rebuildIndex', () => rebuildIndex(s)),
    vscode.commands.registerCommand(SHOW_CROSS_REFERENCES, () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    vscode.commands.registerCommand('verbatim.searchQuotes', (initial?: unknown) => s.search.show(typeof initial === 'string' ? initial : '')),
    vscode.commands.registerCommand(IGNORE_COMMAND, (uri: unknown, text: unknown) => {
      if (typeof uri !== 'string' || typeof text !== 'string') return false;
      return s.ignores.add(vscode.Uri.parse(uri), text);
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, (target: RevealTarget) => revealSpan(target)),
  ];
}
