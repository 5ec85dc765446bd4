/** Small builders shared by the unit tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main, type Sink } from '../../src/cli/main';
import { analyze, Engine, type DocInput, type DocumentReport, type OptionsPatch, type QuoteReport } from '../../src/core';

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

/** Runs the CLI in-process in `cwd` and captures what it writes (synchronous: no --db, no index). */
export function runCli(args: string[], cwd: string): { code: number; out: string; err: string } {
  const r = runCapturing(args, cwd);
  if (typeof r.code !== 'number') throw new Error('runCli: this command is asynchronous; use runCliAsync');
  return { ...r.text, code: r.code };
}

/** Runs the CLI in-process in `cwd`, awaiting it (`index`, `check --db`), and captures what it writes. */
export async function runCliAsync(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const r = runCapturing(args, '.');
    const code = await r.code;
    return { ...r.text, code };
  } finally {
    process.chdir(prev);
  }
}

function runCapturing(args: string[], cwd: string): { code: number | Promise<number>; text: { out: string; err: string } } {
  const text = { out: '', err: '' };
  const stream = (key: 'out' | 'err'): Sink => ({ write: (s: string) => (text[key] += s), isTTY: false });
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    return { code: main(args, stream('out'), stream('err')), text };
  } finally {
    process.chdir(prev);
  }
}

/** The relation of the draft's first quote to its closest version in `source`, if any. */
export function relationTo(draft: string, source: string): string | undefined {
  return checkAgainst(draft, { 'src.txt': source }).quotes[0]?.matches[0]?.relation;
}

/** The severity of the draft's first quote's `quote-differs` finding against `sources`, or `none`. */
export function quoteDiffersSeverity(draft: string, sources: Record<string, string>): string {
  return checkAgainst(draft, sources).quotes[0]?.findings.find((f) => f.rule === 'quote-differs')?.severity ?? 'none';
}

const repoRoot = path.resolve(__dirname, '../../..');

/** The seeds and the first `basilDirs` BASIL article triples, in a stable order, labelled and ordered as sources. */
export function fixtureDocs(basilDirs: number): DocInput[] {
  const docs: DocInput[] = [];
  for (const f of fs.readdirSync(path.join(repoRoot, 'seeds')).sort()) docs.push({ uri: `seeds/${f}`, text: fs.readFileSync(path.join(repoRoot, 'seeds', f), 'utf8') });
  const basil = path.join(repoRoot, 'test/fixtures/basil/articles');
  for (const d of fs.readdirSync(basil).sort().slice(0, basilDirs)) {
    for (const f of ['fox.txt', 'hpo.txt', 'nyt.txt']) docs.push({ uri: `basil/${d}/${f}`, text: fs.readFileSync(path.join(basil, d, f), 'utf8') });
  }
  return docs.map((d, order) => ({ ...d, label: d.uri, order }));
}

/** The speakers analysis gives a text's quotes, in order. */
export const speakersOf = (text: string): (string | null)[] => analyze({ uri: 'a', text }).quotes.map((q) => q.speaker);

/** A small deterministic PRNG, so failures can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
