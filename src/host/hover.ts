/**
 * Hover on a quote: every other version found in the sources, word-diffed against the draft (the
 * draft's words the source lacks struck through, the source's extra words in bold), with relation,
 * score, speaker and a link that opens the source at that quote. Everything from an article or a
 * source is escaped into an untrusted MarkdownString; only the link targets are built here, from the
 * indexed source URIs.
 */
import * as vscode from 'vscode';
import { localize } from './l10n';
import { renderDiff, type DiffPart, type Match, type QuoteReport } from '../core/index';
import type { ArchivedSource } from './archive/archives';
import type { Checker } from './checker';
import type { Corpus } from './corpus';
import { escapeMarkdown as esc, inertMarkdown, linkTarget } from './markdown';
import { linesOf, offsetOf, rangeOf } from './ranges';

/** Versions listed in one hover; the rest are counted. */
const MAX_VERSIONS = 8;

/** The quote whose text or marks contain `offset`. */
export function quoteAt(quotes: readonly QuoteReport[], offset: number): number {
  return quotes.findIndex((q) => offset >= q.quote.start - 1 && offset <= q.quote.end + (q.quote.close ? 1 : 0));
}

/** A source's version of the quote, as Markdown: removed words ~~struck~~, added words **bold**. */
export function diffMarkdown(diff: readonly DiffPart[]): string {
  return renderDiff(diff, (op, text) => (op === 'removed' ? `~~${esc(text)}~~` : `**${esc(text)}**`), esc);
}

/**
 * Where a link to a source quote points: the source file at the quote's line and column; for an
 * archived document, its read-only copy from the archive.
 */
export function sourceLink(corpus: Corpus, m: Match, archived: ReadonlyMap<string, ArchivedSource> = new Map()): vscode.Uri {
  const fromArchive = corpus.indexed(m.quote.uri) ? undefined : archived.get(m.quote.uri);
  const uri = fromArchive?.uri ?? vscode.Uri.parse(m.quote.uri);
  const source = corpus.indexed(m.quote.uri) ?? fromArchive;
  if (!source) return uri;
  const p = linesOf(source).positionAt(m.region.start);
  return uri.with({ fragment: `L${p.line + 1},${p.character + 1}` });
}

/** The hover text for one quote. */
export function hoverMarkdown(qr: QuoteReport, ignored: boolean, corpus: Corpus, archived: ReadonlyMap<string, ArchivedSource> = new Map()): vscode.MarkdownString {
  const md = inertMarkdown();
  const n = qr.matches.length;
  // The heading's parts, each a whole template; values are escaped before they go in.
  const who = qr.quote.speaker
    ? vscode.l10n.t('quote by {0} (confidence {1})', esc(qr.quote.speaker), qr.quote.speakerConfidence.toFixed(2))
    : vscode.l10n.t('quote, unattributed');
  const versions = n === 0 ? vscode.l10n.t('no other version in the sources') : n === 1 ? vscode.l10n.t('1 other version') : vscode.l10n.t('{0} other versions', n);
  const heading = vscode.l10n.t('**Verbatim**: {0}, {1}', who, versions);
  md.appendMarkdown(`${ignored ? vscode.l10n.t('{0} (ignored)', heading) : heading}\n\n`);
  for (const f of qr.findings) md.appendMarkdown(`- ${esc(localize(f.messageL10n))}\n`);
  if (qr.canonical) md.appendMarkdown(`\n${vscode.l10n.t('Canonical wording: {0}.', esc(localize(qr.canonical.reasonL10n)))}\n`);
  for (const m of qr.matches.slice(0, MAX_VERSIONS)) {
    md.appendMarkdown('\n---\n\n');
    md.appendMarkdown(`**${esc(m.relation)}** · ${m.score.toFixed(2)} · ${m.quote.speaker ? `${esc(m.quote.speaker)} (${m.quote.speakerConfidence.toFixed(2)})` : vscode.l10n.t('unattributed')} · [${esc(m.quote.label)}](${linkTarget(sourceLink(corpus, m, archived))})${archived.has(m.quote.uri) ? ` · *${esc(vscode.l10n.t('archive'))}*` : ''}\n\n`);
    md.appendMarkdown(`“${diffMarkdown(m.diff)}”\n`);
  }
  const more = n - MAX_VERSIONS;
  if (more > 0) md.appendMarkdown(`\n---\n\n${more === 1 ? vscode.l10n.t('1 more version in the Cross-references view.') : vscode.l10n.t('{0} more versions in the Cross-references view.', more)}\n`);
  return md;
}

export class QuoteHover implements vscode.HoverProvider {
  constructor(private readonly checker: Checker, private readonly corpus: Corpus) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.checker.reportFor(document);
    if (!checked) return undefined;
    const i = quoteAt(checked.report.quotes, offsetOf(document, position));
    if (i < 0) return undefined;
    const qr = checked.report.quotes[i];
    if (qr.matches.length === 0 && qr.findings.length === 0) return undefined;
    const { start, end, close } = qr.quote;
    return new vscode.Hover(hoverMarkdown(qr, checked.ignored.has(i), this.corpus, checked.archived), rangeOf(document, { start: start - 1, end: end + (close ? 1 : 0) }));
  }
}
