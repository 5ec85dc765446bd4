/** Search-palette queries for the benchmark, and agreement with a Fuse over every quote. */
import Fuse from 'fuse.js';
import type { Engine } from '../src/core';
import { SEARCH_FUSE_OPTIONS, type QuoteEntry, type QuoteSearch } from '../src/core/index/quoteSearch';
import type { Corpus } from './corpus/generate';

const content = (w: string): string => w.replace(/[^\p{L}\p{N}’']/gu, '');

/** What an editor types into the palette: words of a quote, a word half typed, a name, a typo. */
export function searchQueries(corpus: Corpus): string[] {
  const u = (id: number): string[] => corpus.utterance(id).map(content).filter((w) => w.length > 3);
  const q: string[] = [];
  q.push(u(0).slice(1, 3).join(' '));
  q.push(u(1).slice(0, 2).join(' '));
  q.push(u(2).slice(2, 8).join(' '));
  const typing = u(3);
  q.push(`${typing[0]} ${typing[1].slice(0, 4)}`);
  q.push(corpus.speaker(4).split(' ').pop()!);
  const t = u(5).find((w) => w.length >= 6) ?? 'government';
  q.push(t.slice(0, 2) + t[3] + t[2] + t.slice(4));
  q.push('people country');
  q.push(u(6)[0]);
  return q;
}

/**
 * How the fast search compares with a Fuse over every quote, on each query's top 10: the share of the
 * full Fuse's results it also returns, and the share of ranks where its result scores as well.
 */
export function searchAgreement(engine: Engine, search: QuoteSearch, queries: readonly string[]): { share: number; asGood: number; fullFuseMs: number } {
  const entries: QuoteEntry[] = [];
  for (const doc of engine.index.documents()) {
    for (const q of doc.quotes) entries.push({ uri: q.uri, label: q.label, start: q.start, end: q.end, text: q.text, speaker: q.speaker, open: q.open, close: q.close });
  }
  entries.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.start - y.start));
  const fuse = new Fuse(entries, { ...SEARCH_FUSE_OPTIONS, includeScore: true });
  let hit = 0;
  let good = 0;
  let total = 0;
  let ms = 0;
  const key = (e: QuoteEntry): string => `${e.uri}:${e.start}`;
  for (const q of queries) {
    const t0 = performance.now();
    const full = fuse.search(q, { limit: 10 });
    ms += performance.now() - t0;
    const ours = search.ranked(q, { limit: 10 });
    const mine = new Set(ours.map((r) => key(r.item)));
    total += full.length;
    hit += full.filter((r) => mine.has(key(r.item))).length;
    good += full.filter((r, i) => ours[i] && ours[i].score <= (r.score ?? 0) + 1e-9).length;
  }
  return { share: total ? hit / total : 1, asGood: total ? good / total : 1, fullFuseMs: ms / queries.length };
}
