/** Small builders shared by the unit tests. */
import { main, type Sink } from '../../src/cli/main';
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

/** Runs the CLI in-process in `cwd` and captures what it writes. */
export function runCli(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const stream = (sink: (s: string) => void): Sink => ({ write: (s: string) => sink(s), isTTY: false });
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const code = main(args, stream((s) => (out += s)), stream((s) => (err += s)));
    return { code, out, err };
  } finally {
    process.chdir(prev);
  }
}
