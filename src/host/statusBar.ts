/** The status bar item: quotes in the active article and how many differ; a click opens the panel. */
import * as vscode from 'vscode';
import type { Checker } from './checker';
import type { Corpus } from './corpus';

export const SHOW_CROSS_REFERENCES = 'verbatim.showCrossReferences';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('verbatim.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly checker: Checker, private readonly corpus: Corpus) {
    this.item.name = vscode.l10n.t('Verbatim');
    this.item.command = SHOW_CROSS_REFERENCES;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      checker.onDidCheck(() => this.update()),
      checker.onDidForget(() => this.update()),
      corpus.onDidProgress(() => this.update()),
    ];
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private update(): void {
    const indexing = this.corpus.progress;
    if (indexing) {
      // Shown whatever the active editor: indexing a large archive is the one long wait there is.
      const count = `${indexing.done.toLocaleString('en-US')}/${indexing.total.toLocaleString('en-US')}`;
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing sources {0}', count)}`;
      this.item.tooltip = vscode.l10n.t('Verbatim is reading the sources ({0}); open drafts are checked against what is indexed so far, and again when it ends.', count);
      this.item.show();
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const c = doc && this.checker.isCheckable(doc) ? this.checker.published(doc.uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'verbatim.activeArticle', !!c);
    if (!c) {
      this.item.hide();
      return;
    }
    const quotes = c.report.quotes.filter((q) => q.quote.kind !== 'term').length;
    const differ = c.report.quotes.filter((q, i) => !c.ignored.has(i) && q.findings.some((f) => f.rule === 'quote-differs' || f.rule === 'speaker-differs')).length;
    // Each count picks its own template (vscode.l10n has no plural rules); the two are then one line.
    const quoteCount = quotes === 1 ? vscode.l10n.t('{0} quote', quotes) : vscode.l10n.t('{0} quotes', quotes);
    const differCount = differ === 1 ? vscode.l10n.t('{0} differs', differ) : vscode.l10n.t('{0} differ', differ);
    this.item.text = `$(quote) ${vscode.l10n.t('{0}, {1}', quoteCount, differCount)}`;
    this.item.tooltip = quotes === 1
      ? vscode.l10n.t('Verbatim: 1 quote in this article; {0} differ from the sources. Click for the cross-references.', differ)
      : vscode.l10n.t('Verbatim: {0} quotes in this article; {1} differ from the sources. Click for the cross-references.', quotes, differ);
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
