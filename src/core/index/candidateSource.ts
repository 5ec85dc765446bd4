/**
 * Where a check's candidates come from. A check needs, per quote, the best source quotes sharing its
 * content stems, plus a few facts about the sources (how many documents, their order, their names).
 * The in-memory QuoteIndex answers synchronously; an archive on a database server answers
 * asynchronously. Both rank by the same key — shared² / the fewer stems, then most shared, then fewest
 * stems of the candidate's own (candidates.ts says why), then document uri (the one source order, config/order.ts), then position — so that the merged top k of several sources is the top k one
 * index holding all of them would give, and the engine aligns whatever it gets the same way.
 */
import { contentStems, type AnalyzedQuote } from '../analyze';
import { compareSourceOrder } from '../config/order';
import { tokenize } from '../text/text';
import type { Quote } from '../types';
import type { QuoteIndex } from './sourceIndex';
import { candidateScore } from './candidates';

/** A source quote found for a checked quote: how many content stems they share. */
export interface Candidate {
  quote: AnalyzedQuote;
  shared: number;
}

/** A candidate with what ranking and canonical wording need from its document. */
export interface SourceCandidate extends Candidate {
  /** The source document's order ("earliest source" for the canonical wording). */
  order: number;
}

/** One quote's candidate request. */
export interface CandidateRequest {
  stems: readonly string[];
  /** The checked document's uri: never a candidate of itself. */
  exclude: string;
  limit: number;
}

/** A set of source documents that can be asked for candidates (pure interface: no I/O in the core). */
export interface CandidateSource {
  /** For each request, its best `limit` candidates, best first (see `compareCandidates`). */
  candidates(requests: readonly CandidateRequest[]): Promise<SourceCandidate[][]>;
  /** How many documents it holds, and whether `uri` is one of them. */
  documents(uri: string): Promise<{ count: number; has: boolean }>;
  /**
   * Every multi-word name its documents mention, first mention first (for resolving bare surnames).
   * Given `words`, a source may leave out the names that have none of them as a word (split on
   * spaces): a check resolves only bare names, and a name is a candidate for one only when it has
   * the bare name as a word (NameBook). The order of those it gives is the same.
   */
  names(words?: readonly string[]): Promise<readonly string[]>;
}

/** What a synchronous check reads from its index; QuoteIndex is one, a prefetched view is another. */
export interface IndexView {
  readonly generation: number;
  readonly size: { documents: number };
  get(uri: string): { order: number } | undefined;
  names(): string[];
  candidates(stems: readonly string[], exclude: string, limit: number): Candidate[];
}

/** Candidate order across sources: best first; negative when `x` ranks ahead of `y`. */
export function compareCandidates(ownStems: number): (x: SourceCandidate, y: SourceCandidate) => number {
  return (x, y) =>
    candidateScore(y.shared, ownStems, y.quote.stems.length) - candidateScore(x.shared, ownStems, x.quote.stems.length) ||
    y.shared - x.shared || x.quote.stems.length - y.quote.stems.length || compareSourceOrder(x.quote.uri, y.quote.uri) || x.quote.start - y.quote.start;
}

/** A stored quote (its plain fields) with tokens and stems computed as `analyze` computes them. */
export function quoteFromFields(q: Quote & { speakerInferred?: boolean }): AnalyzedQuote {
  let tokens: AnalyzedQuote['tokens'] | undefined;
  let stems: string[] | undefined;
  // The quote's text tokenizes as it did at its offset in the document; tokens are document offsets.
  const tokensOf = (): AnalyzedQuote['tokens'] => {
    if (!tokens) {
      tokens = tokenize(q.text);
      for (const t of tokens) { t.start += q.start; t.end += q.start; }
    }
    return tokens;
  };
  return {
    ...q,
    speakerInferred: q.speakerInferred ?? false,
    get tokens() { return tokensOf(); },
    get stems() { return (stems ??= contentStems(tokensOf())); },
  };
}

const memorySources = new WeakMap<QuoteIndex, CandidateSource>();

/** The in-memory index as a candidate source (one per index, its names kept until the index changes). */
export function memorySource(index: QuoteIndex): CandidateSource {
  let source = memorySources.get(index);
  if (source) return source;
  let names: { generation: number; list: readonly string[] } | null = null;
  source = {
    async candidates(requests) {
      return requests.map((r) =>
        index.candidates(r.stems, r.exclude, r.limit).map((c) => ({ ...c, order: index.orderOf(c.quote.uri) ?? 0 })));
    },
    async documents(uri) {
      return { count: index.size.documents, has: index.has(uri) };
    },
    async names() {
      if (names?.generation !== index.generation) names = { generation: index.generation, list: index.names() };
      return names.list;
    },
  };
  memorySources.set(index, source);
  return source;
}
