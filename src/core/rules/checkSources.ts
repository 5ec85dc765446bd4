/**
 * The asynchronous check: a document's quotes are checked against any list of candidate sources (the
 * in-memory index, an archive on a database server, …). The sources are asked for candidates first,
 * merged into one ranking, and the usual synchronous check then aligns and reports them — so findings
 * do not depend on where the candidates came from.
 */
import type { AnalyzedDoc } from '../analyze';
import type { Options } from '../config/options';
import {
  compareCandidates, type Candidate, type CandidateRequest, type CandidateSource, type IndexView, type SourceCandidate,
} from '../index/candidateSource';
import type { DocumentReport } from '../types';
import { checkDocument } from './check';

/** Checks `doc` against every document of `sources` but itself; earlier sources shadow later ones' uris. */
export async function checkWithSources(doc: AnalyzedDoc, sources: readonly CandidateSource[], options: Options): Promise<DocumentReport> {
  const asked = doc.quotes.filter((q) => q.tokens.length >= options.match.minWords);
  const requests: CandidateRequest[] = asked.map((q) => ({ stems: q.stems, exclude: doc.uri, limit: options.match.maxCandidates }));
  const [answers, counts] = await Promise.all([
    Promise.all(sources.map((s) => (requests.length ? s.candidates(requests) : Promise.resolve(requests.map(() => []))))),
    Promise.all(sources.map((s) => s.documents(doc.uri))),
  ]);
  // Only bare speaker names are resolved to full names (check.ts), the draft's and its candidates':
  // the sources need give only the names that can complete those (an archive names millions).
  const bare = new Set<string>();
  const note = (speaker: string | null): void => { if (speaker && !speaker.includes(' ')) bare.add(speaker); };
  for (const q of doc.quotes) note(q.speaker);
  for (const a of answers) for (const list of a) for (const c of list) note(c.quote.speaker);
  const nameLists = await Promise.all(sources.map((s) => s.names([...bare].sort())));
  const view = viewFor(nameLists);
  view.prefetched.clear();
  view.orders.clear();
  view.size = { documents: counts.reduce((n, c) => n + c.count, 0) };
  if (counts.some((c) => c.has)) view.orders.set(doc.uri, doc.order);
  asked.forEach((q, i) => {
    const merged = merge(answers.map((a) => a[i]), q.stems.length).slice(0, options.match.maxCandidates);
    for (const c of merged) view.orders.set(c.quote.uri, c.order);
    view.prefetched.set(q.stems, merged);
  });
  return checkDocument(doc, view, options);
}

/** One ranking of several sources' candidates; a uri an earlier source has hides later sources' copies. */
function merge(lists: readonly SourceCandidate[][], ownStems: number): SourceCandidate[] {
  if (lists.length === 1) return lists[0];
  const seen = new Set<string>();
  const out: SourceCandidate[] = [];
  for (const list of lists) {
    const mine = new Set<string>();
    for (const c of list) {
      if (seen.has(c.quote.uri)) continue;
      mine.add(c.quote.uri);
      out.push(c);
    }
    mine.forEach((u) => seen.add(u));
  }
  return out.sort(compareCandidates(ownStems));
}

/** A synchronous index view over prefetched candidates; one per set of name lists, so name books are reused. */
class PrefetchView implements IndexView {
  readonly generation = 0;
  size = { documents: 0 };
  readonly orders = new Map<string, number>();
  /** Candidates by the quote's own stems array (checkDocument asks with the same array). */
  readonly prefetched = new Map<readonly string[], Candidate[]>();
  constructor(private readonly known: readonly string[]) {}
  get(uri: string): { order: number } | undefined {
    const order = this.orders.get(uri);
    return order === undefined ? undefined : { order };
  }
  names(): string[] {
    return this.known.slice();
  }
  candidates(stems: readonly string[]): Candidate[] {
    return this.prefetched.get(stems) ?? [];
  }
}

let lastView: { lists: readonly (readonly string[])[]; view: PrefetchView } | null = null;

function viewFor(lists: readonly (readonly string[])[]): PrefetchView {
  if (lastView && lastView.lists.length === lists.length && lastView.lists.every((l, i) => l === lists[i])) return lastView.view;
  const names = [...new Set(lists.flat())];
  lastView = { lists, view: new PrefetchView(names) };
  return lastView.view;
}
