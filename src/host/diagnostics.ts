/**
 * Findings as editor diagnostics: one collection, filled from the checker's reports. A pure mapping
 * (`toDiagnostics`) in the manner of Harper's `diagnostics.rs`: the engine owns rules, messages and
 * severities; this file only translates them and points related information at the source quotes.
 */
import * as vscode from 'vscode';
import { ruleAnchor, type Finding, type Severity } from '../core/index';
import type { Checked, Checker } from './checker';
import type { Corpus } from './corpus';
import { linesOf, rangeOf } from './ranges';

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

/** The diagnostics for one report; `rulesDoc` is the page whose sections document each rule. */
export function toDiagnostics(checked: Checked, corpus: Corpus, rulesDoc: vscode.Uri): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  checked.report.quotes.forEach((qr, i) => {
    if (checked.ignored.has(i)) return;
    for (const f of qr.findings) out.push(toDiagnostic(f, checked, corpus, rulesDoc));
  });
  return out;
}

function toDiagnostic(f: Finding, checked: Checked, corpus: Corpus, rulesDoc: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(checked.lines, f), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.rule, target: rulesDoc.with({ fragment: ruleAnchor(f.rule) }) };
  const related: vscode.DiagnosticRelatedInformation[] = [];
  for (const r of f.related) {
    const source = corpus.indexed(r.uri);
    if (!source) continue; // the source went away since the check; the next check drops the finding
    const words = source.text.slice(r.start, r.end);
    related.push(new vscode.DiagnosticRelatedInformation(
      new vscode.Location(vscode.Uri.parse(r.uri), rangeOf(linesOf(source), r)),
      `${r.message}: “${excerpt(words)}”`,
    ));
  }
  if (related.length) d.relatedInformation = related;
  return d;
}

/** Keeps the one `DiagnosticCollection` in step with the checker. */
export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('verbatim');
  private readonly subscriptions: vscode.Disposable[];

  constructor(checker: Checker, private readonly corpus: Corpus, private readonly rulesDoc: vscode.Uri) {
    this.subscriptions = [
      checker.onDidCheck((c) => this.collection.set(c.uri, toDiagnostics(c, this.corpus, this.rulesDoc))),
      checker.onDidForget((uri) => this.collection.delete(uri)),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
