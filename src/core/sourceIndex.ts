/**
 * Stage 4: an inverted index from content stems to source quotes, so a checked quote's candidates
 * come from the posting lists of its own words, never from a scan of every quote. Documents can be
 * replaced or removed one at a time (re-index only what changed); removed slots are tombstoned and
 * the postings compacted once they are mostly garbage.
 */
import type { AnalyzedDoc, AnalyzedQuote } from './analyze';

export interface Candidate {
  quote: AnalyzedQuote;
  shared: number;
}

export class QuoteIndex {
  private readonly docs = new Map<string, { doc: AnalyzedDoc; slots: number[] }>();
  private slots: (AnalyzedQuote | undefined)[] = [];
  private postings = new Map<string, number[]>();
  private live = 0;
  /** Full names by word, across every indexed document, for resolving bare surnames. */
  private readonly nameCounts = new Map<string, number>();

  get size(): { documents: number; quotes: number } {
    return { documents: this.docs.size, quotes: this.live };
  }

  /** Adds a document, replacing any earlier version with the same uri. */
  set(doc: AnalyzedDoc): void {
    this.delete(doc.uri);
    const slots: number[] = [];
    for (const q of doc.quotes) {
      const slot = this.slots.length;
      this.slots.push(q);
      slots.push(slot);
      this.live++;
      for (const s of q.stems) {
        let list = this.postings.get(s);
        if (!list) this.postings.set(s, (list = []));
        list.push(slot);
      }
    }
    for (const n of doc.names) this.nameCounts.set(n, (this.nameCounts.get(n) ?? 0) + 1);
    this.docs.set(doc.uri, { doc, slots });
  }

  delete(uri: string): boolean {
    const entry = this.docs.get(uri);
    if (!entry) return false;
    for (const slot of entry.slots) this.slots[slot] = undefined;
    this.live -= entry.slots.length;
    for (const n of entry.doc.names) {
      const c = (this.nameCounts.get(n) ?? 1) - 1;
      if (c <= 0) this.nameCounts.delete(n);
      else this.nameCounts.set(n, c);
    }
    this.docs.delete(uri);
    if (this.slots.length > 1024 && this.live < this.slots.length / 2) this.compact();
    return true;
  }

  get(uri: string): AnalyzedDoc | undefined {
    return this.docs.get(uri)?.doc;
  }

  documents(): IterableIterator<AnalyzedDoc> {
    const it = this.docs.values();
    return (function* () {
      for (const e of it) yield e.doc;
    })();
  }

  /** Every multi-word name known to the index. */
  names(): string[] {
    return [...this.nameCounts.keys()];
  }

  /**
   * Source quotes sharing content stems with `stems`, most shared first, excluding document `exclude`.
   * Stems in more than `commonShare` of all quotes are skipped when the quote has rarer ones: they
   * would cost the most and discriminate the least.
   */
  candidates(stems: readonly string[], exclude: string, limit: number, minShared = 1, commonShare = 0.05): Candidate[] {
    const lists = stems
      .map((s) => this.postings.get(s))
      .filter((l): l is number[] => l !== undefined)
      .sort((x, y) => x.length - y.length);
    const cap = Math.max(1000, this.live * commonShare);
    const usable = lists.filter((l, i) => l.length <= cap || i < 2);
    const counts = new Map<number, number>();
    for (const list of usable) for (const slot of list) counts.set(slot, (counts.get(slot) ?? 0) + 1);
    const out: Candidate[] = [];
    for (const [slot, shared] of counts) {
      if (shared < minShared) continue;
      const quote = this.slots[slot];
      if (quote && quote.uri !== exclude) out.push({ quote, shared });
    }
    out.sort((x, y) => y.shared - x.shared || x.quote.uri.localeCompare(y.quote.uri) || x.quote.start - y.quote.start);
    return out.slice(0, limit);
  }

  private compact(): void {
    const remap = new Map<number, number>();
    const slots: AnalyzedQuote[] = [];
    this.slots.forEach((q, i) => {
      if (q) { remap.set(i, slots.length); slots.push(q); }
    });
    const postings = new Map<string, number[]>();
    for (const [stem, list] of this.postings) {
      const kept = list.map((s) => remap.get(s)).filter((s): s is number => s !== undefined);
      if (kept.length) postings.set(stem, kept);
    }
    for (const entry of this.docs.values()) entry.slots = entry.slots.map((s) => remap.get(s)!);
    this.slots = slots;
    this.postings = postings;
  }
}
