/**
 * Findings as editor diagnostics: one collection, filled from the checker's reports. A pure mapping
 * (`toDiagnostics`) in the manner of Harper's `diagnostics.rs`: the engine owns rules, messages and
 * severities; this file only translates them and points related information at the source quotes.
 */
import * as vscode from 'vscode';
import { localize } from './l10n';
import { ruleAnchor, type Finding, type Severity, type Span } from '../core/index';
import type { Checked, Checker } from './checker';
import type { Corpus } from './corpus';
import { linesOf, rangeOf } from './ranges';
import { ruleLink } from './ruleDocs';

/** What diagnostics from Verbatim carry as `source`. */
export const DIAGNOSTIC_SOURCE = 'Verbatim';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Shortens a quote for a one-line message, on a word boundary. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

/**
 * The diagnostics for one report; each rule code links to the rule's section of the rules page.
 * Findings `hide` returns true for are left out (an unbalanced quote still being typed).
 */
export function toDiagnostics(checked: Checked, corpus: Corpus, hide: (f: Finding) => boolean = () => false): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  checked.report.quotes.forEach((qr, i) => {
    if (checked.ignored.has(i)) return;
    for (const f of qr.findings) if (!hide(f)) out.push(toDiagnostic(f, checked, corpus));
  });
  return out;
}

/**
 * True when `f` flags a missing closing mark where the cursor is, in a document with unsaved edits:
 * the writer is most likely still typing that quote (cspell's hide-while-typing). The finding appears
 * once the document is saved or the cursor leaves the quote.
 */
export function typedNow(f: Finding, quote: Span, checked: Checked, doc: vscode.TextDocument | undefined, cursors: readonly vscode.Position[]): boolean {
  if (f.rule !== 'unbalanced-quote' || !doc?.isDirty || doc.version !== checked.version) return false;
  // From the opening mark (the finding) to the end of the words typed so far (the quote).
  const range = rangeOf(checked.lines, { start: Math.min(f.start, quote.start), end: Math.max(f.end, quote.end) });
  return cursors.some((p) => range.contains(p));
}

function toDiagnostic(f: Finding, checked: Checked, corpus: Corpus): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(checked.lines, f), localize(f.messageL10n), SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.rule, target: ruleLink(ruleAnchor(f.rule)) };
  const related: vscode.DiagnosticRelatedInformation[] = [];
  for (const r of f.related) {
    // A local source, else an archived document the check fetched (it opens read-only from the archive).
    const local = corpus.indexed(r.uri);
    const archived = local ? undefined : checked.archived.get(r.uri);
    const source = local ?? archived;
    if (!source) continue; // the source went away since the check; the next check drops the finding
    const words = source.text.slice(r.start, r.end);
    related.push(new vscode.DiagnosticRelatedInformation(
      new vscode.Location(archived?.uri ?? vscode.Uri.parse(r.uri), rangeOf(linesOf(source), r)),
      vscode.l10n.t('{0}: “{1}”', localize(r.messageL10n), excerpt(words)),
    ));
  }
  if (related.length) d.relatedInformation = related;
  return d;
}

/** Keeps the one `DiagnosticCollection` in step with the checker. */
export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('verbatim');
  private readonly subscriptions: vscode.Disposable[];

  /** The latest report per document, kept to show it again when the cursor moves or the file is saved. */
  private readonly shown = new Map<string, { checked: Checked; hidden: ReadonlySet<Finding> }>();

  constructor(checker: Checker, private readonly corpus: Corpus) {
    this.subscriptions = [
      checker.onDidCheck((c) => this.publish(c)),
      checker.onDidForget((uri) => {
        this.shown.delete(uri.toString());
        this.collection.delete(uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.refresh(e.textEditor.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.refresh(doc)),
    ];
  }

  private publish(c: Checked, onlyIfHiddenChanged = false): void {
    const key = c.uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const cursors = vscode.window.visibleTextEditors.filter((e) => e.document === doc).flatMap((e) => e.selections.map((s) => s.active));
    const hidden = new Set<Finding>();
    for (const q of c.report.quotes) for (const f of q.findings) if (typedNow(f, q.quote, c, doc, cursors)) hidden.add(f);
    const before = this.shown.get(key);
    // Cursor moves re-publish only when they change what is hidden: most never do.
    if (onlyIfHiddenChanged && before?.checked === c && sameSet(before.hidden, hidden)) return;
    this.shown.set(key, { checked: c, hidden });
    this.collection.set(c.uri, toDiagnostics(c, this.corpus, (f) => hidden.has(f)));
  }

  /** Shows a document's report again when the cursor moved or it was saved, if that changes what is hidden. */
  private refresh(doc: vscode.TextDocument): void {
    const shown = this.shown.get(doc.uri.toString());
    if (shown) this.publish(shown.checked, true);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
