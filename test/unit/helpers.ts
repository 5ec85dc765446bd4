/** Small builders shared by the unit tests. */
import { Engine, type DocumentReport, type OptionsPatch, type QuoteReport } from '../../src/core';

/** Checks `draft` against `sources` (name → text) and returns the draft's report. */
export function checkAgainst(draft: string, sources: Record<string, string>, options: OptionsPatch = {}): DocumentReport {
  const engine = new Engine(options);
  Object.entries(sources).forEach(([uri, text], order) => engine.setSource({ uri, text, order }));
  return engine.check({ uri: 'draft.txt', text: draft });
}

/** The report of the quote whose text contains `words`. */
export function quoteWith(report: DocumentReport, words: string): QuoteReport {
  const q = report.quotes.find((x) => x.quote.text.includes(words));
  if (!q) throw new Error(`no quote with “${words}” among: ${report.quotes.map((x) => x.quote.text).join(' | ')}`);
  return q;
}

/** The relation of the draft's first quote to its closest version in `source`, if any. */
export function relationTo(draft: string, source: string): string | undefined {
  return checkAgainst(draft, { 'src.txt': source }).quotes[0]?.matches[0]?.relation;
}

/** The severity of the draft's first quote's `quote-differs` finding against `sources`, or `none`. */
export function quoteDiffersSeverity(draft: string, sources: Record<string, string>): string {
  return checkAgainst(draft, sources).quotes[0]?.findings.find((f) => f.rule === 'quote-differs')?.severity ?? 'none';
}
