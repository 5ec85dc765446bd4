/** What a rebuild of the source index did, and the log line that says so. */
import * as vscode from 'vscode';

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

/** Indexing under way: sources handled so far out of those found. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** The rebuild's line in the log: counts, the stored index's figures, what was skipped, a cancel. */
export function summaryLine(summary: IndexSummary): string {
  const { sources, quotes, skipped, cancelled } = summary;
  // Each part a whole template: the count picks one or many, the store's figures and the rest follow.
  let line = sources === 1 ? vscode.l10n.t('Indexed 1 source ({0} quotes) in {1} ms', quotes, summary.ms) : vscode.l10n.t('Indexed {0} sources ({1} quotes) in {2} ms', sources, quotes, summary.ms);
  if (summary.fromStore) line = vscode.l10n.t('{0}: {1} restored from the stored index, {2} read, {3} dropped', line, summary.restored, summary.read, summary.dropped);
  if (skipped) line = vscode.l10n.t('{0}; {1} skipped', line, skipped);
  if (cancelled) line = vscode.l10n.t('{0}; cancelled', line);
  return vscode.l10n.t('{0}.', line);
}
