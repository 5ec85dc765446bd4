/**
 * The "Cross-references" view: the active article's quotes (icon by the worst relation among their
 * versions), each with its matching source quotes underneath (relation and score). Selecting an item
 * reveals that quote. Labels, descriptions and tooltips are plain strings: the tree shows them as text
 * (no Markdown, no `$(icon)` rendering), so article text goes in as written — escaping it would only
 * show the backslashes.
 */
import * as vscode from 'vscode';
import { localize } from './l10n';
import type { Match, QuoteReport, Relation } from '../core/index';
import type { Checked, Checker } from './checker';
import { excerpt } from './diagnostics';

export const VIEW_ID = 'verbatim.crossReferences';
export const REVEAL_COMMAND = 'verbatim.revealQuote';

/** Worst first: the order in which relations decide a quote's icon. */
const RANK: Relation[] = ['paraphrase', 'variant', 'spelling', 'punctuation', 'excerpt', 'identical'];
const ICON: Record<Relation, [string, string]> = {
  paraphrase: ['error', 'list.errorForeground'],
  variant: ['warning', 'list.warningForeground'],
  spelling: ['info', 'editorInfo.foreground'],
  punctuation: ['info', 'editorInfo.foreground'],
  excerpt: ['pass', 'testing.iconPassed'],
  identical: ['pass', 'testing.iconPassed'],
};

export type CrossRefNode =
  | { kind: 'quote'; uri: vscode.Uri; version: number; index: number; qr: QuoteReport; ignored: boolean }
  | { kind: 'match'; parent: vscode.Uri; match: Match; archived: vscode.Uri | undefined };

/** The worst relation among a quote's versions, or null when it has none. */
export function worstRelation(matches: readonly Match[]): Relation | null {
  for (const r of RANK) if (matches.some((m) => m.relation === r)) return r;
  return null;
}

/** Where "reveal" should go: a document and an offset span in the text the report was made from. */
export interface RevealTarget {
  uri: string;
  start: number;
  end: number;
  /** For an open article: the version the offsets belong to. */
  version?: number;
}

/** The icon of a quote: by its worst relation, raised to a warning or error when a finding says so. */
function iconFor(worst: Relation | null, qr: QuoteReport): [string, string] {
  const severities = qr.findings.map((f) => f.severity);
  if (severities.includes('error')) return ['error', 'list.errorForeground'];
  const byRelation = worst ? ICON[worst] : null;
  if (severities.includes('warning') && (!byRelation || byRelation[0] !== 'error')) return ['warning', 'list.warningForeground'];
  return byRelation ?? (severities.length ? ['info', 'editorInfo.foreground'] : ['circle-outline', 'foreground']);
}

export class CrossReferences implements vscode.TreeDataProvider<CrossRefNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CrossRefNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private current: Checked | undefined;

  constructor(private readonly checker: Checker) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      checker.onDidCheck((c) => {
        if (c.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
      checker.onDidForget(() => this.refresh()),
    ];
    this.refresh();
  }

  /** The report the view shows: the active editor's article, if it is checked. */
  get article(): Checked | undefined {
    return this.current;
  }

  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    // Keep showing the last article while focus is in a non-text part of the workbench.
    if (doc) this.current = this.checker.isCheckable(doc) ? this.checker.published(doc.uri) : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: CrossRefNode): CrossRefNode[] {
    const c = this.current;
    if (!node) {
      if (!c) return [];
      return c.report.quotes.flatMap((qr, index) =>
        qr.matches.length || qr.findings.length ? [{ kind: 'quote' as const, uri: c.uri, version: c.version, index, qr, ignored: c.ignored.has(index) }] : []);
    }
    if (node.kind === 'quote') {
      const archived = c?.uri.toString() === node.uri.toString() ? c.archived : undefined;
      return node.qr.matches.map((match) => ({ kind: 'match' as const, parent: node.uri, match, archived: archived?.get(match.quote.uri)?.uri }));
    }
    return [];
  }

  getTreeItem(node: CrossRefNode): vscode.TreeItem {
    if (node.kind === 'quote') {
      const q = node.qr.quote;
      const item = new vscode.TreeItem(`“${excerpt(q.text, 70)}”`,
        node.qr.matches.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      const worst = worstRelation(node.qr.matches);
      const n = node.qr.matches.length;
      const versions = n === 1 ? vscode.l10n.t('{0} · 1 version', q.speaker ?? vscode.l10n.t('unattributed')) : vscode.l10n.t('{0} · {1} versions', q.speaker ?? vscode.l10n.t('unattributed'), n);
      item.description = node.ignored ? vscode.l10n.t('{0} · ignored', versions) : versions;
      item.tooltip = [q.text, ...node.qr.findings.map((f) => localize(f.messageL10n))].join('\n\n');
      const [icon, color] = iconFor(worst, node.qr);
      item.iconPath = new vscode.ThemeIcon(node.ignored ? 'eye-closed' : icon, new vscode.ThemeColor(color));
      item.contextValue = worst ? `quote.${worst}` : 'quote';
      const target: RevealTarget = { uri: node.uri.toString(), start: q.start, end: q.end, version: node.version };
      item.command = { title: vscode.l10n.t('Reveal quote'), command: REVEAL_COMMAND, arguments: [target] };
      return item;
    }
    const m = node.match;
    // The sidebar is narrow: the source's name first, then how its version relates and what changed.
    const item = new vscode.TreeItem(m.quote.label.split('/').pop() ?? m.quote.label);
    const changes = m.changesL10n ? localize(m.changesL10n) : '';
    const archive = node.archived ? `${vscode.l10n.t('archive')} · ` : '';
    item.description = `${archive}${m.relation} · ${m.score.toFixed(2)} · ${changes || `“${excerpt(m.quote.text.slice(m.region.start - m.quote.start, m.region.end - m.quote.start), 60)}”`}`;
    const label = node.archived ? vscode.l10n.t('{0} (from the archive)', m.quote.label) : m.quote.label;
    const where = m.quote.speaker
      ? vscode.l10n.t('{0} (score {1}) in {2}, {3}', m.relation, m.score.toFixed(2), label, m.quote.speaker)
      : vscode.l10n.t('{0} (score {1}) in {2}', m.relation, m.score.toFixed(2), label);
    item.tooltip = `${where}\n\n${m.quote.text}${changes ? `\n\n${changes}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(ICON[m.relation][0], new vscode.ThemeColor(ICON[m.relation][1]));
    item.contextValue = `match.${m.relation}`;
    const target: RevealTarget = { uri: node.archived?.toString() ?? m.quote.uri, start: m.region.start, end: m.region.end };
    item.command = { title: vscode.l10n.t('Reveal source quote'), command: REVEAL_COMMAND, arguments: [target] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
