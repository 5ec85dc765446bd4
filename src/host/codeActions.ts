/**
 * Quick fixes from the engine's fixes: "Use the canonical wording" (preferred, with its reason), "Use
 * the wording of <source>" per version, "Ignore this quote", and `source.fixAll.verbatim`. Actions are
 * offered for the document's current text and get their edit in `resolveCodeAction`, just before they
 * apply: if the document changed since they were offered, they refuse rather than edit text they did
 * not read. An edit replaces only the words between the marks (the draft keeps its quote marks) and
 * is one WorkspaceEdit, so one undo reverts it. `context.only` is honoured.
 */
import * as vscode from 'vscode';
import { localize } from './l10n';
import type { Fix } from '../core/index';
import type { Checker } from './checker';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { offsetOf, rangeOf } from './ranges';

/** The kind of the fix-all source action (for `editor.codeActionsOnSave`). */
export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('verbatim');
export const IGNORE_COMMAND = 'verbatim.ignoreQuote';

/** A code action whose edit is computed when it is chosen, for the version it was offered on. */
class FixAction extends vscode.CodeAction {
  constructor(title: string, kind: vscode.CodeActionKind, readonly uri: vscode.Uri, readonly version: number, readonly fixes: readonly Fix[]) {
    super(title, kind);
  }
}

export class QuoteFixes implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
  };

  constructor(private readonly checker: Checker, private readonly log: vscode.LogOutputChannel) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const checked = this.checker.reportFor(document);
    if (!checked) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const actions: vscode.CodeAction[] = [];
    const from = offsetOf(document, range.start);
    const to = offsetOf(document, range.end);
    if (wants(vscode.CodeActionKind.QuickFix)) {
      checked.report.quotes.forEach((qr, i) => {
        const { start, end } = qr.quote;
        if (checked.ignored.has(i) || to < start - 1 || from > end + 1) return;
        const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.intersection(rangeOf(document, qr.quote)));
        for (const fix of qr.fixes) {
          const action = new FixAction(localize(fix.titleL10n), vscode.CodeActionKind.QuickFix, document.uri, document.version, [fix]);
          action.isPreferred = fix.preferred;
          action.diagnostics = diagnostics;
          actions.push(action);
        }
        if (qr.findings.length) {
          const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore this quote'), vscode.CodeActionKind.QuickFix);
          ignore.command = { title: vscode.l10n.t('Ignore this quote'), command: IGNORE_COMMAND, arguments: [document.uri.toString(), qr.quote.text] };
          ignore.diagnostics = diagnostics;
          actions.push(ignore);
        }
      });
    }
    if (wants(FIX_ALL)) {
      const fixes = checked.report.quotes.flatMap((qr, i) =>
        checked.ignored.has(i) || !qr.findings.some((f) => f.rule === 'quote-differs') ? [] : qr.fixes.filter((f) => f.preferred));
      const title = fixes.length === 1 ? vscode.l10n.t('Use the canonical wording for all 1 quote') : vscode.l10n.t('Use the canonical wording for all {0} quotes', fixes.length);
      if (fixes.length) actions.push(new FixAction(title, FIX_ALL, document.uri, document.version, fixes));
    }
    return actions;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof FixAction)) return action;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === action.uri.toString());
    if (!doc || doc.isClosed || doc.version !== action.version) {
      // The text moved on since the fix was offered: refuse rather than edit text we have not read.
      this.log.warn(vscode.l10n.t('Not applying “{0}”: {1} changed since it was offered.', action.title, vscode.workspace.asRelativePath(action.uri)));
      void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: the document changed since this fix was offered; ask for the fix again.'));
      return action;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const fix of action.fixes) edit.replace(doc.uri, rangeOf(doc, fix), fix.replacement);
    action.edit = edit;
    return action;
  }
}
