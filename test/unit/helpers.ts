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
