/** Ground truth for the draft: which corpus quotation spans are versions of each draft quote. */
import { DRAFT_RELATED, type Draft, type QuoteTruth } from './corpus/generate';

/** A corpus quotation that stands for (part of) a draft utterance. */
export interface Planted extends QuoteTruth {
  uri: string;
}

export interface Pair {
  /** Index into draft.truths. */
  draft: number;
  uri: string;
  start: number;
  end: number;
}

/** Two versions are the same quote when they stand for at least this many common utterance words. */
export const MIN_SHARED_WORDS = 5;

const sharedWords = (a: { from: number; to: number }, b: { from: number; to: number }): number => Math.min(a.to, b.to) - Math.max(a.from, b.from);
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Every (draft quote, corpus quote) pair that a matcher should report. */
export function truePairs(draft: Draft, planted: readonly Planted[]): Pair[] {
  const pairs: Pair[] = [];
  draft.truths.forEach((d, i) => {
    if (d.utterance >= DRAFT_RELATED) return;
    for (const p of planted) {
      if (p.utterance === d.utterance && sharedWords(d, p) >= MIN_SHARED_WORDS) pairs.push({ draft: i, uri: p.uri, start: p.start, end: p.end });
    }
  });
  return pairs;
}

/** A matcher's links: for each draft quote span, the corpus spans it was linked to. */
export interface Link {
  draft: { start: number; end: number };
  uri: string;
  start: number;
  end: number;
}

/** Recall over the true pairs, and how many links fall outside them. */
export function score(draft: Draft, pairs: readonly Pair[], links: readonly Link[]): { recall: number; found: number; total: number; other: number } {
  let found = 0;
  const used = new Set<number>();
  for (const p of pairs) {
    const d = draft.truths[p.draft];
    const k = links.findIndex((l) => l.uri === p.uri && overlaps(l, p) && overlaps(l.draft, d));
    if (k >= 0) { found++; used.add(k); }
    links.forEach((l, j) => { if (l.uri === p.uri && overlaps(l, p) && overlaps(l.draft, d)) used.add(j); });
  }
  return { recall: pairs.length ? found / pairs.length : 1, found, total: pairs.length, other: links.length - used.size };
}
